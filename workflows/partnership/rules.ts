/**
 * The rule table: one function per guard, returning null when the event is
 * allowed and otherwise the Swedish reason. Guards are derived from this table
 * (allowed = rule(...) === null) and explainRefusal reads the same table, so
 * the machine and the UI can never disagree about why something is refused.
 */
import {
  agreementHasEnded,
  currentReportPeriodStart,
  reportPeriodHasBegun,
  hasRole,
  isAssignedCaseworker,
  signingSide,
  statementOf,
} from "./context";
import { dayOf, isAscendingDates, isCalendarDate, isNonEmptyText, isTimestamp } from "./dates";
import { refusal } from "./messages";
import type {
  AttestationStep,
  EventOf,
  PartnershipContext,
  PartnershipEvent,
  PartnershipEventType,
  StatementStage,
} from "./types";

export type Reason = string | null;

export interface StageParams {
  stage: StatementStage;
}
export interface StepParams {
  stage: StatementStage;
  step: AttestationStep;
}

export interface Rule<P> {
  readonly events: readonly PartnershipEventType[];
  check(context: PartnershipContext, event: PartnershipEvent, params: P): Reason;
}

/** Checks shared by every event, then the rule's own check on the narrowed event. */
function rule<T extends PartnershipEventType, P = undefined>(
  events: readonly T[],
  check: (context: PartnershipContext, event: EventOf<T>, params: P) => Reason,
): Rule<P> {
  const isHandled = (event: PartnershipEvent): event is EventOf<T> =>
    (events as readonly PartnershipEventType[]).includes(event.type);
  return {
    events,
    check(context, event, params) {
      if (!event.actor || !isNonEmptyText(event.actor.userId) || !Array.isArray(event.actor.roles)) {
        return refusal.missingActor;
      }
      if (!isTimestamp(event.at)) return refusal.invalidAt;
      if (!isHandled(event)) return refusal.notPossible;
      return check(context, event, params);
    },
  };
}

/** A deadline must be a real date after the day of the event. */
function dueDateProblem(dueDate: unknown, at: string): boolean {
  return !isCalendarDate(dueDate) || dueDate <= dayOf(at);
}

function meetingProblem(event: { meetingDate: unknown; paragraph: unknown; at: string }): Reason {
  if (!isCalendarDate(event.meetingDate)) return refusal.meetingDate;
  if (event.meetingDate > dayOf(event.at)) return refusal.meetingDateInFuture;
  if (!isNonEmptyText(event.paragraph)) return refusal.paragraph;
  return null;
}

const STEP_ROLE = {
  headOfUnit: { role: "head_of_unit", message: refusal.onlyHeadOfUnitAttests },
  districtDirector: { role: "district_director", message: refusal.onlyDistrictDirectorAttests },
} as const;

/** Shared by ATTEST and RETURN: author first, because that is the more useful answer. */
function attesterProblem(
  context: PartnershipContext,
  event: PartnershipEvent,
  { stage, step }: StepParams,
  authorMessage: string,
): Reason {
  const statement = statementOf(context, stage);
  if (!statement) return refusal.notPossible;
  if (statement.authorId === event.actor.userId) return authorMessage;
  const { role, message } = STEP_ROLE[step];
  if (!hasRole(event.actor, role)) return message;
  if (statement.attestations.some((a) => a.userId === event.actor.userId)) return refusal.attestedTwice;
  return null;
}

export const rules = {
  canSubmit: rule(["SUBMIT"], (_context, event) =>
    hasRole(event.actor, "applicant") ? null : refusal.onlyApplicantSubmits,
  ),

  canWithdraw: rule(["WITHDRAW"], (_context, event) =>
    hasRole(event.actor, "applicant", "signatory") ? null : refusal.onlyAssociationWithdraws,
  ),

  canTake: rule(["TAKE"], (_context, event) =>
    hasRole(event.actor, "caseworker") ? null : refusal.onlyCaseworkerTakes,
  ),

  canAssign: rule(["ASSIGN"], (_context, event) => {
    if (!hasRole(event.actor, "caseworker", "admin")) return refusal.onlyCaseworkerOrAdminAssigns;
    return isNonEmptyText(event.caseworkerId) ? null : refusal.chooseCaseworker;
  }),

  canReassign: rule(["REASSIGN"], (context, event) => {
    if (!hasRole(event.actor, "caseworker", "admin")) return refusal.onlyCaseworkerOrAdminAssigns;
    if (context.assignedCaseworkerId === null) return refusal.noCaseworkerYet;
    if (!isNonEmptyText(event.caseworkerId)) return refusal.chooseCaseworker;
    return event.caseworkerId === context.assignedCaseworkerId ? refusal.sameCaseworker : null;
  }),

  canRequestCompletion: rule(["REQUEST_COMPLETION"], (context, event) => {
    if (!isAssignedCaseworker(context, event.actor)) return refusal.onlyAssignedRequestsCompletion;
    if (!isNonEmptyText(event.message)) return refusal.describeCompletion;
    return dueDateProblem(event.dueDate, event.at) ? refusal.completionDueDate : null;
  }),

  canResubmit: rule(["RESUBMIT"], (_context, event) =>
    hasRole(event.actor, "applicant") ? null : refusal.onlyApplicantResubmits,
  ),

  canStartAssessment: rule(["START_ASSESSMENT"], (context, event) =>
    isAssignedCaseworker(context, event.actor) ? null : refusal.onlyAssignedAssesses,
  ),

  canSubmitForAttestation: rule<"SUBMIT_FOR_ATTESTATION", StageParams>(
    ["SUBMIT_FOR_ATTESTATION"],
    (context, event, { stage }) => {
      if (!isAssignedCaseworker(context, event.actor)) return refusal.onlyAssignedSubmitsStatement;
      if (stage === "application") {
        return event.proposal === "approve" || event.proposal === "reject" ? null : refusal.chooseProposal;
      }
      return typeof event.renegotiate === "boolean" ? null : refusal.chooseRenegotiation;
    },
  ),

  canAttest: rule<"ATTEST", StepParams>(["ATTEST"], (context, event, params) =>
    attesterProblem(context, event, params, refusal.authorCannotAttest),
  ),

  canReturnStatement: rule<"RETURN", StepParams>(["RETURN"], (context, event, params) => {
    const problem = attesterProblem(context, event, params, refusal.authorCannotReturn);
    if (problem) return problem;
    return isNonEmptyText(event.comment) ? null : refusal.returnComment;
  }),

  canRegisterDecision: rule(["REGISTER_DECISION"], (_context, event) => {
    if (!hasRole(event.actor, "registrar")) return refusal.onlyRegistrarRegisters;
    const meeting = meetingProblem(event);
    if (meeting) return meeting;
    if (event.outcome !== "approved" && event.outcome !== "rejected") return refusal.decisionOutcome;
    if (event.outcome === "rejected" && !isNonEmptyText(event.motivation)) {
      return refusal.rejectionMotivation;
    }
    return null;
  }),

  canSendForSigning: rule(["SEND_FOR_SIGNING"], (context, event) => {
    if (!isAssignedCaseworker(context, event.actor)) return refusal.onlyAssignedSendsAgreement;
    if (!isCalendarDate(event.startDate)) return refusal.agreementStartDate;
    if (!isCalendarDate(event.endDate) || event.endDate <= event.startDate) return refusal.agreementEndDate;
    if (!Array.isArray(event.reportDueDates) || event.reportDueDates.length === 0) {
      return refusal.reportDueDates;
    }
    const first = event.reportDueDates[0];
    if (!isAscendingDates(event.reportDueDates) || first === undefined || first <= event.startDate) {
      return refusal.reportDueDatesOrder;
    }
    if (typeof event.extensionAllowed !== "boolean") return refusal.extensionAllowed;
    const finalDue = event.finalReportDueDate;
    if (finalDue !== undefined && (!isCalendarDate(finalDue) || finalDue < event.endDate)) {
      return refusal.finalReportDueDate;
    }
    return null;
  }),

  canReturnToDrafting: rule(["RETURN_TO_DRAFTING"], (context, event) => {
    if (!isAssignedCaseworker(context, event.actor)) return refusal.onlyAssignedReturnsAgreement;
    return isNonEmptyText(event.comment) ? null : refusal.agreementReturnComment;
  }),

  canSign: rule(["SIGN"], (context, event) => {
    const { actor } = event;
    if (!hasRole(actor, "signatory", "head_of_unit", "district_director")) return refusal.onlySignatoriesSign;
    const side = signingSide(context, actor);
    if (side === null) {
      return hasRole(actor, "signatory") ? refusal.associationAlreadySigned : refusal.administrationAlreadySigned;
    }
    const other = side === "association" ? context.signatures.administration : context.signatures.association;
    return other?.userId === actor.userId ? refusal.signBothSides : null;
  }),

  canSubmitReport: rule(["SUBMIT_REPORT"], (context, event) => {
    if (!hasRole(event.actor, "applicant")) return refusal.onlyApplicantReports;
    const start = currentReportPeriodStart(context);
    return start !== null && !reportPeriodHasBegun(context, event.at) ? refusal.reportPeriodNotBegun(start) : null;
  }),

  canRequestReportCompletion: rule(["REQUEST_REPORT_COMPLETION"], (context, event) => {
    if (!isAssignedCaseworker(context, event.actor)) return refusal.onlyAssignedRequestsReportCompletion;
    if (!isNonEmptyText(event.message)) return refusal.describeCompletion;
    return dueDateProblem(event.dueDate, event.at) ? refusal.completionDueDate : null;
  }),

  canResubmitReport: rule(["RESUBMIT_REPORT"], (_context, event) =>
    hasRole(event.actor, "applicant") ? null : refusal.onlyApplicantResubmitsReport,
  ),

  canApproveReport: rule(["APPROVE_REPORT"], (context, event) =>
    isAssignedCaseworker(context, event.actor) ? null : refusal.onlyAssignedApprovesReport,
  ),

  canExtend: rule(["EXTEND"], (context, event) => {
    if (!hasRole(event.actor, "head_of_unit", "district_director", "registrar")) {
      return refusal.onlyManagementExtends;
    }
    const agreement = context.agreement;
    if (!agreement) return refusal.notPossible;
    if (!agreement.extensionAllowed) return refusal.extensionNotAllowed;
    if (!isCalendarDate(event.newEndDate) || event.newEndDate <= agreement.endDate) {
      return refusal.newEndDate(agreement.endDate);
    }
    const added = event.addedReportDueDates;
    const last = agreement.reportDueDates[agreement.reportDueDates.length - 1] ?? agreement.startDate;
    if (!Array.isArray(added) || added.length === 0 || !isAscendingDates(added) || (added[0] ?? "") <= last) {
      return refusal.addedReportDueDates;
    }
    const finalDue = event.finalReportDueDate;
    if (finalDue !== undefined && (!isCalendarDate(finalDue) || finalDue < event.newEndDate)) {
      return refusal.finalReportDueDate;
    }
    return null;
  }),

  canTerminate: rule(["TERMINATE"], (context, event) => {
    if (!hasRole(event.actor, "head_of_unit", "district_director", "registrar")) {
      return refusal.onlyManagementTerminates;
    }
    const agreement = context.agreement;
    if (!agreement) return refusal.notPossible;
    if (!isNonEmptyText(event.reason)) return refusal.terminationReason;
    if (!isCalendarDate(event.effectiveDate) || event.effectiveDate > agreement.endDate) {
      return refusal.terminationDate(agreement.endDate);
    }
    const finalDue = event.finalReportDueDate;
    if (finalDue !== undefined && (!isCalendarDate(finalDue) || finalDue < event.effectiveDate)) {
      return refusal.finalReportDueDate;
    }
    return null;
  }),

  canEndPeriod: rule(["PERIOD_ELAPSED"], (context, event) => {
    if (!hasRole(event.actor, "system")) return refusal.onlySystemEndsPeriod;
    const endDate = context.agreement?.endDate;
    if (endDate === undefined) return refusal.notPossible;
    return agreementHasEnded(context, event.at) ? null : refusal.periodNotEnded(endDate);
  }),

  canSubmitFinalReport: rule(["SUBMIT_FINAL_REPORT"], (_context, event) =>
    hasRole(event.actor, "applicant") ? null : refusal.onlyApplicantSubmitsFinalReport,
  ),

  canStartFinalAssessment: rule(["START_FINAL_ASSESSMENT"], (context, event) =>
    isAssignedCaseworker(context, event.actor) ? null : refusal.onlyAssignedAssessesFinalReport,
  ),

  canRegisterFinalApproval: rule(["REGISTER_FINAL_APPROVAL"], (_context, event) => {
    if (!hasRole(event.actor, "registrar")) return refusal.onlyRegistrarRegistersFinalApproval;
    return meetingProblem(event);
  }),
};

export type RuleName = keyof typeof rules;

export function isRuleName(name: string): name is RuleName {
  return Object.prototype.hasOwnProperty.call(rules, name);
}
