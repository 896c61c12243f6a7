// Small helpers for the parts of SpreadsheetML that progress --write edits in place. The parts
// are machine-written XML, so regular expressions over elements without nesting are enough.

export type Attributes = Map<string, string>;

const ATTRIBUTE = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function parseAttributes(text: string): Attributes {
  const attributes: Attributes = new Map();
  for (const match of text.matchAll(ATTRIBUTE)) attributes.set(match[1], decodeXml(match[2] ?? match[3] ?? ''));
  return attributes;
}

export function formatAttributes(attributes: Attributes): string {
  let text = '';
  for (const [name, value] of attributes) text += ` ${name}="${escapeXml(value)}"`;
  return text;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|\w+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ENTITIES[entity] ?? whole;
  });
}

// eslint-disable-next-line no-control-regex -- the characters escapeXml changes or drops
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Escapes text for XML content or a double-quoted attribute; drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  // Most texts (cell references, styles, numbers) need nothing: one test instead of five replaces.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return (
    text
      // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

/** The namespace prefix used for an element of a part ("" or "x:"), found from its first use. */
export function prefixOf(xml: string, localName: string): string | null {
  const match = new RegExp(`<(?:([\\w.-]+):)?${localName}[\\s/>]`).exec(xml);
  if (!match) return null;
  return match[1] ? `${match[1]}:` : '';
}

/** Every `<name …/>` or `<name …>…</name>` element (no nesting of the same name), with its attributes and body. */
export function elementPattern(qualifiedName: string, flags = 'g'): RegExp {
  const name = qualifiedName.replace(/[.]/g, '\\.');
  return new RegExp(`<${name}(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</${name}>)`, flags);
}

/** "AB" → 27 (0-based column index of letters). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * The 0-based column of a cell reference ("AB12" → 27, "$C$4" → 2), or -1 when it is not one;
 * decodeCellRef's rule without a regular expression or an object, as it runs once per cell read.
 * `from`/`to` read the reference where it lies in a larger text (the tokenizer's), without a copy.
 */
export function cellColumn(ref: string, from = 0, to = ref.length): number {
  const n = to;
  let i = ref.charCodeAt(from) === 36 /* $ */ ? from + 1 : from;
  const start = i;
  let col = 0;
  for (let c = ref.charCodeAt(i); i < n; c = ref.charCodeAt(++i)) {
    if (c >= 65 && c <= 90) col = col * 26 + c - 64;
    else if (c >= 97 && c <= 122) col = col * 26 + c - 96;
    else break;
  }
  const letters = i - start;
  if (letters < 1 || letters > 3) return -1;
  if (i < n && ref.charCodeAt(i) === 36) i++;
  if (i >= n) return -1;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
  }
  return col - 1;
}

/** "AB12" → { col: 27, row: 12 }; null when it is not a cell reference. */
export function decodeCellRef(ref: string): { col: number; row: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!match) return null;
  return { col: columnIndex(match[1]), row: Number(match[2]) };
}
