/** The exports as files: who may download them, and CSV or XLSX of the same tables. */
import { requireDistrictRole, type CurrentUser } from "../auth/current-user.server";
import { fileResponse, safeFileStem } from "../documents/file-response";
import { stockholmDate } from "../utils/time";
import { followUpExportTables } from "./followup-export.server";
import { queueExportTable } from "./queue-export.server";
import { toCsv, type ExportTable } from "./table";
import { toXlsx } from "./xlsx.server";

export type ExportFormat = "csv" | "xlsx";

async function encode(tables: ExportTable[], format: ExportFormat): Promise<Uint8Array> {
  // CSV holds one table; the first is the main one, the XLSX file has them all as sheets.
  return format === "csv" ? toCsv(tables[0]!) : toXlsx(tables);
}

/** Anyone who may see the queue may take it along: the same rows, the same filters. */
export async function queueExport(user: CurrentUser, districtParam: string, params: URLSearchParams, format: ExportFormat) {
  const district = requireDistrictRole(user, districtParam, "queue.view");
  const table = await queueExportTable(user, district, params);
  const name = `arenden-${safeFileStem(district.code.toLowerCase())}-${safeFileStem(table.name.toLowerCase())}-${stockholmDate(new Date())}.${format}`;
  return fileResponse(await encode([table], format), name);
}

/** The figures behind the yearly report: for the staff who write documents for the nämnd. */
export async function followUpExport(user: CurrentUser, districtParam: string, yearParam: string | null, format: ExportFormat) {
  const district = requireDistrictRole(user, districtParam, "documents.generate");
  const year = yearParam === null ? Number(stockholmDate(new Date()).slice(0, 4)) - 1 : Number(yearParam);
  if (!/^\d{4}$/.test(String(year)) || year < 2000 || year > 2100) {
    return new Response("Ange året med fyra siffror, till exempel ?ar=2025.", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const { iops, goals } = await followUpExportTables(district.id, year);
  return fileResponse(await encode([iops, goals], format), `uppfoljning-${safeFileStem(district.code.toLowerCase())}-${year}.${format}`);
}
