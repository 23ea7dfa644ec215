/**
 * The förvaltning's slutrapport page: what it shows, and its one action, starting the assessment.
 * The route only checks the case and hands over; the permission for the action is checked here.
 */
import { NOT_THIS_FORM, formDataToObject } from "../utils/forms";
import type { CurrentUser } from "../auth/current-user.server";
import { requirePermission, type DistrictCase } from "../cases/access.server";
import { userActor } from "../cases/case-roles";
import { transitionCase } from "../cases/transition.server";
import { startFinalAssessmentSchema } from "./final-report-forms";
import { caseContext, caseHeader } from "./case-context.server";
import { findRenegotiation, loadFinalReport } from "./final-report.server";

export async function loadFinalReportPage(found: DistrictCase) {
  const context = caseContext(found.case);
  return {
    base: `/forvaltning/${found.membership.code.toLowerCase()}`,
    header: caseHeader(found),
    canAssess: found.can("case.assess"),
    canDownload: found.can("documents.generate"),
    report: await loadFinalReport(found.case.id),
    finalApproval: context.finalApproval,
    renegotiate: context.finalStatement?.renegotiate ?? null,
    termination: context.termination,
    renegotiation: await findRenegotiation(found.case.id),
  };
}

/** A form that is not the page's own (no intent, a revision that is not a number) is not a conflict. */

export type FinalReportReply = { status: number; body: { ok: true; message: string } | { ok: false; message: string } };

export async function startFinalAssessment(user: CurrentUser, found: DistrictCase, formData: FormData): Promise<FinalReportReply> {
  requirePermission(found, "case.assess");
  const parsed = startFinalAssessmentSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { status: 400, body: { ok: false, message: NOT_THIS_FORM } };
  const result = await transitionCase({
    loaded: found,
    command: { type: "START_FINAL_ASSESSMENT" },
    actor: userActor(user),
    expectedRevision: parsed.data.expectedRevision,
  });
  if (result.ok) return { status: 200, body: { ok: true, message: "Du har börjat bedöma slutrapporten." } };
  return { status: result.kind === "conflict" ? 409 : result.kind === "forbidden" ? 403 : 400, body: { ok: false, message: result.message } };
}
