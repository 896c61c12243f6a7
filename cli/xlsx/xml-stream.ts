import { StringDecoder } from 'node:string_decoder';
import { PackageError, type XlsxPackage } from './package-read.js';
import { XmlError, XmlTokenizer, type XmlHandler } from './xml-tokens.js';

export type { XmlAttributes, XmlHandler } from './xml-tokens.js';

/** Streams a part of the package through the XML tokenizer into `handler`. */
export async function streamPart(pkg: XlsxPackage, part: string, handler: XmlHandler): Promise<void> {
  const tokenizer = new XmlTokenizer(handler);
  const decoder = new StringDecoder('utf8');
  const notWellFormed = (error: unknown) =>
    error instanceof XmlError ? new PackageError(`its part ${part} is not well-formed XML`) : error;
  let stopped = false;
  try {
    await pkg.stream(part, (chunk) => {
      tokenizer.write(decoder.write(chunk));
      stopped = handler.done?.() ?? false;
      return !stopped;
    });
    if (!stopped) {
      tokenizer.write(decoder.end());
      tokenizer.end();
    }
  } catch (error) {
    throw notWellFormed(error);
  }
}
