// The reader's XML tokenizer against saxes, a conforming XML parser: the same elements,
// attributes and text on every part of every producer's workbook, however the part is cut into
// pieces; and a damaged part is refused.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import type { XlsxPackage } from '../../cli/xlsx/package-read.js';
import { streamPart } from '../../cli/xlsx/xml-stream.js';
import { XmlError, XmlTokenizer, type XmlAttributes } from '../../cli/xlsx/xml-tokens.js';
import { ROOT } from './helpers.js';

type Event = ['open', string, Record<string, string>] | ['close', string] | ['text', string];

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** Text runs joined, so that how a parser splits text does not matter. */
function push(events: Event[], event: Event) {
  const last = events[events.length - 1];
  if (event[0] === 'text' && last?.[0] === 'text') last[1] += event[1];
  else events.push(event);
}

function saxesEvents(xml: string): Event[] {
  const events: Event[] = [];
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) =>
    push(events, ['open', localName(tag.name), { ...(tag.attributes as Record<string, string>) }]),
  );
  parser.on('closetag', (tag) => push(events, ['close', localName(tag.name)]));
  parser.on('text', (text) => push(events, ['text', text]));
  parser.on('cdata', (text) => push(events, ['text', text]));
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(xml).close();
  return events.filter((e, i) => !(e[0] === 'text' && (i === 0 || i === events.length - 1) && e[1].trim() === ''));
}

/**
 * The attributes as a plain object; the readers that read a value where it lies (get, equals,
 * number) must say the same, else the object gets a key saxes never gives.
 */
function attributesOf(a: XmlAttributes): Record<string, string> {
  const object = a.toObject();
  for (const [name, value] of Object.entries(object)) {
    const agree =
      a.get(name) === value &&
      a.equals(name, value) &&
      !a.equals(name, `${value}0`) &&
      Object.is(a.number(name), value === '' ? undefined : Number(value));
    if (!agree) object[`readers disagree on ${name}`] = value;
  }
  if (a.get('no-such-attribute') !== undefined || a.number('no-such-attribute') !== undefined)
    object['readers invent an attribute'] = '';
  return object;
}

function tokenizerEvents(pieces: string[]): Event[] {
  const events: Event[] = [];
  const tokenizer = new XmlTokenizer({
    open: (name, a) => push(events, ['open', name, attributesOf(a)]),
    close: (name) => push(events, ['close', name]),
    text: (text) => push(events, ['text', text]),
  });
  for (const piece of pieces) tokenizer.write(piece);
  tokenizer.end();
  return events;
}

/** What streamPart hears of a part whose bytes arrive in pieces of `size`. */
async function streamedEvents(bytes: Buffer, size: number): Promise<Event[]> {
  const events: Event[] = [];
  const pkg = {
    stream: async (_part: string, onChunk: (chunk: Buffer) => boolean | void) => {
      for (let at = 0; at < bytes.length; at += size) onChunk(bytes.subarray(at, at + size));
    },
  } as unknown as XlsxPackage;
  await streamPart(pkg, 'xl/worksheets/sheet1.xml', {
    open: (name, a) => push(events, ['open', name, attributesOf(a)]),
    close: (name) => push(events, ['close', name]),
    text: (text) => push(events, ['text', text]),
  });
  return events;
}

function cut(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  return pieces;
}

async function workbooks(): Promise<string[]> {
  const dirs = [join(ROOT, 'tests/fixtures/producers'), join(ROOT, 'examples')];
  const files: string[] = [];
  for (const dir of dirs)
    for (const name of await readdir(dir)) if (name.endsWith('.xlsx')) files.push(join(dir, name));
  return files;
}

describe('the XML tokenizer hears what saxes hears', () => {
  it('on every XML part of every producer workbook and example, whole and in pieces', async () => {
    let parts = 0;
    for (const file of await workbooks()) {
      const zip = await JSZip.loadAsync(await readFile(file));
      for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
        const xml = await zip.file(name)!.async('string');
        const expected = saxesEvents(xml);
        expect([file, name, tokenizerEvents([xml])]).toEqual([file, name, expected]);
        expect([file, name, tokenizerEvents(cut(xml, 7))]).toEqual([file, name, expected]);
        parts++;
      }
    }
    expect(parts).toBeGreaterThan(50);
  });

  it('on entities, CDATA, comments, processing instructions, prefixes and odd attribute values, cut anywhere', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- a comment > with a bracket -->' +
      '<x:worksheet xmlns:x="urn:x" a=\'single "quoted"\' b="1 &gt; 0 &amp; &#x41;&#66;" c="line\nbreak\ttab">' +
      '<x:sheetData><x:row r="1" spans=" 1:3" ht="12.5" s="007" e="" big="12345678901"><x:c r="A1" t="inlineStr"><x:is><x:t xml:space="preserve"> Fish &amp; chips\r\n&lt;b&gt; é ✓ 😀</x:t></x:is></x:c>' +
      '<x:c r="B1"><x:f>SUM(A1:A2)&gt;0</x:f><x:v>1</x:v></x:c><x:c r="C1" t="str"><x:v><![CDATA[<raw> & text]]></x:v></x:c>' +
      '<?pi inside?><x:c r="D1" /><x:c r="E1"></x:c ></x:row></x:sheetData></x:worksheet>\n';
    const expected = saxesEvents(xml);
    for (let size = 1; size <= xml.length; size++)
      expect([size, tokenizerEvents(cut(xml, size))]).toEqual([size, expected]);
  });

  it('line breaks: CR LF and a lone CR read as LF, a CR written as &#13; stays a CR, wherever the text is cut', () => {
    const xml = '<a><b>crlf\r\nlone\rref&#13;\nmixed&#13;&#10;\r</b><c><![CDATA[in\r\ncdata\r]]></c></a>';
    const expected = saxesEvents(xml);
    expect(expected).toContainEqual(['text', 'crlf\nlone\nref\r\nmixed\r\n\n']);
    for (let size = 1; size <= xml.length; size++)
      expect([size, tokenizerEvents(cut(xml, size))]).toEqual([size, expected]);
  });

  it('through streamPart, whose pieces end after a `>`, on bytes cut anywhere (inside a character too)', async () => {
    const xml =
      '<?xml version="1.0"?><!-- a > in a comment --><x:worksheet xmlns:x="urn:x" a="é > ✓"><x:sheetData><x:row r="1">' +
      '<x:c r="A1" t="inlineStr"><x:is><x:t>😀 é ✓ a long text without a bracket é é é é</x:t></x:is></x:c>' +
      '<x:c r="B1" t="str"><x:v><![CDATA[<raw> > ✓]]></x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const expected = saxesEvents(xml);
    const bytes = Buffer.from(xml, 'utf8');
    for (let size = 1; size <= bytes.length; size++) {
      expect([size, await streamedEvents(bytes, size)]).toEqual([size, expected]);
    }
  });

  it('a byte order mark before the document is not part of it, wherever the bytes are cut; anywhere else it is text', async () => {
    const xml = '<?xml version="1.0"?><a x="1"><b>é ✓</b></a>';
    const expected = saxesEvents(xml);
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml, 'utf8')]);
    for (let size = 1; size <= bytes.length; size++) {
      expect([size, await streamedEvents(bytes, size)]).toEqual([size, expected]);
    }
    expect(tokenizerEvents(['<a>\uFEFF</a>'])).toContainEqual(['text', '\uFEFF']);
    for (const late of ['\uFEFF\uFEFF<a/>', '<a/>\uFEFF', ' \uFEFF<a/>'])
      expect(() => tokenizerEvents([late]), JSON.stringify(late)).toThrow(XmlError);
  });

  it('refuses a part that is not well-formed', () => {
    const bad = [
      '<a><b></a></b>',
      '<a><b>',
      '<a>text',
      '<a x="1></a>',
      '<a>&nope;</a>',
      '<a>fish & chips</a>',
      '<a/><b/>',
      '<a x=1/>',
      '</a>',
      '',
      'text<a/>',
    ];
    for (const xml of bad) expect(() => tokenizerEvents(cut(xml, 3)), xml).toThrow(XmlError);
    for (const xml of bad) expect(() => tokenizerEvents([xml]), xml).toThrow(XmlError);
  });
});
