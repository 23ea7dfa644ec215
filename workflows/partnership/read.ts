/**
 * Reading a stored case for display: the one way the portal looks into a snapshot without running an
 * event. Pure (no I/O). The stored snapshot is migrated to the current machine version first, exactly
 * as a transition would restore it, so a page never shows a pilot case's old state names or misses a
 * context field that a migration adds.
 */
import { restoreSnapshot } from "./migrate";
import { statePath } from "./runtime";
import type { PartnershipContext } from "./types";

export interface CaseContextView {
  /** The resting state as one dotted path, in the current machine's names. */
  state: string;
  context: PartnershipContext;
}

/** A case row's `{ machineVersion, snapshot }` → its current state and context. Throws with a Swedish message. */
export function readCaseContext(row: { machineVersion: number; snapshot: unknown }): CaseContextView {
  const snapshot = restoreSnapshot({ machineVersion: row.machineVersion, snapshot: row.snapshot });
  return { state: statePath(snapshot), context: snapshot.context };
}
