/**
 * One partnership from draft to a renegotiated close, through the pure
 * `transition()`, asserting the effects returned at every step: who is told
 * what, and which deadlines are set and cleared.
 */
import { describe, expect, it } from "vitest";
import { initialTransition, transition } from "xstate";
import { partnershipMachine, statePath, toEffects, type PartnershipEffect, type PartnershipEvent } from "../../workflows";
import { E, start } from "./helpers";

const notify = (template: string, ...to: string[]) => ({ type: "notify", params: { template, to } });
const setDeadline = (kind: string, dueAt: string) => ({ type: "setDeadline", params: { kind, dueAt } });
const clearDeadline = (kind: string) => ({ type: "clearDeadline", params: { kind } });
/** The förening's kvittens: what arrived (which version, which report), and when. */
const receipt = (kind: string, day: string, version: number, report: { index: number; count: number } | null = null) => ({
  type: "receipt",
  params: { kind, receivedAt: `${day}T10:00:00+01:00`, version, report },
});
const PARTIES = ["applicant", "signatory", "assignedCaseworker", "coordinator"];

const HAPPY_PATH: Array<[PartnershipEvent, string, unknown[]]> = [
  [E.submit, "review.unassigned", [receipt("application", "2025-02-01", 1), notify("application_received", "districtCaseworkers")]],
  [E.take, "review.assigned", [notify("case_assigned", "applicant")]],
  [E.requestCompletion, "review.awaitingCompletion", [
    notify("completion_requested", "applicant"),
    setDeadline("completion", "2025-02-18"),
  ]],
  [E.resubmit, "review.assigned", [
    clearDeadline("completion"),
    receipt("completion", "2025-02-10", 2),
    notify("completion_resubmitted", "assignedCaseworker"),
  ]],
  [E.startAssessment, "review.assessment", []],
  [E.submitStatement, "review.attestation.awaitingHeadOfUnit", [notify("statement_ready_for_attestation", "headOfUnit")]],
  [E.attestHeadOfUnit, "review.attestation.awaitingDistrictDirector", [
    notify("statement_ready_for_attestation", "districtDirector"),
  ]],
  [E.attestDirector, "decision.awaitingBoard", [notify("statement_attested", "assignedCaseworker", "registrar")]],
  [E.approve, "agreement.drafting", [notify("decision_approved", "applicant", "signatory", "assignedCaseworker")]],
  [E.sendForSigning, "agreement.signing", [
    notify("agreement_ready_to_sign", "signatory", "applicant", "headOfUnit", "districtDirector"),
  ]],
  [E.signAssociation, "agreement.signing", [
    notify("agreement_signed_by_other_party", "headOfUnit", "districtDirector", "assignedCaseworker"),
  ]],
  [E.signAdministration, "followUp.reportDue", [
    notify("agreement_in_force", ...PARTIES),
    // Signed 2025-04-07, before the agreement starts on 2025-05-01: nothing to report on yet.
    setDeadline("report", "2025-09-30"),
  ]],
  [E.submitReport, "followUp.reportSubmitted", [
    clearDeadline("report"),
    receipt("report", "2025-09-25", 1, { index: 0, count: 2 }),
    notify("report_submitted", "assignedCaseworker"),
  ]],
  [E.requestReportCompletion, "followUp.reportCompletionRequested", [
    notify("report_returned", "applicant"),
    setDeadline("completion", "2025-10-15"),
  ]],
  [E.resubmitReport, "followUp.reportSubmitted", [
    clearDeadline("completion"),
    receipt("reportCompletion", "2025-10-10", 2, { index: 0, count: 2 }),
    notify("report_resubmitted", "assignedCaseworker"),
  ]],
  [E.approveReport, "followUp.reportDue", [
    notify("report_approved", "applicant"),
    setDeadline("report", "2026-03-31"),
    notify("report_due", "applicant"),
  ]],
  [E.submitSecondReport, "followUp.reportSubmitted", [
    clearDeadline("report"),
    receipt("report", "2026-03-20", 1, { index: 1, count: 2 }),
    notify("report_submitted", "assignedCaseworker"),
  ]],
  [E.approveSecondReport, "followUp.reportReviewed", [notify("report_approved", "applicant")]],
  [E.periodElapsed, "finalReport.due", [
    setDeadline("finalReport", "2026-06-30"),
    notify("final_report_due", "applicant", "assignedCaseworker"),
  ]],
  [E.submitFinalReport, "finalReport.submitted", [
    clearDeadline("finalReport"),
    receipt("finalReport", "2026-06-15", 1),
    notify("final_report_submitted", "assignedCaseworker"),
  ]],
  [E.startFinalAssessment, "finalReport.assessment", []],
  [E.submitFinalStatement, "finalReport.attestation.awaitingHeadOfUnit", [
    notify("statement_ready_for_attestation", "headOfUnit"),
  ]],
  [E.attestFinalHeadOfUnit, "finalReport.attestation.awaitingDistrictDirector", [
    notify("statement_ready_for_attestation", "districtDirector"),
  ]],
  [E.attestFinalDirector, "finalReport.awaitingBoard", [notify("statement_attested", "assignedCaseworker", "registrar")]],
  [E.approveFinalReport, "closed", [
    notify("final_report_approved", ...PARTIES),
    { type: "openRenegotiation", params: { meetingDate: "2026-09-15", paragraph: "§ 7" } },
    notify("renegotiation_opened", "applicant", "signatory", "assignedCaseworker"),
  ]],
];

describe("happy path through transition()", () => {
  it("starts in application.draft with no effects", () => {
    const [snapshot, actions] = initialTransition(partnershipMachine);
    expect(statePath(snapshot)).toBe("application.draft");
    expect(actions).toEqual([]);
  });

  it("returns named actions with their params as data, and keeps assigns out of the list", () => {
    const [, actions] = transition(partnershipMachine, start(), E.submit);
    expect(actions.map((action) => ({ type: action.type, params: action.params }))).toEqual([
      receipt("application", "2025-02-01", 1),
      notify("application_received", "districtCaseworkers"),
    ]);
    // The raw objects also carry `info` and the no-op `exec`; toEffects keeps only storable data.
    expect(actions[0]).toHaveProperty("info");
    expect(toEffects(actions).map((effect) => Object.keys(effect))).toEqual([["type", "params"], ["type", "params"]]);
  });

  it("walks the whole lifecycle with exactly the expected effects", () => {
    let snapshot = start();
    const all: PartnershipEffect[] = [];
    for (const [event, expectedState, expectedEffects] of HAPPY_PATH) {
      const [next, actions] = transition(partnershipMachine, snapshot, event);
      const effects = toEffects(actions);
      expect({ event: event.type, state: statePath(next), effects }).toEqual({
        event: event.type,
        state: expectedState,
        effects: expectedEffects,
      });
      all.push(...effects);
      snapshot = next;
    }
    expect(snapshot.status).toBe("done");
    expect(snapshot.context).toMatchObject({
      outcome: "completed",
      applicationVersion: 2,
      submittedAt: E.submit.at,
      assignedCaseworkerId: "cw-1",
      currentPeriodIndex: 1,
      decision: { meetingDate: "2025-03-20", paragraph: "§ 12", outcome: "approved", motivation: null },
      finalApproval: { meetingDate: "2026-09-15", paragraph: "§ 7", registeredBy: "u-registrar" },
      finalReportSubmittedAt: E.submitFinalReport.at,
    });
    expect(snapshot.context.applicationStatement?.attestations.map((a) => a.role)).toEqual(["head_of_unit", "district_director"]);
    expect(snapshot.context.finalStatement).toMatchObject({ authorId: "cw-1", renegotiate: true });
    // Every deadline that was set has been cleared by the end.
    const set = all.filter((e) => e.type === "setDeadline").length;
    const cleared = all.filter((e) => e.type === "clearDeadline").length;
    expect(set).toBe(cleared);
    // The persisted snapshot is plain JSON.
    const persisted = partnershipMachine.getPersistedSnapshot(snapshot);
    expect(JSON.parse(JSON.stringify(persisted))).toEqual(persisted);
  });

  it("approval without renegotiation closes without opening a new case", () => {
    let snapshot = start();
    for (const [event] of HAPPY_PATH.slice(0, -4)) snapshot = transition(partnershipMachine, snapshot, event)[0];
    for (const event of [{ ...E.submitFinalStatement, renegotiate: false }, E.attestFinalHeadOfUnit, E.attestFinalDirector]) {
      snapshot = transition(partnershipMachine, snapshot, event)[0];
    }
    const [closed, actions] = transition(partnershipMachine, snapshot, E.approveFinalReport);
    expect(statePath(closed)).toBe("closed");
    expect(toEffects(actions)).toEqual([notify("final_report_approved", ...PARTIES)]);
  });

  it("withdrawal while awaiting komplettering clears the deadline and tells the caseworker", () => {
    let snapshot = start();
    for (const event of [E.submit, E.take, E.requestCompletion]) snapshot = transition(partnershipMachine, snapshot, event)[0];
    const [closed, actions] = transition(partnershipMachine, snapshot, E.withdraw);
    expect(closed.context.outcome).toBe("withdrawn");
    expect(toEffects(actions)).toEqual([
      clearDeadline("completion"),
      notify("application_withdrawn", "applicant", "assignedCaseworker"),
    ]);
  });

  it("avslag tells the förening, with the motivation kept for the letter", () => {
    let snapshot = start();
    for (const [event] of HAPPY_PATH.slice(0, 8)) snapshot = transition(partnershipMachine, snapshot, event)[0];
    const [closed, actions] = transition(partnershipMachine, snapshot, E.reject);
    expect(toEffects(actions)).toEqual([notify("decision_rejected", "applicant", "signatory", "assignedCaseworker")]);
    expect(closed.context.decision?.motivation).toBe(E.reject.motivation);
  });
});
