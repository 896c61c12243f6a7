// Rich text: requests are checked against Notion's limits (2,000 characters per text object,
// 100 objects per array); responses carry annotations and plain_text as Notion's do.
import { bodyInvalid } from './errors.js';

export interface StoredText {
  content: string;
  link: string | null;
  annotations: Annotations;
}

export interface Annotations {
  bold: boolean;
  italic: boolean;
  strikethrough: boolean;
  underline: boolean;
  code: boolean;
  color: string;
}

const PLAIN: Annotations = {
  bold: false,
  italic: false,
  strikethrough: false,
  underline: false,
  code: false,
  color: 'default',
};
const ANNOTATION_KEYS = new Set(Object.keys(PLAIN));

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseRichText(value: unknown, path: string): StoredText[] {
  if (!Array.isArray(value)) throw bodyInvalid(path, 'an array', value);
  if (value.length > 100) throw bodyInvalid(`${path}.length`, '≤ `100`', value.length);
  return value.map((item, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(item)) throw bodyInvalid(at, 'an object', item);
    if (item.type !== undefined && item.type !== 'text')
      throw bodyInvalid(`${at}.type`, '`"text"` (the emulator supports text only)', item.type);
    const text = item.text;
    if (!isObject(text)) throw bodyInvalid(`${at}.text`, 'defined', text);
    if (typeof text.content !== 'string') throw bodyInvalid(`${at}.text.content`, 'a string', text.content);
    if (text.content.length > 2000) throw bodyInvalid(`${at}.text.content.length`, '≤ `2000`', text.content.length);
    let link: string | null = null;
    if (text.link !== undefined && text.link !== null) {
      if (!isObject(text.link) || typeof text.link.url !== 'string')
        throw bodyInvalid(`${at}.text.link.url`, 'a string', text.link);
      link = text.link.url;
    }
    const annotations = { ...PLAIN };
    if (item.annotations !== undefined) {
      if (!isObject(item.annotations)) throw bodyInvalid(`${at}.annotations`, 'an object', item.annotations);
      for (const [key, v] of Object.entries(item.annotations)) {
        if (!ANNOTATION_KEYS.has(key)) throw bodyInvalid(`${at}.annotations.${key}`, 'not present', v);
        (annotations as unknown as Record<string, unknown>)[key] = v;
      }
    }
    return { content: text.content, link, annotations };
  });
}

export function richTextResponse(texts: readonly StoredText[]): unknown[] {
  return texts.map((t) => ({
    type: 'text',
    text: { content: t.content, link: t.link === null ? null : { url: t.link } },
    annotations: { ...t.annotations },
    plain_text: t.content,
    href: t.link,
  }));
}

export function plainText(texts: readonly StoredText[]): string {
  return texts.map((t) => t.content).join('');
}

export function textOf(content: string): StoredText[] {
  return content === '' ? [] : [{ content, link: null, annotations: { ...PLAIN } }];
}
