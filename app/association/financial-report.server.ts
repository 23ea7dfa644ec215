/**
 * The ekonomisk redovisning (bokslut) of a period: stored on the period's latest report version and
 * sent in on its own, often months after the activity part. No workflow event: the förvaltning sees
 * `financial_submitted_at`.
 */
import { and, desc, eq } from "drizzle-orm";
import { readCaseContext } from "../../workflows";
import { getDb } from "../../db/client";
import { reports } from "../../db/schema";
import type { CurrentUser } from "../auth/current-user.server";
import { MESSAGES } from "../cases/transition.server";
import { financialReportSchema, type FinancialReport } from "../domain/reports";
import { loadAgreementContent, reportDueDates, type AssociationCase } from "./case.server";

export function readFinancial(raw: unknown): FinancialReport | null {
  if (raw == null) return null;
  const parsed = financialReportSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The bokslut can be written from the first report period until the slutrapport is due. */
const open = (state: string) => state.startsWith("followUp.") || state === "finalReport.due";

/** Which period: the one asked for if it has started, else the current one. */
export function financialPeriod(caseRow: AssociationCase, asked: string | null): number {
  const current = readCaseContext(caseRow.case).context.currentPeriodIndex;
  const n = asked === null ? NaN : Number(asked);
  return Number.isInteger(n) && n >= 0 && n <= current ? n : current;
}

async function latestRow(caseId: string, periodIndex: number) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.caseId, caseId), eq(reports.kind, "period"), eq(reports.periodIndex, periodIndex)))
    .orderBy(desc(reports.version))
    .limit(1);
  return row ?? null;
}

export async function loadFinancialPage(caseRow: AssociationCase, periodIndex: number) {
  const agreement = await loadAgreementContent(caseRow.case.id);
  const row = await latestRow(caseRow.case.id, periodIndex);
  const submittedAt = row?.financialSubmittedAt?.toISOString() ?? null;
  return {
    caseId: caseRow.case.id,
    title: caseRow.case.title,
    diaryNumber: caseRow.case.diaryNumber,
    periodIndex,
    dueDate: reportDueDates(readCaseContext(caseRow.case).context, agreement)[periodIndex] ?? null,
    yearlyAmounts: agreement?.yearlyAmounts ?? [],
    financial: readFinancial(row?.financial),
    submittedAt,
    rowRevision: row?.revision ?? null,
    editable: open(caseRow.case.state) && submittedAt === null,
  };
}

type Result = { ok: true; revision: number } | { ok: false; formError: string };

/**
 * Saves (and with `send`, sends in) the bokslut. A period without any report row yet gets an empty
 * first version to carry it; the activity part can be written afterwards.
 */
export async function saveFinancialReport(
  caseRow: AssociationCase,
  user: CurrentUser,
  input: { periodIndex: number; report: FinancialReport; send: boolean; expectedRevision: number | null },
): Promise<Result> {
  if (!open(caseRow.case.state)) return { ok: false, formError: "Den ekonomiska redovisningen kan inte ändras nu." };
  const db = await getDb();
  const now = new Date();
  const row = await latestRow(caseRow.case.id, input.periodIndex);
  if (row?.financialSubmittedAt) {
    return { ok: false, formError: "Den ekonomiska redovisningen för perioden är redan inskickad." };
  }
  const values = {
    financial: input.report,
    financialSubmittedAt: input.send ? now : null,
    updatedById: user.id,
    updatedAt: now,
  };
  if (!row) {
    if (input.periodIndex !== readCaseContext(caseRow.case).context.currentPeriodIndex) {
      return { ok: false, formError: "Det finns ingen rapport för den perioden." };
    }
    const [created] = await db
      .insert(reports)
      .values({ caseId: caseRow.case.id, kind: "period", periodIndex: input.periodIndex, ...values })
      .returning({ revision: reports.revision });
    return { ok: true, revision: created!.revision };
  }
  const [updated] = await db
    .update(reports)
    .set({ ...values, revision: row.revision + 1 })
    .where(and(eq(reports.id, row.id), eq(reports.revision, input.expectedRevision ?? row.revision)))
    .returning({ revision: reports.revision });
  return updated ? { ok: true, revision: updated.revision } : { ok: false, formError: MESSAGES.conflict };
}
