/**
 * The server's entry points for the yearly report's machine: start, restore a
 * stored snapshot, apply one event (with the Swedish reason when refused),
 * and the resting state as a dotted path.
 */
import { getNextTransitions, initialTransition, transition, type SnapshotFrom } from "xstate";
import { statePath } from "../partnership/runtime";
import { DISTRICT_REPORT_MACHINE_VERSION, districtReportMachine } from "./machine";
import { districtReportRefusal, districtReportRestoreError } from "./messages";
import { districtReportRules, type DistrictReportRule, type DistrictReportRuleName } from "./rules";
import type { DistrictReportEffect, DistrictReportEvent } from "./types";

export type DistrictReportSnapshot = SnapshotFrom<typeof districtReportMachine>;

export interface StoredDistrictReport {
  machineVersion: number;
  snapshot: unknown;
}

function toEffects(actions: ReadonlyArray<{ type: string; params?: unknown }>): DistrictReportEffect[] {
  return actions
    .filter((action) => action.type === "notify")
    .map((action) => ({ type: "notify", params: structuredClone(action.params) }) as DistrictReportEffect);
}

export function startDistrictReport(): DistrictReportSnapshot {
  return initialTransition(districtReportMachine)[0];
}

export function storeDistrictReport(snapshot: DistrictReportSnapshot): StoredDistrictReport {
  return { machineVersion: DISTRICT_REPORT_MACHINE_VERSION, snapshot: districtReportMachine.getPersistedSnapshot(snapshot) };
}

export function restoreDistrictReport(stored: StoredDistrictReport): DistrictReportSnapshot {
  if (!stored || typeof stored.snapshot !== "object" || stored.snapshot === null) {
    throw new Error(districtReportRestoreError.notAnObject);
  }
  if (stored.machineVersion !== DISTRICT_REPORT_MACHINE_VERSION) {
    throw new Error(districtReportRestoreError.unknownVersion(stored.machineVersion, DISTRICT_REPORT_MACHINE_VERSION));
  }
  return districtReportMachine.resolveState(stored.snapshot as Parameters<typeof districtReportMachine.resolveState>[0]);
}

const isRuleName = (name: string): name is DistrictReportRuleName =>
  Object.prototype.hasOwnProperty.call(districtReportRules, name);

/** Null when the event would be accepted; otherwise a sentence the user can act on. */
export function explainDistrictReportRefusal(snapshot: DistrictReportSnapshot, event: DistrictReportEvent): string | null {
  if (snapshot.status !== "active") return districtReportRefusal.closed;
  if (snapshot.can(event)) return null;
  for (const candidate of getNextTransitions(snapshot).filter((c) => c.eventType === event.type)) {
    const guard = candidate.guard as { type?: unknown; params?: unknown } | string | undefined;
    const name = typeof guard === "string" ? guard : typeof guard?.type === "string" ? guard.type : null;
    if (!name || !isRuleName(name)) continue;
    const params = typeof guard === "object" ? guard.params : undefined;
    const reason = (districtReportRules[name] as DistrictReportRule<unknown>).check(snapshot.context, event, params);
    if (reason !== null) return reason;
  }
  return districtReportRefusal.notPossible;
}

export type DistrictReportResult =
  | { accepted: true; snapshot: DistrictReportSnapshot; effects: DistrictReportEffect[] }
  | { accepted: false; reason: string; snapshot: DistrictReportSnapshot };

export function applyDistrictReportEvent(snapshot: DistrictReportSnapshot, event: DistrictReportEvent): DistrictReportResult {
  const reason = explainDistrictReportRefusal(snapshot, event);
  if (reason !== null) return { accepted: false, reason, snapshot };
  const [next, actions] = transition(districtReportMachine, snapshot, event);
  return { accepted: true, snapshot: next, effects: toEffects(actions) };
}

/** The resting state as one dotted path, e.g. "attestation.awaitingHeadOfUnit", for lists and the UI. */
export function districtReportState(snapshot: Pick<DistrictReportSnapshot, "value">): string {
  return statePath(snapshot as unknown as Parameters<typeof statePath>[0]);
}
