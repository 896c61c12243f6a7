/** The note that says where a plan ends, when rows below it are left out (both file kinds). */
export function endNote(
  path: string,
  sheet: string | undefined,
  end: { lastRow: number; next: { row: number; text: string } },
): string {
  const where = sheet === undefined ? path : `${path}, sheet "${sheet}"`;
  const what = end.next.text
    ? ` ("${end.next.text.length > 40 ? `${end.next.text.slice(0, 39)}…` : end.next.text}")`
    : '';
  return `${where}: the plan ends at row ${end.lastRow}; row ${end.next.row}${what} and the rows below it, after a blank row and without ID or Level, are not part of it.`;
}
