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
 * Words in a title. Tokens without a letter or digit (emoji, dashes) do not count; a run of
 * Chinese or Japanese characters, written without spaces, counts one word per two characters.
 */
export function wordCount(title: string, atLeast = Infinity): number {
  let count = 0;
  for (const token of title.split(/\s+/)) {
    if (!WORD.test(token)) continue;
    const cjk = token.match(CJK);
    count += cjk === null ? 1 : Math.max(1, Math.ceil(cjk.length / 2));
    if (count >= atLeast) break;
  }
  return count;
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
