// Status words as plans write them: the seven statuses Cascade knows, their synonyms in English,
// Spanish, German and French, traffic-light words and emoji, camelCase and snake_case forms
// ("atRisk", "off_track"), and a note after the word ("Done — target met", "🟡 58%").
import type { Status } from './types.js';

export const STATUSES: readonly Status[] = [
  'Not started',
  'On track',
  'At risk',
  'Off track',
  'Done',
  'Paused',
  'Dropped',
];

/** Words for each status, lower case and without accents (the text is folded the same way). */
const WORDS: Readonly<Record<Status, readonly string[]>> = {
  'Not started': [
    'not started',
    'not yet started',
    'to do',
    'todo',
    'planned',
    'backlog',
    'open',
    'new',
    'pending',
    'upcoming',
    'queued',
    'no iniciado',
    'sin iniciar',
    'sin empezar',
    'no empezado',
    'por hacer',
    'pendiente',
    'planificado',
    'planeado',
    'nicht begonnen',
    'nicht gestartet',
    'offen',
    'geplant',
    'ausstehend',
    'zu erledigen',
    'pas commence',
    'non commence',
    'non demarre',
    'a faire',
    'planifie',
    'prevu',
    'a venir',
  ],
  'On track': [
    'on track',
    'ontrack',
    'in progress',
    'wip',
    'work in progress',
    'ongoing',
    'started',
    'active',
    'underway',
    'under way',
    'doing',
    'progressing',
    'green',
    'good',
    'en curso',
    'en progreso',
    'en proceso',
    'en marcha',
    'iniciado',
    'encaminado',
    'en camino',
    'verde',
    'in arbeit',
    'in bearbeitung',
    'laufend',
    'lauft',
    'begonnen',
    'im plan',
    'auf kurs',
    'grun',
    'en cours',
    'demarre',
    'commence',
    'en bonne voie',
    'dans les temps',
    'vert',
  ],
  'At risk': [
    'at risk',
    'atrisk',
    'behind',
    'delayed',
    'late',
    'slipping',
    'partial',
    'amber',
    'yellow',
    'orange',
    'needs attention',
    'watch',
    'en riesgo',
    'retrasado',
    'atrasado',
    'con retraso',
    'amarillo',
    'gefahrdet',
    'im verzug',
    'verzogert',
    'verspatet',
    'gelb',
    'a risque',
    'en retard',
    'menace',
    'jaune',
  ],
  'Off track': [
    'off track',
    'offtrack',
    'blocked',
    'stuck',
    'critical',
    'missed',
    'failed',
    'red',
    'fuera de curso',
    'desviado',
    'bloqueado',
    'critico',
    'rojo',
    'blockiert',
    'kritisch',
    'verfehlt',
    'rot',
    'hors piste',
    'bloque',
    'critique',
    'rouge',
  ],
  Done: [
    'done',
    'complete',
    'completed',
    'finished',
    'achieved',
    'closed',
    'delivered',
    'shipped',
    'resolved',
    'met',
    'target met',
    'accomplished',
    'released',
    'launched',
    'hecho',
    'completado',
    'completada',
    'terminado',
    'terminada',
    'finalizado',
    'finalizada',
    'cumplido',
    'cumplida',
    'logrado',
    'lograda',
    'listo',
    'lista',
    'cerrado',
    'entregado',
    'erledigt',
    'fertig',
    'abgeschlossen',
    'erreicht',
    'geliefert',
    'umgesetzt',
    'termine',
    'terminee',
    'fait',
    'faite',
    'fini',
    'finie',
    'acheve',
    'atteint',
    'atteinte',
    'realise',
    'livre',
    'clos',
  ],
  Paused: [
    'paused',
    'on hold',
    'hold',
    'onhold',
    'deferred',
    'postponed',
    'parked',
    'waiting',
    'suspended',
    'en pausa',
    'pausado',
    'en espera',
    'pospuesto',
    'suspendido',
    'pausiert',
    'angehalten',
    'zuruckgestellt',
    'verschoben',
    'wartend',
    'en pause',
    'en attente',
    'suspendu',
    'reporte',
  ],
  Dropped: [
    'dropped',
    'cancelled',
    'canceled',
    'abandoned',
    'descoped',
    "won't do",
    'wont do',
    'rejected',
    'obsolete',
    'killed',
    'cancelado',
    'cancelada',
    'descartado',
    'descartada',
    'abandonado',
    'abgebrochen',
    'storniert',
    'verworfen',
    'gestrichen',
    'eingestellt',
    'annule',
    'annulee',
    'abandonne',
  ],
};

/** Emoji and symbols that say a status on their own ("✅", "🟡 58%"). */
const SYMBOLS: Readonly<Record<string, Status>> = {
  '✅': 'Done',
  '✔': 'Done',
  '☑': 'Done',
  '✓': 'Done',
  '🏁': 'Done',
  '🎉': 'Done',
  '🟢': 'On track',
  '🔵': 'On track',
  '▶': 'On track',
  '🏃': 'On track',
  '🚧': 'On track',
  '🟡': 'At risk',
  '🟠': 'At risk',
  '⚠': 'At risk',
  '🔴': 'Off track',
  '🛑': 'Off track',
  '⛔': 'Off track',
  '🚨': 'Off track',
  '⏸': 'Paused',
  '💤': 'Paused',
  '⚪': 'Not started',
  '⬜': 'Not started',
  '🔲': 'Not started',
  '⏳': 'Not started',
  '🗑': 'Dropped',
  '🚫': 'Dropped',
};

const BY_WORD = new Map<string, Status>();
for (const status of STATUSES) {
  BY_WORD.set(status.toLowerCase(), status);
  for (const word of WORDS[status]) BY_WORD.set(word, status);
}

/** Leading emoji, symbols, variation selectors and joiners. */
const LEADING_SYMBOLS = /^(?:[\p{Extended_Pictographic}\p{So}\u2713\u2714\u2611\u25b6\s]|\ufe0f|\u200d)+/u;
const TRAILING_SYMBOLS = /(?:[\p{Extended_Pictographic}\p{So}\s]|\ufe0f|\u200d)+$/u;
/** A note after the status word: " — target met", " - 3 of 5", ": blocked by legal", " (58%)", " 58%". */
const NOTE = /\s*(?:\s[—–-]\s|[—–:;([]|,\s|\s\d).*$/su;
const ACCENTS = /[\u0300-\u036f]/g;

/** Lower case, accents and ß folded, camelCase and snake_case split, spaces collapsed. */
function fold(text: string): string {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .normalize('NFD')
    .replace(ACCENTS, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[_\s]+|-(?=\S)/g, ' ')
    .replace(/\.$/, '')
    .trim();
}

/**
 * The status a Status cell means; null when blank or not a status Cascade knows (then
 * status/unknown says so). Words win over a symbol ("✅ Done"); a symbol alone is read by its
 * colour ("🟡 58%" is At risk).
 */
export function statusFromText(text: string): Status | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const direct = BY_WORD.get(fold(trimmed));
  if (direct !== undefined) return direct;
  const symbols = LEADING_SYMBOLS.exec(trimmed)?.[0] ?? '';
  const rest = trimmed.slice(symbols.length).replace(TRAILING_SYMBOLS, '');
  const words = fold(rest);
  const fromWords = BY_WORD.get(words) ?? BY_WORD.get(fold(rest.replace(NOTE, '')));
  if (fromWords !== undefined) return fromWords;
  if (symbols === '') return null;
  if (words !== '' && !/^[\d.,\s%/]+$/.test(words)) return null; // "🟡 Pending review": the words say something else
  for (const symbol of symbols) {
    const status = SYMBOLS[symbol];
    if (status !== undefined) return status;
  }
  return null;
}

/** The percent a Status cell shows after its word or symbol ("🟡 58%" → 0.58), or null. */
export function statusPercent(text: string): number | null {
  const m = /(?:^|[\s(])(\d{1,3}(?:[.,]\d+)?)\s*%\)?\s*$/.exec(text);
  return m === null ? null : Number(m[1].replace(',', '.')) / 100;
}
