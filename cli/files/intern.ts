import type { CellValue } from '../../shared/index.js';

/**
 * Short texts repeat down a plan (levels, statuses, owners, dates): each is kept once, which on a
 * 1,000,000-row plan saves hundreds of megabytes of copies.
 */
export function interner(): (cell: CellValue) => CellValue {
  const seen = new Map<string, string>();
  return (cell) => {
    if (typeof cell !== 'string' || cell.length > 24) return cell;
    const known = seen.get(cell);
    if (known !== undefined) return known;
    if (seen.size < 65536) seen.set(cell, cell);
    return cell;
  };
}
