// Notion's limits on text: one rich text object holds at most 2,000 characters, a property at most
// 100 of them, and a request at most 500 KB. Long cells are split into pieces, and cut (with an
// ellipsis) only beyond MAX_TEXT, so a 10,000-character title arrives whole.

export const PIECE_LENGTH = 2000;
/** The longest text the mirror writes into one property (10 pieces). */
export const MAX_TEXT = 20_000;

export interface RichTextPiece {
  type: 'text';
  text: { content: string };
}

/** The text as the mirror will store it: cut to MAX_TEXT characters, never inside an emoji. */
export function fitText(text: string): string {
  if (text.length <= MAX_TEXT) return text;
  return `${cutAt(text, MAX_TEXT - 1)}…`;
}

/** True when fitText had to cut the text. */
export function isCut(text: string): boolean {
  return text.length > MAX_TEXT;
}

/** Rich text pieces of at most 2,000 UTF-16 units each; surrogate pairs are never split. */
export function toRichText(text: string): RichTextPiece[] {
  const pieces: RichTextPiece[] = [];
  let rest = fitText(text);
  while (rest.length > 0) {
    const piece = cutAt(rest, PIECE_LENGTH);
    pieces.push({ type: 'text', text: { content: piece } });
    rest = rest.slice(piece.length);
  }
  return pieces;
}

/** The first `length` UTF-16 units, one fewer when that would split a surrogate pair. */
function cutAt(text: string, length: number): string {
  if (text.length <= length) return text;
  const last = text.charCodeAt(length - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? length - 1 : length;
  return text.slice(0, end);
}

/** Select option names: no commas (Notion refuses them), at most 100 characters. */
export function fitOptionName(text: string): string {
  const clean = text.replace(/,/g, ';').replace(/\s+/g, ' ').trim();
  return clean.length <= 100 ? clean : `${cutAt(clean, 99)}…`;
}
