/** Ansökan: drafted by the förening, then submitted into the district's queue. */
import { notify, receipt } from "../effects";
import { partnershipSetup } from "../setup";

export const applicationState = partnershipSetup.createStateConfig({
  initial: "draft",
  on: {
    WITHDRAW: {
      guard: "canWithdraw",
      target: "#partnership.closed",
      // Only the förening knows about a draft, so only they get the receipt.
      actions: ["recordWithdrawal", notify("application_withdrawn", "applicant")],
    },
  },
  states: {
    draft: {
      on: {
        SUBMIT: { guard: "canSubmit", target: "submitted", actions: ["recordSubmission"] },
      },
    },
    /**
     * Transient: the server gives the diarienummer and receipt in the same
     * database transaction as SUBMIT, so there is nothing to wait for here.
     * The state still exists so that the receipt belongs to "submitted".
     */
    submitted: {
      entry: [receipt("application"), notify("application_received", "districtCaseworkers")],
      always: { target: "#partnership.review" },
    },
  },
});
