/**
 * Uppföljning: one cycle per reporting period. After an approved report the
 * next period's report is due at once (the deadline tells the förening when).
 * When the last report is approved the case rests in `reportReviewed` until
 * the scheduler's PERIOD_ELAPSED arrives after the agreement's end date: the
 * slutrapport belongs after the end, and time only enters through events.
 */
import { clearDeadline, notify, notifyReportDueIfBegun, receipt, PARTIES, setCompletionDeadline, setReportDeadline } from "../effects";
import { partnershipSetup } from "../setup";
import { reassign } from "./shared";

export const followUpState = partnershipSetup.createStateConfig({
  initial: "reportDue",
  on: {
    // Targetless: the current period continues; in `reportReviewed` new periods start the next cycle.
    EXTEND: {
      guard: "canExtend",
      actions: ["recordExtension", notify("extension_decided", ...PARTIES)],
    },
    TERMINATE: {
      guard: "canTerminate",
      target: "#partnership.finalReport",
      actions: ["recordTermination", notify("termination_decided", ...PARTIES)],
    },
    REASSIGN: reassign,
  },
  states: {
    reportDue: {
      entry: [setReportDeadline, notifyReportDueIfBegun],
      exit: [clearDeadline("report")],
      on: {
        SUBMIT_REPORT: {
          guard: "canSubmitReport",
          target: "reportSubmitted",
          actions: ["recordReportSubmission", receipt("report"), notify("report_submitted", "assignedCaseworker")],
        },
      },
    },
    reportSubmitted: {
      on: {
        REQUEST_REPORT_COMPLETION: {
          guard: "canRequestReportCompletion",
          target: "reportCompletionRequested",
          actions: ["recordCompletionRequest", notify("report_returned", "applicant")],
        },
        APPROVE_REPORT: {
          guard: "canApproveReport",
          target: "reportReviewed",
          actions: ["recordReportApproval", notify("report_approved", "applicant")],
        },
      },
    },
    reportCompletionRequested: {
      entry: [setCompletionDeadline],
      exit: [clearDeadline("completion")],
      on: {
        RESUBMIT_REPORT: {
          guard: "canResubmitReport",
          target: "reportSubmitted",
          actions: ["recordReportResubmission", receipt("reportCompletion"), notify("report_resubmitted", "assignedCaseworker")],
        },
      },
    },
    reportReviewed: {
      always: { guard: "hasNextReportingPeriod", target: "reportDue", actions: ["advanceReportingPeriod"] },
      on: {
        PERIOD_ELAPSED: { guard: "canEndPeriod", target: "#partnership.finalReport" },
      },
    },
  },
});
