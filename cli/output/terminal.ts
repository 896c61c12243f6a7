import picocolors from 'picocolors';
import stringWidth from 'string-width';

export type Colors = ReturnType<typeof picocolors.createColors>;

/** Colours for a stream: on a terminal only, honouring NO_COLOR and FORCE_COLOR (as picocolors does). */
export function colorsFor(stream: NodeJS.WriteStream): Colors {
  const env = process.env;
  const enabled = !('NO_COLOR' in env) && ('FORCE_COLOR' in env || (stream.isTTY === true && env.TERM !== 'dumb'));
  return picocolors.createColors(enabled);
}

/** Width available for a line: the terminal's, or a fixed width when the output is a file or a pipe. */
export function lineWidth(stream: NodeJS.WriteStream, fallback = 120): number {
  return stream.isTTY && stream.columns ? stream.columns : fallback;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Display width in terminal columns (emoji and wide characters count 2). */
export function widthOf(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Text cut to `width` columns with an ellipsis, never splitting an emoji; newlines become spaces. */
export function truncate(text: string, width: number): string {
  if (text.length <= width && isPlainLine(text)) return text;
  const flat = text.replace(/\s+/g, ' ').trim();
  if (widthOf(flat) <= width) return flat;
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(flat)) {
    const w = stringWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

/** Printable ASCII without line breaks, tabs, or spaces at the ends or doubled: flat, and as wide as it is long. */
function isPlainLine(text: string): boolean {
  const n = text.length;
  if (n > 0 && (text.charCodeAt(0) === 32 || text.charCodeAt(n - 1) === 32)) return false;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code > 0x7e || (code === 32 && text.charCodeAt(i + 1) === 32)) return false;
  }
  return true;
}

/** Pads with spaces to `width` columns (right-aligned with align 'right'). */
export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const gap = Math.max(0, width - widthOf(text));
  return align === 'left' ? text + ' '.repeat(gap) : ' '.repeat(gap) + text;
}

/** A bar of `width` cells for a fraction 0..1. */
export function bar(value: number | null, width: number): string {
  if (value === null) return ' '.repeat(width);
  const filled = Math.round(Math.max(0, Math.min(1, value)) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}
