// Reading an Owner cell: one person, a placeholder, a team, or several people.
import { memoise } from '../../memo.js';
import { isSpreadsheetError } from '../text.js';

/** Owners that hold a place for a person who has not been named. */
const PLACEHOLDER =
  /^(?:tbd|tba|tbc|todo|to do|n\/?a|none|nobody|no one|noone|unassigned|unknown|someone|somebody|anyone|x+|\?+|-+|[—–.…]+)$/i;

/** Departments and other group names that are a team when they are the whole Owner. */
const DEPARTMENTS = new Set([
  'accounting',
  'admin',
  'administration',
  'analytics',
  'backend',
  'bd',
  'bizdev',
  'board',
  'brand',
  'business development',
  'c-suite',
  'communications',
  'community',
  'compliance',
  'comms',
  'content',
  'customer service',
  'customer success',
  'customer support',
  'cx',
  'data',
  'data science',
  'design',
  'dev',
  'devops',
  'devrel',
  'eng',
  'engineering',
  'exec',
  'executives',
  'execs',
  'facilities',
  'finance',
  'frontend',
  'growth',
  'help desk',
  'helpdesk',
  'hr',
  'human resources',
  'infosec',
  'infra',
  'infrastructure',
  'it',
  'leadership',
  'legal',
  'logistics',
  'management',
  'manufacturing',
  'marketing',
  'mobile',
  'operations',
  'ops',
  'payroll',
  'people',
  'people ops',
  'platform',
  'pr',
  'procurement',
  'product',
  'production',
  'purchasing',
  'qa',
  'quality',
  'r&d',
  'recruiting',
  'research',
  'revops',
  'risk',
  'sales',
  'security',
  'service desk',
  'sre',
  'staff',
  'supply chain',
  'support',
  'talent',
  'training',
  'ux',
  'web',
]);
/** Words that always name a group ("the platform squad", "Sales Dept"). */
const GROUP_WORD =
  /(?:^|[^\p{L}])(?:team|teams|squad|squads|department|departments|dept|depts|committee|crew|group|division|guild|tribe|everyone|everybody)(?![\p{L}])/iu;
/** "all", "all of us", "all sales reps", "whole team", "us". */
const EVERYONE = /^(?:(?:all|whole|entire|every)(?:\s|$)|us$|we$)/i;
const LEADING_THE = /^the\s+/i;
/** Mailbox names of a group (sales@…, team@…, all@…). */
const GROUP_MAILBOX = new Set(['all', 'everyone', 'team', 'info', 'hello', 'contact', 'office', 'staff']);
const EMAIL = /^[^\s@]+@([^\s@]+)$/;
/** Between two people: , ; / & | + or "and" (a lone "+" inside an email is not one). */
const SEPARATOR = /\s*(?:[,;/&|]|\s\+\s|\sand\s)\s*/i;

export type OwnerProblem =
  { kind: 'placeholder' } | { kind: 'error' } | { kind: 'team' } | { kind: 'several'; first: string };

/** What is wrong with a non-blank Owner, or null when it names one person (each text read once). */
export const ownerProblem: (owner: string) => OwnerProblem | null = memoise(readOwner);

function readOwner(owner: string): OwnerProblem | null {
  const text = owner.trim();
  if (isSpreadsheetError(text)) return { kind: 'error' };
  if (PLACEHOLDER.test(text)) return { kind: 'placeholder' };
  const email = EMAIL.exec(text);
  if (email !== null) {
    const mailbox = text.slice(0, text.length - email[1].length - 1).toLowerCase();
    return DEPARTMENTS.has(mailbox) || GROUP_MAILBOX.has(mailbox) ? { kind: 'team' } : null;
  }
  const people = text.split(SEPARATOR).filter((part) => part !== '');
  if (people.some(isGroupName) || isGroupName(text)) return { kind: 'team' }; // "Sales/Marketing" is teams
  return people.length > 1 ? { kind: 'several', first: people[0] } : null;
}

function isGroupName(text: string): boolean {
  const name = text.toLowerCase().replace(LEADING_THE, '').replace(/\s+/g, ' ');
  return DEPARTMENTS.has(name) || GROUP_WORD.test(name) || EVERYONE.test(name);
}
