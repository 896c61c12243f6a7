// Excel's _xHHHH_ escapes of cell texts (cli/xlsx/xstring.ts), read and written.
import { describe, expect, it } from 'vitest';
import { decodeXstring, encodeXstring } from '../../cli/xlsx/xstring.js';

describe('ST_Xstring escapes', () => {
  it('reads each escape as its character, in either case of hex, and leaves anything else', () => {
    expect(decodeXstring('ABC_x000D_\nDEF')).toBe('ABC\r\nDEF');
    expect(decodeXstring('_x0041__x0062_')).toBe('Ab');
    expect(decodeXstring('tab_x0009_here_x000d_')).toBe('tab\there\r');
    expect(decodeXstring('_x005F_x000D_')).toBe('_x000D_');
    for (const plain of ['_x000D', 'x000D_', '_x00G0_', '_X000D_', 'snake_case_x', 'plain'])
      expect(decodeXstring(plain)).toBe(plain);
  });

  it('writes a text so that it reads back as it was', () => {
    const texts = ['_x000D_', 'a_x0041_b', '__x0041__', '_x005F_x000D_', 'no escape', '_x_x0041_', 'snake_x12_case'];
    for (const text of texts) expect([text, decodeXstring(encodeXstring(text))]).toEqual([text, text]);
    expect(encodeXstring('plain text')).toBe('plain text');
  });
});
