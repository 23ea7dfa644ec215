/** Transitions shared by several stages. */
import { notify } from "../effects";

/**
 * Another caseworker can take over wherever the case has one. It sits on each
 * stage rather than on the root because `transition()` still takes root
 * transitions from the final `closed` state.
 */
export const reassign = {
  guard: "canReassign",
  actions: ["assignCaseworker", notify("case_assigned", "assignedCaseworker", "applicant")],
} as const;
