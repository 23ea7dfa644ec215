/**
 * The yearly report's machine: draft → two-step attestering (the partnership's reusable part) →
 * awaiting the nämnd → filed. Every refusal says why, in Swedish.
 */
import { describe, expect, it } from "vitest";
import {
  applyDistrictReportEvent,
  districtReportMachine,
  districtReportRefusal as refusal,
  districtReportState,
  restoreDistrictReport,
  startDistrictReport,
  storeDistrictReport,
  type DistrictReportActor,
  type DistrictReportEvent,
  type DistrictReportRole,
  type DistrictReportSnapshot,
} from "../../workflows";

const person = (userId: string, ...roles: DistrictReportRole[]): DistrictReportActor => ({ userId, roles });
const P = {
  caseworker: person("cw", "caseworker"),
  other: person("cw-2", "caseworker"),
  chef: person("hou", "head_of_unit"),
  director: person("dir", "district_director"),
  both: person("both", "head_of_unit", "district_director"),
  registrar: person("reg", "registrar"),
  admin: person("adm", "admin"),
};
const at = (day: string) => `${day}T10:00:00+01:00`;
type Body = { type: "SUBMIT_FOR_ATTESTATION" } | { type: "ATTEST" } | { type: "RETURN"; comment: string } | { type: "FILE"; meetingDate: string; paragraph: string };
const ev = (body: Body, actor: DistrictReportActor, day = "2020-02-10") => ({ ...body, actor, at: at(day) }) as DistrictReportEvent;

function drive(...events: DistrictReportEvent[]): DistrictReportSnapshot {
  let snapshot = startDistrictReport();
  for (const event of events) {
    const result = applyDistrictReportEvent(snapshot, event);
    if (!result.accepted) throw new Error(`${event.type} refused: ${result.reason}`);
    snapshot = result.snapshot;
  }
  return snapshot;
}

const SEND = ev({ type: "SUBMIT_FOR_ATTESTATION" }, P.caseworker, "2020-02-03");
const CHEF_ATTESTS = ev({ type: "ATTEST" }, P.chef, "2020-02-06");
const DIRECTOR_ATTESTS = ev({ type: "ATTEST" }, P.director, "2020-02-07");
const FILE = ev({ type: "FILE", meetingDate: "2020-02-20", paragraph: "§ 14" }, P.registrar, "2020-02-21");

const STATES = {
  draft: [] as DistrictReportEvent[],
  "attestation.awaitingHeadOfUnit": [SEND],
  "attestation.awaitingDistrictDirector": [SEND, CHEF_ATTESTS],
  awaitingBoard: [SEND, CHEF_ATTESTS, DIRECTOR_ATTESTS],
  filed: [SEND, CHEF_ATTESTS, DIRECTOR_ATTESTS, FILE],
} as const;

describe("the yearly report's machine", () => {
  it("goes draft → attestering → awaiting the nämnd → filed, and tells the right people at each step", () => {
    let snapshot = startDistrictReport();
    expect(districtReportState(snapshot)).toBe("draft");
    const steps: [DistrictReportEvent, string, unknown][] = [
      [SEND, "attestation.awaitingHeadOfUnit", { template: "district_report_ready_for_attestation", to: ["headOfUnit"] }],
      [CHEF_ATTESTS, "attestation.awaitingDistrictDirector", { template: "district_report_ready_for_attestation", to: ["districtDirector"] }],
      [DIRECTOR_ATTESTS, "awaitingBoard", { template: "district_report_attested", to: ["author", "registrar"] }],
      [FILE, "filed", { template: "district_report_filed", to: ["author"] }],
    ];
    for (const [event, state, notification] of steps) {
      const result = applyDistrictReportEvent(snapshot, event);
      expect(result.accepted, event.type).toBe(true);
      if (!result.accepted) return;
      expect(districtReportState(result.snapshot)).toBe(state);
      expect(result.effects).toEqual([{ type: "notify", params: notification }]);
      snapshot = result.snapshot;
    }
    expect(snapshot.status).toBe("done");
    expect(snapshot.context.attestations).toEqual([
      { role: "head_of_unit", userId: "hou", at: at("2020-02-06") },
      { role: "district_director", userId: "dir", at: at("2020-02-07") },
    ]);
    expect(snapshot.context.filing).toEqual({ meetingDate: "2020-02-20", paragraph: "§ 14", registeredBy: "reg", registeredAt: at("2020-02-21") });
  });

  it.each(["headOfUnit", "districtDirector"] as const)("a return from the %s step goes back to draft, empties the round and tells the author", (step) => {
    const before = step === "headOfUnit" ? drive(SEND) : drive(SEND, CHEF_ATTESTS);
    const who = step === "headOfUnit" ? P.chef : P.director;
    const result = applyDistrictReportEvent(before, ev({ type: "RETURN", comment: " Lägg till jämställdhetsanalysen. " }, who));
    expect(result.accepted).toBe(true);
    if (!result.accepted) return;
    expect(districtReportState(result.snapshot)).toBe("draft");
    expect(result.snapshot.context.attestations).toEqual([]);
    expect(result.snapshot.context.lastReturn?.comment).toBe("Lägg till jämställdhetsanalysen.");
    expect(result.effects).toEqual([{ type: "notify", params: { template: "district_report_returned", to: ["author"] } }]);
    // Sent again, it starts from the avdelningschef.
    const again = applyDistrictReportEvent(result.snapshot, SEND);
    expect(again.accepted && districtReportState(again.snapshot)).toBe("attestation.awaitingHeadOfUnit");
  });

  const refusals: [keyof typeof STATES, DistrictReportEvent, string][] = [
    ["draft", ev({ type: "SUBMIT_FOR_ATTESTATION" }, P.chef), refusal.onlyCaseworkerSubmits],
    ["draft", ev({ type: "ATTEST" }, P.chef), refusal.notPossible],
    ["draft", FILE, refusal.notPossible],
    ["attestation.awaitingHeadOfUnit", ev({ type: "ATTEST" }, person("cw", "caseworker", "head_of_unit")), refusal.authorCannotAttest],
    ["attestation.awaitingHeadOfUnit", ev({ type: "RETURN", comment: "Nej" }, person("cw", "caseworker", "head_of_unit")), refusal.authorCannotReturn],
    ["attestation.awaitingHeadOfUnit", ev({ type: "ATTEST" }, P.director), refusal.onlyHeadOfUnitAttests],
    ["attestation.awaitingHeadOfUnit", ev({ type: "RETURN", comment: "  " }, P.chef), refusal.returnComment],
    ["attestation.awaitingHeadOfUnit", SEND, refusal.notPossible],
    ["attestation.awaitingDistrictDirector", ev({ type: "ATTEST" }, P.chef), refusal.onlyDistrictDirectorAttests],
    ["attestation.awaitingDistrictDirector", FILE, refusal.notPossible],
    ["awaitingBoard", ev({ type: "FILE", meetingDate: "2020-02-20", paragraph: "§ 14" }, P.caseworker, "2020-02-21"), refusal.onlyRegistrarFiles],
    ["awaitingBoard", ev({ type: "FILE", meetingDate: "20-02-2020", paragraph: "§ 14" }, P.registrar, "2020-02-21"), refusal.meetingDate],
    ["awaitingBoard", ev({ type: "FILE", meetingDate: "2020-03-01", paragraph: "§ 14" }, P.registrar, "2020-02-21"), refusal.meetingDateInFuture],
    ["awaitingBoard", ev({ type: "FILE", meetingDate: "2020-02-01", paragraph: "§ 14" }, P.registrar, "2020-02-21"), refusal.meetingBeforeAttestation],
    ["awaitingBoard", ev({ type: "FILE", meetingDate: "2020-02-20", paragraph: " " }, P.registrar, "2020-02-21"), refusal.paragraph],
    ["awaitingBoard", ev({ type: "RETURN", comment: "Sent" }, P.director), refusal.notPossible],
    ["filed", SEND, refusal.closed],
    ["filed", FILE, refusal.closed],
  ];

  it.each(refusals)("in %s refuses %o with the reason", (state, event, reason) => {
    const snapshot = drive(...STATES[state]);
    expect(districtReportState(snapshot)).toBe(state);
    const result = applyDistrictReportEvent(snapshot, event);
    expect(result).toMatchObject({ accepted: false, reason });
    expect(result.snapshot).toBe(snapshot);
  });

  it("does not let one person attest both steps, even with both roles", () => {
    const first = drive(SEND, ev({ type: "ATTEST" }, P.both));
    const result = applyDistrictReportEvent(first, ev({ type: "ATTEST" }, P.both));
    expect(result).toMatchObject({ accepted: false, reason: refusal.attestedTwice });
  });

  it("refuses events without a person or a time", () => {
    const snapshot = drive(SEND);
    expect(applyDistrictReportEvent(snapshot, { type: "ATTEST", at: at("2020-02-06") } as unknown as DistrictReportEvent)).toMatchObject({ reason: refusal.missingActor });
    expect(applyDistrictReportEvent(snapshot, { type: "ATTEST", actor: P.chef, at: "igår" })).toMatchObject({ reason: refusal.invalidAt });
  });

  it("survives storing and restoring at every state, and refuses an unknown version", () => {
    for (const events of Object.values(STATES)) {
      const snapshot = drive(...events);
      const restored = restoreDistrictReport(JSON.parse(JSON.stringify(storeDistrictReport(snapshot))));
      expect(districtReportState(restored)).toBe(districtReportState(snapshot));
      expect(restored.context).toEqual(snapshot.context);
    }
    expect(() => restoreDistrictReport({ machineVersion: 99, snapshot: {} })).toThrow(/version 99/);
  });

  it("names every guard and action it uses (setup())", () => {
    const json = JSON.stringify(districtReportMachine.config);
    for (const guard of ["canSubmitReport", "canAttestReport", "canReturnReport", "canFileReport"]) expect(json).toContain(`"${guard}"`);
    for (const action of ["recordSubmission", "recordAttestation", "recordReturn", "recordFiling", "notify"]) expect(json).toContain(`"${action}"`);
    expect(json).not.toContain('"guard":{}');
  });
});
