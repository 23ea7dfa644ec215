/**
 * Public API of the workflows package: the pure partnership (IOP) machine and
 * the helpers the server needs to run it with xstate's `transition()`.
 */
export { partnershipMachine, PARTNERSHIP_MACHINE_VERSION, type PartnershipMachine } from "./partnership/machine";
export { explainRefusal } from "./partnership/refusal";
export {
  applyEvent,
  startPartnership,
  statePath,
  toEffects,
  type ApplyResult,
  type PartnershipSnapshot,
} from "./partnership/runtime";
export {
  KNOWN_MACHINE_VERSIONS,
  migrateStored,
  restoreSnapshot,
  toStored,
  type PersistedPartnershipSnapshot,
  type StoredPartnership,
} from "./partnership/migrate";
export { createInitialContext } from "./partnership/context";
export { readCaseContext, type CaseContextView } from "./partnership/read";
export { refusal as REFUSAL_MESSAGES, restoreError as RESTORE_ERROR_MESSAGES } from "./partnership/messages";
export { rules, type RuleName } from "./partnership/rules";
export * from "./partnership/types";
export * from "./roles";
export * from "./district-report";
