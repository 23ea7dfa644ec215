/**
 * A report is about a period: it cannot be sent in before that period has begun, and "Dags att
 * rapportera" is only sent once it has (the agreement in the fixtures starts 2025-05-01, its first
 * report covers 2025-05-01 – 2025-09-30, the second 2025-09-30 – 2026-03-31).
 */
import { describe, expect, it } from "vitest";
import { REFUSAL_MESSAGES as R, explainRefusal, type PartnershipEvent, type PartnershipSnapshot } from "../../workflows";
import { A, E, PATHS, ev, run, step } from "./helpers";

const signedOn = (day: string) => step(
  run([...PATHS["agreement.signing"]!, E.signAssociation]),
  ev("SIGN", A.headOfUnit, day),
);
const reportDueMails = (effects: { type: string; params: unknown }[]) =>
  effects.filter((e) => e.type === "notify" && (e.params as { template: string }).template === "report_due");

/** The case waiting for each period's report, reached the normal way. */
const PERIODS: [string, () => PartnershipSnapshot, string][] = [
  ["the first report", () => signedOn("2025-04-07").snapshot, "2025-05-01"],
  ["the second report", () => run([...PATHS["followUp.reportDue"]!, E.submitReport, E.approveReport]), "2025-09-30"],
];

describe("report periods", () => {
  it.each(PERIODS)("%s cannot be sent in before its period begins, with the date in the message", (_label, reach, start) => {
    const snapshot = reach();
    const dayBefore = new Date(Date.parse(`${start}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const early = ev("SUBMIT_REPORT", A.applicant, dayBefore) as PartnershipEvent;
    expect(explainRefusal(snapshot, early)).toBe(R.reportPeriodNotBegun(start));
    expect(R.reportPeriodNotBegun(start)).toBe(`Rapporten kan skickas in från och med ${start}, när perioden den gäller har börjat.`);
    expect(explainRefusal(snapshot, ev("SUBMIT_REPORT", A.applicant, start) as PartnershipEvent)).toBeNull();
  });

  it("sends no \"Dags att rapportera\" at a signing before the agreement starts, but does at one after", () => {
    const early = signedOn("2025-04-07");
    expect(reportDueMails(early.effects)).toEqual([]);
    expect(early.snapshot.context.currentPeriodIndex).toBe(0);
    const late = signedOn("2025-05-02");
    expect(reportDueMails(late.effects)).toEqual([{ type: "notify", params: { template: "report_due", to: ["applicant"] } }]);
  });

  it("after an early approval the next report is not announced before its period begins", () => {
    const submitted = run([...PATHS["followUp.reportDue"]!, ev("SUBMIT_REPORT", A.applicant, "2025-09-01")]);
    expect(reportDueMails(step(submitted, ev("APPROVE_REPORT", A.caseworker, "2025-09-10")).effects)).toEqual([]);
    expect(reportDueMails(step(submitted, ev("APPROVE_REPORT", A.caseworker, "2025-10-01")).effects)).toHaveLength(1);
  });
});
