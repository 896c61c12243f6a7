import type { CellValue, ColumnKey, ColumnMap } from './types.js';

export interface ColumnDef {
  key: ColumnKey;
  /** The header as templates write it. */
  header: string;
  /** Other spellings of the header itself ("Due" for Due date): as sure as the header. */
  aliases: readonly string[];
  /**
   * Other names people give the column, in English, Spanish, German and French (matched ignoring
   * case and accents): read without doubt, but the template's header wins over them.
   */
  names?: readonly string[];
  /**
   * Headers that usually, not always, mean this column ("Date" for Due date): read, but the
   * reading names them as guesses so a manager can check.
   */
  guesses?: readonly string[];
  /**
   * Guesses that name a period, not a day ("Quarter" for Due date): read only where no header
   * says more (a "Date" beside "Quarter" is the Due date, the quarter is the person's column).
   */
  periods?: readonly string[];
  /** Written by the tools, never by hand. */
  computed: boolean;
}

/** Every column the plan knows, in template order. */
export const COLUMNS: readonly ColumnDef[] = [
  {
    key: 'id',
    header: 'ID',
    aliases: [],
    names: [
      'id',
      'identifier',
      'key',
      'ref',
      'reference',
      'code',
      'nº',
      'n°',
      'no.',
      'numero',
      'número',
      'nummer',
      'nr',
      'nr.',
      'identifiant',
      'identificador',
      'código',
      'cle',
      'chave',
    ],
    guesses: ['#', 'no', 'number', 'wbs', 'outline'],
    computed: false,
  },
  {
    key: 'level',
    header: 'Level',
    aliases: [],
    names: [
      'tier',
      'hierarchy',
      'item type',
      'kind',
      'nivel',
      'ebene',
      'stufe',
      'niveau',
      'hierarchie',
      'jerarquía',
      'hiérarchie',
    ],
    computed: false,
  },
  {
    key: 'parent',
    header: 'Parent',
    aliases: ['parent id'],
    names: [
      'parent_id',
      'parent key',
      'aligned to',
      'aligns to',
      'aligned with',
      'contributes to',
      'supports',
      'padre',
      'id padre',
      'elemento padre',
      'übergeordnet',
      'eltern',
      'parent-id',
      'parent item',
      'parent goal',
      'parent objective',
      'parent key result',
      'parent milestone',
      'parent task',
      'parent goals',
      'élément parent',
      'parent (id)',
    ],
    computed: false,
  },
  {
    key: 'title',
    header: 'Title',
    aliases: [],
    names: [
      'name',
      'description',
      'statement',
      'summary',
      'item',
      'item name',
      'task name',
      'titulo',
      'nombre',
      'descripcion',
      'enunciado',
      'titel',
      'bezeichnung',
      'beschreibung',
      'titre',
      'nom',
      'intitule',
      'libelle',
      'énoncé',
      'resume',
      'nome',
      'descricao',
      '标题',
      '名称',
      'タイトル',
      '件名',
      '제목',
    ],
    guesses: ['what', 'text', 'texto', 'details', 'subject'],
    computed: false,
  },
  {
    key: 'owner',
    header: 'Owner',
    aliases: [],
    names: [
      'owners',
      'lead',
      'leader',
      'dri',
      'assignee',
      'assigned to',
      'assigned',
      'responsible',
      'accountable',
      'owner(s)',
      'responsable',
      'responsables',
      'dueño',
      'propietario',
      'encargado',
      'asignado',
      'asignado a',
      'verantwortlich',
      'verantwortliche',
      'verantwortlicher',
      'zuständig',
      'besitzer',
      'eigentümer',
      'propriétaire',
      'porteur',
      'pilote',
      'assigné à',
      'responsavel',
      'responsaveis',
      'dono',
      '负责人',
      '責任者',
      '担当者',
      '담당자',
    ],
    guesses: ['who', 'person', 'team', 'contact', 'equipo', 'équipe'],
    computed: false,
  },
  {
    key: 'type',
    header: 'Type',
    aliases: [],
    names: ['measure type', 'metric type', 'direction', 'tipo', 'typ', 'type de mesure', 'messart'],
    computed: false,
  },
  {
    key: 'start',
    header: 'Start',
    aliases: ['baseline'],
    names: [
      'before',
      'start value',
      'initial value',
      'initial',
      'starting value',
      'valor inicial',
      'línea base',
      'linea de base',
      'línea de base',
      'ausgangswert',
      'startwert',
      'basiswert',
      'valeur initiale',
      'valeur de départ',
      'point de départ',
    ],
    guesses: ['from'],
    computed: false,
  },
  {
    key: 'target',
    header: 'Target',
    aliases: [],
    names: [
      'after',
      'target value',
      'goal value',
      'valor objetivo',
      'meta numérica',
      'zielwert',
      'soll',
      'sollwert',
      'cible',
      'valeur cible',
    ],
    guesses: ['to', 'expected'],
    computed: false,
  },
  {
    key: 'current',
    header: 'Current',
    aliases: [],
    names: [
      'actual',
      'current value',
      'actual value',
      'latest',
      'latest value',
      'now',
      'valor actual',
      'aktuell',
      'aktueller wert',
      'istwert',
      'ist',
      'ist-wert',
      'actuel',
      'valeur actuelle',
      'réalisé',
      'realizado',
    ],
    guesses: ['value', 'result', 'achieved', 'valor', 'wert', 'valeur'],
    computed: false,
  },
  {
    key: 'unit',
    header: 'Unit',
    aliases: [],
    names: ['units', 'unit of measure', 'uom', 'unidad', 'unidades', 'einheit', 'unité'],
    guesses: ['metric', 'measure'],
    computed: false,
  },
  {
    key: 'startDate',
    header: 'Start date',
    aliases: [],
    names: [
      'start on',
      'starts',
      'start day',
      'begin',
      'begins',
      'begin date',
      'fecha de inicio',
      'fecha inicio',
      'inicio',
      'startdatum',
      'beginn',
      'anfang',
      'date de début',
      'début',
      'planned start',
      'planned start date',
      'data de inicio',
      '开始日期',
      '開始日',
      '시작일',
    ],
    computed: false,
  },
  {
    key: 'dueDate',
    header: 'Due date',
    aliases: ['due', 'deadline'],
    names: [
      'target date',
      'end date',
      'due on',
      'due by',
      'finish date',
      'completion date',
      'fecha límite',
      'fecha de entrega',
      'fecha fin',
      'fecha de fin',
      'fecha objetivo',
      'plazo',
      'vencimiento',
      'fällig',
      'fällig am',
      'fälligkeit',
      'fälligkeitsdatum',
      'frist',
      'termin',
      'enddatum',
      'zieldatum',
      'échéance',
      'date limite',
      'date de fin',
      'date cible',
      'date butoir',
      'planned date',
      'plan date',
      'planned end',
      'planned end date',
      'planned finish',
      'scheduled date',
      'data limite',
      'data de entrega',
      'data final',
      'prazo',
      '截止日期',
      '到期日',
      '期限',
      '期日',
      '마감일',
      '기한',
    ],
    guesses: ['date', 'when', 'by', 'end', 'eta', 'fecha', 'datum'],
    periods: [
      'quarter',
      'time period',
      'period',
      'timeline',
      'timeframe',
      'trimestre',
      'quartal',
      'zeitraum',
      'période',
    ],
    computed: false,
  },
  {
    key: 'review',
    header: 'Review',
    aliases: ['review cadence'],
    names: [
      'cadence',
      'check-in cadence',
      'review frequency',
      'frecuencia',
      'revisión',
      'cadencia',
      'überprüfung',
      'rhythmus',
      'turnus',
      'fréquence',
      'revue',
      'cadence de revue',
    ],
    guesses: ['frequency'],
    computed: false,
  },
  {
    key: 'lastCheckIn',
    header: 'Last check-in',
    aliases: ['last check in', 'last checkin'],
    names: [
      'last update',
      'last updated',
      'updated',
      'updated at',
      'updated on',
      'última actualización',
      'ultima revision',
      'última revisión',
      'letzte aktualisierung',
      'aktualisiert',
      'dernière mise à jour',
      'mis à jour',
    ],
    computed: false,
  },
  {
    key: 'status',
    header: 'Status',
    aliases: [],
    names: [
      'state',
      'estado',
      'estatus',
      'zustand',
      'statut',
      'état',
      'stand',
      'situacao',
      '状态',
      '狀態',
      'ステータス',
      '状態',
      '상태',
    ],
    guesses: ['health', 'rag', 'confidence'],
    computed: false,
  },
  {
    key: 'weight',
    header: 'Weight',
    aliases: [],
    names: ['weighting', 'peso', 'ponderación', 'gewicht', 'gewichtung', 'poids', 'pondération'],
    computed: false,
  },
  {
    key: 'progress',
    header: 'Progress',
    aliases: [],
    names: [
      '% complete',
      'percent complete',
      'completion',
      '% done',
      'done %',
      'progress %',
      'avance',
      'progreso',
      '% avance',
      'fortschritt',
      'erfüllung',
      'progression',
      'avancement',
      'progresso',
      '进度',
      '進捗',
      '진행률',
    ],
    computed: true,
  },
  { key: 'pace', header: 'Pace', aliases: ['pace status'], computed: true },
  { key: 'check', header: 'Check', aliases: [], computed: true },
];

/**
 * Headers of a column that groups rows under a heading ("Category" over KPIs, "Theme" over
 * objectives), in English, Spanish, German, French and Portuguese (compared as headers are).
 * Beside a column named for a level, such a column is read as the level above it.
 */
const GROUP_HEADERS: ReadonlySet<string> = new Set(
  [
    'category',
    'theme',
    'pillar',
    'focus area',
    'area',
    'workstream',
    'strategic theme',
    'perspective',
    'categoría',
    'tema',
    'pilar',
    'área',
    'eje',
    'kategorie',
    'thema',
    'themenfeld',
    'säule',
    'bereich',
    'handlungsfeld',
    'catégorie',
    'thème',
    'axe',
    'pilier',
    'domaine',
    'categoria',
    'eixo',
  ].map(normaliseHeader),
);

export function isGroupHeader(header: string): boolean {
  return GROUP_HEADERS.has(normaliseHeader(header));
}

export const REQUIRED_COLUMNS: readonly ColumnKey[] = ['id', 'level', 'title'];

export const COLUMN_BY_KEY: Readonly<Record<ColumnKey, ColumnDef>> = Object.fromEntries(
  COLUMNS.map((c) => [c.key, c]),
) as Record<ColumnKey, ColumnDef>;

/** How sure a header names its column: the template's own header, another name, or a guess. */
export type HeaderMatch = 'header' | 'alias' | 'guess';

const KEY_BY_HEADER = new Map<string, { key: ColumnKey; match: HeaderMatch; rank: number }>();
/** The same headers written without spaces ("duedate", "plandate", "start_date" is already "start date"). */
const KEY_BY_GLUED = new Map<string, { key: ColumnKey; match: HeaderMatch; rank: number }>();
for (const c of COLUMNS) {
  const add = (text: string, match: HeaderMatch, rank: number) => {
    const norm = normaliseHeader(text);
    if (!KEY_BY_HEADER.has(norm)) KEY_BY_HEADER.set(norm, { key: c.key, match, rank });
    const glued = norm.replace(/ /g, '');
    if (!KEY_BY_GLUED.has(glued)) KEY_BY_GLUED.set(glued, { key: c.key, match, rank });
  };
  add(c.header, 'header', 0);
  for (const alias of c.aliases) add(alias, 'alias', 0);
  for (const name of c.names ?? []) add(name, 'alias', 1);
  for (const guess of c.guesses ?? []) add(guess, 'guess', 2);
  for (const period of c.periods ?? []) add(period, 'guess', 3);
}

/**
 * How headers are compared: accents and case dropped, `_` and a camelCase hump as a space
 * ("dueDate" = "due_date" = "due date"), spaces collapsed, a trailing `:` or `*` dropped
 * ("Fecha límite:" = "fecha limite").
 */
export function normaliseHeader(text: string): string {
  return text
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .trim()
    .replace(/\s*[:*]+$/, '');
}

/** A known header read, with how sure the match is. */
export interface HeaderKey {
  key: ColumnKey;
  match: HeaderMatch;
  /** 0: the header or a spelling of it; 1: another name; 2: a guess; 3: a period. The lowest wins. */
  rank: number;
}

/** The column a header cell names, and how sure; null for a column the plan does not know. */
export function headerKeyOf(header: CellValue): HeaderKey | null {
  if (typeof header !== 'string') return null;
  const norm = normaliseHeader(header);
  if (norm === '') return null;
  const found = KEY_BY_HEADER.get(norm) ?? KEY_BY_GLUED.get(norm.replace(/ /g, ''));
  if (found) return found;
  // "Target (%)", "Owner (email)": the note in brackets says nothing about the column.
  const bare = norm.replace(/\s*\([^)]*\)$/, '');
  return bare !== norm && bare !== '' ? (KEY_BY_HEADER.get(bare) ?? null) : null;
}

/** The column key a header cell names, or null for a column the plan does not know. */
export function columnKeyOf(header: CellValue): ColumnKey | null {
  return headerKeyOf(header)?.key ?? null;
}

/** A known column the header names more than once: the one read and the ones ignored. */
export interface DuplicateColumn {
  key: ColumnKey;
  read: number;
  ignored: number[];
}

/**
 * Known columns found in a header row, with the columns named twice. The surest header wins
 * (`Title` or `Due` over `Name` or `Deadline`… no: `Due` and `Due date` are equally sure; `Title`
 * over `Name`; `Name` over the guess `What`), then the first; a surer header beside a less sure
 * one is no duplicate (`Description` notes beside `Title`), two equally sure ones are.
 */
export function matchColumns(header: readonly CellValue[]): {
  columns: ColumnMap;
  matches: Partial<Record<ColumnKey, HeaderMatch>>;
  duplicates: DuplicateColumn[];
} {
  const columns: ColumnMap = {};
  const matches: Partial<Record<ColumnKey, HeaderMatch>> = {};
  const ranks: Partial<Record<ColumnKey, number>> = {};
  const same = new Map<ColumnKey, number[]>();
  header.forEach((cell, index) => {
    const found = headerKeyOf(cell);
    if (found === null) return;
    const { key, match, rank } = found;
    const held = ranks[key];
    if (held === undefined || rank < held) {
      columns[key] = index;
      matches[key] = match;
      ranks[key] = rank;
      same.set(key, [index]);
    } else if (rank === held) {
      same.get(key)!.push(index);
    }
  });
  const duplicates: DuplicateColumn[] = [];
  for (const [key, indices] of same)
    if (indices.length > 1) duplicates.push({ key, read: indices[0], ignored: indices.slice(1) });
  duplicates.sort((a, b) => a.read - b.read);
  return { columns, matches, duplicates };
}

/** Known columns found in a header row (see matchColumns for which of two same columns is read). */
export function mapColumns(header: readonly CellValue[]): ColumnMap {
  return matchColumns(header).columns;
}

/** Known columns named twice or more (`Owner` twice, `Due` beside `Deadline`), in header order. */
export function duplicateColumns(header: readonly CellValue[]): DuplicateColumn[] {
  return matchColumns(header).duplicates;
}

/** True when the header row has every column of the template's own plan (ID, Level, Title). */
export function isPlanHeader(header: readonly CellValue[]): boolean {
  const map = mapColumns(header);
  return REQUIRED_COLUMNS.every((key) => map[key] !== undefined);
}

/** 0 → "A", 26 → "AA". */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
