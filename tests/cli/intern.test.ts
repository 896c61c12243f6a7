// The CSV reader keeps each repeated short text once and long texts as copies of their own.
import { describe, expect, it } from 'vitest';
import { detached, interner } from '../../cli/files/intern.js';

describe('interner', () => {
  const fileText = 'ID,Title\nT1,Run the spring webinar series for every customer segment\n';
  const slice = (from: string) =>
    fileText.slice(fileText.indexOf(from), fileText.indexOf('\n', fileText.indexOf(from)));

  it('gives back every text as it was, short or long, detached or not', () => {
    for (const options of [{}, { detach: true }, { detach: true, maxLength: 64 }]) {
      const intern = interner(options);
      const long = slice('Run the');
      expect(intern(long)).toBe('Run the spring webinar series for every customer segment');
      expect(intern('On track')).toBe('On track');
      expect(intern(null)).toBeNull();
      expect(intern(42)).toBe(42);
    }
  });

  it('detached: the same characters for texts long enough to be slices', () => {
    expect(detached('short')).toBe('short');
    const long = slice('Run the');
    expect(detached(long)).toBe(long);
    expect(detached(long).length).toBe(long.length);
  });
});
