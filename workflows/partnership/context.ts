/**
 * The machine's context and the pure questions asked about it. Rules, guards
 * and action params all read the context through these helpers so that they
 * agree on what, for example, "the current report" means.
 */
import { dayOf } from "./dates";
import type { CaseRole } from "../roles";
import type {
  Actor,
  CalendarDate,
  PartnershipContext,
  StatementRecord,
  StatementStage,
} from "./types";

export function createInitialContext(): PartnershipContext {
  return {
    outcome: null,
    applicationVersion: 1,
    submittedAt: null,
    assignedCaseworkerId: null,
    completionRequest: null,
    applicationStatement: null,
    finalStatement: null,
    lastReturn: null,
    decision: null,
    agreement: null,
    signatures: { association: null, administration: null },
    currentPeriodIndex: 0,
    reportVersion: 0,
    approvedReports: [],
    extensions: [],
    termination: null,
    finalReportSubmittedAt: null,
    finalApproval: null,
    withdrawal: null,
  };
}

export function hasRole(actor: Actor, ...roles: CaseRole[]): boolean {
  return actor.roles.some((role) => roles.includes(role));
}

/** The caseworker who holds the case; a user id match alone is not enough once they lose the role. */
export function isAssignedCaseworker(context: PartnershipContext, actor: Actor): boolean {
  return (
    context.assignedCaseworkerId !== null &&
    context.assignedCaseworkerId === actor.userId &&
    hasRole(actor, "caseworker")
  );
}

export function statementOf(context: PartnershipContext, stage: StatementStage): StatementRecord | null {
  return stage === "application" ? context.applicationStatement : context.finalStatement;
}

export function statementKey(stage: StatementStage): "applicationStatement" | "finalStatement" {
  return stage === "application" ? "applicationStatement" : "finalStatement";
}

export function currentReportDueDate(context: PartnershipContext): CalendarDate | null {
  return context.agreement?.reportDueDates[context.currentPeriodIndex] ?? null;
}

/**
 * The first day of the period the current report covers: the agreement's start date for the first
 * report, the previous report's due date for later ones (the terms name no other period boundaries).
 */
export function currentReportPeriodStart(context: PartnershipContext): CalendarDate | null {
  const agreement = context.agreement;
  if (!agreement) return null;
  const index = context.currentPeriodIndex;
  return index === 0 ? agreement.startDate : (agreement.reportDueDates[index - 1] ?? agreement.startDate);
}

/** A report is about a period; before that period has begun there is nothing to report on yet. */
export function reportPeriodHasBegun(context: PartnershipContext, at: string): boolean {
  const start = currentReportPeriodStart(context);
  return start !== null && dayOf(at) >= start;
}

export function hasNextReportingPeriod(context: PartnershipContext): boolean {
  const count = context.agreement?.reportDueDates.length ?? 0;
  return context.currentPeriodIndex + 1 < count;
}

/** The agreement is over when the event's day is after the (inclusive) end date. */
export function agreementHasEnded(context: PartnershipContext, at: string): boolean {
  const endDate = context.agreement?.endDate;
  return endDate !== undefined && dayOf(at) > endDate;
}

/** A termination sets its own due date; otherwise the agreement's, otherwise its end date. */
export function finalReportDueDate(context: PartnershipContext): CalendarDate | null {
  if (context.termination) {
    return context.termination.finalReportDueDate ?? context.termination.effectiveDate;
  }
  return context.agreement?.finalReportDueDate ?? context.agreement?.endDate ?? null;
}

export type SigningSide = "association" | "administration";

/**
 * Which party the actor would sign for now. A person holding roles on both
 * sides signs for the side that has not yet signed, förening first.
 */
export function signingSide(context: PartnershipContext, actor: Actor): SigningSide | null {
  const { association, administration } = context.signatures;
  if (hasRole(actor, "signatory") && association === null) return "association";
  if (hasRole(actor, "head_of_unit", "district_director") && administration === null) {
    return "administration";
  }
  return null;
}
