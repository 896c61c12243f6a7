import { describe, expect, it } from 'vitest';
import { check, one } from './helpers.js';
import { OKR_KR, OKR_O, OKR_T } from './plans.js';

describe('messages', () => {
  it('quote a title typed over several lines (Alt+Enter) on one line', () => {
    const f = one(
      check([OKR_O, { ...OKR_KR, owner: '', title: 'Raise NPS\nfrom 30\tto 45  ' }, OKR_T]),
      'owner/missing',
      'KR1',
    );
    expect(f.message).toBe('Key Result "Raise NPS from 30 to 45" has no Owner.');
  });
});
