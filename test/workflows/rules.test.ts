/**
 * Guards one by one: who may do what, where, and with which fields. Each case
 * checks both halves of the contract: explainRefusal's sentence and what
 * transition() actually does.
 */
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
import { A, AFTER_DECISION, BEFORE_DECISION, E, actor, ev, reach, run, step } from "./helpers";

/** Refused with exactly this reason, and transition() agrees by changing nothing. */
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

/** Role tables: the same user id with one role at a time, so only the role decides. */
function roleCases(allowed: CaseRole[]) {
  return CASE_ROLES.map((role) => ({ role, allowed: allowed.includes(role) }));
}

describe("SUBMIT", () => {
  it.each(roleCases(["applicant"]))("as $role: allowed = $allowed", ({ role, allowed }) => {
    const event = ev("SUBMIT", actor("u-1", role), "2025-02-01");
    if (allowed) expect(statePath(expectAccepted(reach("application.draft"), event))).toBe("review.unassigned");
    else expectRefused(reach("application.draft"), event, R.onlyApplicantSubmits);
  });
});

describe("WITHDRAW", () => {
  it.each(BEFORE_DECISION)("is allowed in %s and closes the case as withdrawn", (path) => {
    const closed = expectAccepted(reach(path), E.withdraw);
    expect(closed.status).toBe("done");
    expect(closed.context.outcome).toBe("withdrawn");
    expect(closed.context.withdrawal).toEqual({ userId: "u-applicant", at: E.withdraw.at, reason: "Vi har fått annan finansiering." });
  });

  it.each(AFTER_DECISION.filter((path) => path !== "closed"))("is refused in %s", (path) => {
    expectRefused(reach(path), E.withdraw, R.withdrawAfterDecision);
  });

  it("is refused once the case is closed", () => {
    expectRefused(reach("closed"), E.withdraw, R.closed);
  });

  it.each(roleCases(["applicant", "signatory"]))("as $role: allowed = $allowed", ({ role, allowed }) => {
    const event = ev("WITHDRAW", actor("u-1", role), "2025-02-05");
    if (allowed) expect(expectAccepted(reach("review.assigned"), event).context.outcome).toBe("withdrawn");
    else expectRefused(reach("review.assigned"), event, R.onlyAssociationWithdraws);
  });
});

describe("TAKE, ASSIGN and REASSIGN", () => {
  it.each(roleCases(["caseworker"]))("TAKE as $role: allowed = $allowed", ({ role, allowed }) => {
    const event = ev("TAKE", actor("u-1", role), "2025-02-03");
    if (allowed) expect(expectAccepted(reach("review.unassigned"), event).context.assignedCaseworkerId).toBe("u-1");
    else expectRefused(reach("review.unassigned"), event, R.onlyCaseworkerTakes);
  });

  it.each(roleCases(["caseworker", "admin"]))("ASSIGN as $role: allowed = $allowed", ({ role, allowed }) => {
    const event = ev("ASSIGN", actor("u-1", role), "2025-02-03", { caseworkerId: "cw-9" });
    if (allowed) expect(expectAccepted(reach("review.unassigned"), event).context.assignedCaseworkerId).toBe("cw-9");
    else expectRefused(reach("review.unassigned"), event, R.onlyCaseworkerOrAdminAssigns);
  });

  it("ASSIGN needs a caseworker to assign to", () => {
    expectRefused(reach("review.unassigned"), ev("ASSIGN", A.admin, "2025-02-03", { caseworkerId: " " }), R.chooseCaseworker);
  });

  const withCaseworker = [
    ...BEFORE_DECISION.filter((path) => !["application.draft", "review.unassigned"].includes(path)),
    ...AFTER_DECISION.filter((path) => path !== "closed"),
  ];
  it.each(withCaseworker)("REASSIGN works in %s and keeps the state", (path) => {
    const before = reach(path);
    const after = expectAccepted(before, E.reassign);
    expect(after.context.assignedCaseworkerId).toBe("cw-2");
    expect(statePath(after)).toBe(path);
  });

  it.each(["application.draft", "review.unassigned"])("REASSIGN is refused in %s where nobody has the case", (path) => {
    const expected = path === "application.draft" ? R.notPossible : R.noCaseworkerYet;
    expectRefused(reach(path), E.reassign, expected);
  });

  it("REASSIGN to the same caseworker is refused, and the old caseworker loses the case", () => {
    expectRefused(reach("review.assigned"), ev("REASSIGN", A.admin, "2025-02-05", { caseworkerId: "cw-1" }), R.sameCaseworker);
    const reassigned = run([E.reassign], reach("review.assigned"));
    expectRefused(reassigned, E.startAssessment, R.onlyAssignedAssesses);
    expectAccepted(reassigned, ev("START_ASSESSMENT", A.otherCaseworker, "2025-06-02"));
  });
});

describe("REQUEST_COMPLETION and RESUBMIT", () => {
  it.each(roleCases(["caseworker"]))("as $role with the assigned user id: allowed = $allowed", ({ role, allowed }) => {
    const event = { ...E.requestCompletion, actor: actor("cw-1", role) };
    if (allowed) expect(statePath(expectAccepted(reach("review.assigned"), event))).toBe("review.awaitingCompletion");
    else expectRefused(reach("review.assigned"), event, R.onlyAssignedRequestsCompletion);
  });

  it.each([
    ["another caseworker", { actor: A.otherCaseworker }, R.onlyAssignedRequestsCompletion],
    ["an empty message", { message: "   " }, R.describeCompletion],
    ["a due date on the same day", { dueDate: "2025-02-04" }, R.completionDueDate],
    ["a due date in the past", { dueDate: "2025-01-31" }, R.completionDueDate],
    ["a date that does not exist", { dueDate: "2025-02-30" }, R.completionDueDate],
  ])("is refused with %s", (_label, change, reason) => {
    expectRefused(reach("review.assigned"), { ...E.requestCompletion, ...change } as PartnershipEvent, reason);
  });

  it("may be asked during assessment too, and every resubmission is a new version", () => {
    let snapshot = reach("review.assessment");
    expect(snapshot.context.applicationVersion).toBe(1);
    for (let round = 2; round <= 4; round++) {
      snapshot = expectAccepted(snapshot, E.requestCompletion);
      expect(snapshot.context.completionRequest?.message).toBe("Bifoga budget för 2025.");
      snapshot = expectAccepted(snapshot, E.resubmit);
      expect(statePath(snapshot)).toBe("review.assigned");
      expect(snapshot.context.applicationVersion).toBe(round);
      expect(snapshot.context.completionRequest).toBeNull();
    }
  });

  it.each(roleCases(["applicant"]))("RESUBMIT as $role: allowed = $allowed", ({ role, allowed }) => {
    const event = ev("RESUBMIT", actor("u-1", role), "2025-02-10");
    if (allowed) expectAccepted(reach("review.awaitingCompletion"), event);
    else expectRefused(reach("review.awaitingCompletion"), event, R.onlyApplicantResubmits);
  });
});

describe("SUBMIT_FOR_ATTESTATION", () => {
  it("records the author and the proposal", () => {
    const snapshot = expectAccepted(reach("review.assessment"), { ...E.submitStatement, proposal: "reject" });
    expect(snapshot.context.applicationStatement).toMatchObject({ authorId: "cw-1", proposal: "reject", attestations: [] });
  });

  it.each([
    ["no proposal on the application", "review.assessment", { ...E.submitStatement, proposal: undefined }, R.chooseProposal],
    ["no renegotiate on the final report", "finalReport.assessment", { ...E.submitFinalStatement, renegotiate: undefined }, R.chooseRenegotiation],
    ["another caseworker", "review.assessment", { ...E.submitStatement, actor: A.otherCaseworker }, R.onlyAssignedSubmitsStatement],
  ])("is refused with %s", (_label, path, event, reason) => {
    expectRefused(reach(path), event as PartnershipEvent, reason);
  });
});

describe("ATTEST and RETURN: attestering in both stages", () => {
  const author = actor("cw-1", "caseworker", "head_of_unit", "district_director");
  const steps = [
    { stage: "review", path: "review.attestation.awaitingHeadOfUnit", assessment: "review.assessment" },
    { stage: "review", path: "review.attestation.awaitingDistrictDirector", assessment: "review.assessment" },
    { stage: "finalReport", path: "finalReport.attestation.awaitingHeadOfUnit", assessment: "finalReport.assessment" },
    { stage: "finalReport", path: "finalReport.attestation.awaitingDistrictDirector", assessment: "finalReport.assessment" },
  ];

  it.each(steps)("the author cannot attest in $path even with the chef roles", ({ path }) => {
    expectRefused(reach(path), ev("ATTEST", author, "2025-03-04"), R.authorCannotAttest);
  });

  it.each(steps)("the author cannot return in $path", ({ path }) => {
    expectRefused(reach(path), ev("RETURN", author, "2025-03-04", { comment: "Ändra." }), R.authorCannotReturn);
  });

  it.each(steps)("a return without comment is refused in $path", ({ path }) => {
    const who = path.endsWith("awaitingHeadOfUnit") ? A.headOfUnit : A.director;
    expectRefused(reach(path), ev("RETURN", who, "2025-03-04", { comment: " " }), R.returnComment);
  });

  it.each(steps)("a return from $path goes back to $assessment and clears the round", ({ path, assessment }) => {
    const who = path.endsWith("awaitingHeadOfUnit") ? A.headOfUnit : A.director;
    const returned = expectAccepted(reach(path), ev("RETURN", who, "2026-09-01", { comment: "Förtydliga." }));
    expect(statePath(returned)).toBe(assessment);
    const statement = assessment.startsWith("review") ? returned.context.applicationStatement : returned.context.finalStatement;
    expect(statement?.attestations).toEqual([]);
    expect(returned.context.lastReturn).toMatchObject({ userId: who.userId, comment: "Förtydliga." });
  });

  it.each([
    ["review.attestation.awaitingHeadOfUnit", A.director, R.onlyHeadOfUnitAttests],
    ["review.attestation.awaitingDistrictDirector", A.headOfUnit, R.onlyDistrictDirectorAttests],
    ["finalReport.attestation.awaitingHeadOfUnit", A.registrar, R.onlyHeadOfUnitAttests],
    ["finalReport.attestation.awaitingDistrictDirector", A.otherCaseworker, R.onlyDistrictDirectorAttests],
  ])("in %s the wrong role is refused", (path, who, reason) => {
    expectRefused(reach(path), ev("ATTEST", who, "2025-03-04"), reason);
  });

  it("records each attestation with role, user and time, and one person cannot do both steps", () => {
    const both = actor("u-both", "head_of_unit", "district_director");
    const afterFirst = expectAccepted(reach("review.attestation.awaitingHeadOfUnit"), ev("ATTEST", both, "2025-03-03"));
    expect(afterFirst.context.applicationStatement?.attestations).toEqual([
      { role: "head_of_unit", userId: "u-both", at: "2025-03-03T10:00:00+01:00" },
    ]);
    expectRefused(afterFirst, ev("ATTEST", both, "2025-03-04"), R.attestedTwice);
  });
});

describe("REGISTER_DECISION", () => {
  it.each(roleCases(["registrar"]))("as $role: allowed = $allowed", ({ role, allowed }) => {
    const event = { ...E.approve, actor: actor("u-1", role) };
    if (allowed) expect(statePath(expectAccepted(reach("decision.awaitingBoard"), event))).toBe("agreement.drafting");
    else expectRefused(reach("decision.awaitingBoard"), event, R.onlyRegistrarRegisters);
  });

  it.each([
    ["no motivation for avslag", { ...E.reject, motivation: "" }, R.rejectionMotivation],
    ["no paragraph", { ...E.approve, paragraph: "" }, R.paragraph],
    ["a meeting after today", { ...E.approve, meetingDate: "2025-03-21" }, R.meetingDateInFuture],
    ["no meeting date", { ...E.approve, meetingDate: "20 mars" }, R.meetingDate],
    ["an unknown outcome", { ...E.approve, outcome: "postponed" }, R.decisionOutcome],
  ])("is refused with %s", (_label, event, reason) => {
    expectRefused(reach("decision.awaitingBoard"), event as PartnershipEvent, reason);
  });

  it("avslag closes the case and keeps the motivation", () => {
    const closed = expectAccepted(reach("decision.awaitingBoard"), E.reject);
    expect(closed.status).toBe("done");
    expect(closed.context.outcome).toBe("rejected");
    expect(closed.context.decision).toMatchObject({ outcome: "rejected", paragraph: "§ 13", motivation: E.reject.motivation });
  });
});
