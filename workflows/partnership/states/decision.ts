/** Beslut: the nämnd decides at a meeting; the registrar registers date, § and outcome. */
import { notify } from "../effects";
import { partnershipSetup } from "../setup";
import { reassign } from "./shared";

export const decisionState = partnershipSetup.createStateConfig({
  initial: "awaitingBoard",
  on: { REASSIGN: reassign },
  states: {
    awaitingBoard: {
      on: {
        REGISTER_DECISION: [
          {
            guard: "decisionIsApproval",
            target: "#partnership.agreement",
            actions: ["recordDecision", notify("decision_approved", "applicant", "signatory", "assignedCaseworker")],
          },
          {
            // The rule only lets "approved" or "rejected" through, so this branch is the avslag.
            guard: "canRegisterDecision",
            target: "#partnership.closed",
            actions: ["recordDecision", notify("decision_rejected", "applicant", "signatory", "assignedCaseworker")],
          },
        ],
        // The last moment the förening may withdraw; the registrar may have it on the nämnd's agenda.
        WITHDRAW: {
          guard: "canWithdraw",
          target: "#partnership.closed",
          actions: ["recordWithdrawal", notify("application_withdrawn", "applicant", "assignedCaseworker", "registrar")],
        },
      },
    },
  },
});
