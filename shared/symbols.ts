// Emoji and symbols people put around a status, a percent or a count ("🟡 58%", "🟡 2/28 ✅"):
// a run of pictographs, other symbols (✓ ▶ ☑ …), spaces, variation selectors and joiners.
const SYMBOL_RUN = String.raw`(?:[\p{Extended_Pictographic}\p{So}\s]|\ufe0f|\u200d)+`;

export const LEADING_SYMBOLS = new RegExp(`^${SYMBOL_RUN}`, 'u');
export const TRAILING_SYMBOLS = new RegExp(`${SYMBOL_RUN}$`, 'u');

/** The text without the symbols before and after it. */
export function withoutEdgeSymbols(text: string): string {
  return text.replace(LEADING_SYMBOLS, '').replace(TRAILING_SYMBOLS, '');
}
