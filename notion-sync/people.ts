// Owner (person): the workspace members a plan's written Owner names, matched by email or by exact
// name (each part of "Tom Baker, mei@acme.com" on its own), read from the users list once per run.
import type { NotionUser } from './api.js';
import type { MirrorRow } from './types.js';
import { peopleValue } from './values.js';

/** The members an Owner cell names; none when it names no member (the text stays in Owner). */
export function membersNamed(owner: string | null, people: readonly NotionUser[]): string[] {
  if (owner === null) return [];
  const found: string[] = [];
  for (const part of owner.split(/[,;]|\band\b|&/)) {
    const wanted = part.trim();
    if (wanted === '') continue;
    const email = wanted.toLowerCase();
    const member =
      people.find((u) => u.person?.email !== undefined && u.person.email.toLowerCase() === email) ??
      people.find((u) => u.name?.trim() === wanted);
    if (member && !found.includes(member.id)) found.push(member.id);
  }
  return found;
}

/** Sets each row's Owner (person) from its Owner and the workspace's people (bots never match). */
export function fillOwnerPeople(rows: readonly MirrorRow[], users: readonly NotionUser[]): void {
  const people = users.filter((u) => u.type === 'person');
  for (const row of rows) {
    row.values.ownerPerson = peopleValue(
      membersNamed(typeof row.values.owner === 'string' ? row.values.owner : null, people),
    );
  }
}
