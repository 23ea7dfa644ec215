/**
 * Attestering: the reusable two-step sign-off of a tjänsteutlåtande, first by
 * the avdelningschef, then by the stadsdelsdirektör. Used for the
 * application's statement (in review) and for the final report's statement,
 * and (through `twoStepAttestation` and `attesterProblem`) by other machines
 * whose documents go the same way, e.g. the yearly report to the nämnd.
 * Either step may return the statement to its own stage's assessment state.
 */
import { notify } from "./effects";
import { partnershipSetup } from "./setup";
import type { AttesterRole } from "../roles";
import type { AttestationStep, StatementStage } from "./types";

interface AttestationTargets {
  /** Where a returned statement goes back to. */
  assessment: string;
  /** Where a fully attested statement goes on to. */
  attested: string;
}

/** The steps in order, each with the role that attests it. */
export const ATTESTATION_STEPS = ["headOfUnit", "districtDirector"] as const satisfies readonly AttestationStep[];
export const ATTESTER_ROLE = {
  headOfUnit: "head_of_unit",
  districtDirector: "district_director",
} as const satisfies Record<AttestationStep, AttesterRole>;

/** What a machine plugs into the two steps: its own named guards and actions for each step. */
export interface AttestationParts<Guard, Action> {
  attestGuard: (step: AttestationStep) => Guard;
  returnGuard: (step: AttestationStep) => Guard;
  /** Actions when `step` attests; `last` is true for the stadsdelsdirektör's, which completes the round. */
  onAttest: (step: AttestationStep, last: boolean) => Action[];
  onReturn: (step: AttestationStep) => Action[];
}

/**
 * The shape of the two steps, independent of any one machine's setup(): the
 * caller passes its guard and action references and wraps the result in its
 * own `createStateConfig`, so each machine still names every guard and action.
 */
export function twoStepAttestation<Guard, Action>(parts: AttestationParts<Guard, Action>, targets: AttestationTargets) {
  return {
    initial: "awaitingHeadOfUnit" as const,
    states: {
      awaitingHeadOfUnit: {
        on: {
          ATTEST: {
            guard: parts.attestGuard("headOfUnit"),
            target: "awaitingDistrictDirector",
            actions: parts.onAttest("headOfUnit", false),
          },
          RETURN: {
            guard: parts.returnGuard("headOfUnit"),
            target: targets.assessment,
            actions: parts.onReturn("headOfUnit"),
          },
        },
      },
      awaitingDistrictDirector: {
        on: {
          ATTEST: {
            guard: parts.attestGuard("districtDirector"),
            target: targets.attested,
            actions: parts.onAttest("districtDirector", true),
          },
          RETURN: {
            guard: parts.returnGuard("districtDirector"),
            target: targets.assessment,
            actions: parts.onReturn("districtDirector"),
          },
        },
      },
    },
  };
}

/** What the attestation rules need to know about the document being attested. */
export interface AttestedDocument {
  authorId: string;
  attestations: readonly { userId: string }[];
}

/**
 * Shared by ATTEST and RETURN in every machine that uses the two steps. Author
 * first, because that is the more useful answer; then the step's role; then
 * "not the same person in both steps". Messages come from the caller so each
 * document is named as its users know it.
 */
export function attesterProblem(
  document: AttestedDocument,
  actor: { userId: string; roles: readonly string[] },
  step: AttestationStep,
  messages: { author: string; headOfUnit: string; districtDirector: string; twice: string },
): string | null {
  if (document.authorId === actor.userId) return messages.author;
  if (!actor.roles.includes(ATTESTER_ROLE[step])) return messages[step];
  if (document.attestations.some((a) => a.userId === actor.userId)) return messages.twice;
  return null;
}

type StepRef = { stage: StatementStage; step: AttestationStep };
type PartnershipAttestationGuard = { type: "canAttest" | "canReturnStatement"; params: StepRef };
type PartnershipAttestationAction =
  | { type: "recordAttestation" | "recordReturn"; params: StepRef }
  | ReturnType<typeof notify>;

export function attestationState(stage: StatementStage, targets: AttestationTargets) {
  const params = (step: AttestationStep): StepRef => ({ stage, step });
  // Returns go to the assigned caseworker only: attestering is internal to the förvaltning.
  const returned = notify("attestation_returned", "assignedCaseworker");

  return partnershipSetup.createStateConfig(
    twoStepAttestation<PartnershipAttestationGuard, PartnershipAttestationAction>(
      {
        attestGuard: (step) => ({ type: "canAttest", params: params(step) }),
        returnGuard: (step) => ({ type: "canReturnStatement", params: params(step) }),
        onAttest: (step, last) => [
          { type: "recordAttestation", params: params(step) },
          last
            ? notify("statement_attested", "assignedCaseworker", "registrar")
            : notify("statement_ready_for_attestation", "districtDirector"),
        ],
        onReturn: (step) => [{ type: "recordReturn", params: params(step) }, returned],
      },
      targets,
    ),
  );
}
