/** Slutrapport: submitted, assessed, attested and approved by the nämnd, possibly opening a renegotiation. */
import { attestationState } from "../attestation";
import { clearDeadline, notify, openRenegotiation, receipt, PARTIES, setFinalReportDeadline } from "../effects";
import { partnershipSetup } from "../setup";
import { reassign } from "./shared";

const FINAL = { stage: "finalReport" } as const;

export const finalReportState = partnershipSetup.createStateConfig({
  initial: "due",
  on: { REASSIGN: reassign },
  states: {
    due: {
      entry: [setFinalReportDeadline, notify("final_report_due", "applicant", "assignedCaseworker")],
      exit: [clearDeadline("finalReport")],
      on: {
        SUBMIT_FINAL_REPORT: {
          guard: "canSubmitFinalReport",
          target: "submitted",
          actions: ["recordFinalReportSubmission", receipt("finalReport"), notify("final_report_submitted", "assignedCaseworker")],
        },
      },
    },
    submitted: {
      on: {
        // Silent, like START_ASSESSMENT: nobody else has anything new to do.
        START_FINAL_ASSESSMENT: { guard: "canStartFinalAssessment", target: "assessment" },
      },
    },
    assessment: {
      on: {
        SUBMIT_FOR_ATTESTATION: {
          guard: { type: "canSubmitForAttestation", params: FINAL },
          target: "attestation",
          actions: [
            { type: "recordStatement", params: FINAL },
            notify("statement_ready_for_attestation", "headOfUnit"),
          ],
        },
      },
    },
    attestation: attestationState("finalReport", {
      assessment: "#partnership.finalReport.assessment",
      attested: "#partnership.finalReport.awaitingBoard",
    }),
    awaitingBoard: {
      on: {
        REGISTER_FINAL_APPROVAL: [
          {
            guard: "approvalOpensRenegotiation",
            target: "#partnership.closed",
            actions: [
              "recordFinalApproval",
              notify("final_report_approved", ...PARTIES),
              openRenegotiation,
              notify("renegotiation_opened", "applicant", "signatory", "assignedCaseworker"),
            ],
          },
          {
            guard: "canRegisterFinalApproval",
            target: "#partnership.closed",
            actions: ["recordFinalApproval", notify("final_report_approved", ...PARTIES)],
          },
        ],
      },
    },
  },
});
