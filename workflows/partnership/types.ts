/**
 * Public types of the partnership (IOP) workflow. Everything here is plain
 * JSON-compatible data so that snapshots and emitted actions can be stored
 * and sent between server processes as they are.
 */

import type { AttesterRole, CaseRole } from "../roles";

export interface Actor {
  userId: string;
  roles: CaseRole[];
}

/** Every event says who did it and when; the machine never reads a clock. */
export interface EventEnvelope {
  actor: Actor;
  /** ISO 8601 timestamp. Its date part (first ten characters) is the day used in date rules. */
  at: string;
}

/** Förvaltningens förslag till beslut: bifall or avslag. */
export type Proposal = "approve" | "reject";
export type DecisionOutcome = "approved" | "rejected";
/** How a closed case ended. */
export const OUTCOMES = ["withdrawn", "rejected", "completed"] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** Which tjänsteutlåtande is being attested: the one on the application or the one on the slutrapport. */
export type StatementStage = "application" | "finalReport";
export type AttestationStep = "headOfUnit" | "districtDirector";

/** Calendar dates are "YYYY-MM-DD" (inclusive), as in the municipal documents. */
export type CalendarDate = string;

export type PartnershipEvent =
  | ({ type: "SUBMIT" } & EventEnvelope)
  | ({ type: "WITHDRAW"; reason?: string } & EventEnvelope)
  | ({ type: "TAKE" } & EventEnvelope)
  | ({ type: "ASSIGN"; caseworkerId: string } & EventEnvelope)
  | ({ type: "REASSIGN"; caseworkerId: string } & EventEnvelope)
  | ({ type: "REQUEST_COMPLETION"; message: string; dueDate: CalendarDate } & EventEnvelope)
  | ({ type: "RESUBMIT" } & EventEnvelope)
  | ({ type: "START_ASSESSMENT" } & EventEnvelope)
  | ({
      type: "SUBMIT_FOR_ATTESTATION";
      /** Required on the application's statement. */
      proposal?: Proposal;
      /** Required on the final report's statement: should the partnership be renegotiated (omförhandlas)? */
      renegotiate?: boolean;
    } & EventEnvelope)
  | ({ type: "ATTEST" } & EventEnvelope)
  | ({ type: "RETURN"; comment: string } & EventEnvelope)
  | ({
      type: "REGISTER_DECISION";
      meetingDate: CalendarDate;
      /** Paragraph (§) in the nämnd's minutes, e.g. "§ 12". */
      paragraph: string;
      outcome: DecisionOutcome;
      /** Mandatory when outcome is "rejected"; sent to the förening. */
      motivation?: string;
    } & EventEnvelope)
  | ({
      type: "SEND_FOR_SIGNING";
      startDate: CalendarDate;
      endDate: CalendarDate;
      /** Due date of each periodic report (årsrapport/tertialrapport), ascending. */
      reportDueDates: CalendarDate[];
      /** Whether the agreement allows extension ("möjlighet till förlängning"). */
      extensionAllowed: boolean;
      /** When the slutrapport is due; defaults to the end date. */
      finalReportDueDate?: CalendarDate;
    } & EventEnvelope)
  | ({ type: "RETURN_TO_DRAFTING"; comment: string } & EventEnvelope)
  /** documentSha256: the frozen version's hash the signer was shown; the runtime refuses a stale one (the machine ignores it). */
  | ({ type: "SIGN"; documentSha256?: string } & EventEnvelope)
  | ({ type: "SUBMIT_REPORT" } & EventEnvelope)
  | ({ type: "REQUEST_REPORT_COMPLETION"; message: string; dueDate: CalendarDate } & EventEnvelope)
  | ({ type: "RESUBMIT_REPORT" } & EventEnvelope)
  | ({ type: "APPROVE_REPORT" } & EventEnvelope)
  | ({
      type: "EXTEND";
      newEndDate: CalendarDate;
      addedReportDueDates: CalendarDate[];
      finalReportDueDate?: CalendarDate;
    } & EventEnvelope)
  | ({
      type: "TERMINATE";
      reason: string;
      effectiveDate: CalendarDate;
      finalReportDueDate?: CalendarDate;
    } & EventEnvelope)
  /** Sent by the scheduler; moves a case whose reports are all approved on to the slutrapport once the agreement has ended. */
  | ({ type: "PERIOD_ELAPSED" } & EventEnvelope)
  | ({ type: "SUBMIT_FINAL_REPORT" } & EventEnvelope)
  | ({ type: "START_FINAL_ASSESSMENT" } & EventEnvelope)
  | ({ type: "REGISTER_FINAL_APPROVAL"; meetingDate: CalendarDate; paragraph: string } & EventEnvelope);

export type PartnershipEventType = PartnershipEvent["type"];
export type EventOf<T extends PartnershipEventType> = Extract<PartnershipEvent, { type: T }>;

export interface CompletionRequest {
  message: string;
  dueDate: CalendarDate;
  requestedBy: string;
  requestedAt: string;
}

export interface AttestationRecord {
  role: AttesterRole;
  userId: string;
  at: string;
}

/** A tjänsteutlåtande sent for attestering. Its content lives in the database. */
export interface StatementRecord {
  authorId: string;
  submittedAt: string;
  proposal: Proposal | null;
  renegotiate: boolean | null;
  /** Attestations of the current round; a return empties the list. */
  attestations: AttestationRecord[];
}

export interface ReturnRecord {
  stage: StatementStage;
  role: AttesterRole;
  userId: string;
  comment: string;
  at: string;
}

export interface BoardDecision {
  meetingDate: CalendarDate;
  paragraph: string;
  outcome: DecisionOutcome;
  motivation: string | null;
  registeredBy: string;
  registeredAt: string;
}

export interface AgreementTerms {
  startDate: CalendarDate;
  endDate: CalendarDate;
  reportDueDates: CalendarDate[];
  extensionAllowed: boolean;
  finalReportDueDate: CalendarDate | null;
}

export interface Signature {
  userId: string;
  at: string;
}

export interface ReportApproval {
  periodIndex: number;
  approvedBy: string;
  at: string;
}

export interface Extension {
  previousEndDate: CalendarDate;
  newEndDate: CalendarDate;
  addedReportDueDates: CalendarDate[];
  decidedBy: string;
  at: string;
}

export interface Termination {
  reason: string;
  effectiveDate: CalendarDate;
  finalReportDueDate: CalendarDate | null;
  decidedBy: string;
  at: string;
}

export interface FinalApproval {
  meetingDate: CalendarDate;
  paragraph: string;
  registeredBy: string;
  registeredAt: string;
}

export interface Withdrawal {
  userId: string;
  at: string;
  reason: string | null;
}

export interface PartnershipContext {
  outcome: Outcome | null;
  /** 1 for the first submitted application; each resubmission after komplettering adds one. */
  applicationVersion: number;
  submittedAt: string | null;
  assignedCaseworkerId: string | null;
  /** The open request for komplettering (application or periodic report), if any. */
  completionRequest: CompletionRequest | null;
  applicationStatement: StatementRecord | null;
  finalStatement: StatementRecord | null;
  /** The latest return from attestering, so the caseworker can read why. */
  lastReturn: ReturnRecord | null;
  decision: BoardDecision | null;
  agreement: AgreementTerms | null;
  signatures: { association: Signature | null; administration: Signature | null };
  /** Index into agreement.reportDueDates of the report currently awaited or under review. */
  currentPeriodIndex: number;
  /** 1 for the first submitted version of the current period's report. 0 before submission. */
  reportVersion: number;
  approvedReports: ReportApproval[];
  extensions: Extension[];
  termination: Termination | null;
  finalReportSubmittedAt: string | null;
  finalApproval: FinalApproval | null;
  withdrawal: Withdrawal | null;
}

export * from "./effectTypes";
