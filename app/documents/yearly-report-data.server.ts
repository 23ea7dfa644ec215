/** Gathers a district's IOPs for one year from agreements and reports, for the yearly report. */
import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "../../db/client";
import { agreements, cases, organisations, reports } from "../../db/schema";
import { agreementDraftSchema } from "../domain/agreement";
import { periodReportDraftSchema, type ReportReview } from "../domain/reports";
import type { YearlyReportIop } from "./yearly-report";

/** An IOP counts for a year when its agreement funds that year. */
export async function loadYearlyReportIops(districtId: string, year: number): Promise<YearlyReportIop[]> {
  const db = await getDb();
  const rows = await db
    .select({
      caseId: cases.id,
      diaryNumber: cases.diaryNumber,
      organisationName: organisations.name,
      organisationNumber: organisations.organisationNumber,
      content: agreements.content,
    })
    .from(agreements)
    .innerJoin(cases, eq(cases.id, agreements.caseId))
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .where(eq(cases.districtId, districtId));
  const funded = rows.flatMap((row) => {
    const parsed = agreementDraftSchema.safeParse(row.content);
    if (!parsed.success) return [];
    const amount = parsed.data.yearlyAmounts?.find((y) => y.year === year);
    return amount ? [{ ...row, agreement: parsed.data, funding: amount.amount }] : [];
  });
  if (funded.length === 0) return [];

  // The report for a year is the submitted period report whose due date falls after the year began
  // and no later than mid-way through the next year (annual reports come in early in the new year).
  const reportRows = await db
    .select()
    .from(reports)
    .where(and(inArray(reports.caseId, funded.map((f) => f.caseId)), eq(reports.kind, "period"), eq(reports.status, "submitted")))
    .orderBy(desc(reports.version));
  return funded.map((iop) => {
    const dueDates = iop.agreement.reportDueDates ?? [];
    const periodIndex = dueDates.findIndex((d) => d > `${year}-01-01` && d <= `${year + 1}-06-30`);
    const report = reportRows.find((r) => r.caseId === iop.caseId && r.periodIndex === periodIndex);
    const content = report ? periodReportDraftSchema.safeParse(report.content) : null;
    const data = content?.success ? content.data : {};
    const goals = iop.agreement.goals ?? [];
    return {
      organisationName: iop.organisationName,
      organisationNumber: iop.organisationNumber,
      diaryNumber: iop.diaryNumber,
      periodStart: iop.agreement.startDate ?? null,
      periodEnd: iop.agreement.endDate ?? null,
      purpose: iop.agreement.purposeAndGoals ?? "",
      funding: iop.funding,
      activities: (data.activities ?? []).map((a) => ({
        name: a.name,
        sessions: a.sessions,
        women: a.women,
        men: a.men,
        other: a.other,
        ageGroup: a.ageGroup,
      })),
      goals: goals.map((goal, index) => ({
        description: goal.description,
        target: goal.target,
        outcome: data.goals?.find((g) => g.goalIndex === index)?.outcome ?? "",
      })),
      addedValue: (report?.review as ReportReview | null)?.addedValue ?? null,
    };
  });
}
