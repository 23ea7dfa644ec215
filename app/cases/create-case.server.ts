import { startPartnership, statePath, toStored } from "../../workflows";
import { getDb, type Transaction } from "../../db/client";
import { caseEvents, cases } from "../../db/schema";

export interface NewCase {
  organisationId: string;
  districtId: string;
  title: string;
  previousCaseId?: string | null;
  createdById: string | null;
  now?: Date;
}

/** A new case in the draft state, with its first audit event. */
export async function createCaseInTransaction(tx: Transaction, input: NewCase): Promise<string> {
  const now = input.now ?? new Date();
  const { snapshot } = startPartnership();
  const stored = toStored(snapshot);
  const state = statePath(snapshot);
  const [row] = await tx
    .insert(cases)
    .values({
      organisationId: input.organisationId,
      districtId: input.districtId,
      title: input.title,
      state,
      stage: state.split(".")[0]!,
      machineVersion: stored.machineVersion,
      snapshot: stored.snapshot,
      revision: 1,
      previousCaseId: input.previousCaseId ?? null,
      createdById: input.createdById,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: cases.id });
  await tx.insert(caseEvents).values({
    caseId: row!.id,
    revision: 1,
    actorUserId: input.createdById,
    actorRoles: input.createdById ? ["applicant"] : ["system"],
    eventType: input.previousCaseId ? "RENEGOTIATION_OPENED" : "CREATED",
    fromState: null,
    toState: state,
    payload: input.previousCaseId ? { previousCaseId: input.previousCaseId } : {},
    createdAt: now,
  });
  return row!.id;
}

export async function createCase(input: NewCase): Promise<string> {
  const db = await getDb();
  return db.transaction((tx) => createCaseInTransaction(tx, input));
}
