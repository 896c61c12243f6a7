import { elementPattern, formatAttributes, parseAttributes, prefixOf } from './xml.js';

/** Built-in number formats that show a percent ("0%", "0.00%"). */
const BUILTIN_PERCENT_FORMATS = new Set([9, 10]);
const PERCENT_FORMAT_ID = 9;

/**
 * The cell formats (cellXfs) of a workbook's styles part, enough to give the Progress cells a
 * percent format while keeping their font, fill, border and alignment: a cell whose format shows
 * no percent gets a copy of its format with the built-in "0%" number format, added once.
 */
export class CellFormats {
  private readonly prefix: string;
  private readonly formats: string[] = [];
  private readonly percentFormatIds = new Set(BUILTIN_PERCENT_FORMATS);
  private readonly percentOfIndex = new Map<number, number>();
  private readonly added: string[] = [];

  constructor(private readonly xml: string) {
    this.prefix = prefixOf(xml, 'styleSheet') ?? '';
    const p = this.prefix;
    for (const match of xml.matchAll(elementPattern(`${p}numFmt`))) {
      const attributes = parseAttributes(match[1]);
      if (showsPercent(attributes.get('formatCode') ?? ''))
        this.percentFormatIds.add(Number(attributes.get('numFmtId')));
    }
    const cellXfs = elementPattern(`${p}cellXfs`, '').exec(xml);
    if (cellXfs?.[2]) for (const match of cellXfs[2].matchAll(elementPattern(`${p}xf`))) this.formats.push(match[0]);
  }

  get changed(): boolean {
    return this.added.length > 0;
  }

  /** The index of a format like `index` that shows a percent (itself when it already does). */
  percentOf(index: number): number {
    const known = this.percentOfIndex.get(index);
    if (known !== undefined) return known;
    const xf = this.formats[index] ?? this.formats[0];
    if (xf === undefined) return index; // a workbook without cell formats: leave the cell as it is
    let result = index;
    const attributes = parseAttributes(/^<[^>]*?(?=\/?>)/.exec(xf)![0]);
    if (!this.percentFormatIds.has(Number(attributes.get('numFmtId') ?? 0))) {
      attributes.set('numFmtId', String(PERCENT_FORMAT_ID));
      attributes.set('applyNumberFormat', '1');
      const head = `<${this.prefix}xf${formatAttributes(attributes)}`;
      const percent = head + xf.replace(/^<[^>]*?(?=\/?>)/, '');
      // The same percent format added by an earlier write (the Check-ins sheet's, the plan's) is reused.
      const existing = [...this.formats, ...this.added].indexOf(percent);
      result = existing >= 0 ? existing : this.formats.length + this.added.length;
      if (existing < 0) this.added.push(percent);
    }
    this.percentOfIndex.set(index, result);
    return result;
  }

  /** The styles part with the added formats. */
  toXml(): string {
    if (!this.changed) return this.xml;
    const p = this.prefix;
    const total = this.formats.length + this.added.length;
    return this.xml.replace(
      elementPattern(`${p}cellXfs`, ''),
      (_whole, attributes: string, body: string | undefined) => {
        const attrs = parseAttributes(attributes);
        attrs.set('count', String(total));
        return `<${p}cellXfs${formatAttributes(attrs)}>${body ?? ''}${this.added.join('')}</${p}cellXfs>`;
      },
    );
  }
}

/** True when a number format code shows a percent (a % outside quotes and escapes). */
export function showsPercent(formatCode: string): boolean {
  return /%/.test(formatCode.replace(/"[^"]*"|\\./g, ''));
}
