/**
 * The partnership (IOP) machine: one ärende from ansökan to slutrapport.
 * It is pure: the server drives it with xstate's `transition()` and carries
 * out the returned actions itself.
 */
import { createInitialContext } from "./context";
import { partnershipSetup } from "./setup";
import { agreementState } from "./states/agreement";
import { applicationState } from "./states/application";
import { decisionState } from "./states/decision";
import { finalReportState } from "./states/finalReport";
import { followUpState } from "./states/followUp";
import { reviewState } from "./states/review";

/** Bump when the persisted snapshot's shape changes, and add a migration in migrate.ts. */
export const PARTNERSHIP_MACHINE_VERSION = 1;

export const partnershipMachine = partnershipSetup.createMachine({
  id: "partnership",
  version: String(PARTNERSHIP_MACHINE_VERSION),
  context: createInitialContext,
  initial: "application",
  states: {
    application: applicationState,
    review: reviewState,
    decision: decisionState,
    agreement: agreementState,
    followUp: followUpState,
    finalReport: finalReportState,
    closed: { type: "final" },
  },
});

export type PartnershipMachine = typeof partnershipMachine;
