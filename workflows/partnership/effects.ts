/**
 * Action objects for the effects the runtime carries out, so that state
 * configs read as "notify X to Y" and recipients are chosen in one place.
 * Params that depend on the case are computed from the context after the
 * transition's own assigns have run (xstate resolves actions in order).
 */
import { currentReportDueDate, finalReportDueDate, reportPeriodHasBegun } from "./context";
import type {
  ClearDeadlineParams,
  DeadlineKind,
  NotificationTemplate,
  NotifyParams,
  OpenRenegotiationParams,
  PartnershipContext,
  ReceiptKind,
  ReceiptParams,
  RecipientRole,
  SetDeadlineParams,
} from "./types";

interface ParamsInput {
  context: PartnershipContext;
}

/**
 * "Dags att rapportera" only when the report's period has begun on the day of the event that opens it
 * (a signing months before the agreement starts tells nobody to report yet); otherwise no one is named
 * and the report reminder before the due date is the first word. The runtime drops a notify without recipients.
 */
export const notifyReportDueIfBegun = {
  type: "notify" as const,
  params: ({ context, event }: ParamsInput & { event: { at?: unknown } }): NotifyParams => ({
    template: "report_due",
    to: typeof event.at === "string" && reportPeriodHasBegun(context, event.at) ? ["applicant"] : [],
  }),
};

export function notify(template: NotificationTemplate, ...to: RecipientRole[]): { type: "notify"; params: NotifyParams } {
  return { type: "notify", params: { template, to } };
}

/**
 * The receipt (kvittens) for what the förening has just sent in. Its params are read after the
 * transition's own assigns, so the version is the one that arrived.
 */
export function receipt(kind: ReceiptKind) {
  return {
    type: "receipt" as const,
    params: ({ context, event }: ParamsInput & { event: { at?: unknown } }): ReceiptParams => {
      const isReport = kind === "report" || kind === "reportCompletion";
      return {
        kind,
        receivedAt: typeof event.at === "string" ? event.at : "",
        version: isReport ? context.reportVersion : kind === "finalReport" ? 1 : context.applicationVersion,
        report: isReport
          ? { index: context.currentPeriodIndex, count: context.agreement?.reportDueDates.length ?? 0 }
          : null,
      };
    },
  };
}

export function clearDeadline(kind: DeadlineKind): { type: "clearDeadline"; params: ClearDeadlineParams } {
  return { type: "clearDeadline", params: { kind } };
}

function setDeadline(kind: DeadlineKind, dueAt: (context: PartnershipContext) => string | null) {
  return {
    type: "setDeadline" as const,
    // Guards make sure the date exists; "" would show up in the model test's deadline check.
    params: ({ context }: ParamsInput): SetDeadlineParams => ({ kind, dueAt: dueAt(context) ?? "" }),
  };
}

export const setCompletionDeadline = setDeadline("completion", (context) => context.completionRequest?.dueDate ?? null);
export const setReportDeadline = setDeadline("report", currentReportDueDate);
export const setFinalReportDeadline = setDeadline("finalReport", finalReportDueDate);

const ASSOCIATION_SIGNERS: RecipientRole[] = ["signatory", "applicant"];
const ADMINISTRATION_SIGNERS: RecipientRole[] = ["headOfUnit", "districtDirector", "assignedCaseworker"];

/** After the first signature, tell the party that has not signed yet. */
export const notifyOtherParty = {
  type: "notify" as const,
  params: ({ context }: ParamsInput): NotifyParams => ({
    template: "agreement_signed_by_other_party",
    to: context.signatures.association ? ADMINISTRATION_SIGNERS : ASSOCIATION_SIGNERS,
  }),
};

export const openRenegotiation = {
  type: "openRenegotiation" as const,
  params: ({ context }: ParamsInput): OpenRenegotiationParams => ({
    meetingDate: context.finalApproval?.meetingDate ?? "",
    paragraph: context.finalApproval?.paragraph ?? "",
  }),
};

/** Who is told that a decision about the running agreement has been made. */
export const PARTIES: RecipientRole[] = ["applicant", "signatory", "assignedCaseworker", "coordinator"];
