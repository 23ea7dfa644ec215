/** What a renegotiated case starts from: the last application, its period moved after the old agreement. */
import { describe, expect, it } from "vitest";
import type { AgreementContent } from "../../app/domain/agreement";
import type { ApplicationContent } from "../../app/domain/application";
import { followingPeriod, renegotiatedAgreementDraft, renegotiationDraft } from "../../app/domain/renegotiation";
import { prefillFromApplication } from "../../app/partnership/agreement-form";

const old: ApplicationContent = {
  title: "Mötesplats för unga i Husby",
  callId: "6f1c1c9e-0000-4000-8000-000000000001",
  priorityAreaId: "6f1c1c9e-0000-4000-8000-000000000002",
  periodStart: "2025-05-01",
  periodEnd: "2026-04-30",
  purpose: "Unga i Husby ska ha en trygg mötesplats.",
  societalChallenge: "Få mötesplatser efter skolan.",
  targetGroups: [{ description: "Unga 13–22 år", ageFrom: 13, ageTo: 22 }],
  activities: [{ name: "Kvällsöppet", description: "Fyra kvällar i veckan." }],
  policyLink: "Barn- och ungdomsprogrammet.",
  complementsOperations: "Fritidsgården.",
  cooperation: "Styrgrupp fyra gånger om året.",
  budgetLines: [{ description: "Fritidsledare", associationAmount: 200_000, administrationAmount: 600_000 }],
  otherContributions: "Ideella timmar.",
};

describe("renegotiationDraft", () => {
  it("carries over every text, target group, activity and budget row", () => {
    const draft = renegotiationDraft({ application: old, decidedOn: "2026-03-15" });
    for (const key of ["title", "purpose", "societalChallenge", "policyLink", "complementsOperations", "cooperation", "otherContributions", "priorityAreaId"] as const) {
      expect(draft[key]).toBe(old[key]);
    }
    expect(draft.targetGroups).toEqual(old.targetGroups);
    expect(draft.activities).toEqual(old.activities);
    expect(draft.budgetLines).toEqual(old.budgetLines);
  });

  it("copies the rows, so editing the new draft leaves the old application as it was", () => {
    const draft = renegotiationDraft({ application: old, decidedOn: "2026-03-15" });
    draft.budgetLines![0]!.administrationAmount = 1;
    draft.targetGroups![0]!.description = "Ändrad";
    expect(old.budgetLines![0]!.administrationAmount).toBe(600_000);
    expect(old.targetGroups![0]!.description).toBe("Unga 13–22 år");
  });

  it("drops the old, closed call", () => {
    expect(renegotiationDraft({ application: old, decidedOn: "2026-03-15" }).callId).toBeNull();
  });

  it("starts the period the day after the old agreement ends, just as long", () => {
    const draft = renegotiationDraft({
      application: old,
      agreementPeriod: { startDate: "2025-07-01", endDate: "2026-06-30" },
      decidedOn: "2026-03-15",
    });
    expect([draft.periodStart, draft.periodEnd]).toEqual(["2026-07-01", "2027-06-30"]);
  });

  it("uses the application's period when there is no agreement period", () => {
    const draft = renegotiationDraft({ application: old, decidedOn: "2026-03-15" });
    expect([draft.periodStart, draft.periodEnd]).toEqual(["2026-05-01", "2027-04-30"]);
  });

  it("never starts before the decision: then from the first of the next month", () => {
    const draft = renegotiationDraft({ application: old, decidedOn: "2026-09-15" });
    expect([draft.periodStart, draft.periodEnd]).toEqual(["2026-10-01", "2027-09-30"]);
  });

  it("leaves the period blank when the old one is unknown", () => {
    const { periodStart: _s, periodEnd: _e, ...noPeriod } = old;
    const draft = renegotiationDraft({ application: noPeriod, decidedOn: "2026-03-15" });
    expect([draft.periodStart, draft.periodEnd]).toEqual([null, null]);
  });
});

describe("followingPeriod", () => {
  it("gives a year from the day after the end when the start is unknown", () => {
    expect(followingPeriod(null, "2026-12-31", "2026-01-10")).toEqual({ periodStart: "2027-01-01", periodEnd: "2027-12-31" });
  });
  it("keeps a multi-year length across a leap day", () => {
    expect(followingPeriod("2025-01-01", "2027-12-31", "2026-01-10")).toEqual({ periodStart: "2028-01-01", periodEnd: "2030-12-31" });
  });
});

describe("renegotiatedAgreementDraft", () => {
  const oldAgreement: AgreementContent = {
    purposeAndGoals: "Den gamla överenskommelsens syfte.",
    startDate: "2025-07-01",
    endDate: "2026-06-30",
    goals: [
      { description: "Andel deltagare som är flickor", target: "55 %" },
      { description: "Antal aktiviteter per år", target: "190 aktiviteter" },
    ],
  };
  const newApplication = renegotiationDraft({ application: old, agreementPeriod: oldAgreement, decidedOn: "2026-03-15" });

  it("carries the old agreement's goals and target values into the new agreement's first draft", () => {
    const draft = renegotiatedAgreementDraft(prefillFromApplication(newApplication), oldAgreement);
    expect(draft.goals).toEqual(oldAgreement.goals);
    // Everything else comes from the new application: its purpose and its period, not the old agreement's.
    expect(draft.purposeAndGoals).toBe(old.purpose);
    expect([draft.startDate, draft.endDate]).toEqual(["2026-07-01", "2027-06-30"]);
  });

  it("copies the goals, so editing the new draft leaves the old agreement as it was", () => {
    const draft = renegotiatedAgreementDraft(prefillFromApplication(newApplication), oldAgreement);
    draft.goals![0]!.target = "60 %";
    expect(oldAgreement.goals![0]!.target).toBe("55 %");
  });

  it("keeps goals the draft already has, skips blank ones, and changes nothing without an old agreement", () => {
    const own = { ...prefillFromApplication(newApplication), goals: [{ description: "Nytt mål", target: "10" }] };
    expect(renegotiatedAgreementDraft(own, oldAgreement).goals).toEqual([{ description: "Nytt mål", target: "10" }]);
    const blank = { goals: [{ description: "  ", target: "" }] };
    expect(renegotiatedAgreementDraft(prefillFromApplication(newApplication), blank).goals).toEqual([]);
    const prefill = prefillFromApplication(newApplication);
    expect(renegotiatedAgreementDraft(prefill, null)).toEqual(prefill);
  });
});
