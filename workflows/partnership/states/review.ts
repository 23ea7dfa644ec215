/** Beredning: queue, komplettering, assessment and attestering of the tjänsteutlåtande. */
import { attestationState } from "../attestation";
import { clearDeadline, notify, receipt, setCompletionDeadline } from "../effects";
import { partnershipSetup } from "../setup";
import { reassign } from "./shared";
import type { NotifyParams, PartnershipContext } from "../types";

const APPLICATION = { stage: "application" } as const;

const requestCompletion = {
  guard: "canRequestCompletion",
  target: "#partnership.review.awaitingCompletion",
  actions: ["recordCompletionRequest", notify("completion_requested", "applicant")],
} as const;

/** Until someone has taken the case, the whole queue needs to know it is gone. */
const withdrawalNotice = {
  type: "notify" as const,
  params: ({ context }: { context: PartnershipContext }): NotifyParams => ({
    template: "application_withdrawn",
    to: ["applicant", context.assignedCaseworkerId ? "assignedCaseworker" : "districtCaseworkers"],
  }),
};

export const reviewState = partnershipSetup.createStateConfig({
  initial: "unassigned",
  on: {
    WITHDRAW: {
      guard: "canWithdraw",
      target: "#partnership.closed",
      actions: ["recordWithdrawal", withdrawalNotice],
    },
    REASSIGN: reassign,
  },
  states: {
    unassigned: {
      on: {
        TAKE: {
          guard: "canTake",
          target: "assigned",
          actions: ["takeCase", notify("case_assigned", "applicant")],
        },
        ASSIGN: {
          guard: "canAssign",
          target: "assigned",
          actions: ["assignCaseworker", notify("case_assigned", "assignedCaseworker", "applicant")],
        },
      },
    },
    assigned: {
      on: {
        REQUEST_COMPLETION: requestCompletion,
        // Silent: the caseworker's own step, it changes nothing for anyone else.
        START_ASSESSMENT: { guard: "canStartAssessment", target: "assessment" },
      },
    },
    awaitingCompletion: {
      entry: [setCompletionDeadline],
      exit: [clearDeadline("completion")],
      on: {
        // Back to "assigned", not "assessment": the caseworker reads the new version before assessing on.
        RESUBMIT: {
          guard: "canResubmit",
          target: "assigned",
          actions: ["recordResubmission", receipt("completion"), notify("completion_resubmitted", "assignedCaseworker")],
        },
      },
    },
    assessment: {
      on: {
        REQUEST_COMPLETION: requestCompletion,
        SUBMIT_FOR_ATTESTATION: {
          guard: { type: "canSubmitForAttestation", params: APPLICATION },
          target: "attestation",
          actions: [
            { type: "recordStatement", params: APPLICATION },
            notify("statement_ready_for_attestation", "headOfUnit"),
          ],
        },
      },
    },
    attestation: attestationState("application", {
      assessment: "#partnership.review.assessment",
      attested: "#partnership.decision",
    }),
  },
});
