/**
 * The slutrapport: one `reports` row (kind "final") written as a draft while the case is in
 * finalReport.due, then sent in with SUBMIT_FINAL_REPORT; the row is marked submitted in the same
 * transaction.
 */
import { and, desc, eq } from "drizzle-orm";
import { readCaseContext } from "../../workflows";
import { getDb } from "../../db/client";
import { reports } from "../../db/schema";
import type { CurrentUser } from "../auth/current-user.server";
import { userActor } from "../cases/case-roles";
import { MESSAGES, transitionCase } from "../cases/transition.server";
import { finalReportDraftSchema, type FinalReportContent } from "../domain/reports";
import type { FieldErrors } from "../utils/forms";
import { loadAgreementContent, type AssociationCase } from "./case.server";
import { finalSubmissionProblems } from "./report-forms";

const EDIT_STATE = "finalReport.due";

function readFinal(raw: unknown): FinalReportContent {
  const parsed = finalReportDraftSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

async function latestFinal(caseId: string) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.caseId, caseId), eq(reports.kind, "final")))
    .orderBy(desc(reports.version))
    .limit(1);
  return row ?? null;
}

export async function loadFinalReportPage(caseRow: AssociationCase) {
  const row = await latestFinal(caseRow.case.id);
  const agreement = await loadAgreementContent(caseRow.case.id);
  const { context } = readCaseContext(caseRow.case);
  return {
    caseId: caseRow.case.id,
    title: caseRow.case.title,
    diaryNumber: caseRow.case.diaryNumber,
    caseRevision: caseRow.case.revision,
    editable: caseRow.case.state === EDIT_STATE && row?.status !== "submitted",
    dueDate: context.termination?.finalReportDueDate ?? context.agreement?.finalReportDueDate ?? agreement?.finalReportDueDate ?? null,
    period: context.agreement ? `${context.agreement.startDate} – ${context.agreement.endDate}` : null,
    report: row ? { content: readFinal(row.content), status: row.status, revision: row.revision, submittedAt: row.submittedAt?.toISOString() ?? null } : null,
  };
}

type SaveResult = { ok: true; id: string; revision: number } | { ok: false; formError: string };

export async function saveFinalDraft(
  caseRow: AssociationCase,
  user: CurrentUser,
  content: FinalReportContent,
  expectedRevision: number | null,
): Promise<SaveResult> {
  if (caseRow.case.state !== EDIT_STATE) return { ok: false, formError: "Slutrapporten kan inte ändras nu." };
  const db = await getDb();
  const row = await latestFinal(caseRow.case.id);
  if (row?.status === "submitted") return { ok: false, formError: "Slutrapporten är redan inskickad." };
  if (!row) {
    const [created] = await db
      .insert(reports)
      .values({ caseId: caseRow.case.id, kind: "final", content, updatedById: user.id })
      .onConflictDoNothing()
      .returning({ id: reports.id, revision: reports.revision });
    return created ? { ok: true, id: created.id, revision: created.revision } : { ok: false, formError: MESSAGES.conflict };
  }
  const [updated] = await db
    .update(reports)
    .set({ content, revision: row.revision + 1, updatedById: user.id, updatedAt: new Date() })
    .where(and(eq(reports.id, row.id), eq(reports.revision, expectedRevision ?? row.revision)))
    .returning({ id: reports.id, revision: reports.revision });
  return updated ? { ok: true, id: updated.id, revision: updated.revision } : { ok: false, formError: MESSAGES.conflict };
}

class AlreadySubmitted extends Error {}

export async function submitFinalReport(
  caseRow: AssociationCase,
  user: CurrentUser,
  content: FinalReportContent,
  revisions: { report: number | null; case: number | null },
): Promise<{ ok: true } | { ok: false; formError?: string; errors?: FieldErrors }> {
  const saved = await saveFinalDraft(caseRow, user, content, revisions.report);
  if (!saved.ok) return saved;
  const errors = finalSubmissionProblems(content);
  if (Object.keys(errors).length > 0) {
    return { ok: false, errors, formError: "Utkastet är sparat, men slutrapporten kan inte skickas in förrän det här är rättat." };
  }
  const now = new Date();
  const result = await transitionCase({
    loaded: caseRow,
    command: { type: "SUBMIT_FINAL_REPORT" },
    actor: userActor(user),
    expectedRevision: revisions.case ?? undefined,
    now,
    alsoWrite: async (tx) => {
      const marked = await tx
        .update(reports)
        .set({ status: "submitted", submittedAt: now, updatedById: user.id, updatedAt: now })
        .where(and(eq(reports.id, saved.id), eq(reports.status, "draft")))
        .returning({ id: reports.id });
      if (marked.length !== 1) throw new AlreadySubmitted();
    },
  }).catch((error: unknown) => {
    if (error instanceof AlreadySubmitted) return { ok: false as const, message: MESSAGES.conflict };
    throw error;
  });
  return result.ok ? { ok: true } : { ok: false, formError: `Utkastet är sparat. ${result.message}` };
}
