// A small streaming XML tokenizer for the parts of a workbook. It exists for speed: a 100,000-row
// sheet is about 40 MB of XML, which saxes takes 1.7 s to walk on its own (htmlparser2 2.7 s,
// sax-wasm 4.9 s once attributes are read); finding each `<` and `>` with indexOf and reading
// attributes into reused arrays takes a fraction of that. It checks what a reader of a damaged
// part must notice (tags that do not match, a document cut short, unknown entities) and leaves
// DTDs unexpanded, as an .xlsx never needs one.

import { AMP, APOSTROPHE, COLON, CR, EQUALS, GT, isSpace, LF, LT, QUOTE, SLASH, TAB } from './xml-chars.js';

/** A part that is not well-formed XML. */
export class XmlError extends Error {}

/**
 * An element's attributes by qualified name; reused from element to element, so read them in
 * `open`. Values are where they lie in the text read: one is copied (and decoded) only when asked
 * for, and `equals`/`number` read it without a copy.
 */
export class XmlAttributes {
  readonly names: string[] = [];
  /** Where each value starts and ends in `source`, the text being read. */
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  /** A value with an entity or a line break, decoded as it was read (else null: it reads as written). */
  readonly decoded: (string | null)[] = [];
  source = '';
  length = 0;

  /** The position of an attribute, or -1. */
  indexOf(name: string): number {
    for (let i = 0; i < this.length; i++) if (this.names[i] === name) return i;
    return -1;
  }

  /** The value of the attribute at `index`, decoded. */
  value(index: number): string {
    return this.decoded[index] ?? this.source.slice(this.starts[index], this.ends[index]);
  }

  get(name: string): string | undefined {
    const i = this.indexOf(name);
    return i < 0 ? undefined : this.value(i);
  }

  /** Is the attribute there with this value? */
  equals(name: string, value: string): boolean {
    const i = this.indexOf(name);
    return i >= 0 && this.valueIs(i, value);
  }

  /** Is the value of the attribute at `index` this one? (Read without a copy.) */
  valueIs(index: number, value: string): boolean {
    const decoded = this.decoded[index];
    if (decoded !== null) return decoded === value;
    const start = this.starts[index];
    return this.ends[index] - start === value.length && this.source.startsWith(value, start);
  }

  /** `Number(value)` of a present, non-empty attribute; undefined when it is absent or empty. */
  number(name: string): number | undefined {
    const i = this.indexOf(name);
    if (i < 0 || this.starts[i] === this.ends[i]) return undefined;
    const start = this.starts[i];
    const end = this.ends[i];
    if (this.decoded[i] === null && end - start <= 9) {
      let n = 0;
      let at = start;
      for (; at < end; at++) {
        const c = this.source.charCodeAt(at);
        if (c < 48 || c > 57) break;
        n = n * 10 + c - 48;
      }
      if (at === end) return n;
    }
    return Number(this.value(i));
  }

  /** The value of the first attribute whose name matches. */
  find(match: (name: string) => boolean): string | undefined {
    for (let i = 0; i < this.length; i++) if (match(this.names[i])) return this.value(i);
    return undefined;
  }

  /** A copy as a plain object (for a reader that keeps attributes). */
  toObject(): Record<string, string> {
    const out: Record<string, string> = {};
    for (let i = 0; i < this.length; i++) out[this.names[i]] = this.value(i);
    return out;
  }

  push(name: string, start: number, end: number, decoded: string | null) {
    this.names[this.length] = name;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.decoded[this.length] = decoded;
    this.length++;
  }
}

/**
 * Names (of elements and attributes) repeat all through a part: each is copied out of the text
 * once and found again by a hash of its characters, not sliced again at every tag.
 */
class NameCache {
  private readonly names: string[] = new Array<string>(NAME_SLOTS).fill('');
  private readonly locals: string[] = new Array<string>(NAME_SLOTS).fill('');

  /** The name written in `s` from `from` to `to` (its `hash`); its local name after a prefix `colon`. */
  name(s: string, from: number, to: number, hash: number): string {
    const slot = hash & (NAME_SLOTS - 1);
    const known = this.names[slot];
    if (known.length === to - from) {
      let at = 0;
      while (at < known.length && known.charCodeAt(at) === s.charCodeAt(from + at)) at++;
      if (at === known.length) return known;
    }
    const name = s.slice(from, to);
    this.names[slot] = name;
    this.locals[slot] = '';
    return name;
  }

  /** The local name of a name `name` returned for this hash: without its prefix. */
  local(name: string, hash: number, colon: number): string {
    const slot = hash & (NAME_SLOTS - 1);
    if (this.names[slot] !== name) return name.slice(colon + 1);
    return this.locals[slot] || (this.locals[slot] = name.slice(colon + 1));
  }
}

const NAME_SLOTS = 1024;

/**
 * What a streamed part's reader hears: elements by their local name (a `x:` or any other prefix
 * dropped, as producers choose their own), attributes by their qualified name.
 */
export interface XmlHandler {
  /** May return a reader that takes over the element's content (see XmlContentReader). */
  open(name: string, attributes: XmlAttributes): void | XmlContentReader;
  close(name: string): void;
  /** Text and CDATA, entities decoded; one run of text may come in several pieces. */
  text(text: string): void;
  /** True once the reader has what it needs: the rest of the part is not read. */
  done?(): boolean;
}

/**
 * Reads an element's content straight from the text instead of through the handler's open, close
 * and text, for speed (a worksheet's rows). It reads what it knows and leaves the rest to the
 * tokenizer, which reads the next token (an element: all of it) through the handler, then calls
 * `read` again.
 */
export interface XmlContentReader {
  /**
   * Reads `s` from `from` and returns where it stopped: at the element's closing tag, at what it
   * leaves to the tokenizer and the handler (a token it does not know, or one that does not end in
   * `s`), or at `s.length` when it has read all of `s`.
   */
  read(s: string, from: number): number;
}

const BYTE_ORDER_MARK = 0xfeff;

/** Returned by a token reader when the token does not end in the text written so far. */
const INCOMPLETE = -1;

export class XmlTokenizer {
  private rest = '';
  private readonly stack: string[] = [];
  /** The open elements' local names, alongside `stack`: a closing tag's is not looked for again. */
  private readonly locals: string[] = [];
  private rootSeen = false;
  /** Some text has been written: a byte order mark is looked for only at the start. */
  private begun = false;
  private readonly attributes = new XmlAttributes();
  private readonly names = new NameCache();
  /** The reader of the content of an open element, and that element's depth in `stack`. */
  private content: XmlContentReader | null = null;
  private contentDepth = 0;

  constructor(private readonly handler: XmlHandler) {}

  /** Reads a piece of the document; a token cut by the end of the piece waits for the next one. */
  write(piece: string): void {
    // A byte order mark opens the parts some .NET writers save; it is not part of the document.
    if (!this.begun && piece !== '') {
      this.begun = true;
      if (piece.charCodeAt(0) === BYTE_ORDER_MARK) piece = piece.slice(1);
    }
    const s = this.rest === '' ? piece : this.rest + piece;
    const n = s.length;
    let pos = 0;
    while (pos < n) {
      if (this.content !== null && this.stack.length === this.contentDepth) {
        pos = this.content.read(s, pos);
        if (pos >= n) break;
      }
      const lt = s.indexOf('<', pos);
      if (lt < 0) {
        // Text to the end of the piece: hand it on, but for an entity or a line break that may be cut.
        const amp = s.lastIndexOf('&');
        let cut = amp >= pos && s.indexOf(';', amp) < 0 ? amp : n;
        if (cut === n && s.charCodeAt(n - 1) === CR) cut = n - 1;
        if (cut > pos) this.textRun(s, pos, cut);
        pos = cut;
        break;
      }
      if (lt > pos) this.textRun(s, pos, lt);
      const next = this.markup(s, lt);
      if (next === INCOMPLETE) {
        pos = lt;
        break;
      }
      pos = next;
    }
    this.rest = pos < n ? s.slice(pos) : '';
  }

  /** The document has ended: it must be complete. */
  end(): void {
    if (this.rest.trim() !== '') throw new XmlError('the document ends inside a tag');
    if (this.stack.length > 0) throw new XmlError(`element ${this.stack[this.stack.length - 1]} is not closed`);
    if (!this.rootSeen) throw new XmlError('the document has no element');
  }

  private textRun(s: string, from: number, to: number) {
    if (this.stack.length === 0) {
      for (let i = from; i < to; i++)
        if (!isSpace(s.charCodeAt(i))) throw new XmlError('text outside the document element');
      return;
    }
    this.handler.text(decodeText(s.slice(from, to)));
  }

  /** Reads the markup at `lt`; returns where it ends, or INCOMPLETE. */
  private markup(s: string, lt: number): number {
    if (lt + 1 >= s.length) return INCOMPLETE;
    const c = s.charCodeAt(lt + 1);
    if (c === SLASH) return this.closeTag(s, lt);
    if (c === 33 /* ! */) return this.declaration(s, lt);
    if (c === 63 /* ? */) {
      const end = s.indexOf('?>', lt + 2);
      return end < 0 ? INCOMPLETE : end + 2;
    }
    return this.openTag(s, lt);
  }

  private closeTag(s: string, lt: number): number {
    const gt = s.indexOf('>', lt + 2);
    if (gt < 0) return INCOMPLETE;
    let end = gt;
    while (end > lt + 2 && isSpace(s.charCodeAt(end - 1))) end--;
    const open = this.stack.pop();
    if (open === undefined || open.length !== end - lt - 2 || !s.startsWith(open, lt + 2)) {
      const name = s.slice(lt + 2, end);
      throw new XmlError(open === undefined ? `</${name}> closes nothing` : `<${open}> is closed by </${name}>`);
    }
    if (this.stack.length < this.contentDepth) this.content = null;
    this.handler.close(this.locals.pop()!);
    return gt + 1;
  }

  private declaration(s: string, lt: number): number {
    if (s.startsWith('!--', lt + 1)) {
      const end = s.indexOf('-->', lt + 4);
      return end < 0 ? INCOMPLETE : end + 3;
    }
    if (s.startsWith('![CDATA[', lt + 1)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) return INCOMPLETE;
      if (this.stack.length === 0) throw new XmlError('CDATA outside the document element');
      if (end > lt + 9) this.handler.text(normaliseLineBreaks(s.slice(lt + 9, end)));
      return end + 3;
    }
    if (s.length < lt + 9) return INCOMPLETE;
    if (!s.startsWith('!DOCTYPE', lt + 1) || this.rootSeen) throw new XmlError('a declaration XML does not allow here');
    // A DOCTYPE is skipped (with its internal subset): its entities are never expanded.
    const gt = s.indexOf('>', lt);
    const bracket = s.indexOf('[', lt);
    if (bracket >= 0 && (gt < 0 || bracket < gt)) {
      const close = s.indexOf(']', bracket);
      if (close < 0) return INCOMPLETE;
      const after = s.indexOf('>', close);
      return after < 0 ? INCOMPLETE : after + 1;
    }
    return gt < 0 ? INCOMPLETE : gt + 1;
  }

  private openTag(s: string, lt: number): number {
    const n = s.length;
    let i = lt + 1;
    let c = 0;
    // The first colon is noted on the way: a prefix is dropped without searching the name again.
    let colon = -1;
    let hash = 0;
    // Name characters are mostly letters, above `>`: one comparison each.
    while (i < n) {
      c = s.charCodeAt(i);
      if (c <= GT) {
        if (isSpace(c) || c === GT || c === SLASH) break;
        if (c === COLON && colon < 0) colon = i;
      }
      hash = (hash * 31 + c) | 0;
      i++;
    }
    if (i >= n) return INCOMPLETE;
    if (i === lt + 1) throw new XmlError('a tag without a name');
    const names = this.names;
    const name = names.name(s, lt + 1, i, hash);
    const local = colon < 0 ? name : names.local(name, hash, colon - lt - 1);
    const attributes = this.attributes;
    attributes.length = 0;
    attributes.source = s;
    let selfClosing = false;
    for (;;) {
      while (i < n && isSpace((c = s.charCodeAt(i)))) i++;
      if (i >= n) return INCOMPLETE;
      if (c === GT) {
        i++;
        break;
      }
      if (c === SLASH) {
        if (i + 1 >= n) return INCOMPLETE;
        if (s.charCodeAt(i + 1) !== GT) throw new XmlError(`a stray / in <${name}>`);
        selfClosing = true;
        i += 2;
        break;
      }
      const start = i;
      let attributeHash = 7;
      while (i < n) {
        c = s.charCodeAt(i);
        if (c <= GT && (c === EQUALS || isSpace(c) || c === GT || c === SLASH)) break;
        attributeHash = (attributeHash * 31 + c) | 0;
        i++;
      }
      if (i >= n) return INCOMPLETE;
      const attribute = names.name(s, start, i, attributeHash);
      while (i < n && isSpace((c = s.charCodeAt(i)))) i++;
      if (i >= n) return INCOMPLETE;
      if (c !== EQUALS) throw new XmlError(`attribute ${attribute} of <${name}> has no value`);
      i++;
      while (i < n && isSpace((c = s.charCodeAt(i)))) i++;
      if (i >= n) return INCOMPLETE;
      if (c !== QUOTE && c !== APOSTROPHE) throw new XmlError(`attribute ${attribute} of <${name}> is not quoted`);
      const quote = c;
      const from = ++i;
      let plain = true;
      while (i < n && (c = s.charCodeAt(i)) !== quote) {
        if (c <= LT && (c === AMP || c === LT || c === TAB || c === LF || c === CR)) plain = false;
        i++;
      }
      if (i >= n) return INCOMPLETE;
      attributes.push(attribute, from, i, plain ? null : attributeValue(s.slice(from, i)));
      i++;
    }
    if (this.stack.length === 0) {
      if (this.rootSeen) throw new XmlError('a second document element');
      this.rootSeen = true;
    }
    const content = this.handler.open(local, attributes);
    if (selfClosing) this.handler.close(local);
    else {
      this.stack.push(name);
      this.locals.push(local);
      if (content) {
        this.content = content;
        this.contentDepth = this.stack.length;
      }
    }
    return i;
  }
}

/** An attribute value as XML reads it: entities decoded, tabs and line breaks as spaces. */
function attributeValue(raw: string): string {
  if (raw.indexOf('<') >= 0) throw new XmlError('a < inside an attribute value');
  const spaced = raw.replace(/\r\n|[\t\n\r]/g, ' ');
  return spaced.indexOf('&') >= 0 ? decodeEntities(spaced) : spaced;
}

const ENTITIES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/**
 * A run of text as XML reads it: line breaks as LF, then entities decoded (so that a CR written as
 * `&#13;` stays a CR, as the standard says, wherever the text was cut into pieces).
 */
export function decodeText(raw: string): string {
  const text = normaliseLineBreaks(raw);
  return text.indexOf('&') >= 0 ? decodeEntities(text) : text;
}

/** CR LF and a lone CR read as LF (XML's end-of-line handling, for text and CDATA sections). */
export function normaliseLineBreaks(raw: string): string {
  return raw.indexOf('\r') >= 0 ? raw.replace(/\r\n?/g, '\n') : raw;
}

/** Decodes the five predefined entities and character references; anything else is an error. */
export function decodeEntities(text: string): string {
  let out = '';
  let from = 0;
  for (let amp = text.indexOf('&'); amp >= 0; amp = text.indexOf('&', from)) {
    const semicolon = text.indexOf(';', amp);
    if (semicolon < 0) throw new XmlError('an & that starts no entity');
    const entity = text.slice(amp + 1, semicolon);
    let decoded = ENTITIES.get(entity);
    if (decoded === undefined) {
      const code = /^#x[0-9a-fA-F]+$/.test(entity)
        ? parseInt(entity.slice(2), 16)
        : /^#[0-9]+$/.test(entity)
          ? parseInt(entity.slice(1), 10)
          : NaN;
      if (!(code >= 1 && code <= 0x10ffff)) throw new XmlError(`unknown entity &${entity};`);
      decoded = String.fromCodePoint(code);
    }
    out += text.slice(from, amp) + decoded;
    from = semicolon + 1;
  }
  return out + text.slice(from);
}
