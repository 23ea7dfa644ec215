/**
 * The server's entry points around xstate's pure functions: start a case,
 * apply one event, and turn executed actions into plain effect data.
 */
import { initialTransition, transition, type SnapshotFrom } from "xstate";
import { partnershipMachine } from "./machine";
import { explainRefusal } from "./refusal";
import type { PartnershipEffect, PartnershipEvent } from "./types";

export type PartnershipSnapshot = SnapshotFrom<typeof partnershipMachine>;

const EFFECT_TYPES = new Set<string>(["notify", "receipt", "setDeadline", "clearDeadline", "openRenegotiation"]);

/**
 * Keep only the effects, as JSON data. Executed action objects also carry
 * `info` (snapshot, event) and `exec`, which must not be stored.
 */
export function toEffects(actions: ReadonlyArray<{ type: string; params?: unknown }>): PartnershipEffect[] {
  return actions
    .filter((action) => EFFECT_TYPES.has(action.type))
    // A conditional notification whose condition did not hold names nobody (see notifyReportDueIfBegun).
    .filter((action) => action.type !== "notify" || ((action.params as { to?: unknown[] } | undefined)?.to?.length ?? 1) > 0)
    .map((action) => ({ type: action.type, params: structuredClone(action.params) }) as PartnershipEffect);
}

export function startPartnership(): { snapshot: PartnershipSnapshot; effects: PartnershipEffect[] } {
  const [snapshot, actions] = initialTransition(partnershipMachine);
  return { snapshot, effects: toEffects(actions) };
}

export type ApplyResult =
  | { accepted: true; snapshot: PartnershipSnapshot; effects: PartnershipEffect[] }
  | { accepted: false; reason: string; snapshot: PartnershipSnapshot };

/** Refused events leave the snapshot as it was and say why. */
export function applyEvent(snapshot: PartnershipSnapshot, event: PartnershipEvent): ApplyResult {
  const reason = explainRefusal(snapshot, event);
  if (reason !== null) return { accepted: false, reason, snapshot };
  const [next, actions] = transition(partnershipMachine, snapshot, event);
  return { accepted: true, snapshot: next, effects: toEffects(actions) };
}

/** The resting state as one dotted path, e.g. "review.attestation.awaitingHeadOfUnit", for queries and the UI. */
export function statePath(snapshot: Pick<PartnershipSnapshot, "value">): string {
  const parts: string[] = [];
  let value: unknown = snapshot.value;
  while (value && typeof value === "object") {
    const [key, child] = Object.entries(value)[0] ?? [];
    if (key === undefined) break;
    parts.push(key);
    value = child;
  }
  if (typeof value === "string") parts.push(value);
  return parts.join(".");
}
