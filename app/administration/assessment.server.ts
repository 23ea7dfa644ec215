/**
 * Bedömning: the handläggare's assessment of an application against the city's IOP criteria, kept in
 * `assessments` (one row per case) with a revision check so that a stale page never overwrites.
 */
import { and, eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { assessments } from "../../db/schema";
import type { CurrentUser } from "../auth/current-user.server";
import { forbidden } from "../auth/current-user.server";
import { assessmentSchema, type Assessment } from "../domain/statement";
import { describeState } from "../cases/status-text";
import { formFailure, parseForm, type FormFailure } from "../utils/forms";
import { assessmentFormSchema, assessmentFromForm, formValuesOf, withAllCriteria } from "./assessment-form";
import { requireCaseForDistrict } from "../cases/access.server";

export const STALE_ASSESSMENT =
  "Någon annan har sparat bedömningen medan du arbetade. Det du skrev finns kvar nedan: ladda om sidan i en ny flik, jämför och spara igen.";

export async function loadAssessment(caseId: string): Promise<{ content: Assessment | null; revision: number }> {
  const db = await getDb();
  const [row] = await db.select().from(assessments).where(eq(assessments.caseId, caseId));
  if (!row) return { content: null, revision: 0 };
  const parsed = assessmentSchema.safeParse(row.content);
  return { content: parsed.success ? parsed.data : null, revision: row.revision };
}

/** The assessment is the application's: it can change while the case is in beredning, by its handläggare. */
function editability(user: CurrentUser, row: { state: string; assignedCaseworkerId: string | null }) {
  if (row.assignedCaseworkerId !== user.id) return { editable: false, reason: "Bara den handläggare som har ärendet kan ändra bedömningen." };
  if (!row.state.startsWith("review.") || row.state.startsWith("review.attestation")) {
    return { editable: false, reason: "Bedömningen kan inte ändras nu: ärendet är inte längre under beredning." };
  }
  return { editable: true, reason: null };
}

export async function loadAssessmentPage(user: CurrentUser, districtParam: string, caseId: string) {
  const found = await requireCaseForDistrict(user, { district: districtParam, caseId }, "case.assess");
  const { content, revision } = await loadAssessment(caseId);
  const { editable, reason } = editability(user, found.case);
  return {
    caseId,
    title: found.case.title,
    diaryNumber: found.case.diaryNumber,
    organisationName: found.organisationName,
    status: describeState(found.case.state, "administration", found.case.outcome).label,
    editable,
    reason,
    revision,
    values: formValuesOf(content),
    base: `/forvaltning/${found.districtCode.toLowerCase()}/arenden/${caseId}`,
  };
}

export type SaveResult = { ok: true; message: string } | FormFailure;

export async function saveAssessment(input: { user: CurrentUser; districtParam: string; caseId: string; values: Record<string, unknown> }): Promise<SaveResult> {
  const { user, caseId } = input;
  const values = withAllCriteria(input.values);
  const found = await requireCaseForDistrict(user, { district: input.districtParam, caseId }, "case.assess");
  const { editable, reason } = editability(user, found.case);
  if (!editable) {
    if (found.case.assignedCaseworkerId !== user.id) throw forbidden(reason ?? undefined);
    return formFailure({}, values, reason ?? undefined);
  }
  const expected = Number(values.assessmentRevision);
  if (!Number.isInteger(expected) || expected < 0) return formFailure({}, values, "Sidan saknar bedömningens version. Ladda om sidan och försök igen.");
  const parsed = parseForm(assessmentFormSchema, values);
  if (!parsed.ok) return parsed;
  const content = assessmentFromForm(parsed.data);
  const db = await getDb();
  const now = new Date();
  const written =
    expected === 0
      ? await db
          .insert(assessments)
          .values({ caseId, content, revision: 1, updatedById: user.id })
          .onConflictDoNothing({ target: assessments.caseId })
          .returning({ id: assessments.id })
      : await db
          .update(assessments)
          .set({ content, revision: expected + 1, updatedById: user.id, updatedAt: now })
          .where(and(eq(assessments.caseId, caseId), eq(assessments.revision, expected)))
          .returning({ id: assessments.id });
  if (written.length === 0) return formFailure({}, values, STALE_ASSESSMENT);
  return { ok: true, message: "Bedömningen är sparad." };
}
