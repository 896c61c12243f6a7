import { StringDecoder } from 'node:string_decoder';
import { PackageError, type XlsxPackage } from './package-read.js';
import { XmlError, XmlTokenizer, type XmlHandler } from './xml-tokens.js';

const GT = 0x3e; // >

export type { XmlAttributes, XmlHandler } from './xml-tokens.js';

/** Streams a part of the package through the XML tokenizer into `handler`. */
export async function streamPart(pkg: XlsxPackage, part: string, handler: XmlHandler): Promise<void> {
  const tokenizer = new XmlTokenizer(handler);
  const decoder = new StringDecoder('utf8');
  const notWellFormed = (error: unknown) =>
    error instanceof XmlError ? new PackageError(`its part ${part} is not well-formed XML`) : error;
  let stopped = false;
  try {
    // Each piece handed to the tokenizer ends just after a `>` (a byte UTF-8 never uses inside a
    // character), the bytes after it wait for the next chunk: the tokenizer then seldom keeps a cut
    // tag to join to the next piece, and a joined (cons) string costs every charCodeAt on it an
    // indirection, a third of the tokenizer's time on a large sheet.
    let pending: Buffer | null = null;
    // The bytes kept and the next chunk are joined in one buffer used again and again: a new one
    // for each chunk (Buffer.concat) is memory outside the heap that V8 collects garbage for.
    let joined = Buffer.alloc(0);
    const join = (head: Buffer, tail: Buffer): Buffer => {
      const length = head.length + tail.length;
      if (joined.length < length) joined = Buffer.allocUnsafe(Math.max(length, joined.length * 2));
      head.copy(joined, 0);
      tail.copy(joined, head.length);
      return joined.subarray(0, length);
    };
    await pkg.stream(part, (bytes) => {
      const chunk: Buffer = pending === null ? bytes : join(pending, bytes);
      const gt = chunk.lastIndexOf(GT);
      if (gt < 0) {
        pending = null;
        tokenizer.write(decoder.write(chunk));
      } else {
        pending = gt + 1 < chunk.length ? Buffer.from(chunk.subarray(gt + 1)) : null;
        tokenizer.write(decoder.write(chunk.subarray(0, gt + 1)));
      }
      stopped = handler.done?.() ?? false;
      return !stopped;
    });
    if (!stopped) {
      if (pending !== null) tokenizer.write(decoder.write(pending));
      tokenizer.write(decoder.end());
      tokenizer.end();
    }
  } catch (error) {
    throw notWellFormed(error);
  }
}
