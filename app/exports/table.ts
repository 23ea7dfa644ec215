/**
 * A table to export, and its CSV form for Swedish Excel: UTF-8 with a byte-order mark (so å, ä, ö
 * open right), semicolons (Excel in Swedish reads comma as the decimal sign), CRLF line ends, and
 * quoting where a value holds a semicolon, a quote or a line break.
 */
export type Cell = string | number | null;

export interface ExportTable {
  /** The sheet's name in the XLSX file (at most 31 characters). */
  name: string;
  headers: string[];
  rows: Cell[][];
  /** Widths in characters for the XLSX file, per column. */
  widths?: number[];
  /** Said above the table in the XLSX file and as the CSV's first line, e.g. that the list was capped. */
  note?: string;
}

/**
 * A value that begins with =, +, -, @ (or a tab or carriage return) is run as a formula when a
 * spreadsheet opens the CSV (OWASP "CSV injection"): a förening's name is text the förening chose.
 * A leading apostrophe makes the cell text. Numbers are ours and go out as they are.
 */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return String(cell);
  const text = guardFormula(cell);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(table: ExportTable): Uint8Array {
  const lines = [table.headers, ...table.rows].map((row) => row.map(csvCell).join(";"));
  if (table.note) lines.unshift(csvCell(table.note));
  return new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
}
