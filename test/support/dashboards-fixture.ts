/**
 * A known world for the dashboard tests: cases in Rinkeby-Kista driven through the real runtime to
 * known stages on known days, with agreements and reports holding known amounts and participants,
 * plus a Fryshuset IOP in Järva (counts for the förening, not for Rinkeby-Kista).
 *
 * Lead times (submission → decision on 2025-03-20, decision → both signatures):
 *   A Fryshuset        submitted 2025-02-01: 47 days; signed 2025-04-07: 18 days
 *   B IOGT-NTO Spånga  submitted 2025-01-30: 49 days; signed 2025-04-10: 21 days
 *   C Folkets Husby    submitted 2025-01-18: 61 days; agreement still being drafted
 *   D Shanta IF        submitted 2025-02-01, not yet taken
 * Medians: 49 days and 19.5 days.
 */
import type { Database } from "../../db/client";
import { agreements, reports } from "../../db/schema";
import { LIFECYCLE, createCast, createDraftCase, driveCase, type LifecycleStep } from "../../seed/case-factory";

export const stepsUntil = (name: string, days: Record<string, string> = {}): LifecycleStep[] => {
  const end = LIFECYCLE.findIndex((s) => s.name === name);
  if (end < 0) throw new Error(`no step ${name}`);
  return LIFECYCLE.slice(0, end + 1).map((s) => (days[s.name] ? { ...s, day: days[s.name]! } : s));
};

const activity = (sessions: string, women: string, men: string, other: string) => ({
  name: "Aktivitet",
  sessions,
  women,
  men,
  other,
  ageGroup: "13–18 år",
  comment: "",
});

export interface DashboardWorld {
  a: string;
  b: string;
  c: string;
  d: string;
  jarva: string;
}

export async function buildDashboardWorld(db: Database, ids: { organisationIds: Map<string, string>; districtIds: Map<string, string> }) {
  const rk = ids.districtIds.get("RK")!;
  const newCase = async (organisation: string, districtId = rk) => {
    const parties = { organisationId: ids.organisationIds.get(organisation)!, districtId };
    const cast = await createCast(db, parties);
    return { caseId: await createDraftCase(parties, cast, `IOP med ${organisation}`), cast };
  };
  const agreementFor = (caseId: string, yearlyAmounts: { year: number; amount: number }[], goals: { description: string; target: string }[] = []) =>
    db.insert(agreements).values({
      caseId,
      content: {
        purposeAndGoals: "Mötesplats för unga.",
        startDate: "2025-05-01",
        endDate: "2026-04-30",
        yearlyAmounts,
        reportDueDates: ["2025-09-30", "2026-03-31"],
        finalReportDueDate: "2026-06-30",
        goals,
      },
    });
  const report = (caseId: string, periodIndex: number, version: number, status: "draft" | "submitted", content: Record<string, unknown>) =>
    db.insert(reports).values({ caseId, kind: "period", periodIndex, version, status, content, submittedAt: status === "submitted" ? new Date("2025-09-25T10:00:00Z") : null });

  const a = await newCase("Fryshuset");
  await agreementFor(
    a.caseId,
    [
      { year: 2025, amount: 250_000 },
      { year: 2026, amount: 100_000 },
    ],
    [
      { description: "Andel unga som fått ett extrajobb", target: "55 %" },
      { description: "Antal aktiviteter under året", target: "190" },
    ],
  );
  await driveCase(a.caseId, a.cast, stepsUntil("chef signs"));
  // The first version of the 2025 report was replaced by a second: only the newest submitted counts.
  await report(a.caseId, 0, 1, "submitted", { activities: [activity("500", "99", "99", "99")] });
  await report(a.caseId, 0, 2, "submitted", {
    activities: [activity("40", "12", "4–8", "1"), activity("10", "3", "2", "")],
    goals: [
      { goalIndex: 0, outcome: "70 %", comment: "" },
      { goalIndex: 1, outcome: "263", comment: "" },
    ],
  });
  await report(a.caseId, 1, 1, "submitted", { activities: [activity("30", "20", "18", "2")] });
  // A draft is still the förening's: never counted.
  await report(a.caseId, 1, 2, "draft", { activities: [activity("900", "900", "900", "900")] });

  const b = await newCase("IOGT-NTO Spånga");
  await agreementFor(b.caseId, [{ year: 2025, amount: 400_000 }]);
  await driveCase(b.caseId, b.cast, stepsUntil("chef signs", { submit: "2025-01-30", "chef signs": "2025-04-10" }));
  await report(b.caseId, 0, 1, "submitted", { activities: [activity("12", "7", "9", "0")] });

  const c = await newCase("Folkets Husby");
  await driveCase(c.caseId, c.cast, stepsUntil("bifall registered", { submit: "2025-01-18" }));

  const d = await newCase("Shanta IF");
  await driveCase(d.caseId, d.cast, stepsUntil("submit"));

  // Fryshuset's IOP in Järva: the förening sees it, Rinkeby-Kista does not.
  const jarva = await newCase("Fryshuset", ids.districtIds.get("JA")!);
  await agreementFor(jarva.caseId, [{ year: 2024, amount: 75_000 }]);

  return { a: a.caseId, b: b.caseId, c: c.caseId, d: d.caseId, jarva: jarva.caseId } satisfies DashboardWorld;
}

/** The cells of the table with this caption, row by row, as a person reads them. */
export function tableByCaption(html: string, caption: string): string[][] {
  const tables = html.split("<table").slice(1).map((t) => t.split("</table>")[0]!);
  const clean = (s: string) =>
    s
      .replace(/<[^>]+>/g, " ")
      .replace(/&nbsp;/g, " ")
      .replace(/&amp;/g, "&")
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/\s+/g, " ")
      .trim();
  const table = tables.find((t) => {
    const m = /<caption[^>]*>([\s\S]*?)<\/caption>/.exec(t);
    return m && clean(m[1]!) === caption;
  });
  if (!table) throw new Error(`no table "${caption}"`);
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => clean(cell[1]!)),
  );
}
