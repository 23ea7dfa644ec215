/**
 * Stored snapshots and their versions. The server stores
 * `{ machineVersion, snapshot }`; a snapshot from an older machine is migrated
 * step by step to the current shape before it is restored, and a snapshot
 * from a newer machine is refused rather than guessed at.
 */
import type { StateValue } from "xstate";
import { createInitialContext } from "./context";
import { partnershipMachine, PARTNERSHIP_MACHINE_VERSION } from "./machine";
import { restoreError } from "./messages";
import type { PartnershipSnapshot } from "./runtime";

/** What `partnershipMachine.getPersistedSnapshot` produces, as far as restoring needs it. */
export interface PersistedPartnershipSnapshot {
  status: string;
  value: StateValue;
  context: Record<string, unknown>;
  [key: string]: unknown;
}

export interface StoredPartnership {
  machineVersion: number;
  snapshot: PersistedPartnershipSnapshot;
}

type Migration = (snapshot: PersistedPartnershipSnapshot) => PersistedPartnershipSnapshot;

function renameChildState(value: StateValue, parent: string, from: string, to: string): StateValue {
  if (typeof value === "string" || value[parent] !== from) return value;
  return { ...value, [parent]: to };
}

/**
 * Version 0 (the pilot) counted komplettering rounds in `completionRounds`
 * instead of numbering application versions, and called the waiting state
 * `review.pendingCompletion`. Version 1 numbers versions from 1.
 */
function fromVersion0(snapshot: PersistedPartnershipSnapshot): PersistedPartnershipSnapshot {
  const { completionRounds, ...context } = snapshot.context;
  const rounds = typeof completionRounds === "number" && completionRounds >= 0 ? completionRounds : 0;
  return {
    ...snapshot,
    value: renameChildState(snapshot.value, "review", "pendingCompletion", "awaitingCompletion"),
    context: { ...context, applicationVersion: rounds + 1 },
  };
}

/** migrations[n] turns a version n snapshot into a version n + 1 snapshot. */
const migrations: Record<number, Migration> = {
  0: fromVersion0,
};

export const KNOWN_MACHINE_VERSIONS: readonly number[] = [
  ...Object.keys(migrations).map(Number),
  PARTNERSHIP_MACHINE_VERSION,
];

export function toStored(snapshot: PartnershipSnapshot): StoredPartnership {
  const persisted: unknown = partnershipMachine.getPersistedSnapshot(snapshot);
  // A JSON round trip here makes sure what is stored is exactly what will be read back.
  const json = JSON.parse(JSON.stringify(persisted)) as PersistedPartnershipSnapshot;
  return { machineVersion: PARTNERSHIP_MACHINE_VERSION, snapshot: json };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readStored(stored: unknown): { version: number; snapshot: PersistedPartnershipSnapshot } {
  if (!isRecord(stored)) throw new Error(restoreError.notAnObject);
  const version = stored.machineVersion;
  if (typeof version !== "number" || !Number.isInteger(version)) throw new Error(restoreError.noVersion);
  const snapshot = stored.snapshot;
  if (!isRecord(snapshot) || !isRecord(snapshot.context) || !(typeof snapshot.value === "string" || isRecord(snapshot.value))) {
    throw new Error(restoreError.notAnObject);
  }
  return { version, snapshot: snapshot as PersistedPartnershipSnapshot };
}

/** Migrates a stored snapshot to the current version, without restoring it. */
export function migrateStored(stored: unknown): StoredPartnership {
  const { version, snapshot } = readStored(stored);
  if (version > PARTNERSHIP_MACHINE_VERSION || (version < PARTNERSHIP_MACHINE_VERSION && !migrations[version])) {
    throw new Error(restoreError.unknownVersion(version, PARTNERSHIP_MACHINE_VERSION));
  }
  let current = snapshot;
  for (let from = version; from < PARTNERSHIP_MACHINE_VERSION; from++) {
    const migration = migrations[from];
    if (!migration) throw new Error(restoreError.unknownVersion(from, PARTNERSHIP_MACHINE_VERSION));
    current = migration(current);
  }
  return { machineVersion: PARTNERSHIP_MACHINE_VERSION, snapshot: current };
}

/** Stored data (already JSON-parsed) → a snapshot that `transition()` accepts. Throws with a Swedish message. */
export function restoreSnapshot(stored: unknown): PartnershipSnapshot {
  const { snapshot } = migrateStored(stored);
  const missing = Object.keys(createInitialContext()).filter((key) => !(key in snapshot.context));
  if (missing.length > 0) {
    throw new Error(restoreError.invalidState(`uppgifterna ${missing.join(", ")} saknas.`));
  }
  try {
    return partnershipMachine.resolveState({
      value: snapshot.value,
      context: snapshot.context as unknown as PartnershipSnapshot["context"],
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(restoreError.invalidState(`okänt läge (${detail}).`));
  }
}
