/**
 * The end of an agreement's period reaches the case when it is due, not when the scheduler next runs:
 * whoever opens the case after the end date first delivers PERIOD_ELAPSED through the normal runtime
 * (one statement: state, audit, outbox, deadline), so the slutrapport is open on the page they see.
 * The scheduler calls the same function for cases nobody opens.
 *
 * Idempotent and safe when several requests arrive at once: the transition carries the revision that
 * was read, so only one of them writes and the others find the case already moved on.
 */
import { explainRefusal, restoreSnapshot, type PartnershipEvent } from "../../workflows";
import { stockholmIsoString } from "../utils/time";
import { transitionCase } from "./transition.server";

/** The only resting state in which the machine waits for time to pass (workflows/partnership/states/followUp.ts). */
export const AWAITING_PERIOD_END = "followUp.reportReviewed";

export interface CaseAwaitingTime {
  id: string;
  state: string;
  revision: number;
  machineVersion: number;
  snapshot: unknown;
}

/** Would the machine accept PERIOD_ELAPSED now? Asked of the machine itself, so the date rule lives in one place. */
export function periodHasElapsed(row: CaseAwaitingTime, now: Date): boolean {
  if (row.state !== AWAITING_PERIOD_END) return false;
  let snapshot;
  try {
    snapshot = restoreSnapshot({ machineVersion: row.machineVersion, snapshot: row.snapshot });
  } catch {
    // A snapshot the portal cannot read is reported where the case is worked on, not here.
    return false;
  }
  const event: PartnershipEvent = { type: "PERIOD_ELAPSED", actor: { userId: "system", roles: ["system"] }, at: stockholmIsoString(now) };
  return explainRefusal(snapshot, event) === null;
}

export type ElapsedPeriodOutcome =
  | "delivered" /* this call moved the case */
  | "movedMeanwhile" /* another request or the scheduler wrote first: read the case again */
  | "unchanged";

/** Delivers PERIOD_ELAPSED if it is due. */
export async function deliverElapsedPeriod(row: CaseAwaitingTime, now: Date = new Date()): Promise<ElapsedPeriodOutcome> {
  if (!periodHasElapsed(row, now)) return "unchanged";
  const result = await transitionCase({
    caseId: row.id,
    command: { type: "PERIOD_ELAPSED" },
    actor: { kind: "system" },
    expectedRevision: row.revision,
    now,
  });
  if (result.ok) return "delivered";
  return result.kind === "conflict" ? "movedMeanwhile" : "unchanged";
}
