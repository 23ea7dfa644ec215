/** The förening's slutrapport as the förvaltning reads it, and what came of it. */
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { cases, reports } from "../../db/schema";
import { finalReportDraftSchema, type FinalReportContent } from "../domain/reports";

export async function loadFinalReport(caseId: string): Promise<{ content: FinalReportContent; submittedAt: string | null; version: number } | null> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.caseId, caseId), eq(reports.kind, "final"), eq(reports.status, "submitted")))
    .orderBy(desc(reports.version))
    .limit(1);
  if (!row) return null;
  const parsed = finalReportDraftSchema.safeParse(row.content);
  return { content: parsed.success ? parsed.data : {}, submittedAt: row.submittedAt?.toISOString() ?? null, version: row.version };
}

/** The case that renegotiates this one (seed 000: agreements in one line), if renegotiation was decided. */
export async function findRenegotiation(caseId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ id: cases.id, title: cases.title, diaryNumber: cases.diaryNumber })
    .from(cases)
    .where(eq(cases.previousCaseId, caseId))
    .limit(1);
  return row ?? null;
}
