/**
 * The förening's ekonomisk redovisning page: what it shows, and its one form (save, send in, or a row button
 * without JavaScript, ADR 0025). The route checks the case (report.submit) and hands over.
 */
import { redirect } from "@remix-run/node";
import type { CurrentUser } from "../auth/current-user.server";
import type { OrganisationCase } from "../cases/access.server";
import { formDataToNested, formFailure, parseForm, NOT_THIS_FORM, type FieldErrors } from "../utils/forms";
import { financialPeriod, loadFinancialPage, saveFinancialReport } from "./financial-report.server";
import { financialEnvelopeSchema } from "./financial-report-forms";
import { financialFromForm, parseReportRowIntent, reportRows, withReportRowIntent } from "./report-forms";
import type { ReportFormAnswer } from "./report-post.server";
import { financialFormSchema } from "./schemas";

/** `period` is the ?period= of the address; an unknown one is the current period. */
export function loadFinancialReportPage(found: OrganisationCase, period: string | null) {
  return loadFinancialPage(found, financialPeriod(found, period));
}

export type FinancialReply = { status: number; body: ReportFormAnswer };

/** Save (or send in) what was typed; after a plain save or a send the page again (a redirect is thrown). */
export async function postFinancialReport(
  user: CurrentUser,
  found: OrganisationCase,
  period: string | null,
  formData: FormData,
): Promise<FinancialReply> {
  const periodIndex = financialPeriod(found, period);
  const posted = formDataToNested(formData);
  const answer = (status: number, errors: FieldErrors, shown: Record<string, unknown>, formError?: string): FinancialReply => ({
    status,
    body: { ...formFailure(errors, shown, formError), ok: status < 400 },
  });
  const { intent: _intent, ...rest } = posted;
  const envelope = financialEnvelopeSchema.safeParse(posted);
  if (!envelope.success) return answer(400, {}, rest, NOT_THIS_FORM);
  const rowIntent = parseReportRowIntent(envelope.data.intent, "lines");
  // A row button saves what was typed first, with the list as it stands after the button (ADR 0025).
  const values = withReportRowIntent(rest, rowIntent);
  const parsed = parseForm(financialFormSchema, values);
  if (!parsed.ok) return answer(400, parsed.errors, values);
  const expectedRevision = envelope.data.reportRevision ? Number(envelope.data.reportRevision) : null;
  if (rowIntent) {
    const lines = reportRows(values.lines, "lines").filter((l) => Object.values(l).some((v) => v.trim() !== ""));
    // Nothing typed in any row yet: there is nothing to save, only the rows to show.
    if (lines.length === 0) return answer(200, {}, { ...values, send: undefined });
    const report = financialFromForm(parsed.data);
    if (!report.ok) return answer(400, report.errors, values);
    const saved = await saveFinancialReport(found, user, { periodIndex, report: report.report, send: false, expectedRevision });
    if (!saved.ok) return answer(400, {}, values, saved.formError);
    return answer(200, {}, { ...values, send: undefined, reportRevision: String(saved.revision) });
  }
  const report = financialFromForm(parsed.data);
  if (!report.ok) return answer(400, report.errors, values);
  const send = parsed.data.send === "yes" || parsed.data.send === true;
  const saved = await saveFinancialReport(found, user, { periodIndex, report: report.report, send, expectedRevision });
  if (!saved.ok) return answer(400, {}, values, saved.formError);
  throw redirect(`/forening/arenden/${found.case.id}/rapport/ekonomi?period=${periodIndex}&${send ? "inskickad" : "sparad"}=1`);
}
