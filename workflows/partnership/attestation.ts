/**
 * Attestering: the reusable two-step sign-off of a tjänsteutlåtande, first by
 * the avdelningschef, then by the stadsdelsdirektör. Used for the
 * application's statement (in review) and for the final report's statement.
 * Either step may return the statement to its own stage's assessment state.
 */
import { notify } from "./effects";
import { partnershipSetup } from "./setup";
import type { StatementStage } from "./types";

interface AttestationTargets {
  /** Where a returned statement goes back to. */
  assessment: string;
  /** Where a fully attested statement goes on to. */
  attested: string;
}

export function attestationState(stage: StatementStage, targets: AttestationTargets) {
  const headOfUnit = { stage, step: "headOfUnit" } as const;
  const districtDirector = { stage, step: "districtDirector" } as const;
  // Returns go to the assigned caseworker only: attestering is internal to the förvaltning.
  const returned = notify("attestation_returned", "assignedCaseworker");

  return partnershipSetup.createStateConfig({
    initial: "awaitingHeadOfUnit",
    states: {
      awaitingHeadOfUnit: {
        on: {
          ATTEST: {
            guard: { type: "canAttest", params: headOfUnit },
            target: "awaitingDistrictDirector",
            actions: [
              { type: "recordAttestation", params: headOfUnit },
              notify("statement_ready_for_attestation", "districtDirector"),
            ],
          },
          RETURN: {
            guard: { type: "canReturnStatement", params: headOfUnit },
            target: targets.assessment,
            actions: [{ type: "recordReturn", params: headOfUnit }, returned],
          },
        },
      },
      awaitingDistrictDirector: {
        on: {
          ATTEST: {
            guard: { type: "canAttest", params: districtDirector },
            target: targets.attested,
            actions: [
              { type: "recordAttestation", params: districtDirector },
              notify("statement_attested", "assignedCaseworker", "registrar"),
            ],
          },
          RETURN: {
            guard: { type: "canReturnStatement", params: districtDirector },
            target: targets.assessment,
            actions: [{ type: "recordReturn", params: districtDirector }, returned],
          },
        },
      },
    },
  });
}
