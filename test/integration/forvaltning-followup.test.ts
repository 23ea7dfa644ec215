/**
 * Uppföljning on the förvaltning's side: reviewing period reports (approve with mervärde, ask for
 * completion), meetings, extension and early termination.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { cases, meetings, reports } from "../../db/schema";
import { stockholmDate } from "../../app/utils/time";
import type { PartnershipContext } from "../../workflows";
import { setupPortal } from "../support/portal";
import { signedIn } from "../support/signed-in";
import { textOf } from "../support/visitor";
import { AGREEMENT, actorFor, caseAfter, insertPeriodReport, run, stepIndex } from "../support/forvaltning-agreement";

const portal = setupPortal();
const REPORT_SUBMITTED = stepIndex("report completion requested");
const REPORT_DUE = stepIndex("first report");

const LOGINS = {
  caseworker: "handlaggare@demo.example",
  coordinator: "samordnare@demo.example",
  chef: "avdelningschef@demo.example",
  registrar: "registrator@demo.example",
  admin: "admin@demo.example",
  association: "forening@demo.example",
  otherDistrict: "handlaggare.jarva@demo.example",
} as const;
const as = signedIn(portal, LOGINS);

const page = (caseId: string) => `/forvaltning/rk/arenden/${caseId}/uppfoljning`;
const world = () => ({ organisationIds: portal.organisationIds, districtIds: portal.districtIds });
const caseRow = async (caseId: string) => (await portal.db.select().from(cases).where(eq(cases.id, caseId)))[0]!;
const revisionOf = async (caseId: string) => String((await caseRow(caseId)).revision);
const inTwoWeeks = () => stockholmDate(new Date(Date.now() + 14 * 86_400_000));

async function submittedReportCase() {
  const world_ = await caseAfter(portal.db, world(), REPORT_SUBMITTED, { agreement: AGREEMENT });
  await insertPeriodReport(portal.db, world_.caseId, 0);
  return world_;
}

const MEETING = {
  intent: "meeting",
  meetingKind: "styrgrupp",
  heldOn: "2025-10-02",
  participants: "Sami Samordnare, Fryshusets verksamhetschef",
  minutes: "Vi gick igenom årsrapporten och planerade våren.",
};

describe("who may open and post to the follow-up page", () => {
  let caseId: string;
  beforeAll(async () => {
    ({ caseId } = await submittedReportCase());
  });

  it.each([
    ["anonymous", 302],
    ["association", 403],
    ["otherDistrict", 403],
    ["registrar", 403],
    ["admin", 403],
    ["caseworker", 200],
    ["coordinator", 200],
    ["chef", 200],
  ] as const)("GET by %s answers %i", async (who, status) => {
    expect((await as[who].get(page(caseId))).status).toBe(status);
  });

  it.each([
    ["association", MEETING],
    ["otherDistrict", MEETING],
    ["registrar", MEETING],
    ["coordinator", { intent: "approve", addedValue: "Bra", expectedRevision: "0" }],
    ["caseworker", { intent: "terminate", reason: "x", effectiveDate: "2025-12-31", confirmTermination: "yes", expectedRevision: "0" }],
    ["caseworker", { intent: "extend", newEndDate: "2027-04-30", addedReportDueDates: "2026-09-30", confirmExtension: "yes", expectedRevision: "0" }],
  ] as const)("a post by %s without the permission is refused", async (who, fields) => {
    const before = await caseRow(caseId);
    // Outside the case's district: a 404 as for an unknown case; a role without the right: 403.
    expect((await as[who].post(page(caseId), fields)).status).toBe(who === "association" || who === "otherDistrict" ? 404 : 403);
    expect((await caseRow(caseId)).revision).toBe(before.revision);
    expect(await portal.db.select().from(meetings).where(eq(meetings.caseId, caseId))).toHaveLength(0);
  });
});

describe("reviewing a period report", () => {
  it("shows the figures as reported, goals against targets and the computed financial totals", async () => {
    const { caseId } = await submittedReportCase();
    const text = textOf(await (await as.caseworker.get(page(caseId))).text());
    expect(text).toContain("Rapport 1 (lämnas senast 2025-09-30)");
    expect(text).toContain("Läxhjälp 64 4–12 10");
    expect(text).toContain("Andel deltagare som upplever en ökad framtidstro 55 % 70 %");
    expect(text).toContain("Totalt 250 000 kr 255 000 kr +5 000 kr (över budget)");
    expect(text).toContain("+5 000 kr (över budget)");
  });

  it("approves the report with the förvaltning's view of the mervärde, written with the approval", async () => {
    const { caseId } = await submittedReportCase();
    const missing = await as.caseworker.post(page(caseId), { intent: "approve", addedValue: " ", expectedRevision: await revisionOf(caseId) });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('id="field-addedValue-error"');

    const approved = await as.caseworker.post(page(caseId), {
      intent: "approve",
      addedValue: "Föreningen når unga som förvaltningen inte når.",
      expectedRevision: await revisionOf(caseId),
    });
    expect(approved.status).toBe(200);
    const row = await caseRow(caseId);
    expect(row.state).toBe("followUp.reportDue");
    expect((row.snapshot as { context: PartnershipContext }).context.currentPeriodIndex).toBe(1);
    const [report] = await portal.db.select().from(reports).where(and(eq(reports.caseId, caseId), eq(reports.periodIndex, 0)));
    expect(report!.review).toEqual({ addedValue: "Föreningen når unga som förvaltningen inte når." });
    expect(textOf(await (await as.caseworker.get(page(caseId))).text())).toContain(
      "Förvaltningens bedömning av mervärdet Föreningen når unga som förvaltningen inte når.",
    );
  });

  it.each([
    ["no revision", {}],
    ["an empty revision", { expectedRevision: "" }],
    ["a revision that is not a number", { expectedRevision: "sju" }],
  ])("answers an approval with %s with a 400 and a message, not a conflict, and approves nothing", async (_, revision) => {
    const { caseId } = await submittedReportCase();
    const before = await caseRow(caseId);
    const response = await as.caseworker.post(page(caseId), { intent: "approve", addedValue: "Bra samverkan.", ...revision });
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain("Formuläret kunde inte läsas. Ladda om sidan och försök igen.");
    expect(await caseRow(caseId)).toMatchObject({ state: before.state, revision: before.revision });
  });

  it("asks the förening to complete the report, with a message and a due date", async () => {
    const { caseId } = await submittedReportCase();
    const past = await as.caseworker.post(page(caseId), {
      intent: "requestCompletion",
      completionMessage: "Dela upp deltagarna på kön.",
      completionDueDate: "2020-01-01",
      expectedRevision: await revisionOf(caseId),
    });
    expect(past.status).toBe(400);
    expect(textOf(await past.text())).toContain("Sista dag för kompletteringen måste vara ett datum efter dagens datum.");
    const asked = await as.caseworker.post(page(caseId), {
      intent: "requestCompletion",
      completionMessage: "Dela upp deltagarna på kön.",
      completionDueDate: inTwoWeeks(),
      expectedRevision: await revisionOf(caseId),
    });
    expect(asked.status).toBe(200);
    const row = await caseRow(caseId);
    expect(row.state).toBe("followUp.reportCompletionRequested");
    expect((row.snapshot as { context: PartnershipContext }).context.completionRequest).toMatchObject({
      message: "Dela upp deltagarna på kön.",
      dueDate: inTwoWeeks(),
    });
    const [report] = await portal.db.select().from(reports).where(eq(reports.caseId, caseId));
    expect(report!.review).toBeNull();
  });
});

describe("meetings", () => {
  it("records a styrgrupp meeting with minutes and lists it", async () => {
    const { caseId } = await submittedReportCase();
    const incomplete = await as.coordinator.post(page(caseId), { ...MEETING, minutes: "" });
    expect(incomplete.status).toBe(400);
    expect(textOf(await incomplete.text())).toContain("Skriv minnesanteckningarna.");
    expect((await as.coordinator.post(page(caseId), MEETING)).status).toBe(200);
    const rows = await portal.db.select().from(meetings).where(eq(meetings.caseId, caseId));
    expect(rows).toMatchObject([{ kind: "styrgrupp", heldOn: "2025-10-02", minutes: MEETING.minutes }]);
    const text = textOf(await (await as.caseworker.get(page(caseId))).text());
    expect(text).toContain("Styrgrupp 2025-10-02");
    expect(text).toContain("Antecknat av Sami Samordnare");
  });
});

describe("extension and termination", () => {
  it("refuses an extension the agreement does not allow, with the workflow's message", async () => {
    const { caseId, cast } = await caseAfter(portal.db, world(), stepIndex("send for signing"));
    const caseworker = await actorFor(portal.db, "handlaggare@demo.example");
    await run(
      caseId,
      { type: "SEND_FOR_SIGNING", startDate: "2025-05-01", endDate: "2026-04-30", reportDueDates: ["2025-09-30"], extensionAllowed: false },
      caseworker,
      "2025-04-01",
    );
    await run(caseId, { type: "SIGN" }, cast.signatory, "2025-04-05");
    await run(caseId, { type: "SIGN" }, cast.headOfUnit, "2025-04-07");
    const fields = {
      intent: "extend",
      newEndDate: "2027-04-30",
      addedReportDueDates: "2026-09-30, 2027-03-31",
      expectedRevision: await revisionOf(caseId),
    };
    const unconfirmed = await as.chef.post(page(caseId), fields);
    expect(unconfirmed.status).toBe(400);
    expect(textOf(await unconfirmed.text())).toContain("Kryssa i att beslutet om förlängning är fattat.");
    const refused = await as.chef.post(page(caseId), { ...fields, confirmExtension: "yes" });
    expect(refused.status).toBe(400);
    expect(textOf(await refused.text())).toContain("Överenskommelsen ger ingen möjlighet till förlängning.");
    expect((await caseRow(caseId)).state).toBe("followUp.reportDue");
  });

  it("extends an agreement that allows it", async () => {
    const { caseId } = await caseAfter(portal.db, world(), REPORT_DUE, { agreement: AGREEMENT });
    const extended = await as.chef.post(page(caseId), {
      intent: "extend",
      newEndDate: "2027-04-30",
      addedReportDueDates: "2026-09-30, 2027-03-31",
      confirmExtension: "yes",
      expectedRevision: await revisionOf(caseId),
    });
    expect(extended.status).toBe(200);
    const context = ((await caseRow(caseId)).snapshot as { context: PartnershipContext }).context;
    expect(context.agreement).toMatchObject({
      endDate: "2027-04-30",
      reportDueDates: ["2025-09-30", "2026-03-31", "2026-09-30", "2027-03-31"],
    });
  });

  it("ends the agreement early and moves the case to the final report", async () => {
    const { caseId } = await caseAfter(portal.db, world(), REPORT_DUE, { agreement: AGREEMENT });
    const terminated = await as.chef.post(page(caseId), {
      intent: "terminate",
      reason: "Föreningen har inte längre lokaler.",
      effectiveDate: "2025-12-31",
      terminationFinalReportDueDate: "2026-02-28",
      confirmTermination: "yes",
      expectedRevision: await revisionOf(caseId),
    });
    expect(terminated.status).toBe(200);
    const row = await caseRow(caseId);
    expect(row.state).toBe("finalReport.due");
    expect((row.snapshot as { context: PartnershipContext }).context.termination).toMatchObject({
      reason: "Föreningen har inte längre lokaler.",
      effectiveDate: "2025-12-31",
      finalReportDueDate: "2026-02-28",
    });
  });
});

