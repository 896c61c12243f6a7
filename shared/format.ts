// Words and numbers in user-facing text, written one way for the add-on, its sidebar, the command
// and the Notion mirror. Pure: the sidebar imports this file directly.

/** "1 row", "1,200 rows". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${countText(count)} ${count === 1 ? one : many}`;
}

/**
 * A count as `toLocaleString('en-US')` writes it ("1,200"). Whole numbers are grouped here: the
 * checks name a count of days in many findings, and the locale call costs a microsecond each.
 */
export function countText(count: number): string {
  if (!Number.isSafeInteger(count) || Object.is(count, -0)) return count.toLocaleString('en-US');
  const digits = String(Math.abs(count));
  let text = digits.length <= 3 ? digits : '';
  if (text === '') {
    const head = digits.length % 3 || 3;
    text = digits.slice(0, head);
    for (let at = head; at < digits.length; at += 3) text += `,${digits.slice(at, at + 3)}`;
  }
  return count < 0 ? `-${text}` : text;
}

/**
 * The house style for a fraction shown to a person: "58%", whole percents without a space, rounded
 * down so that a key result at 99.9 % never reads as done ("99%", not "100%"), without
 * floating-point noise (0.58 → 58). null (unknown) → "—".
 */
export function percentText(fraction: number | null): string {
  return fraction === null ? '—' : `${Math.floor(fraction * 100 + 1e-9)}%`;
}

const VOWEL = /^[aeiou]/i;

/** "a" or "an" before a word. */
export function article(word: string): string {
  return VOWEL.test(word) ? 'an' : 'a';
}

/** "a Key Result", "an Objective". */
export function withArticle(word: string): string {
  return `${article(word)} ${word}`;
}
