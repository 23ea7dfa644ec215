/**
 * npm run bench:reports — the yearly IOP report for a district with 60 IOPs, loaded from PostgreSQL,
 * built and rendered as PDF and as DOCX; prints seconds per format and the process's peak memory.
 * Goal: under 2 s each on the 2-core machine.
 */
import { agreements, reports } from "../db/schema";
import { createDistrict, createOrganisation } from "../seed/factories";
import { createCast, createDraftCase } from "../seed/case-factory";
import { buildYearlyReport } from "../app/documents/yearly-report";
import { loadYearlyReportIops } from "../app/documents/yearly-report-data.server";
import { renderPdf } from "../app/documents/pdf.server";
import { renderDocx } from "../app/documents/docx.server";
import { benchDatabase, fmt } from "./support";

const IOPS = Number(process.env.IOPS ?? 60);
const bench = await benchDatabase(4);
const db = bench.handle.db;
try {
  const district = await createDistrict(db);
  for (let i = 0; i < IOPS; i++) {
    const parties = { organisationId: (await createOrganisation(db)).id, districtId: district.id };
    const caseId = await createDraftCase(parties, await createCast(db, parties), `IOP ${i + 1}`);
    await db.insert(agreements).values({
      caseId,
      content: {
        purposeAndGoals: "Att stärka unga och deras familjer genom trygga mötesplatser och vägledning till förvaltningens verksamheter. ".repeat(3),
        startDate: "2025-01-01",
        endDate: "2027-12-31",
        yearlyAmounts: [{ year: 2026, amount: 150_000 + i * 25_000 }],
        reportDueDates: ["2026-02-15", "2027-02-15"],
        goals: Array.from({ length: 5 }, (_, g) => ({ description: `Andel deltagare som når mål ${g + 1}.`, target: "55 %" })),
      },
    });
    await db.insert(reports).values({
      caseId,
      kind: "period",
      periodIndex: 1,
      status: "submitted",
      content: {
        narrative: "Verksamheten har genomförts enligt plan.",
        activities: Array.from({ length: 8 }, (_, a) => ({ name: `Aktivitet ${a + 1}`, sessions: "40", women: "4–12", men: "3–9", other: "", ageGroup: "13–25 år", comment: "" })),
        goals: Array.from({ length: 5 }, (_, goalIndex) => ({ goalIndex, outcome: "61 %", comment: "" })),
      },
      review: { addedValue: "Förvaltningen bedömer att samverkan har gett ett tydligt mervärde för målgruppen. ".repeat(4) },
    });
  }
  const input = async () =>
    buildYearlyReport({
      boardName: district.boardName,
      administrationName: district.administrationName,
      year: 2026,
      caseworker: { name: "Hanna Handläggare", phone: "08-508 00 000" },
      date: "2027-02-13",
      diaryNumber: null,
      narrative: { summary: "Sammanfattning.", views: "Synpunkter.", genderAnalysis: "Jämställdhetsanalys." },
      iops: await loadYearlyReportIops(district.id, 2026),
      attestations: [],
    });
  const time = async (render: (doc: Awaited<ReturnType<typeof input>>) => Promise<Buffer>) => {
    const started = performance.now();
    const bytes = (await render(await input())).length;
    return { seconds: (performance.now() - started) / 1000, bytes };
  };
  await time(renderPdf); // warm-up: module loading and the font metrics
  const pdf = await time(renderPdf);
  const docx = await time(renderDocx);
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(`yearly report, ${IOPS} IOPs: PDF ${fmt(pdf.seconds)} s (${(pdf.bytes / 1024).toFixed(0)} KB), DOCX ${fmt(docx.seconds)} s (${(docx.bytes / 1024).toFixed(0)} KB), peak memory ${peakMb.toFixed(0)} MB`);
  console.log("goal: under 2 s each");
  console.log(`iops=${IOPS} pdf_s=${pdf.seconds.toFixed(3)} docx_s=${docx.seconds.toFixed(3)} pdf_kb=${(pdf.bytes / 1024).toFixed(0)} docx_kb=${(docx.bytes / 1024).toFixed(0)} peak_rss_mb=${peakMb.toFixed(0)}`);
} finally {
  await bench.drop();
}
