/**
 * The yearly (or tertial) report of the current period: a versioned `reports` row (kind "period")
 * saved as a draft, then sent in with SUBMIT_REPORT, or as a new version with RESUBMIT_REPORT after the
 * handläggare asked for completion. The version is marked submitted in the transition's transaction.
 */
import { and, asc, eq } from "drizzle-orm";
import { readCaseContext } from "../../workflows";
import { getDb, type Executor } from "../../db/client";
import { pgErrorCode, UNIQUE_VIOLATION } from "../../db/errors";
import { reports } from "../../db/schema";
import type { CurrentUser } from "../auth/current-user.server";
import { userActor } from "../cases/case-roles";
import { MESSAGES, transitionCase } from "../cases/transition.server";
import { periodReportDraftSchema, type PeriodReportContent } from "../domain/reports";
import type { FieldErrors } from "../utils/forms";
import { loadAgreementContent, reportDueDates, type AssociationCase } from "./case.server";
import { readFinancial } from "./financial-report.server";
import { periodSubmissionProblems } from "./report-forms";

export const REPORT_EDIT_STATES = ["followUp.reportDue", "followUp.reportCompletionRequested"];

export function readPeriodContent(raw: unknown): PeriodReportContent {
  const parsed = periodReportDraftSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

export async function listPeriodVersions(db: Executor, caseId: string, periodIndex: number) {
  const rows = await db
    .select()
    .from(reports)
    .where(and(eq(reports.caseId, caseId), eq(reports.kind, "period"), eq(reports.periodIndex, periodIndex)))
    .orderBy(asc(reports.version));
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    status: r.status,
    revision: r.revision,
    content: readPeriodContent(r.content),
    financial: readFinancial(r.financial),
    financialSubmittedAt: r.financialSubmittedAt?.toISOString() ?? null,
    submittedAt: r.submittedAt?.toISOString() ?? null,
  }));
}
export type PeriodVersion = Awaited<ReturnType<typeof listPeriodVersions>>[number];

export async function loadPeriodReportPage(caseRow: AssociationCase) {
  const db = await getDb();
  const agreement = await loadAgreementContent(caseRow.case.id);
  const { context } = readCaseContext(caseRow.case);
  const periodIndex = context.currentPeriodIndex;
  const dueDates = reportDueDates(context, agreement);
  const inFollowUp = caseRow.case.state.startsWith("followUp.");
  const versions = inFollowUp ? await listPeriodVersions(db, caseRow.case.id, periodIndex) : [];
  const latest = versions.at(-1) ?? null;
  const editable = REPORT_EDIT_STATES.includes(caseRow.case.state);
  const submittedPeriods = await db
    .selectDistinct({ periodIndex: reports.periodIndex })
    .from(reports)
    .where(and(eq(reports.caseId, caseRow.case.id), eq(reports.kind, "period"), eq(reports.status, "submitted")))
    .orderBy(asc(reports.periodIndex));
  return {
    caseId: caseRow.case.id,
    title: caseRow.case.title,
    diaryNumber: caseRow.case.diaryNumber,
    state: caseRow.case.state,
    caseRevision: caseRow.case.revision,
    inFollowUp,
    editable,
    periodIndex,
    periodCount: dueDates.length,
    dueDate: dueDates[periodIndex] ?? null,
    completionRequest: caseRow.case.state === "followUp.reportCompletionRequested" ? context.completionRequest : null,
    goals: agreement?.goals ?? [],
    latest,
    /** A draft in progress, or the last submitted version to start the completion from. */
    draft: editable && latest?.status === "draft" ? latest : null,
    earlierPeriods: submittedPeriods.map((p) => p.periodIndex).filter((i) => i !== periodIndex || !inFollowUp),
  };
}

type SaveResult = { ok: true; id: string; revision: number } | { ok: false; formError: string };

/** Saves the draft of the current period, starting a new version when the last one was sent in. */
export async function savePeriodDraft(
  caseRow: AssociationCase,
  user: CurrentUser,
  content: PeriodReportContent,
  expectedRevision: number | null,
): Promise<SaveResult> {
  if (!REPORT_EDIT_STATES.includes(caseRow.case.state)) {
    return { ok: false, formError: "Rapporten kan inte ändras nu. Den är redan inskickad." };
  }
  const db = await getDb();
  const periodIndex = readCaseContext(caseRow.case).context.currentPeriodIndex;
  try {
    return await db.transaction(async (tx) => {
      const latest = (await listPeriodVersions(tx, caseRow.case.id, periodIndex)).at(-1);
      if (latest?.status === "draft") {
        const [row] = await tx
          .update(reports)
          .set({ content, revision: latest.revision + 1, updatedById: user.id, updatedAt: new Date() })
          .where(and(eq(reports.id, latest.id), eq(reports.revision, expectedRevision ?? latest.revision)))
          .returning({ id: reports.id, revision: reports.revision });
        return row ? { ok: true as const, id: row.id, revision: row.revision } : { ok: false as const, formError: MESSAGES.conflict };
      }
      // Nothing sent in is ever changed: a completion is a new version, the bokslut comes along.
      const [row] = await tx
        .insert(reports)
        .values({
          caseId: caseRow.case.id,
          kind: "period",
          periodIndex,
          version: (latest?.version ?? 0) + 1,
          content,
          financial: latest?.financial ?? null,
          financialSubmittedAt: latest?.financialSubmittedAt ? new Date(latest.financialSubmittedAt) : null,
          updatedById: user.id,
        })
        .returning({ id: reports.id, revision: reports.revision });
      return { ok: true as const, id: row!.id, revision: row!.revision };
    });
  } catch (error) {
    if (pgErrorCode(error) === UNIQUE_VIOLATION) return { ok: false, formError: MESSAGES.conflict };
    throw error;
  }
}

class AlreadySubmitted extends Error {}

export type SubmitResult = { ok: true } | { ok: false; formError?: string; errors?: FieldErrors };

/** Saves, checks that the report is complete, then sends it in: the state and the version commit together. */
export async function submitPeriodReport(
  caseRow: AssociationCase,
  user: CurrentUser,
  content: PeriodReportContent,
  revisions: { report: number | null; case: number | null },
): Promise<SubmitResult> {
  const saved = await savePeriodDraft(caseRow, user, content, revisions.report);
  if (!saved.ok) return saved;
  const errors = periodSubmissionProblems(content);
  if (Object.keys(errors).length > 0) {
    return { ok: false, errors, formError: "Utkastet är sparat, men rapporten kan inte skickas in förrän det här är rättat." };
  }
  const resubmission = caseRow.case.state === "followUp.reportCompletionRequested";
  const now = new Date();
  const result = await transitionCase({
    loaded: caseRow,
    command: { type: resubmission ? "RESUBMIT_REPORT" : "SUBMIT_REPORT" },
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
  if (!result.ok) return { ok: false, formError: `Utkastet är sparat. ${result.message}` };
  return { ok: true };
}

/** A period's sent-in versions, oldest first; drafts are not shown here. */
export async function loadSubmittedPeriod(caseRow: AssociationCase, periodIndex: number) {
  const db = await getDb();
  const versions = (await listPeriodVersions(db, caseRow.case.id, periodIndex)).filter((v) => v.status === "submitted");
  if (versions.length === 0) return null;
  const agreement = await loadAgreementContent(caseRow.case.id);
  return {
    caseId: caseRow.case.id,
    title: caseRow.case.title,
    diaryNumber: caseRow.case.diaryNumber,
    periodIndex,
    dueDate: reportDueDates(readCaseContext(caseRow.case).context, agreement)[periodIndex] ?? null,
    goals: agreement?.goals ?? [],
    versions,
  };
}
