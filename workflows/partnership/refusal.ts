/**
 * Why an event would be refused, in Swedish, for the UI. It asks the machine
 * itself whether the event is accepted, and only then reads the rule table
 * behind the refusing guard, so the answer always matches what
 * `transition()` will do.
 */
import { getNextTransitions, type SnapshotFrom } from "xstate";
import { partnershipMachine } from "./machine";
import { refusal } from "./messages";
import { isRuleName, rules } from "./rules";
import type { PartnershipEvent } from "./types";

type PartnershipSnapshot = SnapshotFrom<typeof partnershipMachine>;

function guardReference(guard: unknown): { type: string; params: unknown } | null {
  if (typeof guard === "string") return { type: guard, params: undefined };
  if (guard && typeof guard === "object" && "type" in guard && typeof guard.type === "string") {
    return { type: guard.type, params: "params" in guard ? guard.params : undefined };
  }
  return null;
}

/** Null when the event would be accepted; otherwise a sentence the user can act on. */
export function explainRefusal(snapshot: PartnershipSnapshot, event: PartnershipEvent): string | null {
  if (snapshot.status !== "active") return refusal.closed;
  if (snapshot.can(event)) return null;

  const candidates = getNextTransitions(snapshot).filter((candidate) => candidate.eventType === event.type);
  if (candidates.length === 0) {
    return event.type === "WITHDRAW" ? refusal.withdrawAfterDecision : refusal.notPossible;
  }
  // Branch guards are a rule plus a condition; the plain rule branch after them gives the reason.
  for (const candidate of candidates) {
    const guard = guardReference(candidate.guard);
    if (!guard || !isRuleName(guard.type)) continue;
    const reason = rules[guard.type].check(snapshot.context, event, guard.params as never);
    if (reason !== null) return reason;
  }
  return refusal.notPossible;
}
