import type { CellValue } from '../../shared/index.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A row or column count that reaches the last row or column holding data. */
export const TO_LAST = -1;

/**
 * The cells of a rectangle in one call: Sheet.getSheetValues is getRange(…).getValues() without
 * the Range. A count of TO_LAST reaches the last row or column with data. Where there is no data
 * to reach (an empty sheet, no rows under a header), Sheets refuses the empty rectangle: that is
 * checked with the sheet's size and gives []; any other failure is thrown as it is.
 */
export function sheetValues(sheet: Sheet, row: number, col: number, rows: number, cols: number): CellValue[][] {
  try {
    return sheet.getSheetValues(row, col, rows, cols) as CellValue[][];
  } catch (error) {
    const empty = (rows === TO_LAST && sheet.getLastRow() < row) || (cols === TO_LAST && sheet.getLastColumn() < col);
    if (empty) return [];
    throw error;
  }
}
