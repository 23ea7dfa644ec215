/** Loads what the final-report document needs: agreement, the years' reports, the slutrapport, the statement. */
import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "../../db/client";
import { agreements, reports, users } from "../../db/schema";
import { readCaseContext } from "../../workflows";
import { loadCaseRow } from "../cases/access.server";
import { agreementDraftSchema } from "../domain/agreement";
import { periodReportDraftSchema } from "../domain/reports";
import { loadFinalReport } from "../partnership/final-report.server";
import { stockholmDate } from "../utils/time";
import type { FinalReportDocumentInput } from "./final-report-document";
import { loadStatementDocumentInput } from "./statement-data.server";

/** Null when the förening has not sent in its slutrapport: there is nothing to report on yet. */
export async function loadFinalReportDocumentInput(caseId: string): Promise<FinalReportDocumentInput | null> {
  const row = await loadCaseRow(caseId);
  if (!row) return null;
  const finalReport = await loadFinalReport(caseId);
  if (!finalReport) return null;
  const db = await getDb();
  const { context } = readCaseContext(row.case);
  const [agreementRow] = await db.select().from(agreements).where(eq(agreements.caseId, caseId));
  const parsed = agreementDraftSchema.safeParse(agreementRow?.content ?? {});
  const agreement = parsed.success ? parsed.data : {};
  // The workflow's terms include the report dates added by extensions; the draft's are the original ones.
  const dueDates = context.agreement?.reportDueDates ?? agreement.reportDueDates ?? [];

  const periodRows = await db
    .select()
    .from(reports)
    .where(and(eq(reports.caseId, caseId), eq(reports.kind, "period"), eq(reports.status, "submitted")))
    .orderBy(desc(reports.version));
  const periodReports = dueDates.flatMap((dueDate, periodIndex) => {
    // The newest submitted version of each period: a komplettering replaces the first one.
    const report = periodRows.find((r) => r.periodIndex === periodIndex);
    if (!report) return [];
    const content = periodReportDraftSchema.safeParse(report.content);
    const outcomes: Record<number, string> = {};
    for (const goal of content.success ? (content.data.goals ?? []) : []) outcomes[goal.goalIndex] = goal.outcome;
    return [{ dueDate, outcomes }];
  });

  const statement = await loadStatementDocumentInput(caseId, "finalReport");
  let author = statement?.author ?? null;
  if (!author?.name && row.case.assignedCaseworkerId) {
    const [person] = await db
      .select({ name: users.name, phone: users.phone })
      .from(users)
      .where(inArray(users.id, [row.case.assignedCaseworkerId]));
    author = person ? { name: person.name, phone: person.phone ?? null } : null;
  }
  return {
    organisationName: row.organisationName,
    organisationNumber: row.organisationNumber,
    boardName: row.boardName,
    administrationName: row.administrationName,
    diaryNumber: row.case.diaryNumber,
    date: statement?.date ?? (finalReport.submittedAt ? stockholmDate(new Date(finalReport.submittedAt)) : stockholmDate(new Date())),
    author: author ?? { name: "", phone: null },
    agreement: {
      startDate: context.agreement?.startDate ?? agreement.startDate ?? null,
      endDate: context.agreement?.endDate ?? agreement.endDate ?? null,
      yearlyAmounts: agreement.yearlyAmounts ?? [],
      goals: agreement.goals ?? [],
    },
    periodReports,
    termination: context.termination ? { effectiveDate: context.termination.effectiveDate, reason: context.termination.reason } : null,
    finalReport: finalReport.content,
    statement: statement?.content ?? null,
    renegotiate: context.finalStatement?.renegotiate ?? statement?.content.renegotiate ?? null,
    signatories: statement?.signatories ?? [],
    attestations: statement?.attestations ?? [],
    boardDecision: context.finalApproval ? { meetingDate: context.finalApproval.meetingDate, paragraph: context.finalApproval.paragraph } : null,
  };
}
