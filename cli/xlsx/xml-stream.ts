import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import { PackageError, type XlsxPackage } from './package-read.js';

/**
 * What a streamed part's reader hears: elements by their local name (a `x:` or any other prefix
 * dropped, as producers choose their own), attributes by their qualified name.
 */
export interface XmlHandler {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
  /** True once the reader has what it needs: the rest of the part is not inflated. */
  done?(): boolean;
}

const BATCH = 256 * 1024;

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Streams a part of the package through a SAX parser into `handler`. */
export async function streamPart(pkg: XlsxPackage, part: string, handler: XmlHandler): Promise<void> {
  const parser = new SaxesParser({ position: false });
  let failure: unknown = null;
  parser.on('opentag', (tag) => handler.open(localName(tag.name), tag.attributes as Record<string, string>));
  parser.on('closetag', (tag) => handler.close(localName(tag.name)));
  parser.on('text', (text) => handler.text(text));
  parser.on('cdata', (text) => handler.text(text));
  parser.on('error', (error) => {
    failure ??= error;
  });
  const decoder = new StringDecoder('utf8');
  // The parser is fastest on large pieces: inflated chunks (16 KB) are gathered first.
  let pending: Buffer[] = [];
  let size = 0;
  const flush = () => {
    parser.write(decoder.write(pending.length === 1 ? pending[0] : Buffer.concat(pending)));
    pending = [];
    size = 0;
    if (failure) throw new PackageError(`its part ${part} is not well-formed XML`);
  };
  await pkg.stream(part, (chunk) => {
    pending.push(chunk);
    size += chunk.length;
    if (size < BATCH) return true;
    flush();
    return !handler.done?.();
  });
  if (size > 0) flush();
  if (!handler.done?.()) {
    parser.write(decoder.end());
    parser.close();
    if (failure) throw new PackageError(`its part ${part} is not well-formed XML`);
  }
}
