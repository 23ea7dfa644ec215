/**
 * The förvaltning drafts the överenskommelse, sends it for signing and a chef signs it: prefill from the
 * application, stale saves refused, rows without JavaScript, the dates carried into the workflow.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { agreementComments, agreements, caseEvents, cases } from "../../db/schema";
import { setupPortal } from "../support/portal";
import { signedIn } from "../support/signed-in";
import { fieldErrorOf, textOf } from "../support/visitor";
import { AGREEMENT, caseAfter, run, stepIndex } from "../support/forvaltning-agreement";

const portal = setupPortal();
const DRAFTING = stepIndex("send for signing");
const SIGNING = stepIndex("förening signs");

const LOGINS = {
  caseworker: "handlaggare@demo.example",
  coordinator: "samordnare@demo.example",
  chef: "avdelningschef@demo.example",
  registrar: "registrator@demo.example",
  association: "forening@demo.example",
  otherDistrict: "handlaggare.jarva@demo.example",
} as const;
const as = signedIn(portal, LOGINS);

const page = (caseId: string) => `/forvaltning/rk/arenden/${caseId}/overenskommelse`;
const world = () => ({ organisationIds: portal.organisationIds, districtIds: portal.districtIds });

/** Every field of a complete draft, as the form posts it. */
function completeForm(revision: number, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    intent: "save",
    agreementRevision: String(revision),
    purposeAndGoals: "Att stärka unga i Husby.",
    targetGroup: "Unga 13–22 år",
    associationResources: "Två fritidsledare.",
    administrationResources: "Samordnare och lokal.",
    "yearlyAmounts.0.year": "2025",
    "yearlyAmounts.0.amount": "250 000",
    "yearlyAmounts.1.year": "2026",
    "yearlyAmounts.1.amount": "300 000",
    startDate: "2025-05-01",
    endDate: "2026-04-30",
    extensionAllowed: "yes",
    extensionTerms: "Möjlighet till ett års förlängning.",
    steeringGroup: "Verksamhetschefer från båda parter.",
    workingGroups: "Fritidsledare, en gång i månaden.",
    coordinator: "Sami Samordnare",
    "reportDueDates.0": "2025-09-30",
    "reportDueDates.1": "2026-03-31",
    finalReportDueDate: "2026-06-30",
    "goals.0.description": "Andel deltagare som upplever en ökad framtidstro",
    "goals.0.target": "55 %",
    ...overrides,
  };
}

describe("who may open and post to the agreement page", () => {
  let caseId: string;
  beforeAll(async () => {
    ({ caseId } = await caseAfter(portal.db, world(), DRAFTING));
  });

  it.each([
    ["anonymous", 302],
    ["association", 403],
    ["otherDistrict", 403],
    ["coordinator", 403],
    ["registrar", 403],
    ["caseworker", 200],
    ["chef", 200],
  ] as const)("GET by %s answers %i", async (who, status) => {
    const response = await as[who].get(page(caseId));
    expect(response.status).toBe(status);
    if (status === 302) expect(response.headers.get("location")).toMatch(/^\/logga-in/);
  });

  it.each(["association", "otherDistrict", "coordinator", "registrar", "chef"] as const)(
    "a save posted by %s is refused and nothing is written",
    async (who) => {
      const response = await as[who].post(page(caseId), completeForm(0));
      // Outside the case's district the case is a 404, as if unknown; a role without the right, 403.
      expect(response.status).toBe(who === "association" || who === "otherDistrict" ? 404 : 403);
      expect(await portal.db.select().from(agreements).where(eq(agreements.caseId, caseId))).toHaveLength(0);
    },
  );

  it("refuses a URL whose district is not the case's", async () => {
    expect((await as.caseworker.get(`/forvaltning/ja/arenden/${caseId}/overenskommelse`)).status).toBe(403);
    expect((await as.otherDistrict.get(`/forvaltning/ja/arenden/${caseId}/overenskommelse`)).status).toBe(404);
  });
});

describe("drafting", () => {
  it("is prefilled from the latest submitted application on first open", async () => {
    const { caseId } = await caseAfter(portal.db, world(), DRAFTING);
    const response = await as.caseworker.get(page(caseId));
    const html = await response.text();
    expect(html).toContain("Att stärka unga i Husby genom läxhjälp och idrott.");
    expect(html).toContain("Unga i Husby (13–22 år)");
    expect(html).toMatch(/name="startDate"[^>]*value="2025-05-01"|value="2025-05-01"[^>]*name="startDate"/);
    // The förvaltning's share of the budget: 200 000 + 50 000.
    expect(html).toMatch(/value="250 000"/);
    expect(textOf(html)).toContain("Summa: 250 000 kr");
    // Opening the page writes nothing.
    expect(await portal.db.select().from(agreements).where(eq(agreements.caseId, caseId))).toHaveLength(0);
  });

  it("saves a draft, computes the total, and refuses a save made from a stale page", async () => {
    const { caseId } = await caseAfter(portal.db, world(), DRAFTING);
    const first = await as.caseworker.post(page(caseId), completeForm(0));
    expect(first.status).toBe(200);
    const [saved] = await portal.db.select().from(agreements).where(eq(agreements.caseId, caseId));
    expect(saved!.revision).toBe(1);
    expect(saved!.content).toMatchObject({
      yearlyAmounts: [
        { year: 2025, amount: 250_000 },
        { year: 2026, amount: 300_000 },
      ],
      goals: [{ description: "Andel deltagare som upplever en ökad framtidstro", target: "55 %" }],
      extensionAllowed: true,
    });
    expect(textOf(await (await as.caseworker.get(page(caseId))).text())).toContain("Summa: 550 000 kr");

    // Someone else saves from the page they opened before the first save.
    const stale = await as.caseworker.post(page(caseId), completeForm(0, { purposeAndGoals: "Skrivet över" }));
    expect(stale.status).toBe(409);
    expect(textOf(await stale.text())).toContain("Någon annan har sparat överenskommelsen");
    const [after] = await portal.db.select().from(agreements).where(eq(agreements.caseId, caseId));
    expect(after!.revision).toBe(1);
    expect(after!.content.purposeAndGoals).toBe("Att stärka unga i Husby.");
  });

  it("a save that changes nothing keeps the revision, so the next save from the same page is not refused", async () => {
    const { caseId } = await caseAfter(portal.db, world(), DRAFTING);
    expect((await as.caseworker.post(page(caseId), completeForm(0))).status).toBe(200);
    // The same page saves again without changing anything, then with a change (its revision is still 1).
    const unchanged = await as.caseworker.post(page(caseId), completeForm(1));
    expect(unchanged.status).toBe(200);
    expect(textOf(await unchanged.text())).toContain("Utkastet är sparat.");
    const changed = await as.caseworker.post(page(caseId), completeForm(1, { purposeAndGoals: "Ett ändrat syfte." }));
    expect(changed.status).toBe(200);
    expect(textOf(await changed.text())).not.toContain("Någon annan har sparat överenskommelsen");
    const [row] = await portal.db.select().from(agreements).where(eq(agreements.caseId, caseId));
    expect(row!.revision).toBe(2);
    expect(row!.content.purposeAndGoals).toBe("Ett ändrat syfte.");
  });

  it("explains a bad amount or date at the field and keeps what was typed, saving nothing", async () => {
    const { caseId } = await caseAfter(portal.db, world(), DRAFTING);
    const response = await as.caseworker.post(
      page(caseId),
      completeForm(0, { "yearlyAmounts.1.amount": "12,5", endDate: "2025-01-01", purposeAndGoals: "Mitt nya syfte" }),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('id="field-yearlyAmounts-1-amount-error"');
    expect(textOf(html)).toContain("Ange beloppet i hela kronor, utan ören.");
    expect(textOf(html)).toContain("Slutdatumet måste vara efter startdatumet.");
    expect(html).toContain("Mitt nya syfte");
    expect(await portal.db.select().from(agreements).where(eq(agreements.caseId, caseId))).toHaveLength(0);
  });

  it("refuses öre and an amount above 999 999 999 kr at the field with its own reason, and no sum is made of them", async () => {
    const { caseId } = await caseAfter(portal.db, world(), DRAFTING);
    const response = await as.caseworker.post(
      page(caseId),
      completeForm(0, { "yearlyAmounts.0.amount": "1,5", "yearlyAmounts.1.amount": "1 000 000 000 000 000 000" }),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldErrorOf(html, "yearlyAmounts.0.amount")).toBe("Ange beloppet i hela kronor, utan ören.");
    expect(fieldErrorOf(html, "yearlyAmounts.1.amount")).toBe("Beloppet får vara högst 999 999 999 kr.");
    expect(html).toContain('value="1 000 000 000 000 000 000"');
    expect(textOf(html)).not.toContain("1 000 000 000 000 000 000 kr");
    expect(textOf(html)).toContain("kan inte räknas ut förrän alla belopp är hela kronor");
    expect(await portal.db.select().from(agreements).where(eq(agreements.caseId, caseId))).toHaveLength(0);
  });

  it("refuses a NUL byte or other control character in the agreement's text at the field, never a 500, keeping what was typed", async () => {
    const { caseId } = await caseAfter(portal.db, world(), DRAFTING);
    const response = await as.caseworker.post(page(caseId), completeForm(0, { purposeAndGoals: "Att stärka\u0000 unga.", coordinator: "Eva\u0007 Ek" }));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldErrorOf(html, "purposeAndGoals")).toContain("Texten innehåller tecken som inte går att spara");
    expect(fieldErrorOf(html, "coordinator")).toContain("Texten innehåller tecken som inte går att spara");
    expect(html).toContain("Att stärka");
    expect(await portal.db.select().from(agreements).where(eq(agreements.caseId, caseId))).toHaveLength(0);
  });

  it("says an impossible date does not exist and refuses a year out of range, at the field", async () => {
    const { caseId } = await caseAfter(portal.db, world(), DRAFTING);
    const response = await as.caseworker.post(page(caseId), completeForm(0, { startDate: "2026-02-30", endDate: "1900-01-01" }));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldErrorOf(html, "startDate")).toBe("Datumet finns inte. Kontrollera dag och månad.");
    expect(fieldErrorOf(html, "endDate")).toBe("Kontrollera året. Skriv ett datum mellan år 2000 och 2100.");
    expect(html).toContain('value="2026-02-30"');
    expect(await portal.db.select().from(agreements).where(eq(agreements.caseId, caseId))).toHaveLength(0);
  });

  it("adds and removes rows with plain form posts (no JavaScript), saving what was typed first", async () => {
    const { caseId } = await caseAfter(portal.db, world(), DRAFTING);
    const added = await as.caseworker.post(page(caseId), completeForm(0, { intent: "add-row:goals", purposeAndGoals: "Ändrat syfte före ny rad" }));
    expect(added.status).toBe(200);
    const html = await added.text();
    expect(html).toContain('name="goals.1.description"');
    expect(html).toContain("Andel deltagare som upplever en ökad framtidstro");
    expect(html).toContain("Ändrat syfte före ny rad");
    const [saved] = await portal.db.select().from(agreements).where(eq(agreements.caseId, caseId));
    expect(saved!.content.purposeAndGoals).toBe("Ändrat syfte före ny rad");
    const revision = /name="agreementRevision" value="(\d+)"/.exec(html)![1]!;
    expect(Number(revision)).toBe(saved!.revision);
    const removed = await as.caseworker.post(page(caseId), completeForm(Number(revision), { intent: "remove-row:yearlyAmounts:0" }));
    expect(removed.status).toBe(200);
    const removedHtml = await removed.text();
    expect(removedHtml).toContain('value="300 000"');
    expect(removedHtml).not.toContain('name="yearlyAmounts.1.amount"');
    const [after] = await portal.db.select().from(agreements).where(eq(agreements.caseId, caseId));
    expect(after!.content.yearlyAmounts).toHaveLength(1);
  });

  it("shows both sides' comments in date order", async () => {
    const { caseId, cast } = await caseAfter(portal.db, world(), DRAFTING);
    const applicantId = cast.applicant.kind === "user" ? cast.applicant.id : "";
    await portal.db
      .insert(agreementComments)
      .values({ caseId, authorId: applicantId, side: "association", body: "Kan vi lägga till en arbetsgrupp?", createdAt: new Date(Date.now() - 60_000) });
    expect((await as.caseworker.post(page(caseId), { intent: "comment", body: "" })).status).toBe(400);
    expect((await as.caseworker.post(page(caseId), { intent: "comment", body: "Ja, det gör vi." })).status).toBe(200);
    const text = textOf(await (await as.caseworker.get(page(caseId))).text());
    expect(text.indexOf("Kan vi lägga till en arbetsgrupp?")).toBeGreaterThan(-1);
    expect(text.indexOf("Kan vi lägga till en arbetsgrupp?")).toBeLessThan(text.indexOf("Ja, det gör vi."));
    const rows = await portal.db.select().from(agreementComments).where(eq(agreementComments.caseId, caseId));
    expect(rows.map((r) => r.side).sort()).toEqual(["administration", "association"]);
  });
});

describe("sending for signing and signing", () => {
  it("names the missing dates at their fields, then sends the saved dates to the workflow", async () => {
    const { caseId } = await caseAfter(portal.db, world(), DRAFTING);
    await as.caseworker.post(page(caseId), completeForm(0, { "reportDueDates.0": "", "reportDueDates.1": "", extensionAllowed: "" }));
    const [row] = await portal.db.select().from(cases).where(eq(cases.id, caseId));
    const missing = await as.caseworker.post(page(caseId), { intent: "send", expectedRevision: String(row!.revision), agreementRevision: "1" });
    expect(missing.status).toBe(400);
    const html = await missing.text();
    expect(html).toContain('id="field-reportDueDates-0-error"');
    expect(textOf(html)).toContain("Skriv minst ett datum då föreningen ska lämna rapport.");
    expect(textOf(html)).toContain("Välj om överenskommelsen får förlängas.");

    await as.caseworker.post(page(caseId), completeForm(1));
    const sent = await as.caseworker.post(page(caseId), { intent: "send", expectedRevision: String(row!.revision), agreementRevision: "2" });
    expect(sent.status).toBe(200);
    const [after] = await portal.db.select().from(cases).where(eq(cases.id, caseId));
    expect(after!.state).toBe("agreement.signing");
    const [event] = await portal.db
      .select()
      .from(caseEvents)
      .where(eq(caseEvents.caseId, caseId))
      .orderBy(asc(caseEvents.revision))
      .then((events) => events.filter((e) => e.eventType === "SEND_FOR_SIGNING"));
    expect(event!.payload).toEqual({
      startDate: "2025-05-01",
      endDate: "2026-04-30",
      reportDueDates: ["2025-09-30", "2026-03-31"],
      extensionAllowed: true,
      finalReportDueDate: "2026-06-30",
    });
  });

  it("is signed by the förening and then by a chef after an explicit confirmation; the partnership starts", async () => {
    const { caseId, cast } = await caseAfter(portal.db, world(), DRAFTING, { agreement: AGREEMENT });
    const [row] = await portal.db.select().from(cases).where(eq(cases.id, caseId));
    expect((await as.caseworker.post(page(caseId), { intent: "send", expectedRevision: String(row!.revision), agreementRevision: "1" })).status).toBe(200);
    await run(caseId, { type: "SIGN" }, cast.signatory, "2025-04-05");

    const chefPage = textOf(await (await as.chef.get(page(caseId))).text());
    expect(chefPage).toContain("Skriv under för förvaltningen");
    expect(chefPage).toContain("Alva Avdelningschef, Avdelningschef");
    expect(chefPage).toContain("250 000 kr");
    expect(chefPage).toMatch(/Föreningen Underskrivet av Firmatecknare, 2025-04-05/);

    const [current] = await portal.db.select().from(cases).where(eq(cases.id, caseId));
    const unconfirmed = await as.chef.post(page(caseId), { intent: "sign", expectedRevision: String(current!.revision) });
    expect(unconfirmed.status).toBe(400);
    expect(textOf(await unconfirmed.text())).toContain("Kryssa i att du har läst överenskommelsen");
    // A handläggare cannot sign for the förvaltning.
    expect((await as.caseworker.post(page(caseId), { intent: "sign", confirm: "yes", expectedRevision: String(current!.revision) })).status).toBe(403);

    // The signature is on the frozen version's hash, which the form carries.
    const documentSha256 = /name="documentSha256" value="([0-9a-f]{64})"/.exec(await (await as.chef.get(page(caseId))).text())?.[1];
    expect(documentSha256).toBeTruthy();
    const signed = await as.chef.post(page(caseId), { intent: "sign", confirm: "yes", expectedRevision: String(current!.revision), documentSha256: documentSha256! });
    expect(signed.status).toBe(200);
    const [done] = await portal.db.select().from(cases).where(eq(cases.id, caseId));
    expect(done!.state).toBe("followUp.reportDue");
    const text = textOf(await (await as.caseworker.get(page(caseId))).text());
    expect(text).toContain("Underskrivet av Firmatecknare");
    expect(text).toContain("Underskrivet av Alva Avdelningschef, Avdelningschef");
  });

  it("is taken back for changes only with a comment", async () => {
    const { caseId } = await caseAfter(portal.db, world(), SIGNING);
    const [row] = await portal.db.select().from(cases).where(eq(cases.id, caseId));
    const empty = await as.caseworker.post(page(caseId), { intent: "return", comment: " ", expectedRevision: String(row!.revision) });
    expect(empty.status).toBe(400);
    expect(textOf(await empty.text())).toContain("Skriv vad som behöver ändras.");
    const back = await as.caseworker.post(page(caseId), { intent: "return", comment: "Ändra beloppet för 2026.", expectedRevision: String(row!.revision) });
    expect(back.status).toBe(200);
    const [after] = await portal.db.select().from(cases).where(eq(cases.id, caseId));
    expect(after!.state).toBe("agreement.drafting");
  });

  it.each([
    ["a signature with a revision that is not a number", "chef", { intent: "sign", confirm: "yes", expectedRevision: "sju" }],
    ["a return with no revision", "caseworker", { intent: "return", comment: "Ändra beloppet." }],
  ] as const)("answers %s with a 400 and a message, not a conflict, and changes nothing", async (_, who, form) => {
    const { caseId } = await caseAfter(portal.db, world(), SIGNING);
    const [before] = await portal.db.select().from(cases).where(eq(cases.id, caseId));
    const response = await as[who].post(page(caseId), form);
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain("Formuläret kunde inte läsas. Ladda om sidan och försök igen.");
    const [after] = await portal.db.select().from(cases).where(eq(cases.id, caseId));
    expect(after).toMatchObject({ state: before!.state, revision: before!.revision });
  });

  it("shows the conflict message when the page is older than the case", async () => {
    const { caseId } = await caseAfter(portal.db, world(), SIGNING);
    const stale = await as.caseworker.post(page(caseId), { intent: "return", comment: "Ändra", expectedRevision: "1" });
    expect(stale.status).toBe(409);
    expect(textOf(await stale.text())).toContain("Någon annan har ändrat ärendet");
  });
});
