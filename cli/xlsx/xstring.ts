// Excel writes a character XML cannot hold (a carriage return, a control character) in a cell's
// text as `_xHHHH_`, its UTF-16 code in hex, and a text that really holds such a run with its
// underscore escaped (`_x005F_x000D_`): ECMA-376 Part 1, 22.9.2.19 (ST_Xstring). Shared strings,
// inline strings and formula texts are written so.

const ESCAPED = /_x([0-9A-Fa-f]{4})_/g;

/** A cell text as Excel wrote it, its `_xHHHH_` escapes read. */
export function decodeXstring(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(ESCAPED, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A cell text to write: a run that would read as an escape keeps its underscore escaped. */
export function encodeXstring(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_');
}
