/** An export as an Excel workbook with exceljs: one sheet per table, header row bold and frozen. */
import ExcelJS from "exceljs";
import type { ExportTable } from "./table";

export async function toXlsx(tables: readonly ExportTable[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "IOP-portalen";
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name.slice(0, 31));
    let headerRow = 1;
    if (table.note) {
      sheet.addRow([table.note]).font = { bold: true };
      headerRow = 2;
    }
    // Text cells stay text in XLSX (exceljs writes a string, never a formula), so no formula guard is needed.
    sheet.addRow(table.headers).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((cell) => cell ?? ""));
    table.headers.forEach((header, i) => {
      sheet.getColumn(i + 1).width = table.widths?.[i] ?? Math.max(12, header.length + 2);
    });
    sheet.views = [{ state: "frozen", ySplit: headerRow }];
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
