import { columnLetter } from '../../shared/index.js';
import { columnIndex } from './xml.js';

const MAX_COLUMNS = 16384;
const MAX_ROWS = 1048576;
const CELL_REF = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_.(![])/;
const IDENTIFIER = /^[A-Za-z0-9_.\\$]+/;

/**
 * A formula moved by `rows` and `columns`, as a spreadsheet moves a copied formula: relative
 * A1 references shift, `$` parts stay. Text in quotes, quoted sheet names and structured
 * references ([…]) are left as they are. Used to turn a shared formula into plain formulas.
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = closingQuote(formula, i);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '[') {
      const end = closingBracket(formula, i);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    const previous = i > 0 ? formula[i - 1] : '';
    if (/[A-Za-z$_\\]/.test(ch) && !/[A-Za-z0-9_.]/.test(previous)) {
      const rest = formula.slice(i);
      const ref = CELL_REF.exec(rest);
      if (ref && columnIndex(ref[2]) < MAX_COLUMNS && Number(ref[4]) <= MAX_ROWS) {
        out += shiftRef(ref, rows, columns);
        i += ref[0].length;
        continue;
      }
      const word = IDENTIFIER.exec(rest)![0];
      out += word;
      i += word.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function shiftRef(ref: RegExpExecArray, rows: number, columns: number): string {
  const [, colDollar, letters, rowDollar, digits] = ref;
  const col = colDollar ? columnIndex(letters) : columnIndex(letters) + columns;
  const row = rowDollar ? Number(digits) : Number(digits) + rows;
  if (col < 0 || row < 1) return '#REF!';
  return `${colDollar}${columnLetter(col)}${rowDollar}${row}`;
}

/** Index just past the quote that closes the one at `start` (a doubled quote is part of the text). */
function closingQuote(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}

function closingBracket(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '[') depth++;
    else if (text[i] === ']' && --depth === 0) return i + 1;
  }
  return text.length;
}
