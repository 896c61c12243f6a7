// Reading a title's wording: vague words, activity verbs, word counts. Regexes are compiled once.
import { memoise } from '../memo.js';

/**
 * Words that sound like a goal but say nothing measurable. "Increase", "reduce" and "grow" are not
 * here: "Reduce customer churn" is a fine outcome statement (seed 000); without a number such a
 * row is caught by measurable/no-metric where a number is required.
 */
const VAGUE =
  /(?:^|[^\p{L}\p{N}])(improv(?:e|es|ed|ing|ement|ements)|enhanc(?:e|es|ed|ing|ement)|better|optimi[sz](?:e|es|ed|ing|ation)|maximi[sz](?:e|es|ed|ing)|minimi[sz](?:e|es|ed|ing)|boost(?:s|ed|ing)?|strengthen(?:s|ed|ing)?|streamline(?:s|d)?|streamlining|work(?:s|ing)? on|as soon as possible|asap|as much as possible|look(?:s|ing)? into|focus(?:es|ed|ing)? on|try(?:ing)? to|more|world[- ]class|best[- ]in[- ]class|various|etc)(?![\p{L}\p{N}])/iu;

/**
 * The first vague word or phrase of a title, as the user wrote it; null when there is none. Tasks
 * repeat their titles down a large plan ("Weekly sync"): each title is matched once.
 */
export const vagueWording = memoise((title: string): string | null => {
  const match = VAGUE.exec(title);
  return match === null ? null : match[1];
});

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
      (code === 0xa0 ||
        code === 0x1680 ||
        (code >= 0x2000 && code <= 0x200a) ||
        code === 0x2028 ||
        code === 0x2029 ||
        code === 0x202f ||
        code === 0x205f ||
        code === 0x3000 ||
        code === 0xfeff))
  );
}

/** Verbs that open a to-do rather than a result ("Conduct surveys", "Launch the website"). */
const ACTIVITY_VERBS = [
  'analyse',
  'analyze',
  'arrange',
  'assess',
  'attend',
  'audit',
  'book',
  'brainstorm',
  'build',
  'buy',
  'call',
  'clean',
  'collect',
  'compile',
  'complete',
  'conduct',
  'configure',
  'contact',
  'coordinate',
  'create',
  'define',
  'deliver',
  'deploy',
  'design',
  'develop',
  'discuss',
  'do',
  'document',
  'draft',
  'email',
  'evaluate',
  'explore',
  'finalise',
  'finalize',
  'finish',
  'fix',
  'gather',
  'hire',
  'hold',
  'host',
  'identify',
  'implement',
  'install',
  'integrate',
  'interview',
  'introduce',
  'investigate',
  'invite',
  'launch',
  'learn',
  'make',
  'map',
  'meet',
  'migrate',
  'monitor',
  'negotiate',
  'onboard',
  'order',
  'organise',
  'organize',
  'outline',
  'plan',
  'post',
  'prepare',
  'present',
  'produce',
  'prototype',
  'publish',
  'read',
  'record',
  'recruit',
  'redesign',
  'refactor',
  'release',
  'research',
  'review',
  'rewrite',
  'run',
  'schedule',
  'send',
  'setup',
  'ship',
  'start',
  'study',
  'submit',
  'survey',
  'test',
  'track',
  'train',
  'update',
  'upgrade',
  'write',
];
/** Two-word openings: "set up CI", "roll out the new pricing". */
const ACTIVITY_PHRASES = [
  'set up',
  'roll out',
  'kick off',
  'follow up',
  'reach out',
  'sign up',
  'carry out',
  'put together',
];

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

/** Activity verbs of Spanish and French titles, in the infinitive a task list uses ("Realizar encuestas"). */
const OTHER_OPENINGS = [
  // Spanish
  'realizar',
  'implementar',
  'lanzar',
  'crear',
  'diseñar',
  'desarrollar',
  'organizar',
  'preparar',
  'escribir',
  'redactar',
  'contratar',
  'migrar',
  'revisar',
  'analizar',
  'definir',
  'documentar',
  'publicar',
  'enviar',
  'hacer',
  'construir',
  'configurar',
  'instalar',
  'integrar',
  'investigar',
  'entrevistar',
  'planificar',
  'programar',
  'probar',
  'actualizar',
  'capacitar',
  'presentar',
  'elaborar',
  'montar',
  'evaluar',
  'auditar',
  'coordinar',
  'identificar',
  'mapear',
  'llevar a cabo',
  'poner en marcha',
  // French
  'réaliser',
  'implémenter',
  'lancer',
  'créer',
  'concevoir',
  'développer',
  'organiser',
  'préparer',
  'rédiger',
  'écrire',
  'recruter',
  'embaucher',
  'migrer',
  'analyser',
  'définir',
  'documenter',
  'publier',
  'envoyer',
  'faire',
  'construire',
  'configurer',
  'installer',
  'intégrer',
  'planifier',
  'tester',
  'former',
  'présenter',
  'élaborer',
  'évaluer',
  'auditer',
  'coordonner',
  'identifier',
  'cartographier',
  'conduire',
  'mener',
  'mettre en place',
  'mettre en œuvre',
  'mettre à jour',
];
/** German task titles end with the infinitive ("Kundenumfragen durchführen", "Designsystem einführen"). */
const GERMAN_CLOSINGS = new Set([
  'durchführen',
  'einführen',
  'implementieren',
  'starten',
  'launchen',
  'erstellen',
  'entwickeln',
  'gestalten',
  'entwerfen',
  'organisieren',
  'vorbereiten',
  'schreiben',
  'verfassen',
  'einstellen',
  'rekrutieren',
  'migrieren',
  'analysieren',
  'definieren',
  'dokumentieren',
  'veröffentlichen',
  'versenden',
  'bauen',
  'aufbauen',
  'konfigurieren',
  'installieren',
  'integrieren',
  'planen',
  'testen',
  'aktualisieren',
  'schulen',
  'präsentieren',
  'erarbeiten',
  'bewerten',
  'auditieren',
  'koordinieren',
  'identifizieren',
  'umsetzen',
  'aufsetzen',
  'überarbeiten',
  'abschließen',
  'durchführen.',
]);
for (const verb of OTHER_OPENINGS) ACTIVITY.add(verb);
for (const verb of GERMAN_CLOSINGS) ACTIVITY.add(verb);

/**
 * A word that states a result, a participle or a state ("implemented", "implementado",
 * "eingeführt", "déployé", "live"): when the title's verb is one of these, its first word is a
 * noun ("Design system implementado", "Test coverage reached"), not an order to do something.
 */
const RESULT_WORD =
  /^(?:\p{L}{3,}[^e\s]ed|\p{L}{3,}(?:ado|ada|ados|adas|ido|ida|idos|idas)|ge\p{L}{3,}(?:t|en)|\p{L}+(?:ein|um|ab|auf|aus|an|vor|durch|zu|fest|her)ge\p{L}{2,}(?:t|en)|\p{L}{4,}iert|\p{L}{3,}(?:é|ée|és|ées)|done|built|run|made|written|live|complete|finished|hecho|listo|lista|puesto|abierto|escrito|fertig|produktiv|fini|finie|mis|mise|en place|in place)$/iu;
/** What may follow a result word: the end, a preposition, a number or a date. */
const AFTER_RESULT = new Set([
  'in',
  'on',
  'at',
  'by',
  'for',
  'across',
  'to',
  'with',
  'within',
  'before',
  'until',
  'company-wide',
  'everywhere',
  'en',
  'para',
  'por',
  'a',
  'al',
  'con',
  'antes',
  'hasta',
  'bis',
  'für',
  'im',
  'am',
  'zum',
  'zur',
  'mit',
  'vor',
  'à',
  'au',
  'aux',
  'dans',
  'pour',
  'sur',
  'de',
  'del',
  'avec',
  'avant',
  "d'ici",
]);
const WORDS = /[\p{L}\p{N}'’-]+/gu;

/** True when a title states its result with a participle or a state word after its subject. */
function statesResult(words: readonly string[]): boolean {
  for (let i = 1; i < words.length; i++) {
    if (!RESULT_WORD.test(words[i])) continue;
    const next = words[i + 1];
    if (next === undefined || AFTER_RESULT.has(next.toLowerCase()) || /^\d/.test(next)) return true;
  }
  return false;
}

/**
 * The activity verb a title opens with ("Conduct", "Setting up", "Realizar", "Mettre en place"),
 * or a German title closes with ("… durchführen"); null when there is none, or when the title's
 * verb is a result ("Design system implementado": "Design" is a noun there).
 */
export function activityOpening(title: string): string | null {
  const words = title.match(WORDS);
  if (words === null) return null;
  if (statesResult(words)) return null;
  const start = words[0].toLowerCase() === 'to' && words.length > 1 ? 1 : 0;
  for (const length of [3, 2, 1]) {
    if (start + length > words.length) continue;
    const phrase = words.slice(start, start + length).join(' ');
    if (ACTIVITY.has(phrase.toLowerCase())) return phrase;
  }
  const last = words[words.length - 1];
  if (words.length > 1 && GERMAN_CLOSINGS.has(last.toLowerCase())) return last;
  return null;
}
