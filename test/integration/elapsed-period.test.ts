/**
 * The slutrapport opens when the agreement's period has ended, not when the scheduler next runs:
 * opening the case (the förening's pages or the förvaltning's) delivers PERIOD_ELAPSED first, once,
 * through the normal runtime (state, audit event, e-mail).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { caseDeadlines, caseEvents, cases, emailOutbox } from "../../db/schema";
import { driveCase, LIFECYCLE, type LifecycleStep } from "../../seed/case-factory";
import { stockholmDate } from "../../app/utils/time";
import { setupPortal } from "../support/portal";
import { textOf, type Visitor } from "../support/visitor";
import { AGREEMENT_CONTENT, fryshusetCase, stepsThrough } from "../support/forening-after-decision";

const portal = setupPortal();
let contact: Visitor;
let caseworker: Visitor;

beforeAll(async () => {
  contact = portal.visitor();
  expect((await contact.logIn("forening@demo.example")).status).toBe(302);
  caseworker = portal.visitor();
  expect((await caseworker.logIn("handlaggare@demo.example")).status).toBe(302);
});

const daysFromToday = (days: number) => stockholmDate(new Date(Date.now() + days * 86_400_000));

/**
 * A Fryshuset case whose one-year agreement ended yesterday, its only report approved: it rests in
 * followUp.reportReviewed, and no scheduler has run since the period ended.
 */
async function agreementEndedYesterday(): Promise<string> {
  const startDate = daysFromToday(-365);
  const endDate = daysFromToday(-1);
  const terms = { startDate, endDate, reportDueDates: [endDate], extensionAllowed: false, finalReportDueDate: daysFromToday(60) };
  const { caseId, cast } = await fryshusetCase(portal.db, portal, {
    agreement: { ...AGREEMENT_CONTENT, ...terms, yearlyAmounts: [{ year: Number(startDate.slice(0, 4)), amount: 600_000 }] },
  });
  const steps: LifecycleStep[] = [
    ...LIFECYCLE.slice(0, stepsThrough("send for signing")).map((step) =>
      step.name === "send for signing" ? { ...step, command: { type: "SEND_FOR_SIGNING" as const, ...terms } } : step,
    ),
    ...LIFECYCLE.slice(stepsThrough("send for signing"), stepsThrough("chef signs")),
    { name: "report", actor: "applicant", day: daysFromToday(-10), command: { type: "SUBMIT_REPORT" }, state: "followUp.reportSubmitted" },
    { name: "report approved", actor: "caseworker", day: daysFromToday(-9), command: { type: "APPROVE_REPORT" }, state: "followUp.reportReviewed" },
  ];
  await driveCase(caseId, cast, steps);
  return caseId;
}

const caseRow = async (caseId: string) => (await portal.db.select().from(cases).where(eq(cases.id, caseId)))[0]!;
const elapsedEvents = (caseId: string) =>
  portal.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.eventType, "PERIOD_ELAPSED")));

describe("the end of the agreement period", () => {
  it("opens the slutrapport as soon as the förening opens the case, with no scheduler run", async () => {
    const caseId = await agreementEndedYesterday();
    expect((await caseRow(caseId)).state).toBe("followUp.reportReviewed");

    const casePage = await contact.get(`/forening/arenden/${caseId}`);
    expect(casePage.status).toBe(200);
    expect((await caseRow(caseId)).state).toBe("finalReport.due");
    expect(textOf(await casePage.text())).toContain("slutrapport");

    // Through the runtime: one audit event by the system, the "Dags för slutrapport" mail, the deadline.
    const [event] = await elapsedEvents(caseId);
    expect(event).toMatchObject({ actorUserId: null, fromState: "followUp.reportReviewed" });
    const mail = await portal.db.select().from(emailOutbox).where(and(eq(emailOutbox.caseId, caseId), eq(emailOutbox.template, "final_report_due")));
    expect(mail.map((m) => m.recipientEmail)).toContain("forening@demo.example");
    const deadlines = await portal.db.select().from(caseDeadlines).where(and(eq(caseDeadlines.caseId, caseId), eq(caseDeadlines.kind, "finalReport")));
    expect(deadlines.map((d) => d.dueOn)).toEqual([daysFromToday(60)]);

    // The förening can write and send the final report at once.
    const path = `/forening/arenden/${caseId}/slutrapport`;
    const form = textOf(await (await contact.get(path)).text());
    expect(form).not.toContain("Det är inte dags för slutrapporten än");
    expect(form).toContain(`ska vara inskickad senast ${daysFromToday(60)}`);
    expect((await contact.post(path, { ...FINAL, send: "yes" })).headers.get("location")).toBe(`${path}?inskickad=1`);
    expect((await caseRow(caseId)).state).toBe("finalReport.submitted");
    expect(await elapsedEvents(caseId)).toHaveLength(1);
  });

  it("opens it when the förvaltning opens the case first, and only once when requests arrive together", async () => {
    const caseId = await agreementEndedYesterday();
    const pages = await Promise.all([
      caseworker.get(`/forvaltning/rk/arenden/${caseId}`),
      caseworker.get(`/forvaltning/rk/arenden/${caseId}`),
      contact.get(`/forening/arenden/${caseId}`),
      contact.get(`/forening/arenden/${caseId}/slutrapport`),
    ]);
    expect(pages.map((p) => p.status)).toEqual([200, 200, 200, 200]);
    expect((await caseRow(caseId)).state).toBe("finalReport.due");
    expect(await elapsedEvents(caseId)).toHaveLength(1);
    expect(textOf(await pages[3]!.text())).not.toContain("Det är inte dags för slutrapporten än");
  });

  it("leaves a case alone until its period is over, and leaves it alone for people without access", async () => {
    const running = (await fryshusetCase(portal.db, portal, { through: "chef signs" })).caseId;
    expect((await contact.get(`/forening/arenden/${running}`)).status).toBe(200);
    expect((await caseRow(running)).state).toBe("followUp.reportDue");

    const ended = await agreementEndedYesterday();
    const iogt = portal.visitor();
    expect((await iogt.logIn("iogt@demo.example")).status).toBe(302);
    expect((await iogt.get(`/forening/arenden/${ended}`)).status).toBe(404);
    expect((await caseRow(ended)).state).toBe("followUp.reportReviewed");
  });
});

const FINAL = {
  goalFulfilment: "Vi nådde båda målen: 70 % flickor och 210 aktiviteter.",
  timeDeviations: "Starten blev en månad senare.",
  budgetDeviations: "",
  associationCommitmentsMet: "yes",
  associationCommitmentsComment: "",
  administrationCommitmentsMet: "partly",
  administrationCommitmentsComment: "Lokalen var stängd i juli.",
  lessonsLearned: "Tidiga kvällar passar yngre deltagare bäst.",
};
