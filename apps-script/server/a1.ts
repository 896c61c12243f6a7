/** The rows and columns an A1 reference covers (1-based, inclusive; open ends are Infinity). */
export interface A1Area {
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
}

const A1 = /^\$?([A-Z]*)\$?(\d*)(?::\$?([A-Z]*)\$?(\d*))?$/i;

/** "B5", "B5:C7", "A:C", "5:7", "B5:C" → the area; null for anything else. */
export function parseA1(a1: string): A1Area | null {
  const m = A1.exec(a1.trim());
  if (m === null || (m[1] === '' && m[2] === '')) return null;
  const [, c1, r1, c2, r2] = m;
  const single = c2 === undefined && r2 === undefined;
  return {
    firstRow: r1 === '' ? 1 : Number(r1),
    lastRow: single ? (r1 === '' ? Infinity : Number(r1)) : r2 === '' ? Infinity : Number(r2),
    firstCol: c1 === '' ? 1 : columnNumber(c1),
    lastCol: single ? (c1 === '' ? Infinity : columnNumber(c1)) : c2 === '' ? Infinity : columnNumber(c2),
  };
}

/** "A" → 1, "AA" → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
