// Which databases and properties are Cascade's, with no local state: every property Cascade
// creates carries a tag at the end of its description naming what it mirrors, the plan and the
// level, "(cascade:owner;plan=okr-plan;level=Key%20Result)". A database whose properties carry this
// plan's tag is this plan's database for that level, whatever its title and wherever it sits on the
// page (one property deleted or retyped by hand does not lose it). A database without it is never written.
// Property descriptions show only when a person hovers over a column's name, and survive renames,
// moves, icons and duplicates; they are the part of the schema a person is least likely to rewrite.

/** The plan a mirror belongs to: a stable key, and a short name for titles and messages. */
export interface PlanIdentity {
  /** A file's plan key (the file's name unless set), or the add-on's spreadsheet id and sheet id. */
  key: string;
  /** Shown in a title when the level's own is taken ("Tasks (okr-plan)"); the key when absent. */
  name?: string;
}

const TAG = /\(cascade:([^()]*)\)\s*$/;

/** The tag of a property description, or null for a property Cascade did not create. */
export function tagOf(description: string | null | undefined): string | null {
  const match = TAG.exec(description ?? '');
  return match ? match[1] : null;
}

/** The key part of a tag: "owner", "id", "parent=Objective". */
export function tagKey(tag: string): string {
  return tag.split(';')[0];
}

function tagField(tag: string, field: string): string | null {
  for (const part of tag.split(';').slice(1)) {
    const [name, value] = part.split('=');
    if (name === field && value !== undefined) return decodeURIComponent(value);
  }
  return null;
}

/** The plan and level a property's tag names. */
export function ownerOf(tag: string | null): { plan: string; level: string } | null {
  if (tag === null) return null;
  const plan = tagField(tag, 'plan');
  const level = tagField(tag, 'level');
  return plan !== null && level !== null ? { plan, level } : null;
}

export interface Owner {
  plan: PlanIdentity;
  level: string;
}

/** A property's description: a line for people, then the tag. */
export function describe(text: string, key: string, owner: Owner): string {
  return `${text} (cascade:${key};plan=${encodeURIComponent(owner.plan.key)};level=${encodeURIComponent(owner.level)})`;
}

/** A plan key given by a person: trimmed, one line; long spreadsheet ids fit. */
export function checkPlanKey(key: string): string | null {
  const clean = key.trim();
  if (clean === '') return 'the plan key is blank';
  if (clean.length > 150) return 'the plan key is longer than 150 characters';
  if (/[\r\n()]/.test(clean)) return 'the plan key may not hold line breaks or brackets';
  return null;
}
