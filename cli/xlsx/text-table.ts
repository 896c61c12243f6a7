import { detached, MAX_KEPT, SHORT_TEXT } from '../files/intern.js';

/** After this many texts kept, stop looking texts up if fewer than half were found kept (a column of IDs). */
const GIVE_UP_AFTER = 4096;

/**
 * Short texts repeat down a column of a plan (levels, statuses, owners): each is kept once. A text
 * is looked up by its characters where they lie in the XML being read, so a text seen before costs
 * no copy at all; a new one is kept as a copy of its own (a slice would keep the XML alive).
 * The interner of the CSV reader (files/intern.ts), found by characters instead of by a string, and
 * giving up on a column whose texts do not repeat.
 */
export class TextTable {
  private texts: (string | undefined)[] = new Array<string | undefined>(64);
  private hashes = new Int32Array(64);
  private size = 0;
  private found = 0;
  private lookingUp = true;

  /** The text `s` holds from `from` to `to`. */
  fromRange(s: string, from: number, to: number): string {
    const length = to - from;
    if (length > SHORT_TEXT || !this.lookingUp) return detached(s.slice(from, to));
    let hash = 0;
    for (let i = from; i < to; i++) hash = (Math.imul(hash, 31) + s.charCodeAt(i)) | 0;
    const mask = this.texts.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const known = this.texts[slot];
      if (known === undefined) break;
      if (this.hashes[slot] === hash && known.length === length && sameCharacters(known, s, from)) {
        this.found++;
        return known;
      }
    }
    return this.keep(detached(s.slice(from, to)), hash);
  }

  private keep(text: string, hash: number): string {
    if (this.size >= MAX_KEPT) return text;
    if ((this.size + 1) * 2 > this.texts.length) this.grow();
    const mask = this.texts.length - 1;
    let slot = hash & mask;
    while (this.texts[slot] !== undefined) slot = (slot + 1) & mask;
    this.texts[slot] = text;
    this.hashes[slot] = hash;
    this.size++;
    if (this.size >= GIVE_UP_AFTER && this.found < this.size) {
      this.lookingUp = false;
      this.texts = [];
      this.hashes = new Int32Array(0);
    }
    return text;
  }

  private grow() {
    const texts = this.texts;
    const hashes = this.hashes;
    this.texts = new Array<string | undefined>(texts.length * 2);
    this.hashes = new Int32Array(texts.length * 2);
    const mask = this.texts.length - 1;
    for (let i = 0; i < texts.length; i++) {
      const text = texts[i];
      if (text === undefined) continue;
      let slot = hashes[i] & mask;
      while (this.texts[slot] !== undefined) slot = (slot + 1) & mask;
      this.texts[slot] = text;
      this.hashes[slot] = hashes[i];
    }
  }
}

function sameCharacters(known: string, s: string, from: number): boolean {
  for (let i = 0; i < known.length; i++) if (known.charCodeAt(i) !== s.charCodeAt(from + i)) return false;
  return true;
}
