// Emoji and symbols people put around a status, a percent or a count ("🟡 58%", "🟡 2/28 ✅"):
// a run of pictographs, other symbols (✓ ▶ ☑ …), spaces, variation selectors and joiners.
const SYMBOL_RUN = String.raw`(?:[\p{Extended_Pictographic}\p{So}\s]|\ufe0f|\u200d)+`;

export const LEADING_SYMBOLS = new RegExp(`^${SYMBOL_RUN}`, 'u');
export const TRAILING_SYMBOLS = new RegExp(`${SYMBOL_RUN}$`, 'u');

/** A visible ASCII character: never a symbol, pictograph or space of the runs above. */
const plainAscii = (code: number) => code > 0x20 && code < 0x7f;

/** The text without the symbols before and after it (the regexes run only where an edge may hold one). */
export function withoutEdgeSymbols(text: string): string {
  const head = plainAscii(text.charCodeAt(0)) ? text : text.replace(LEADING_SYMBOLS, '');
  return plainAscii(head.charCodeAt(head.length - 1)) ? head : head.replace(TRAILING_SYMBOLS, '');
}
