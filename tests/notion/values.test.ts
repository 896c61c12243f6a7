// The small pieces the diff stands on: text split into Notion-sized pieces, values compared as
// Notion returns them.
import { describe, expect, it } from 'vitest';
import { MAX_TEXT, PIECE_LENGTH } from '../../notion-sync/index.js';
import { fitOptionName, fitText, toRichText } from '../../notion-sync/text.js';
import { decodeValue, encodeValue, sameIdSet, sameValue } from '../../notion-sync/values.js';

describe('text for Notion', () => {
  it('splits long text into pieces of at most 2,000 characters, never inside an emoji', () => {
    const text = `${'a'.repeat(PIECE_LENGTH - 1)}😀${'b'.repeat(3000)}`;
    const pieces = toRichText(text);
    expect(pieces.map((p) => p.text.content.length)).toEqual([1999, 2000, 1002]);
    expect(pieces[1].text.content.startsWith('😀')).toBe(true);
    expect(pieces.map((p) => p.text.content).join('')).toBe(text);
  });

  it('cuts beyond MAX_TEXT with an ellipsis, and compares against the cut text', () => {
    const text = 'x'.repeat(MAX_TEXT + 500);
    const fitted = fitText(text);
    expect(fitted.length).toBe(MAX_TEXT);
    expect(fitted.endsWith('…')).toBe(true);
    expect(toRichText(text).length).toBe(MAX_TEXT / PIECE_LENGTH);
    expect(sameValue('title', text, fitted)).toBe(true);
  });

  it('writes empty text as no pieces, and reads no pieces as blank', () => {
    expect(encodeValue('rich_text', null)).toEqual({ rich_text: [] });
    expect(decodeValue('rich_text', { id: 'x', type: 'rich_text', rich_text: [] })).toBeNull();
    expect(sameValue('rich_text', '', null)).toBe(true);
  });

  it('makes select names Notion takes: no commas, at most 100 characters', () => {
    expect(fitOptionName(' Waiting,  on legal ')).toBe('Waiting; on legal');
    expect(fitOptionName('y'.repeat(150))).toHaveLength(100);
  });
});

describe('comparing values', () => {
  it('reads text back whatever its formatting pieces', () => {
    const value = decodeValue('title', {
      id: 'title',
      type: 'title',
      title: [{ plain_text: 'Sign 50 ' }, { plain_text: 'accounts' }],
    });
    expect(sameValue('title', 'Sign 50 accounts', value)).toBe(true);
  });

  it('treats a property of another type as different (so it is rewritten after a repair)', () => {
    expect(decodeValue('number', { id: 'a', type: 'rich_text', rich_text: [] })).toBeUndefined();
    expect(sameValue('number', null, undefined)).toBe(false);
  });

  it('compares numbers with a tolerance for floating point, and blanks exactly', () => {
    expect(sameValue('number', 1 / 3, 0.3333333333333333)).toBe(true);
    expect(sameValue('number', 0.4, 0.4 + 1e-12)).toBe(true);
    expect(sameValue('number', 0.4, 0.4001)).toBe(false);
    expect(sameValue('number', 0, null)).toBe(false);
  });

  it('never sends NaN or Infinity (JSON would turn them into null unseen), and takes them as the blank it sends', () => {
    for (const n of [NaN, Infinity, -Infinity]) {
      expect(encodeValue('number', n)).toEqual({ number: null });
      // Otherwise every run would "update" the page to the same blank again.
      expect(sameValue('number', n, null)).toBe(true);
      expect(sameValue('number', n, 3)).toBe(false);
    }
  });

  it('compares dates as Notion returns them, and a date with a time as a change', () => {
    expect(
      sameValue('date', '2026-06-30', decodeValue('date', { id: 'd', type: 'date', date: { start: '2026-06-30' } })),
    ).toBe(true);
    expect(sameValue('date', '2026-06-30', '2026-06-30T09:00:00.000+02:00')).toBe(false);
  });

  it('compares relation targets as sets of ids, dashes or not', () => {
    expect(sameIdSet(['0123456789abcdef0123456789abcdef'], ['01234567-89ab-cdef-0123-456789abcdef'])).toBe(true);
    expect(sameIdSet([], ['01234567-89ab-cdef-0123-456789abcdef'])).toBe(false);
  });
});
