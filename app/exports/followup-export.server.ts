/**
 * A district's follow-up figures for one year, per IOP: the funding that year, sessions and
 * participants by gender from the year's report, and each goal's target against its outcome. The same
 * data as the yearly report to the nämnd (loadYearlyReportIops), so the two never disagree; the total
 * row is computed from the rows. No narrative, review notes or internal notes.
 */
import { parseFigure } from "../domain/figures";
import { loadYearlyReportIops } from "../documents/yearly-report-data.server";
import { yearlyReportTotal, type YearlyReportIop } from "../documents/yearly-report";
import type { Cell, ExportTable } from "./table";

type FigureKey = "sessions" | "women" | "men" | "other";
const FIGURES: FigureKey[] = ["sessions", "women", "men", "other"];

/** A sum of reported figures: a number, or "min–max" when some were reported as a range; null when none was. */
function sumFigures(values: readonly string[]): Cell {
  const parsed = values.map(parseFigure).filter((f) => f !== null);
  if (parsed.length === 0) return null;
  const min = parsed.reduce((t, f) => t + f.min, 0);
  const max = parsed.reduce((t, f) => t + f.max, 0);
  return min === max ? min : `${min}–${max}`;
}

const figuresOf = (iop: YearlyReportIop) => FIGURES.map((key) => sumFigures(iop.activities.map((a) => a[key])));

export const FOLLOWUP_HEADERS = [
  "Förening",
  "Organisationsnummer",
  "Diarienummer",
  "Period",
  "Bidrag (kr)",
  "Tillfällen",
  "Kvinnor/flickor",
  "Män/pojkar",
  "Annat/ej angivet",
  "Mål: målvärde och utfall",
];

export async function followUpExportTables(districtId: string, year: number): Promise<{ iops: ExportTable; goals: ExportTable }> {
  const iops = (await loadYearlyReportIops(districtId, year)).sort((a, b) => a.organisationName.localeCompare(b.organisationName, "sv"));
  const rows: Cell[][] = iops.map((iop) => [
    iop.organisationName,
    iop.organisationNumber,
    iop.diaryNumber,
    iop.periodStart && iop.periodEnd ? `${iop.periodStart} – ${iop.periodEnd}` : null,
    iop.funding,
    ...figuresOf(iop),
    iop.goals.map((g) => `${g.description}: målvärde ${g.target || "–"}, utfall ${g.outcome || "–"}`).join("\n"),
  ]);
  const totals = FIGURES.map((_, i) => {
    const column = iops.map((iop) => figuresOf(iop)[i]).filter((c) => c !== null).map(String);
    return sumFigures(column);
  });
  rows.push(["Totalt", null, null, null, yearlyReportTotal(iops), ...totals, null]);
  return {
    iops: { name: `Uppföljning ${year}`, headers: FOLLOWUP_HEADERS, rows, widths: [32, 18, 16, 26, 14, 12, 14, 14, 16, 60] },
    goals: {
      name: `Mål och utfall ${year}`,
      headers: ["Förening", "Organisationsnummer", "Mål", "Målvärde", "Utfall"],
      rows: iops.flatMap((iop) => iop.goals.map((g) => [iop.organisationName, iop.organisationNumber, g.description, g.target, g.outcome || null])),
      widths: [32, 18, 60, 14, 14],
    },
  };
}
