// Reading a title's wording: vague words, activity verbs, word counts. Regexes are compiled once.

/**
 * Words that sound like a goal but say nothing measurable. "Increase", "reduce" and "grow" are not
 * here: "Reduce customer churn" is a fine outcome statement (seed 000); without a number such a
 * row is caught by measurable/no-metric where a number is required.
 */
const VAGUE =
  /(?:^|[^\p{L}\p{N}])(improv(?:e|es|ed|ing|ement|ements)|enhanc(?:e|es|ed|ing|ement)|better|optimi[sz](?:e|es|ed|ing|ation)|maximi[sz](?:e|es|ed|ing)|minimi[sz](?:e|es|ed|ing)|boost(?:s|ed|ing)?|strengthen(?:s|ed|ing)?|streamline(?:s|d)?|streamlining|work(?:s|ing)? on|as soon as possible|asap|as much as possible|look(?:s|ing)? into|focus(?:es|ed|ing)? on|try(?:ing)? to|more|world[- ]class|best[- ]in[- ]class|various|etc)(?![\p{L}\p{N}])/iu;

/** The first vague word or phrase of a title, as the user wrote it; null when there is none. */
export function vagueWording(title: string): string | null {
  const match = VAGUE.exec(title);
  return match === null ? null : match[1];
}

const WORD = /[\p{L}\p{N}]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/**
 * Words in a title, counted up to `atLeast`. Tokens without a letter or digit (emoji, dashes) do
 * not count; a run of Chinese or Japanese characters, written without spaces, counts one word per
 * two characters. Scans characters rather than splitting: titles are checked on every row.
 */
export function wordCount(title: string, atLeast = Infinity): number {
  let count = 0;
  let i = 0;
  const n = title.length;
  while (i < n && count < atLeast) {
    while (i < n && isSpace(title.charCodeAt(i))) i++;
    const start = i;
    let ascii = true;
    let alphanumeric = false;
    while (i < n) {
      const code = title.charCodeAt(i);
      if (isSpace(code)) break;
      if (code >= 0x80) ascii = false;
      else if ((code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122)) alphanumeric = true;
      i++;
    }
    if (i > start) count += ascii ? (alphanumeric ? 1 : 0) : unicodeTokenWords(title.slice(start, i));
  }
  return count;
}

function unicodeTokenWords(token: string): number {
  if (!WORD.test(token)) return 0;
  const cjk = token.match(CJK);
  return cjk === null ? 1 : Math.max(1, Math.ceil(cjk.length / 2));
}

function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    (code >= 0x80 &&
      (code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
        code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff))
  );
}

/** Verbs that open a to-do rather than a result ("Conduct surveys", "Launch the website"). */
const ACTIVITY_VERBS = [
  'analyse', 'analyze', 'arrange', 'assess', 'attend', 'audit', 'book', 'brainstorm', 'build', 'buy', 'call',
  'clean', 'collect', 'compile', 'complete', 'conduct', 'configure', 'contact', 'coordinate', 'create', 'define',
  'deliver', 'deploy', 'design', 'develop', 'discuss', 'do', 'document', 'draft', 'email', 'evaluate', 'explore',
  'finalise', 'finalize', 'finish', 'fix', 'gather', 'hire', 'hold', 'host', 'identify', 'implement', 'install',
  'integrate', 'interview', 'introduce', 'investigate', 'invite', 'launch', 'learn', 'make', 'map', 'meet',
  'migrate', 'monitor', 'negotiate', 'onboard', 'order', 'organise', 'organize', 'outline', 'plan', 'post',
  'prepare', 'present', 'produce', 'prototype', 'publish', 'read', 'record', 'recruit', 'redesign', 'refactor',
  'release', 'research', 'review', 'rewrite', 'run', 'schedule', 'send', 'setup', 'ship', 'start', 'study',
  'submit', 'survey', 'test', 'track', 'train', 'update', 'upgrade', 'write',
];
/** Two-word openings: "set up CI", "roll out the new pricing". */
const ACTIVITY_PHRASES = ['set up', 'roll out', 'kick off', 'follow up', 'reach out', 'sign up', 'carry out', 'put together'];

const ACTIVITY = buildActivityForms();

/** Every form a title may open with: the verb and its -ing ("Conducting surveys"). */
function buildActivityForms(): Set<string> {
  const forms = new Set<string>();
  const add = (verb: string): void => {
    forms.add(verb);
    forms.add(ingForm(verb));
  };
  ACTIVITY_VERBS.forEach(add);
  for (const phrase of ACTIVITY_PHRASES) {
    const [verb, particle] = phrase.split(' ');
    forms.add(phrase);
    forms.add(`${ingForm(verb)} ${particle}`);
  }
  return forms;
}

function ingForm(verb: string): string {
  if (/[^aeiou]e$/.test(verb) && verb !== 'be') return `${verb.slice(0, -1)}ing`; // write → writing
  if (/^(?:[^aeiou]*[aeiou][bdgmnprt])$/.test(verb) && !/w$|x$|y$/.test(verb)) return `${verb}${verb.slice(-1)}ing`; // run → running
  return `${verb}ing`;
}

const OPENING = /^[^\p{L}]*(?:to\s+)?(\p{L}+)(?:\s+(\p{L}+))?/iu;

/** The activity verb a title opens with ("Conduct", "Setting up"), or null. */
export function activityOpening(title: string): string | null {
  const match = OPENING.exec(title);
  if (match === null) return null;
  const first = match[1].toLowerCase();
  if (match[2] !== undefined) {
    const phrase = `${first} ${match[2].toLowerCase()}`;
    if (ACTIVITY.has(phrase)) return `${match[1]} ${match[2]}`;
  }
  return ACTIVITY.has(first) ? match[1] : null;
}
