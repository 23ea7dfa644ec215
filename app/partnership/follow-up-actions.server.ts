/** What each form on the follow-up page does; each intent checks its own permission first. */
import { NOT_THIS_FORM, formDataToObject, formFailure, parseForm, type FormFailure } from "../utils/forms";
import { expectedRevisionSchema } from "../administration/case-forms";
import type { TransitionResult } from "../cases/transition.server";
import type { CurrentUser } from "../auth/current-user.server";
import { requirePermission, type DistrictCase } from "../cases/access.server";
import { caseContext } from "./case-context.server";
import {
  approveReportSchema,
  extendSchema,
  meetingSchema,
  reportCompletionSchema,
  splitDates,
  terminateSchema,
} from "./follow-up-forms";
import { approveReport, decide, recordMeeting } from "./follow-up.server";

export type FollowUpReply =
  | { status: 200; body: { intent: string; ok: true; notice: string } }
  | { status: number; body: FormFailure & { intent: string } };


const statusOf = (kind: string) => (kind === "conflict" ? 409 : kind === "forbidden" ? 403 : 400);

export async function handleFollowUpAction(user: CurrentUser, found: DistrictCase, formData: FormData): Promise<FollowUpReply> {
  const caseId = found.case.id;
  const values = formDataToObject(formData);
  const intent = String(values.intent ?? "");
  const revision = expectedRevisionSchema.safeParse(values.expectedRevision);
  const failed = (failure: FormFailure, status = 400): FollowUpReply => ({ status, body: { ...failure, intent } });
  const done = (notice: string): FollowUpReply => ({ status: 200, body: { intent, ok: true, notice } });
  const outcome = (result: TransitionResult, notice: string) =>
    result.ok ? done(notice) : failed(formFailure({}, values, result.message), statusOf(result.kind));

  // A form that is not the page's own (a revision that is not a number) is not a conflict.
  const notThisForm = () => failed(formFailure({}, values, NOT_THIS_FORM));

  switch (intent) {
    case "approve": {
      requirePermission(found, "report.review");
      if (!revision.success) return notThisForm();
      const parsed = parseForm(approveReportSchema, values);
      if (!parsed.ok) return failed(parsed);
      const result = await approveReport({
        user,
        found,
        expectedRevision: revision.data,
        periodIndex: caseContext(found.case).currentPeriodIndex,
        addedValue: parsed.data.addedValue,
      });
      return outcome(result, "Rapporten är godkänd.");
    }
    case "requestCompletion": {
      requirePermission(found, "report.review");
      if (!revision.success) return notThisForm();
      const parsed = parseForm(reportCompletionSchema, values);
      if (!parsed.ok) return failed(parsed);
      const result = await decide({
        user,
        found,
        expectedRevision: revision.data,
        command: {
          type: "REQUEST_REPORT_COMPLETION",
          message: parsed.data.completionMessage,
          dueDate: parsed.data.completionDueDate,
        },
      });
      return outcome(result, "Föreningen har fått begäran om komplettering.");
    }
    case "meeting": {
      requirePermission(found, "meeting.record");
      const parsed = parseForm(meetingSchema, values);
      if (!parsed.ok) return failed(parsed);
      await recordMeeting({
        caseId,
        userId: user.id,
        kind: parsed.data.meetingKind,
        heldOn: parsed.data.heldOn,
        participants: parsed.data.participants,
        minutes: parsed.data.minutes,
      });
      return done("Mötet är sparat.");
    }
    case "extend": {
      requirePermission(found, "partnership.extend");
      if (!revision.success) return notThisForm();
      const parsed = parseForm(extendSchema, values);
      if (!parsed.ok) return failed(parsed);
      const finalDue = parsed.data.extensionFinalReportDueDate;
      const result = await decide({
        user,
        found,
        expectedRevision: revision.data,
        command: {
          type: "EXTEND",
          newEndDate: parsed.data.newEndDate,
          addedReportDueDates: splitDates(parsed.data.addedReportDueDates),
          ...(finalDue ? { finalReportDueDate: finalDue } : {}),
        },
      });
      return outcome(result, "Förlängningen är registrerad.");
    }
    case "terminate": {
      requirePermission(found, "partnership.terminate");
      if (!revision.success) return notThisForm();
      const parsed = parseForm(terminateSchema, values);
      if (!parsed.ok) return failed(parsed);
      const finalDue = parsed.data.terminationFinalReportDueDate;
      const result = await decide({
        user,
        found,
        expectedRevision: revision.data,
        command: {
          type: "TERMINATE",
          reason: parsed.data.reason,
          effectiveDate: parsed.data.effectiveDate,
          ...(finalDue ? { finalReportDueDate: finalDue } : {}),
        },
      });
      return outcome(result, "Beslutet om att överenskommelsen upphör är registrerat. Föreningen ska nu lämna slutrapport.");
    }
    default:
      return failed(formFailure({}, values, "Okänd knapp. Ladda om sidan och försök igen."));
  }
}
