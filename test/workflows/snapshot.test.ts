/** Stored snapshots: round trip, migration from version 0, and refusal of unknown versions. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  PARTNERSHIP_MACHINE_VERSION,
  RESTORE_ERROR_MESSAGES,
  applyEvent,
  migrateStored,
  partnershipMachine,
  readCaseContext,
  restoreSnapshot,
  statePath,
  toStored,
} from "../../workflows";
import { E, reach, step } from "./helpers";

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));

describe("stored snapshots", () => {
  it("the machine carries its version", () => {
    expect(PARTNERSHIP_MACHINE_VERSION).toBe(1);
    expect(partnershipMachine.version).toBe("1");
  });

  it.each(["review.awaitingCompletion", "followUp.reportReviewed", "finalReport.attestation.awaitingDistrictDirector", "closed"])(
    "a %s snapshot survives JSON storage and behaves the same",
    (path) => {
      const snapshot = reach(path);
      const stored = toStored(snapshot);
      expect(stored.machineVersion).toBe(PARTNERSHIP_MACHINE_VERSION);
      const restored = restoreSnapshot(JSON.parse(JSON.stringify(stored)));
      expect(statePath(restored)).toBe(path);
      expect(restored.context).toEqual(snapshot.context);
      expect(restored.status).toBe(snapshot.status);
    },
  );

  it("a version 0 snapshot is migrated: the state is renamed and versions are numbered", () => {
    const migrated = migrateStored(fixture("partnership-v0.json"));
    expect(migrated.machineVersion).toBe(1);
    expect(migrated.snapshot.value).toEqual({ review: "awaitingCompletion" });
    expect(migrated.snapshot.context).not.toHaveProperty("completionRounds");
    expect(migrated.snapshot.context.applicationVersion).toBe(3);
  });

  it("a version 0 case read for a page gives the migrated state and a typed context, not the stored names", () => {
    const { machineVersion, snapshot } = fixture("partnership-v0.json") as { machineVersion: number; snapshot: unknown };
    const read = readCaseContext({ machineVersion, snapshot });
    expect(read.state).toBe("review.awaitingCompletion");
    expect(read.context.applicationVersion).toBe(3);
    expect(read.context).not.toHaveProperty("completionRounds");
    expect(read.context.completionRequest).toMatchObject({ message: "Bifoga styrelsens protokoll om ansökan.", dueDate: "2024-12-02" });
  });

  it("a current case reads back as it was stored, and an unknown version is refused with the Swedish message", () => {
    const stored = toStored(reach("followUp.reportReviewed"));
    expect(readCaseContext(JSON.parse(JSON.stringify(stored))).state).toBe("followUp.reportReviewed");
    const v999 = fixture("partnership-v999.json") as { machineVersion: number; snapshot: unknown };
    expect(() => readCaseContext(v999)).toThrow(/version 999/);
  });

  it("a restored version 0 case continues: the förening resubmits and the caseworker assesses", () => {
    const restored = restoreSnapshot(fixture("partnership-v0.json"));
    expect(statePath(restored)).toBe("review.awaitingCompletion");
    const resubmitted = step(restored, E.resubmit);
    expect(statePath(resubmitted.snapshot)).toBe("review.assigned");
    expect(resubmitted.snapshot.context.applicationVersion).toBe(4);
    expect(resubmitted.effects).toEqual([
      { type: "clearDeadline", params: { kind: "completion" } },
      { type: "receipt", params: { kind: "completion", receivedAt: E.resubmit.at, version: 4, report: null } },
      { type: "notify", params: { template: "completion_resubmitted", to: ["assignedCaseworker"] } },
    ]);
    const assessing = step(resubmitted.snapshot, E.startAssessment).snapshot;
    expect(statePath(assessing)).toBe("review.assessment");
    // And it is stored as the current version from then on.
    expect(toStored(assessing).machineVersion).toBe(PARTNERSHIP_MACHINE_VERSION);
  });

  it("a version 999 snapshot is refused with a Swedish message", () => {
    expect(() => restoreSnapshot(fixture("partnership-v999.json"))).toThrow(
      "Ärendet sparades med arbetsflödesversion 999, som den här versionen av portalen inte känner till (senaste kända version är 1). Uppdatera portalen innan ärendet öppnas.",
    );
  });

  it.each([
    ["no data", null, RESTORE_ERROR_MESSAGES.notAnObject],
    ["no version", { snapshot: { value: "closed", context: {} } }, RESTORE_ERROR_MESSAGES.noVersion],
    ["a negative version", { machineVersion: -1, snapshot: { value: "closed", context: {} } }, RESTORE_ERROR_MESSAGES.unknownVersion(-1, 1)],
    ["no context", { machineVersion: 1, snapshot: { value: "closed" } }, RESTORE_ERROR_MESSAGES.notAnObject],
  ])("refuses %s", (_label, stored, message) => {
    expect(() => restoreSnapshot(stored)).toThrow(message);
  });

  it("refuses a state the machine does not have", () => {
    const stored = toStored(reach("review.assigned"));
    const broken = { ...stored, snapshot: { ...stored.snapshot, value: { review: "onHold" } } };
    expect(() => restoreSnapshot(broken)).toThrow(/^Ärendets sparade läge kunde inte läsas: okänt läge/);
  });

  it("refuses a context that lacks fields", () => {
    const stored = toStored(reach("review.assigned"));
    const { assignedCaseworkerId: _dropped, ...context } = stored.snapshot.context;
    expect(() => restoreSnapshot({ ...stored, snapshot: { ...stored.snapshot, context } })).toThrow(
      "Ärendets sparade läge kunde inte läsas: uppgifterna assignedCaseworkerId saknas.",
    );
  });

  it("applyEvent on a restored snapshot reports refusals without changing anything", () => {
    const restored = restoreSnapshot(toStored(reach("review.assigned")));
    const result = applyEvent(restored, { ...E.startAssessment, actor: { userId: "u-applicant", roles: ["applicant"] } });
    expect(result).toEqual({
      accepted: false,
      reason: "Bara den handläggare som har ärendet kan börja bedöma det.",
      snapshot: restored,
    });
  });
});
