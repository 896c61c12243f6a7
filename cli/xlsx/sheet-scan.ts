// The rows of a worksheet (`<sheetData>`) read straight from the XML text, for speed: a 100,000-row
// sheet is some 2 million elements, and handing each to a handler as events with their attributes
// cost as much as finding them. The scanner reads the rows producers write (cells with r, s and t in
// any order, values, formulas, inline and rich text, phonetic runs, entities, CDATA, any prefix)
// into SheetRows, and leaves a row it does not know, or one the text read so far cuts, whole to
// the tokenizer and readSheet's handler: it reads only what it can read as they would, and refuses
// nothing itself (what is not well-formed is left to the tokenizer, which says so).
import type { CellValue } from '../../shared/index.js';
import type { SheetRows } from './sheet-rows.js';
import { decodeText, normaliseLineBreaks, type XmlContentReader } from './xml-tokens.js';
import { cellColumn } from './xml.js';
import {
  AMP,
  APOSTROPHE,
  BANG,
  COLON,
  CR,
  EQUALS,
  GT,
  isSpace,
  LF,
  LT,
  QUOTE,
  SLASH,
  SPACE,
  TAB,
} from './xml-chars.js';

/** The cell types SpreadsheetML names. */
export const CELL_TYPES = ['str', 's', 'n', 'b', 'e', 'inlineStr', 'd'];

/**
 * The elements readSheet's handler reads: inside a cell's inline text, anything else is skipped
 * (run properties, phonetic properties), and one of these where it is not expected is left to it.
 */
const HANDLED = new Set([
  'sheetData',
  'row',
  'c',
  'v',
  'f',
  'is',
  't',
  'rPh',
  'mergeCell',
  'sheetProtection',
  'protectedRange',
]);

const MINUS = 45;
const DOT = 46;
const LETTER_C = 99;
const LETTER_F = 102;
const LETTER_R = 114;
const LETTER_S = 115;
const LETTER_T = 116;
const LETTER_V = 118;

/** What a reading step returns where the row is left to the tokenizer. */
const LEAVE = -1;

/** Exact powers of ten: a decimal of at most 15 digits is its digits divided by one, rounded once. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

export class SheetDataScanner implements XmlContentReader {
  /** Rows read whole (the others were left to the handler). */
  rowsRead = 0;

  // The tag just read: where its qualified and local names end and start, whether it ends in `/>`.
  private nameEnd = 0;
  private localStart = 0;
  private selfClosing = false;
  // Where the values of its attributes r, s, t and si lie (-1: it has none).
  private rFrom = -1;
  private rTo = -1;
  private sFrom = -1;
  private sTo = -1;
  private tFrom = -1;
  private tTo = -1;
  private siFrom = -1;
  private siTo = -1;

  // The cell being read: its column, and its value's text. A value of one run of text without an
  // entity or a line break is where it lies (no copy is made to read a number or find a known text);
  // any other is decoded and joined in `valueText`.
  private col = -1;
  private hasValue = false;
  /** The cell has an <is>: its value is that text, whatever a <v> beside it holds. */
  private inlineSeen = false;
  private valueRuns = 0;
  private valueFrom = 0;
  private valueTo = 0;
  private valueText: string | null = null;
  private formulaText: string | null = null;
  private shared: string | undefined = undefined;
  // Texts are found by their `<`, without reading each character: where the next `&` and CR are is
  // kept, and looked for again only once passed (-1: not looked for in this text yet).
  private ampersandAt = -1;
  private carriageReturnAt = -1;

  constructor(private readonly rows: SheetRows) {}

  read(s: string, from: number): number {
    const n = s.length;
    this.ampersandAt = this.carriageReturnAt = -1;
    let pos = from;
    for (;;) {
      // A piece ends after a row: not reading past it spares the engine a costly second guess.
      if (pos >= n) return n;
      let c = s.charCodeAt(pos);
      while (isSpace(c)) c = s.charCodeAt(++pos);
      if (pos >= n) return n;
      if (c !== LT) return pos;
      const end = this.row(s, pos);
      if (end === LEAVE) return pos;
      pos = end;
    }
  }

  /** A `<row>` at `lt`, read whole; returns where it ends. */
  private row(s: string, lt: number): number {
    let i = this.tagName(s, lt);
    if (i === LEAVE || this.nameEnd - this.localStart !== 3 || !s.startsWith('row', this.localStart)) return LEAVE;
    const nameLength = this.nameEnd - lt - 1;
    i = this.attributes(s, i);
    if (i === LEAVE) return LEAVE;
    let r: number | undefined;
    if (this.rFrom < this.rTo) {
      r = digits(s, this.rFrom, this.rTo);
      if (r < 0) return LEAVE;
    }
    const rows = this.rows;
    rows.startRow(r);
    this.col = -1;
    if (!this.selfClosing) {
      for (;;) {
        i = skipText(s, i);
        if (i === LEAVE) return this.leaveRow();
        if (s.charCodeAt(i + 1) === SLASH) {
          i = closeTag(s, i, lt + 1, nameLength);
          if (i === LEAVE) return this.leaveRow();
          break;
        }
        i = this.child(s, i);
        if (i === LEAVE) return this.leaveRow();
      }
    }
    rows.endRow();
    this.rowsRead++;
    return i;
  }

  private leaveRow(): number {
    this.rows.abandonRow();
    return LEAVE;
  }

  /** An element in a row: a cell, or one to skip. */
  private child(s: string, lt: number): number {
    const i = this.tagName(s, lt);
    if (i === LEAVE) return LEAVE;
    if (this.nameEnd - this.localStart === 1 && s.charCodeAt(this.localStart) === LETTER_C) return this.cell(s, lt, i);
    return this.skip(s, lt, i, false);
  }

  /** A `<c>` whose name ends at `i`. */
  private cell(s: string, lt: number, i: number): number {
    const nameLength = this.nameEnd - lt - 1;
    i = this.cellAttributes(s, i);
    if (i === LEAVE) return LEAVE;
    const col = this.refColumn >= 0 ? this.refColumn : this.col + 1;
    this.col = col;
    const type = this.tFrom < 0 ? 'n' : cellType(s, this.tFrom, this.tTo);
    if (type === null) return LEAVE;
    let style = 0;
    if (this.sFrom < this.sTo) {
      style = digits(s, this.sFrom, this.sTo);
      if (style < 0) return LEAVE;
    }
    this.hasValue = false;
    this.inlineSeen = false;
    this.valueRuns = 0;
    this.valueFrom = this.valueTo = 0;
    this.valueText = null;
    this.formulaText = null;
    if (!this.selfClosing) {
      for (;;) {
        i = skipText(s, i);
        if (i === LEAVE) return LEAVE;
        if (s.charCodeAt(i + 1) === SLASH) {
          i = closeTag(s, i, lt + 1, nameLength);
          if (i === LEAVE) return LEAVE;
          break;
        }
        i = this.cellChild(s, i);
        if (i === LEAVE) return LEAVE;
      }
    }
    const rows = this.rows;
    if (this.formulaText !== null)
      rows.formula(col, this.formulaText, this.shared, this.hasValue || type === 'inlineStr');
    if (this.hasValue) rows.cell(col, this.value(s, type, style, col));
    return i;
  }

  /** An element in a cell: its value, its formula, its inline text, or one to skip. */
  private cellChild(s: string, lt: number): number {
    let i = this.tagName(s, lt);
    if (i === LEAVE) return LEAVE;
    const local = this.localStart;
    const localLength = this.nameEnd - local;
    const nameLength = this.nameEnd - lt - 1;
    const first = s.charCodeAt(local);
    if (localLength === 1 && first === LETTER_V) {
      if (this.inlineSeen) return LEAVE; // a <v> after an <is>: rare, the handler reads it
      this.hasValue = true;
      // A value's tag seldom has attributes.
      if (s.charCodeAt(i) === GT) return this.text(s, i + 1, lt + 1, nameLength, false);
      i = this.attributes(s, i);
      if (i === LEAVE) return LEAVE;
      return this.selfClosing ? i : this.text(s, i, lt + 1, nameLength, false);
    }
    if (localLength === 1 && first === LETTER_F) {
      i = this.attributes(s, i);
      if (i === LEAVE) return LEAVE;
      const shared = this.tTo - this.tFrom === 6 && s.startsWith('shared', this.tFrom);
      this.shared = shared && this.siFrom >= 0 ? s.slice(this.siFrom, this.siTo) : undefined;
      this.formulaText = '';
      return this.selfClosing ? i : this.text(s, i, lt + 1, nameLength, true);
    }
    if (localLength === 2 && first === 105 /* i */ && s.charCodeAt(local + 1) === LETTER_S) {
      i = this.attributes(s, i);
      if (i === LEAVE) return LEAVE;
      this.hasValue = true;
      this.inlineSeen = true;
      this.valueRuns = 0;
      this.valueFrom = this.valueTo = 0;
      this.valueText = null;
      return this.selfClosing ? i : this.inline(s, i, lt + 1, nameLength);
    }
    return this.skip(s, lt, i, false);
  }

  /**
   * The content of `<is>` or of a rich text run `<r>` (from `i`, up to its closing tag): the text of
   * its `<t>` and of its runs' joined into the value; run and phonetic properties skipped, and
   * phonetic runs `<rPh>` with the text they hold.
   */
  private inline(s: string, i: number, nameStart: number, nameLength: number): number {
    for (;;) {
      i = skipText(s, i);
      if (i === LEAVE) return LEAVE;
      if (s.charCodeAt(i + 1) === SLASH) return closeTag(s, i, nameStart, nameLength);
      const lt = i;
      i = this.tagName(s, lt);
      if (i === LEAVE) return LEAVE;
      const local = this.localStart;
      const localLength = this.nameEnd - local;
      const childLength = this.nameEnd - lt - 1;
      const first = s.charCodeAt(local);
      if (localLength === 1 && (first === LETTER_T || first === LETTER_R)) {
        i = this.attributes(s, i);
        if (i === LEAVE) return LEAVE;
        if (this.selfClosing) continue;
        i = first === LETTER_T ? this.text(s, i, lt + 1, childLength, false) : this.inline(s, i, lt + 1, childLength);
      } else if (localLength === 3 && s.startsWith('rPh', local)) i = this.skip(s, lt, i, true);
      else i = this.skip(s, lt, i, false);
      if (i === LEAVE) return LEAVE;
    }
  }

  /**
   * An element whose content means nothing to the sheet (name read up to `i`), skipped to its end
   * with what it holds; left to the handler if it holds one of the elements the handler reads
   * (a `<t>` is allowed in a phonetic run, whose text the handler does not keep either), or an
   * entity, a comment or a CDATA section.
   */
  private skip(s: string, lt: number, i: number, inPhonetic: boolean): number {
    if (!inPhonetic && HANDLED.has(s.slice(this.localStart, this.nameEnd))) return LEAVE;
    const nameLength = this.nameEnd - lt - 1;
    i = this.attributes(s, i);
    if (i === LEAVE || this.selfClosing) return i;
    for (;;) {
      i = skipText(s, i);
      if (i === LEAVE) return LEAVE;
      if (s.charCodeAt(i + 1) === SLASH) return closeTag(s, i, lt + 1, nameLength);
      const child = i;
      i = this.tagName(s, child);
      if (i === LEAVE) return LEAVE;
      if (inPhonetic && this.nameEnd - this.localStart === 1 && s.charCodeAt(this.localStart) === LETTER_T) {
        const tLength = this.nameEnd - child - 1;
        i = this.attributes(s, i);
        if (i !== LEAVE && !this.selfClosing) {
          i = skipText(s, i);
          if (i !== LEAVE) i = s.charCodeAt(i + 1) === SLASH ? closeTag(s, i, child + 1, tLength) : LEAVE;
        }
      } else i = this.skip(s, child, i, false);
      if (i === LEAVE) return LEAVE;
    }
  }

  /**
   * The text of a `<v>`, `<f>` or `<t>` from `i` up to its closing tag (its qualified name at
   * `nameStart`), runs of text and CDATA sections, into the value or the formula.
   */
  private text(s: string, i: number, nameStart: number, nameLength: number, formula: boolean): number {
    for (;;) {
      const lt = s.indexOf('<', i);
      if (lt < 0) return LEAVE;
      if (lt > i) {
        const plain = this.nextAmpersand(s, i) > lt && this.nextCarriageReturn(s, i) > lt;
        if (plain && !formula && this.valueRuns === 0) {
          this.valueFrom = i;
          this.valueTo = lt;
          this.valueRuns = 1;
        } else this.addText(s, decodeText(s.slice(i, lt)), formula);
      }
      const next = s.charCodeAt(lt + 1);
      if (next === SLASH) return closeTag(s, lt, nameStart, nameLength);
      if (next !== BANG || !s.startsWith('![CDATA[', lt + 1)) return LEAVE;
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) return LEAVE;
      if (end > lt + 9) this.addText(s, normaliseLineBreaks(s.slice(lt + 9, end)), formula);
      i = end + 3;
    }
  }

  /** Where the next `&` from `from` is (s.length: none). */
  private nextAmpersand(s: string, from: number): number {
    if (this.ampersandAt < from) {
      const at = s.indexOf('&', from);
      this.ampersandAt = at < 0 ? s.length : at;
    }
    return this.ampersandAt;
  }

  private nextCarriageReturn(s: string, from: number): number {
    if (this.carriageReturnAt < from) {
      const at = s.indexOf('\r', from);
      this.carriageReturnAt = at < 0 ? s.length : at;
    }
    return this.carriageReturnAt;
  }

  private addText(s: string, text: string, formula: boolean) {
    if (formula) {
      this.formulaText += text;
      return;
    }
    const before = this.valueText ?? (this.valueRuns === 1 ? s.slice(this.valueFrom, this.valueTo) : '');
    this.valueText = before + text;
    this.valueRuns++;
  }

  /** The cell's value as its type reads it: from where its text lies when it is one plain run. */
  private value(s: string, type: string, style: number, col: number): CellValue {
    const rows = this.rows;
    if (this.valueText !== null) return rows.value(type, this.valueText, style, col);
    const from = this.valueFrom;
    const to = this.valueTo;
    switch (type) {
      case 'str':
      case 'inlineStr':
        return rows.stringText(col, s, from, to);
      case 'n': {
        const n = decimal(s, from, to);
        if (n === n) return rows.number(n, style);
        break;
      }
      case 's': {
        const index = from < to ? digits(s, from, to) : -1;
        if (index >= 0) return rows.sharedString(index);
        break;
      }
      case 'b':
        if (to - from === 1 && (s.charCodeAt(from) === 48 || s.charCodeAt(from) === 49))
          return s.charCodeAt(from) === 49;
        break;
    }
    return rows.value(type, s.slice(from, to), style, col);
  }

  /** The column of the cell's `r` (-1: it has none, or it is not a reference). */
  private refColumn = -1;

  /**
   * A cell's attributes (from `i`, after its name) as most producers write them: ` r="B7"` first,
   * then any one-letter attributes (`s`, `t`), each after one space and in double quotes. Anything
   * else is read by attributes(). Returns where the tag ends; notes the column of `r`.
   */
  private cellAttributes(s: string, i: number): number {
    const start = i;
    if (
      s.charCodeAt(i) !== SPACE ||
      s.charCodeAt(i + 1) !== LETTER_R ||
      s.charCodeAt(i + 2) !== EQUALS ||
      s.charCodeAt(i + 3) !== QUOTE
    )
      return this.anyCellAttributes(s, start);
    i += 4;
    const from = i;
    let col = 0;
    let c = s.charCodeAt(i);
    while (c >= 65 && c <= 90) {
      col = col * 26 + c - 64;
      c = s.charCodeAt(++i);
    }
    const letters = i - from;
    const digitsFrom = i;
    while (c >= 48 && c <= 57) c = s.charCodeAt(++i);
    if (c !== QUOTE || letters < 1 || letters > 3 || i === digitsFrom) return this.anyCellAttributes(s, start);
    this.rFrom = from;
    this.rTo = i;
    this.refColumn = col - 1;
    this.sFrom = this.sTo = this.tFrom = this.tTo = this.siFrom = this.siTo = -1;
    const n = s.length;
    i++;
    for (;;) {
      c = s.charCodeAt(i);
      if (c === GT) {
        this.selfClosing = false;
        return i + 1;
      }
      if (c === SLASH && s.charCodeAt(i + 1) === GT) {
        this.selfClosing = true;
        return i + 2;
      }
      const name = s.charCodeAt(i + 1);
      if (
        c !== SPACE ||
        !((name >= 97 && name <= 122) || (name >= 65 && name <= 90)) ||
        s.charCodeAt(i + 2) !== EQUALS ||
        s.charCodeAt(i + 3) !== QUOTE
      )
        return this.anyCellAttributes(s, start);
      i += 4;
      const valueFrom = i;
      for (;;) {
        if (i >= n) return LEAVE;
        c = s.charCodeAt(i);
        if (c === QUOTE) break;
        if (c <= AMP ? c === AMP || c === TAB || c === LF || c === CR : c === LT)
          return this.anyCellAttributes(s, start);
        i++;
      }
      if (name === LETTER_S && this.sFrom < 0) {
        this.sFrom = valueFrom;
        this.sTo = i;
      } else if (name === LETTER_T && this.tFrom < 0) {
        this.tFrom = valueFrom;
        this.tTo = i;
      }
      i++;
    }
  }

  private anyCellAttributes(s: string, i: number): number {
    i = this.attributes(s, i);
    if (i !== LEAVE) this.refColumn = this.rFrom < this.rTo ? cellColumn(s, this.rFrom, this.rTo) : -1;
    return i;
  }

  /**
   * Reads a tag's name from `lt` (`<name`): notes where it ends and where its local name starts;
   * returns where the name ends, or LEAVE (no name, or the text ends).
   */
  private tagName(s: string, lt: number): number {
    const n = s.length;
    let i = lt + 1;
    let local = i;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c <= GT) {
        if (isSpace(c) || c === GT || c === SLASH) break;
        if (c === COLON && local === lt + 1) local = i + 1;
        else if (c === BANG || c === 63 /* ? */) return LEAVE;
      }
    }
    if (i >= n || i === lt + 1) return LEAVE;
    this.nameEnd = i;
    this.localStart = local;
    return i;
  }

  /**
   * Reads a tag's attributes from `i` to its end: notes where r, s, t and si lie (the first of
   * each, as the handler's XmlAttributes finds them); returns where the tag ends, or LEAVE (a value
   * with an entity, a `<` or a line break, which the tokenizer decodes or refuses; anything not
   * well-formed; the end of the text).
   */
  private attributes(s: string, i: number): number {
    const n = s.length;
    this.rFrom = this.rTo = this.sFrom = this.sTo = this.tFrom = this.tTo = this.siFrom = this.siTo = -1;
    for (;;) {
      let c = s.charCodeAt(i);
      while (isSpace(c)) c = s.charCodeAt(++i);
      if (c === GT) {
        this.selfClosing = false;
        return i + 1;
      }
      if (c === SLASH) {
        if (s.charCodeAt(i + 1) !== GT) return LEAVE;
        this.selfClosing = true;
        return i + 2;
      }
      if (i >= n) return LEAVE;
      const start = i;
      while (i < n && !(c <= GT && (c === EQUALS || isSpace(c) || c === GT || c === SLASH))) c = s.charCodeAt(++i);
      const nameLength = i - start;
      while (isSpace(c)) c = s.charCodeAt(++i);
      if (c !== EQUALS) return LEAVE;
      c = s.charCodeAt(++i);
      while (isSpace(c)) c = s.charCodeAt(++i);
      if (c !== QUOTE && c !== APOSTROPHE) return LEAVE;
      const quote = c;
      const from = ++i;
      for (;;) {
        if (i >= n) return LEAVE;
        c = s.charCodeAt(i);
        if (c === quote) break;
        if (c <= AMP ? c === AMP || c === TAB || c === LF || c === CR : c === LT) return LEAVE;
        i++;
      }
      if (nameLength === 1) {
        const name = s.charCodeAt(start);
        if (name === LETTER_R && this.rFrom < 0) {
          this.rFrom = from;
          this.rTo = i;
        } else if (name === LETTER_S && this.sFrom < 0) {
          this.sFrom = from;
          this.sTo = i;
        } else if (name === LETTER_T && this.tFrom < 0) {
          this.tFrom = from;
          this.tTo = i;
        }
      } else if (nameLength === 2 && this.siFrom < 0 && s.startsWith('si', start)) {
        this.siFrom = from;
        this.siTo = i;
      }
      i++;
    }
  }
}

/** From `i`, past text up to the next `<`; LEAVE at an entity (the tokenizer checks it) or the end. */
function skipText(s: string, i: number): number {
  const n = s.length;
  for (;;) {
    if (i >= n) return LEAVE;
    const c = s.charCodeAt(i);
    if (c === LT) return i;
    if (c === AMP) return LEAVE;
    i++;
  }
}

/** The closing tag at `lt` of the element named at `nameStart`; returns where it ends, or LEAVE. */
function closeTag(s: string, lt: number, nameStart: number, nameLength: number): number {
  let i = lt + 2;
  for (let k = 0; k < nameLength; k++) if (s.charCodeAt(i + k) !== s.charCodeAt(nameStart + k)) return LEAVE;
  i += nameLength;
  let c = s.charCodeAt(i);
  while (isSpace(c)) c = s.charCodeAt(++i);
  return c === GT ? i + 1 : LEAVE;
}

/** A cell's type from its `t` (one of CELL_TYPES); null for one SpreadsheetML does not name. */
function cellType(s: string, from: number, to: number): string | null {
  switch (to - from) {
    case 1:
      switch (s.charCodeAt(from)) {
        case LETTER_S:
          return 's';
        case 110:
          return 'n';
        case 98:
          return 'b';
        case 101:
          return 'e';
        case 100:
          return 'd';
      }
      return null;
    case 3:
      return s.startsWith('str', from) ? 'str' : null;
    case 9:
      return s.startsWith('inlineStr', from) ? 'inlineStr' : null;
  }
  return null;
}

/** The number written in digits only (at most 9), or -1. */
function digits(s: string, from: number, to: number): number {
  if (to - from > 9) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + c - 48;
  }
  return n;
}

/**
 * A decimal written plainly (`-12.5`, at most 15 significant digits) read as Number() reads it,
 * without a copy; NaN for any other (an exponent, spaces), which Number() then reads.
 */
function decimal(s: string, from: number, to: number): number {
  let i = from;
  const negative = s.charCodeAt(i) === MINUS;
  if (negative) i++;
  let m = 0;
  let digitCount = 0;
  let dot = -1;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + c - 48;
      digitCount++;
    } else if (c === DOT && dot < 0) dot = i;
    else return NaN;
  }
  if (digitCount === 0 || m > Number.MAX_SAFE_INTEGER) return NaN;
  const scale = dot < 0 ? 0 : to - dot - 1;
  if (scale > 22) return NaN;
  const n = scale === 0 ? m : m / POWERS_OF_TEN[scale];
  return negative ? -n : n;
}
