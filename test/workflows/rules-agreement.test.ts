/** Guards of the agreement, follow-up and final report stages. */
import { describe, expect, it } from "vitest";
import { transition } from "xstate";
import {
  CASE_ROLES,
  REFUSAL_MESSAGES as R,
  explainRefusal,
  partnershipMachine,
  statePath,
  type CaseRole,
  type PartnershipEvent,
  type PartnershipSnapshot,
} from "../../workflows";
import { A, AGREEMENT_TERMS, E, actor, ev, reach, run, step } from "./helpers";

function expectRefused(snapshot: PartnershipSnapshot, event: PartnershipEvent, reason: string) {
  expect(explainRefusal(snapshot, event)).toBe(reason);
  const [next, actions] = transition(partnershipMachine, snapshot, event);
  expect(next).toBe(snapshot);
  expect(actions).toEqual([]);
}

function expectAccepted(snapshot: PartnershipSnapshot, event: PartnershipEvent): PartnershipSnapshot {
  expect(explainRefusal(snapshot, event)).toBeNull();
  return step(snapshot, event).snapshot;
}

function roleCases(allowed: CaseRole[]) {
  return CASE_ROLES.map((role) => ({ role, allowed: allowed.includes(role) }));
}

describe("SEND_FOR_SIGNING", () => {
  it("stores the agreement's dates and periods", () => {
    const signing = expectAccepted(reach("agreement.drafting"), E.sendForSigning);
    expect(signing.context.agreement).toEqual({ ...AGREEMENT_TERMS, reportDueDates: ["2025-09-30", "2026-03-31"] });
  });

  it.each([
    ["another caseworker", { actor: A.otherCaseworker }, R.onlyAssignedSendsAgreement],
    ["no start date", { startDate: "" }, R.agreementStartDate],
    ["an end date before the start", { endDate: "2025-04-30" }, R.agreementEndDate],
    ["no report due dates", { reportDueDates: [] }, R.reportDueDates],
    ["report due dates out of order", { reportDueDates: ["2026-03-31", "2025-09-30"] }, R.reportDueDatesOrder],
    ["a report due before the start", { reportDueDates: ["2025-04-15"] }, R.reportDueDatesOrder],
    ["no answer on extension", { extensionAllowed: undefined }, R.extensionAllowed],
    ["a final report due before the end", { finalReportDueDate: "2026-01-01" }, R.finalReportDueDate],
  ])("is refused with %s", (_label, change, reason) => {
    expectRefused(reach("agreement.drafting"), { ...E.sendForSigning, ...change } as PartnershipEvent, reason);
  });
});

describe("SIGN", () => {
  it.each(roleCases(["signatory", "head_of_unit", "district_director"]))(
    "as $role: allowed = $allowed",
    ({ role, allowed }) => {
      const event = ev("SIGN", actor("u-1", role), "2025-04-05");
      if (allowed) expect(statePath(expectAccepted(reach("agreement.signing"), event))).toBe("agreement.signing");
      else expectRefused(reach("agreement.signing"), event, R.onlySignatoriesSign);
    },
  );

  it.each([
    ["förening first", [E.signAssociation, E.signAdministration]],
    ["förvaltning first", [ev("SIGN", A.director, "2025-04-04"), E.signAssociation]],
  ])("%s: both signatures are recorded and the agreement comes into force", (_label, [first, second]) => {
    const afterFirst = expectAccepted(reach("agreement.signing"), first!);
    expect(statePath(afterFirst)).toBe("agreement.signing");
    expectRefused(afterFirst, first!, first!.actor.roles.includes("signatory") ? R.associationAlreadySigned : R.administrationAlreadySigned);
    const inForce = expectAccepted(afterFirst, second!);
    expect(statePath(inForce)).toBe("followUp.reportDue");
    expect(inForce.context.signatures.association).toEqual({ userId: "u-signatory", at: E.signAssociation.at });
    expect(inForce.context.signatures.administration?.userId).toBe(first === E.signAssociation ? "u-hou" : "u-director");
  });

  it("one person cannot sign for both parties", () => {
    const both = actor("u-both", "signatory", "head_of_unit");
    const afterFirst = expectAccepted(reach("agreement.signing"), ev("SIGN", both, "2025-04-05"));
    expectRefused(afterFirst, ev("SIGN", both, "2025-04-06"), R.signBothSides);
  });

  it("returning to drafting needs a comment and clears the signatures", () => {
    const signed = run([E.signAssociation], reach("agreement.signing"));
    expectRefused(signed, { ...E.returnToDrafting, comment: "" }, R.agreementReturnComment);
    const drafting = expectAccepted(signed, E.returnToDrafting);
    expect(statePath(drafting)).toBe("agreement.drafting");
    expect(drafting.context.signatures).toEqual({ association: null, administration: null });
  });
});

describe("follow-up reports", () => {
  it.each(roleCases(["applicant"]))("SUBMIT_REPORT as $role: allowed = $allowed", ({ role, allowed }) => {
    const event = ev("SUBMIT_REPORT", actor("u-1", role), "2025-09-25");
    if (allowed) expectAccepted(reach("followUp.reportDue"), event);
    else expectRefused(reach("followUp.reportDue"), event, R.onlyApplicantReports);
  });

  it.each([
    ["another caseworker", { actor: A.otherCaseworker }, R.onlyAssignedRequestsReportCompletion],
    ["no message", { message: "" }, R.describeCompletion],
    ["a due date on the same day", { dueDate: "2025-10-01" }, R.completionDueDate],
  ])("REQUEST_REPORT_COMPLETION is refused with %s", (_label, change, reason) => {
    expectRefused(reach("followUp.reportSubmitted"), { ...E.requestReportCompletion, ...change } as PartnershipEvent, reason);
  });

  it("APPROVE_REPORT only by the assigned caseworker; then the next period's report is due", () => {
    expectRefused(reach("followUp.reportSubmitted"), { ...E.approveReport, actor: A.otherCaseworker }, R.onlyAssignedApprovesReport);
    const next = expectAccepted(reach("followUp.reportSubmitted"), E.approveReport);
    expect(statePath(next)).toBe("followUp.reportDue");
    expect(next.context.currentPeriodIndex).toBe(1);
    expect(next.context.approvedReports).toEqual([{ periodIndex: 0, approvedBy: "cw-1", at: E.approveReport.at }]);
  });

  it("after the last report the case waits for the end date; PERIOD_ELAPSED is refused before it", () => {
    const reviewed = reach("followUp.reportReviewed");
    expectRefused(reviewed, ev("PERIOD_ELAPSED", A.system, "2026-04-30"), R.periodNotEnded("2026-04-30"));
    expectRefused(reviewed, { ...E.periodElapsed, actor: A.caseworker }, R.onlySystemEndsPeriod);
    expect(statePath(expectAccepted(reviewed, E.periodElapsed))).toBe("finalReport.due");
  });
});

describe("EXTEND and TERMINATE", () => {
  it.each(roleCases(["head_of_unit", "district_director", "registrar"]))(
    "EXTEND as $role: allowed = $allowed",
    ({ role, allowed }) => {
      const event = { ...E.extend, actor: actor("u-1", role) };
      if (allowed) expect(expectAccepted(reach("followUp.reportDue"), event).context.agreement?.endDate).toBe("2027-04-30");
      else expectRefused(reach("followUp.reportDue"), event, R.onlyManagementExtends);
    },
  );

  it.each([
    ["a new end date not after the current one", { newEndDate: "2026-04-30" }, R.newEndDate("2026-04-30")],
    ["no added report dates", { addedReportDueDates: [] }, R.addedReportDueDates],
    ["added report dates before existing ones", { addedReportDueDates: ["2026-01-01"] }, R.addedReportDueDates],
  ])("EXTEND is refused with %s", (_label, change, reason) => {
    expectRefused(reach("followUp.reportDue"), { ...E.extend, ...change } as PartnershipEvent, reason);
  });

  it("EXTEND is refused when the agreement does not allow it", () => {
    const noExtension = run(
      [{ ...E.sendForSigning, extensionAllowed: false }, E.signAssociation, E.signAdministration],
      reach("agreement.drafting"),
    );
    expectRefused(noExtension, E.extend, R.extensionNotAllowed);
  });

  it("EXTEND while waiting for the end date opens the added period", () => {
    const extended = expectAccepted(reach("followUp.reportReviewed"), { ...E.extend, at: "2026-04-01T10:00:00+01:00" });
    expect(statePath(extended)).toBe("followUp.reportDue");
    expect(extended.context.currentPeriodIndex).toBe(2);
    expect(extended.context.extensions).toHaveLength(1);
    expectRefused(extended, E.periodElapsed, R.notPossible);
  });

  it.each(["followUp.reportDue", "followUp.reportSubmitted", "followUp.reportCompletionRequested", "followUp.reportReviewed"])(
    "TERMINATE from %s goes to the final report",
    (path) => {
      const terminated = expectAccepted(reach(path), E.terminate);
      expect(statePath(terminated)).toBe("finalReport.due");
      expect(terminated.context.termination).toMatchObject({ reason: E.terminate.reason, effectiveDate: "2025-12-31" });
    },
  );

  it.each([
    ["no reason", { reason: " " }, R.terminationReason],
    ["a date after the end date", { effectiveDate: "2026-05-01" }, R.terminationDate("2026-04-30")],
    ["a caseworker", { actor: A.caseworker }, R.onlyManagementTerminates],
  ])("TERMINATE is refused with %s", (_label, change, reason) => {
    expectRefused(reach("followUp.reportDue"), { ...E.terminate, ...change } as PartnershipEvent, reason);
  });
});

describe("final report", () => {
  it.each(roleCases(["applicant"]))("SUBMIT_FINAL_REPORT as $role: allowed = $allowed", ({ role, allowed }) => {
    const event = ev("SUBMIT_FINAL_REPORT", actor("u-1", role), "2026-06-15");
    if (allowed) expectAccepted(reach("finalReport.due"), event);
    else expectRefused(reach("finalReport.due"), event, R.onlyApplicantSubmitsFinalReport);
  });

  it("START_FINAL_ASSESSMENT only by the assigned caseworker", () => {
    expectRefused(reach("finalReport.submitted"), { ...E.startFinalAssessment, actor: A.otherCaseworker }, R.onlyAssignedAssessesFinalReport);
  });

  it.each(roleCases(["registrar"]))("REGISTER_FINAL_APPROVAL as $role: allowed = $allowed", ({ role, allowed }) => {
    const event = { ...E.approveFinalReport, actor: actor("u-1", role) };
    if (allowed) expect(expectAccepted(reach("finalReport.awaitingBoard"), event).context.outcome).toBe("completed");
    else expectRefused(reach("finalReport.awaitingBoard"), event, R.onlyRegistrarRegistersFinalApproval);
  });
});
