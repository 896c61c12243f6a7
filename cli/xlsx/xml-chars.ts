// The characters the XML readers (the tokenizer and the sheet scanner) look for, by code.
export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const BANG = 33;
export const QUOTE = 34;
export const AMP = 38;
export const APOSTROPHE = 39;
export const SLASH = 47;
export const COLON = 58;
export const LT = 60;
export const EQUALS = 61;
export const GT = 62;

/** XML's white space: space, tab, line feed, carriage return. */
export function isSpace(c: number): boolean {
  return c <= SPACE && (c === SPACE || c === LF || c === TAB || c === CR);
}
