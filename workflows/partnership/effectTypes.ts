/**
 * What the machine asks the runtime to do, as data: notifications to roles on
 * the case, receipts for what the förening sends in, deadlines, and opening a
 * renegotiation case.
 */
import type { CalendarDate } from "./types";

export const NOTIFICATION_TEMPLATES = [
  "application_received",
  "application_withdrawn",
  "case_assigned",
  "completion_requested",
  "completion_resubmitted",
  "statement_ready_for_attestation",
  "statement_attested",
  "attestation_returned",
  "decision_approved",
  "decision_rejected",
  "agreement_ready_to_sign",
  "agreement_returned_to_drafting",
  "agreement_signed_by_other_party",
  "agreement_in_force",
  "report_due",
  "report_submitted",
  "report_returned",
  "report_resubmitted",
  "report_approved",
  "extension_decided",
  "termination_decided",
  "final_report_due",
  "final_report_submitted",
  "final_report_approved",
  "renegotiation_opened",
] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

/** Steps between förvaltning staff only; the förening is never told about these. */
export const INTERNAL_TEMPLATES: readonly NotificationTemplate[] = [
  "statement_ready_for_attestation",
  "statement_attested",
  "attestation_returned",
];

/**
 * Who a notification goes to, as a role on the case. The runtime resolves
 * roles to addresses against the snapshot AFTER the transition; a role that
 * resolves to nobody (e.g. no caseworker yet) is skipped.
 */
export const RECIPIENT_ROLES = [
  "applicant" /* föreningens kontaktpersoner */,
  "signatory" /* föreningens firmatecknare */,
  "assignedCaseworker",
  "districtCaseworkers" /* the district's handläggare queue */,
  "coordinator" /* samordnare */,
  "headOfUnit" /* avdelningschef */,
  "districtDirector" /* stadsdelsdirektör */,
  "registrar",
] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

/** Recipients on the förening's side; internal förvaltning steps never use them. */
export const ASSOCIATION_RECIPIENTS: readonly RecipientRole[] = ["applicant", "signatory"];

/**
 * What the förening sends in. Every transition by which something arrives from the förening emits one
 * `receipt` (kvittens), so no submission goes unacknowledged: the first application, a komplettering,
 * a yearly report, a completed report and the slutrapport.
 */
export const RECEIPT_KINDS = ["application", "completion", "report", "reportCompletion", "finalReport"] as const;
export type ReceiptKind = (typeof RECEIPT_KINDS)[number];

/** A receipt goes to the förening's kontaktpersoner: they are the ones who send things in. */
export const RECEIPT_RECIPIENTS: readonly RecipientRole[] = ["applicant"];

export interface ReceiptParams {
  kind: ReceiptKind;
  /** When it arrived: the event's time (Stockholm, with offset). */
  receivedAt: string;
  /** The application's version for an application or komplettering, the report's for a yearly report. */
  version: number;
  /** Which yearly report (0-based) of how many; null for the application and the slutrapport. */
  report: { index: number; count: number } | null;
}

export const DEADLINE_KINDS = ["completion", "report", "finalReport"] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface NotifyParams {
  template: NotificationTemplate;
  to: RecipientRole[];
}
export interface SetDeadlineParams {
  kind: DeadlineKind;
  /** Calendar date, inclusive: the last day to act. */
  dueAt: CalendarDate;
}
export interface ClearDeadlineParams {
  kind: DeadlineKind;
}
export interface OpenRenegotiationParams {
  /** The nämnd's approval of the final report that decided to renegotiate. */
  meetingDate: CalendarDate;
  paragraph: string;
}

/** An action the runtime must carry out, as stored/queued data. */
export type PartnershipEffect =
  | { type: "notify"; params: NotifyParams }
  | { type: "receipt"; params: ReceiptParams }
  | { type: "setDeadline"; params: SetDeadlineParams }
  | { type: "clearDeadline"; params: ClearDeadlineParams }
  | { type: "openRenegotiation"; params: OpenRenegotiationParams };
