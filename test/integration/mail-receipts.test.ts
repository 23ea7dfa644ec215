/**
 * Every time the förening sends something in, it gets a receipt (kvittens) by e-mail: what arrived,
 * when, and the diarienummer. Sent in through the pages, delivered by the worker to a real SMTP server.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { cases, emailOutbox } from "../../db/schema";
import { createMailWorker } from "../../app/mail/worker.server";
import { transitionCase } from "../../app/cases/transition.server";
import { stockholmDate } from "../../app/utils/time";
import { startTestSmtp, type ReceivedMail, type TestSmtp } from "../support/smtp";
import { setupPortal } from "../support/portal";
import { type Visitor } from "../support/visitor";
import { fryshusetCase } from "../support/forening-after-decision";
import { actorFor, fillComplete, saveStep, startApplication, submit } from "../support/forening-application";

const portal = setupPortal();
const CONTACT = "forening@demo.example";
let smtp: TestSmtp;
let contact: Visitor;

beforeAll(async () => {
  smtp = await startTestSmtp();
  contact = portal.visitor();
  expect((await contact.logIn(CONTACT)).status).toBe(302);
});
afterAll(async () => {
  await smtp.close();
});
beforeEach(async () => {
  // Each test reads only what its own step sends.
  await portal.db.update(emailOutbox).set({ status: "sent" });
  smtp.received.length = 0;
});

/** Delivers what is queued to the SMTP server; returns what reached the förening's contact person. */
async function deliveredToContact(): Promise<ReceivedMail[]> {
  const mailer = createMailWorker({ mode: "smtp", smtpUrl: smtp.url, reminderIntervalMs: 0, log: () => {} });
  await mailer.drain();
  await mailer.stop();
  return smtp.received.filter((m) => m.to.includes(CONTACT));
}

const diaryNumberOf = async (caseId: string) =>
  (await portal.db.select({ d: cases.diaryNumber }).from(cases).where(eq(cases.id, caseId)))[0]!.d!;

/** The one receipt in `mails`, checked for what every receipt says. */
function theReceipt(mails: ReceivedMail[], subject: string, diaryNumber: string, what: string) {
  const receipts = mails.filter((m) => m.subject!.includes(subject));
  expect(receipts.map((m) => m.subject), mails.map((m) => m.subject).join(" | ")).toHaveLength(1);
  const [receipt] = receipts;
  expect(receipt!.subject).toMatch(new RegExp(`^${diaryNumber.replace("/", "\\/")} ${subject} – \\S`));
  expect(receipt!.text).toContain(`Diarienummer: ${diaryNumber}`);
  expect(receipt!.text).toContain(`Mottaget: ${what}`);
  // Received today, at the minute the förening sent it.
  expect(receipt!.text).toMatch(new RegExp(`Inkom: ${stockholmDate(new Date())} kl\\. \\d{2}:\\d{2}`));
  expect(receipt!.text).toContain("kvitto");
  return receipt!;
}

describe("receipts for what the förening sends in", () => {
  it("a komplettering of the application gets a receipt, as the first submission did", async () => {
    const caseId = await startApplication(portal, contact);
    await fillComplete(portal, contact, caseId);
    expect((await submit(portal, contact, caseId)).status).toBe(302);
    const diaryNumber = await diaryNumberOf(caseId);
    theReceipt(await deliveredToContact(), "Vi har tagit emot er ansökan", diaryNumber, "Ansökan (version 1)");

    const caseworker = await actorFor(portal, "handlaggare@demo.example");
    expect((await transitionCase({ caseId, command: { type: "TAKE" }, actor: caseworker })).ok).toBe(true);
    const asked = await transitionCase({
      caseId,
      command: { type: "REQUEST_COMPLETION", message: "Beskriv samverkan med skolan.", dueDate: "2099-12-31" },
      actor: caseworker,
    });
    expect(asked.ok).toBe(true);
    await portal.db.update(emailOutbox).set({ status: "sent" });
    smtp.received.length = 0;

    expect((await contact.post(`/forening/arenden/${caseId}/komplettera`, {})).status).toBe(302);
    await saveStep(portal, contact, caseId, "aktiviteter", { cooperation: "Vi träffar skolans rektor varje månad." });
    expect((await submit(portal, contact, caseId)).headers.get("location")).toBe(`/forening/arenden/${caseId}/kvitto`);
    theReceipt(await deliveredToContact(), "Vi har tagit emot er komplettering", diaryNumber, "Den kompletterade ansökan (version 2)");
  });

  it("a yearly report and a completed report each get a receipt", async () => {
    const { caseId, cast } = await fryshusetCase(portal.db, portal, { through: "chef signs" });
    const diaryNumber = await diaryNumberOf(caseId);
    await portal.db.update(emailOutbox).set({ status: "sent" });
    const path = `/forening/arenden/${caseId}/rapport`;
    expect((await contact.post(path, { ...REPORT, send: "yes" })).status).toBe(302);
    expect((await portal.db.select().from(cases).where(eq(cases.id, caseId)))[0]!.state).toBe("followUp.reportSubmitted");
    theReceipt(await deliveredToContact(), "Vi har tagit emot er rapport", diaryNumber, "Rapport 1 av 2");

    const dueDate = stockholmDate(new Date(Date.now() + 14 * 86_400_000));
    const asked = await transitionCase({
      caseId,
      command: { type: "REQUEST_REPORT_COMPLETION", message: "Dela upp deltagarna på ålder också.", dueDate },
      actor: cast.caseworker,
    });
    expect(asked.ok).toBe(true);
    await portal.db.update(emailOutbox).set({ status: "sent" });
    smtp.received.length = 0;
    expect((await contact.post(path, { ...REPORT, "activities.0.ageGroup": "13–15 år: 30", send: "yes" })).status).toBe(302);
    theReceipt(await deliveredToContact(), "Vi har tagit emot er kompletterade rapport", diaryNumber, "Den kompletterade rapport 1 av 2 (version 2)");
  });

  it("the final report gets a receipt", async () => {
    const { caseId } = await fryshusetCase(portal.db, portal, { through: "agreement period over" });
    const diaryNumber = await diaryNumberOf(caseId);
    await portal.db.update(emailOutbox).set({ status: "sent" });
    const path = `/forening/arenden/${caseId}/slutrapport`;
    expect((await contact.post(path, { ...FINAL, send: "yes" })).headers.get("location")).toBe(`${path}?inskickad=1`);
    const receipt = theReceipt(await deliveredToContact(), "Vi har tagit emot er slutrapport", diaryNumber, "Slutrapporten");
    expect(receipt.text).toContain(`/forening/arenden/${caseId}`);
  });
});

const REPORT = {
  narrative: "Vi har haft öppet fyra kvällar i veckan.",
  "activities.0.name": "Öppen verksamhet",
  "activities.0.sessions": "120",
  "activities.0.women": "4-12",
  "activities.0.men": "10 – 15",
  "activities.0.other": "",
  "activities.0.ageGroup": "13–22 år",
  "activities.0.comment": "Per kväll",
  "goals.0.outcome": "70 %",
  "goals.0.comment": "",
  "goals.1.outcome": "210 aktiviteter",
  "goals.1.comment": "Fler än planerat",
};

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
