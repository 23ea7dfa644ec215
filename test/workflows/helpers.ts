/**
 * Shared fixtures for the workflow tests: actors with their roles on the
 * case, valid events with fixed timestamps, and a driver that walks a case
 * through `transition()` exactly as the server will.
 */
import { initialTransition, transition } from "xstate";
import {
  explainRefusal,
  partnershipMachine,
  statePath,
  toEffects,
  type Actor,
  type CaseRole,
  type PartnershipEffect,
  type PartnershipEvent,
  type PartnershipSnapshot,
} from "../../workflows";

export function actor(userId: string, ...roles: CaseRole[]): Actor {
  return { userId, roles };
}

export const A = {
  applicant: actor("u-applicant", "applicant"),
  signatory: actor("u-signatory", "signatory"),
  caseworker: actor("cw-1", "caseworker"),
  otherCaseworker: actor("cw-2", "caseworker"),
  coordinator: actor("u-coordinator", "coordinator"),
  headOfUnit: actor("u-hou", "head_of_unit"),
  director: actor("u-director", "district_director"),
  registrar: actor("u-registrar", "registrar"),
  admin: actor("u-admin", "admin"),
  system: actor("system", "system"),
} as const;

/** A Swedish-offset timestamp for a day, so that its date part is the local day. */
export const at = (day: string, time = "10:00") => `${day}T${time}:00+01:00`;

type Payload<T extends PartnershipEvent["type"]> = Omit<Extract<PartnershipEvent, { type: T }>, "type" | "actor" | "at">;

export function ev<T extends PartnershipEvent["type"]>(
  type: T,
  who: Actor,
  day: string,
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{} extends P` asks whether every field of P is optional
  ...payload: {} extends Payload<T> ? [Payload<T>?] : [Payload<T>]
): Extract<PartnershipEvent, { type: T }> {
  return { type, actor: who, at: at(day), ...(payload[0] ?? {}) } as Extract<PartnershipEvent, { type: T }>;
}

export const AGREEMENT_TERMS = {
  startDate: "2025-05-01",
  endDate: "2026-04-30",
  reportDueDates: ["2025-09-30", "2026-03-31"],
  extensionAllowed: true,
  finalReportDueDate: "2026-06-30",
};

/** Valid events of the full lifecycle, in order, keyed so tests can pick one. */
export const E = {
  submit: ev("SUBMIT", A.applicant, "2025-02-01"),
  take: ev("TAKE", A.caseworker, "2025-02-03"),
  assign: ev("ASSIGN", A.admin, "2025-02-03", { caseworkerId: "cw-1" }),
  requestCompletion: ev("REQUEST_COMPLETION", A.caseworker, "2025-02-04", {
    message: "Bifoga budget för 2025.",
    dueDate: "2025-02-18",
  }),
  resubmit: ev("RESUBMIT", A.applicant, "2025-02-10"),
  startAssessment: ev("START_ASSESSMENT", A.caseworker, "2025-02-11"),
  submitStatement: ev("SUBMIT_FOR_ATTESTATION", A.caseworker, "2025-03-01", { proposal: "approve" }),
  attestHeadOfUnit: ev("ATTEST", A.headOfUnit, "2025-03-03"),
  attestDirector: ev("ATTEST", A.director, "2025-03-05"),
  returnHeadOfUnit: ev("RETURN", A.headOfUnit, "2025-03-03", { comment: "Komplettera jämställdhetsanalysen." }),
  returnDirector: ev("RETURN", A.director, "2025-03-05", { comment: "Förtydliga barnrättsperspektivet." }),
  approve: ev("REGISTER_DECISION", A.registrar, "2025-03-20", {
    meetingDate: "2025-03-20",
    paragraph: "§ 12",
    outcome: "approved",
  }),
  reject: ev("REGISTER_DECISION", A.registrar, "2025-03-20", {
    meetingDate: "2025-03-20",
    paragraph: "§ 13",
    outcome: "rejected",
    motivation: "Verksamheten konkurrerar med förvaltningens ordinarie verksamhet.",
  }),
  sendForSigning: ev("SEND_FOR_SIGNING", A.caseworker, "2025-04-01", AGREEMENT_TERMS),
  returnToDrafting: ev("RETURN_TO_DRAFTING", A.caseworker, "2025-04-03", { comment: "Fel belopp i § 5." }),
  signAssociation: ev("SIGN", A.signatory, "2025-04-05"),
  signAdministration: ev("SIGN", A.headOfUnit, "2025-04-07"),
  submitReport: ev("SUBMIT_REPORT", A.applicant, "2025-09-25"),
  requestReportCompletion: ev("REQUEST_REPORT_COMPLETION", A.caseworker, "2025-10-01", {
    message: "Dela upp deltagarna på kön.",
    dueDate: "2025-10-15",
  }),
  resubmitReport: ev("RESUBMIT_REPORT", A.applicant, "2025-10-10"),
  approveReport: ev("APPROVE_REPORT", A.caseworker, "2025-10-20"),
  submitSecondReport: ev("SUBMIT_REPORT", A.applicant, "2026-03-20"),
  approveSecondReport: ev("APPROVE_REPORT", A.caseworker, "2026-03-28"),
  extend: ev("EXTEND", A.director, "2026-03-01", {
    newEndDate: "2027-04-30",
    addedReportDueDates: ["2027-03-31"],
    finalReportDueDate: "2027-06-30",
  }),
  terminate: ev("TERMINATE", A.director, "2025-11-01", {
    reason: "Föreningen har upphört med verksamheten.",
    effectiveDate: "2025-12-31",
  }),
  periodElapsed: ev("PERIOD_ELAPSED", A.system, "2026-05-01"),
  periodElapsedAfterExtension: ev("PERIOD_ELAPSED", A.system, "2027-05-01"),
  submitFinalReport: ev("SUBMIT_FINAL_REPORT", A.applicant, "2026-06-15"),
  startFinalAssessment: ev("START_FINAL_ASSESSMENT", A.caseworker, "2026-06-20"),
  submitFinalStatement: ev("SUBMIT_FOR_ATTESTATION", A.caseworker, "2026-08-01", { renegotiate: true }),
  attestFinalHeadOfUnit: ev("ATTEST", A.headOfUnit, "2026-08-03"),
  attestFinalDirector: ev("ATTEST", A.director, "2026-08-05"),
  approveFinalReport: ev("REGISTER_FINAL_APPROVAL", A.registrar, "2026-09-15", {
    meetingDate: "2026-09-15",
    paragraph: "§ 7",
  }),
  withdraw: ev("WITHDRAW", A.applicant, "2025-03-10", { reason: "Vi har fått annan finansiering." }),
  reassign: ev("REASSIGN", A.admin, "2025-06-01", { caseworkerId: "cw-2" }),
} as const;

export interface Step {
  snapshot: PartnershipSnapshot;
  effects: PartnershipEffect[];
}

export function start(): PartnershipSnapshot {
  return initialTransition(partnershipMachine)[0];
}

/** Applies one event that must be accepted; a refusal fails the test with its reason. */
export function step(snapshot: PartnershipSnapshot, event: PartnershipEvent): Step {
  const reason = explainRefusal(snapshot, event);
  if (reason !== null) {
    throw new Error(`${event.type} refused in ${statePath(snapshot)}: ${reason}`);
  }
  const [next, actions] = transition(partnershipMachine, snapshot, event);
  return { snapshot: next, effects: toEffects(actions) };
}

export function run(events: readonly PartnershipEvent[], from: PartnershipSnapshot = start()): PartnershipSnapshot {
  return events.reduce((snapshot, event) => step(snapshot, event).snapshot, from);
}

/** Events from a fresh case to each resting state; `path` is the name used in it.each tables. */
export const PATHS: Record<string, readonly PartnershipEvent[]> = {
  "application.draft": [],
  "review.unassigned": [E.submit],
  "review.assigned": [E.submit, E.take],
  "review.awaitingCompletion": [E.submit, E.take, E.requestCompletion],
  "review.assessment": [E.submit, E.take, E.startAssessment],
  "review.attestation.awaitingHeadOfUnit": [E.submit, E.take, E.startAssessment, E.submitStatement],
  "review.attestation.awaitingDistrictDirector": [
    E.submit, E.take, E.startAssessment, E.submitStatement, E.attestHeadOfUnit,
  ],
};
const beforeBoard = PATHS["review.attestation.awaitingDistrictDirector"] ?? [];
PATHS["decision.awaitingBoard"] = [...beforeBoard, E.attestDirector];
PATHS["agreement.drafting"] = [...(PATHS["decision.awaitingBoard"] ?? []), E.approve];
PATHS["agreement.signing"] = [...PATHS["agreement.drafting"], E.sendForSigning];
PATHS["followUp.reportDue"] = [...PATHS["agreement.signing"], E.signAssociation, E.signAdministration];
PATHS["followUp.reportSubmitted"] = [...PATHS["followUp.reportDue"], E.submitReport];
PATHS["followUp.reportCompletionRequested"] = [...PATHS["followUp.reportSubmitted"], E.requestReportCompletion];
PATHS["followUp.reportReviewed"] = [
  ...PATHS["followUp.reportSubmitted"], E.approveReport, E.submitSecondReport, E.approveSecondReport,
];
PATHS["finalReport.due"] = [...PATHS["followUp.reportReviewed"], E.periodElapsed];
PATHS["finalReport.submitted"] = [...PATHS["finalReport.due"], E.submitFinalReport];
PATHS["finalReport.assessment"] = [...PATHS["finalReport.submitted"], E.startFinalAssessment];
PATHS["finalReport.attestation.awaitingHeadOfUnit"] = [...PATHS["finalReport.assessment"], E.submitFinalStatement];
PATHS["finalReport.attestation.awaitingDistrictDirector"] = [
  ...PATHS["finalReport.attestation.awaitingHeadOfUnit"], E.attestFinalHeadOfUnit,
];
PATHS["finalReport.awaitingBoard"] = [
  ...PATHS["finalReport.attestation.awaitingDistrictDirector"], E.attestFinalDirector,
];
PATHS["closed"] = [...PATHS["finalReport.awaitingBoard"], E.approveFinalReport];

export function reach(path: string): PartnershipSnapshot {
  const events = PATHS[path];
  if (!events) throw new Error(`No path to ${path}`);
  const snapshot = run(events);
  if (statePath(snapshot) !== path) throw new Error(`Expected ${path}, got ${statePath(snapshot)}`);
  return snapshot;
}

/** Resting states before the nämnd's decision is registered, and after. */
export const BEFORE_DECISION = Object.keys(PATHS).slice(0, Object.keys(PATHS).indexOf("agreement.drafting"));
export const AFTER_DECISION = Object.keys(PATHS).slice(Object.keys(PATHS).indexOf("agreement.drafting"));

export function notifications(effects: readonly PartnershipEffect[]) {
  return effects.flatMap((effect) => (effect.type === "notify" ? [effect.params] : []));
}
