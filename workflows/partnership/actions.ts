/**
 * Named actions for setup(). Context updates are `assign`s around pure
 * reducers. The effects (notify, receipt, setDeadline, clearDeadline,
 * openRenegotiation) have empty implementations on purpose: the server runs
 * the machine through `transition()` and carries them out from the returned
 * action objects, so nothing here may touch the outside world.
 */
import { assertEvent, assign } from "xstate";
import { signingSide, statementKey } from "./context";
import type { StageParams, StepParams } from "./rules";
import type {
  ClearDeadlineParams,
  NotifyParams,
  OpenRenegotiationParams,
  PartnershipContext,
  PartnershipEvent,
  ReceiptParams,
  SetDeadlineParams,
} from "./types";

type Reducer<P> = (context: PartnershipContext, event: PartnershipEvent, params: P) => Partial<PartnershipContext>;

function update<P = undefined>(reducer: Reducer<P>) {
  return assign<PartnershipContext, PartnershipEvent, P, PartnershipEvent, never>(({ context, event }, params) =>
    reducer(context, event, params),
  );
}

const ATTESTER_ROLE = { headOfUnit: "head_of_unit", districtDirector: "district_director" } as const;

export const actions = {
  notify: (_args: unknown, _params: NotifyParams) => {},
  receipt: (_args: unknown, _params: ReceiptParams) => {},
  setDeadline: (_args: unknown, _params: SetDeadlineParams) => {},
  clearDeadline: (_args: unknown, _params: ClearDeadlineParams) => {},
  openRenegotiation: (_args: unknown, _params: OpenRenegotiationParams) => {},

  recordSubmission: update((_context, event) => {
    assertEvent(event, "SUBMIT");
    return { submittedAt: event.at };
  }),

  recordWithdrawal: update((_context, event) => {
    assertEvent(event, "WITHDRAW");
    const reason = event.reason?.trim() ? event.reason.trim() : null;
    return {
      outcome: "withdrawn",
      withdrawal: { userId: event.actor.userId, at: event.at, reason },
      completionRequest: null,
    };
  }),

  takeCase: update((_context, event) => {
    assertEvent(event, "TAKE");
    return { assignedCaseworkerId: event.actor.userId };
  }),

  assignCaseworker: update((_context, event) => {
    assertEvent(event, ["ASSIGN", "REASSIGN"]);
    return { assignedCaseworkerId: event.caseworkerId };
  }),

  recordCompletionRequest: update((_context, event) => {
    assertEvent(event, ["REQUEST_COMPLETION", "REQUEST_REPORT_COMPLETION"]);
    return {
      completionRequest: {
        message: event.message.trim(),
        dueDate: event.dueDate,
        requestedBy: event.actor.userId,
        requestedAt: event.at,
      },
    };
  }),

  // The new version's content is stored by the server; the machine only counts versions.
  recordResubmission: update((context, event) => {
    assertEvent(event, "RESUBMIT");
    return { applicationVersion: context.applicationVersion + 1, completionRequest: null };
  }),

  recordStatement: update<StageParams>((_context, event, { stage }) => {
    assertEvent(event, "SUBMIT_FOR_ATTESTATION");
    return {
      [statementKey(stage)]: {
        authorId: event.actor.userId,
        submittedAt: event.at,
        proposal: stage === "application" ? (event.proposal ?? null) : null,
        renegotiate: stage === "finalReport" ? (event.renegotiate ?? null) : null,
        attestations: [],
      },
    };
  }),

  recordAttestation: update<StepParams>((context, event, { stage, step }) => {
    assertEvent(event, "ATTEST");
    const statement = context[statementKey(stage)];
    if (!statement) return {};
    const attestation = { role: ATTESTER_ROLE[step], userId: event.actor.userId, at: event.at };
    return { [statementKey(stage)]: { ...statement, attestations: [...statement.attestations, attestation] } };
  }),

  // A returned statement is attested again from the first step, so the round starts empty.
  recordReturn: update<StepParams>((context, event, { stage, step }) => {
    assertEvent(event, "RETURN");
    const statement = context[statementKey(stage)];
    return {
      ...(statement ? { [statementKey(stage)]: { ...statement, attestations: [] } } : {}),
      lastReturn: {
        stage,
        role: ATTESTER_ROLE[step],
        userId: event.actor.userId,
        comment: event.comment.trim(),
        at: event.at,
      },
    };
  }),

  recordDecision: update((_context, event) => {
    assertEvent(event, "REGISTER_DECISION");
    const rejected = event.outcome === "rejected";
    return {
      decision: {
        meetingDate: event.meetingDate,
        paragraph: event.paragraph.trim(),
        outcome: event.outcome,
        motivation: event.motivation?.trim() ? event.motivation.trim() : null,
        registeredBy: event.actor.userId,
        registeredAt: event.at,
      },
      ...(rejected ? { outcome: "rejected" as const } : {}),
    };
  }),

  recordAgreementTerms: update((_context, event) => {
    assertEvent(event, "SEND_FOR_SIGNING");
    return {
      agreement: {
        startDate: event.startDate,
        endDate: event.endDate,
        reportDueDates: [...event.reportDueDates],
        extensionAllowed: event.extensionAllowed,
        finalReportDueDate: event.finalReportDueDate ?? null,
      },
      signatures: { association: null, administration: null },
    };
  }),

  // A changed agreement is a new document; signatures on the old one do not carry over.
  clearSignatures: update(() => ({ signatures: { association: null, administration: null } })),

  recordSignature: update((context, event) => {
    assertEvent(event, "SIGN");
    const side = signingSide(context, event.actor);
    if (!side) return {};
    return { signatures: { ...context.signatures, [side]: { userId: event.actor.userId, at: event.at } } };
  }),

  recordReportSubmission: update((_context, event) => {
    assertEvent(event, "SUBMIT_REPORT");
    return { reportVersion: 1 };
  }),

  recordReportResubmission: update((context, event) => {
    assertEvent(event, "RESUBMIT_REPORT");
    return { reportVersion: context.reportVersion + 1, completionRequest: null };
  }),

  recordReportApproval: update((context, event) => {
    assertEvent(event, "APPROVE_REPORT");
    const approval = { periodIndex: context.currentPeriodIndex, approvedBy: event.actor.userId, at: event.at };
    return { approvedReports: [...context.approvedReports, approval], completionRequest: null };
  }),

  advanceReportingPeriod: update((context) => ({
    currentPeriodIndex: context.currentPeriodIndex + 1,
    reportVersion: 0,
  })),

  recordExtension: update((context, event) => {
    assertEvent(event, "EXTEND");
    const agreement = context.agreement;
    if (!agreement) return {};
    return {
      agreement: {
        ...agreement,
        endDate: event.newEndDate,
        reportDueDates: [...agreement.reportDueDates, ...event.addedReportDueDates],
        // An old due date would fall before the new end date, so it gives way to the event's or the end date.
        finalReportDueDate: event.finalReportDueDate ?? null,
      },
      extensions: [
        ...context.extensions,
        {
          previousEndDate: agreement.endDate,
          newEndDate: event.newEndDate,
          addedReportDueDates: [...event.addedReportDueDates],
          decidedBy: event.actor.userId,
          at: event.at,
        },
      ],
    };
  }),

  recordTermination: update((_context, event) => {
    assertEvent(event, "TERMINATE");
    return {
      termination: {
        reason: event.reason.trim(),
        effectiveDate: event.effectiveDate,
        finalReportDueDate: event.finalReportDueDate ?? null,
        decidedBy: event.actor.userId,
        at: event.at,
      },
      completionRequest: null,
    };
  }),

  recordFinalReportSubmission: update((_context, event) => {
    assertEvent(event, "SUBMIT_FINAL_REPORT");
    return { finalReportSubmittedAt: event.at };
  }),

  recordFinalApproval: update((_context, event) => {
    assertEvent(event, "REGISTER_FINAL_APPROVAL");
    return {
      finalApproval: {
        meetingDate: event.meetingDate,
        paragraph: event.paragraph.trim(),
        registeredBy: event.actor.userId,
        registeredAt: event.at,
      },
      outcome: "completed",
    };
  }),
};
