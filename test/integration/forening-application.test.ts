/**
 * The förening's application over the real HTTP stack: start, save step by step, refuse bad values and
 * stale saves, keep drafts across a session expiry, submit with a receipt, komplettering, withdrawal.
 */
import { dayBefore, demoCall, firstOfMonth, monthsFromNow } from "../support/dates";
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { applicationVersions, caseEvents, cases, sessions } from "../../db/schema";
import { transitionCase } from "../../app/cases/transition.server";
import { setupPortal } from "../support/portal";
import { fieldErrorOf, textOf, Visitor } from "../support/visitor";
import { actorFor, fillComplete, latestVersion, saveStep, startApplication, submit } from "../support/forening-application";

const portal = setupPortal();
let fatima: Visitor;
let filip: Visitor;

beforeAll(async () => {
  fatima = portal.visitor();
  filip = portal.visitor();
  expect((await fatima.logIn("forening@demo.example")).status).toBe(302);
  expect((await filip.logIn("firmatecknare@demo.example")).status).toBe(302);
});

const page = async (visitor: Visitor, path: string) => {
  const response = await visitor.get(path);
  expect(response.status).toBe(200);
  return response.text();
};

describe("starting an application", () => {
  it("offers the open call and its priority areas, and creates the case with version 1 as a draft", async () => {
    const rk = portal.districtIds.get("RK")!;
    const html = await page(fatima, `/forening/${portal.organisationIds.get("Fryshuset")}/ny-ansokan?distrikt=${rk}`);
    expect(textOf(html)).toContain(demoCall().title);
    expect(textOf(html)).toContain("Förebyggande stöd och tidiga insatser");
    const callId = /value="([0-9a-f-]{36})"[^>]*type="radio"|type="radio"[^>]*value="([0-9a-f-]{36})"/.exec(html);
    const id = callId![1] ?? callId![2]!;
    const caseId = await startApplication(portal, fatima, "Unga ledare", { callId: id });
    const version = await latestVersion(portal, caseId);
    expect(version).toMatchObject({ version: 1, status: "draft" });
    expect(version.content).toMatchObject({ title: "Unga ledare", callId: id });
    const list = textOf(await page(fatima, "/forening"));
    expect(list).toContain("Unga ledare");
    expect(list).toContain("Utkast");
    expect(list).toContain("Skriv klart ansökan och skicka in den.");
  });

  it("asks for a name and a district in plain Swedish, and does not create a case", async () => {
    const before = (await portal.db.select().from(cases)).length;
    const rk = portal.districtIds.get("RK")!;
    const response = await fatima.post(`/forening/${portal.organisationIds.get("Fryshuset")}/ny-ansokan?distrikt=${rk}`, {
      intent: "start",
      districtId: portal.districtIds.get("RK")!,
      callId: "none",
      title: "  ",
    });
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain("Ge ansökan ett namn");
    expect((await portal.db.select().from(cases)).length).toBe(before);
  });

  it("answers a post that is not the page's own form with a plain 400 and does not create a case", async () => {
    const before = (await portal.db.select().from(cases)).length;
    const rk = portal.districtIds.get("RK")!;
    const path = `/forening/${portal.organisationIds.get("Fryshuset")}/ny-ansokan?distrikt=${rk}`;
    const form = { districtId: rk, callId: "none", title: "Utan knapp" };
    for (const body of <Record<string, string>[]>[form, { ...form, intent: "copy" }]) {
      const response = await fatima.post(path, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(textOf(await response.text())).toContain("Formuläret kunde inte läsas");
    }
    expect((await portal.db.select().from(cases)).length).toBe(before);
  });

  it("starts from the förening's latest application when asked", async () => {
    const first = await startApplication(portal, fatima, "Första");
    await saveStep(portal, fatima, first, "syfte", { purpose: "Ett syfte att återanvända.", societalChallenge: "", policyLink: "" });
    const second = await startApplication(portal, fatima, "Andra", { startFromPrevious: "yes" });
    expect((await latestVersion(portal, second)).content).toMatchObject({ title: "Andra", purpose: "Ett syfte att återanvända." });
  });
});

describe("saving a draft", () => {
  it("keeps good fields and explains bad ones at the field, showing what was typed", async () => {
    const caseId = await startApplication(portal, fatima);
    const response = await saveStep(portal, fatima, caseId, "budget", {
      "budgetLines.0.description": "Lokal",
      "budgetLines.0.associationAmount": "-500",
      "budgetLines.0.administrationAmount": "tusen",
      "budgetLines.1.description": "Stor post",
      "budgetLines.1.associationAmount": "1 000 000 000",
      "budgetLines.1.administrationAmount": "0",
      otherContributions: "Ideella timmar",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    const text = textOf(html);
    expect(text).toContain("Beloppet kan inte vara negativt.");
    expect(text).toContain("Skriv beloppet i hela kronor");
    expect(text).toContain("Beloppet får vara högst 999 999 999 kr.");
    expect(html).toMatch(/id="field-budgetLines-0-associationAmount"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="field-budgetLines-0-associationAmount"/);
    expect(html).toContain('value="tusen"');
    const content = (await latestVersion(portal, caseId)).content as Record<string, unknown>;
    expect(content.otherContributions).toBe("Ideella timmar");
    expect(content.budgetLines).toBeUndefined();
  });

  it("refuses öre and a huge amount, each with its own reason at its field, and keeps what was typed", async () => {
    const caseId = await startApplication(portal, fatima);
    const response = await saveStep(portal, fatima, caseId, "budget", {
      "budgetLines.0.description": "Lokal",
      "budgetLines.0.associationAmount": "1,5",
      "budgetLines.0.administrationAmount": "1 000 000 000 000 000 000",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldErrorOf(html, "budgetLines.0.associationAmount")).toBe("Ange beloppet i hela kronor, utan ören.");
    expect(fieldErrorOf(html, "budgetLines.0.administrationAmount")).toBe("Beloppet får vara högst 999 999 999 kr.");
    expect(html).toContain('value="1,5"');
    expect(html).toContain('value="1 000 000 000 000 000 000"');
    // The sums shown are the stored ones, never the refused amounts rounded or multiplied out.
    expect(textOf(html)).not.toContain("2 kr");
    expect(textOf(html)).not.toContain("1 000 000 000 000 000 000 kr");
    expect(((await latestVersion(portal, caseId)).content as Record<string, unknown>).budgetLines).toBeUndefined();
  });

  it("refuses text past its limit and an end before the start", async () => {
    const caseId = await startApplication(portal, fatima);
    const response = await saveStep(portal, fatima, caseId, "grund", { title: "x".repeat(151), periodStart: monthsFromNow(24), periodEnd: monthsFromNow(12) });
    const text = textOf(await response.text());
    expect(text).toContain("Namnet på ansökan får vara högst 150 tecken.");
    expect(text).toContain("Slutdatumet måste vara efter startdatumet.");
    const content = (await latestVersion(portal, caseId)).content;
    expect(content).toMatchObject({ title: "Läxhjälp i Husby", periodStart: monthsFromNow(24) });
    expect(content.periodEnd).toBeUndefined();
  });

  it("refuses an impossible date, a year out of range and a period wholly in the past, each at its field", async () => {
    const caseId = await startApplication(portal, fatima);
    const impossible = await saveStep(portal, fatima, caseId, "grund", { periodStart: "2026-02-30", periodEnd: "9999-12-31" });
    expect(impossible.status).toBe(400);
    const html = await impossible.text();
    expect(fieldErrorOf(html, "periodStart")).toBe("Datumet finns inte. Kontrollera dag och månad.");
    expect(fieldErrorOf(html, "periodEnd")).toBe("Kontrollera året. Skriv ett datum mellan år 2000 och 2100.");
    expect(html).toContain('value="2026-02-30"');
    const past = await saveStep(portal, fatima, caseId, "grund", { periodStart: "2020-01-01", periodEnd: "2021-12-31" });
    expect(past.status).toBe(400);
    expect(fieldErrorOf(await past.text(), "periodEnd")).toBe("Perioden har redan passerat. Slutdatumet kan inte vara före dagens datum.");
    const content = (await latestVersion(portal, caseId)).content as Record<string, unknown>;
    expect(content.periodEnd).toBeUndefined();
  });

  it("computes budget totals and shares; they are never typed", async () => {
    const caseId = await startApplication(portal, fatima);
    await saveStep(portal, fatima, caseId, "budget", {
      "budgetLines.0.description": "Lön",
      "budgetLines.0.associationAmount": "250 000",
      "budgetLines.0.administrationAmount": "750000 kr",
      total: "1",
    });
    const text = textOf(await page(fatima, `/forening/arenden/${caseId}/ansokan/budget`));
    expect(text).toContain("Totalt 1 000 000 kr 100 %");
    expect(text).toContain("Föreningens insats 250 000 kr 25 %");
    expect(text).toContain("Förvaltningens bidrag 750 000 kr 75 %");
  });

  it("adds and removes repeating rows with plain buttons", async () => {
    const caseId = await startApplication(portal, fatima);
    let response = await saveStep(portal, fatima, caseId, "malgrupp", { "targetGroups.0.description": "Unga", "targetGroups.0.ageFrom": "12", "targetGroups.0.ageTo": "" }, "add-row:targetGroups");
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('name="targetGroups.1.description"');
    response = await saveStep(portal, fatima, caseId, "malgrupp", {
      "targetGroups.0.description": "Unga",
      "targetGroups.1.description": "Föräldrar",
    }, "remove-row:targetGroups:0");
    expect((await latestVersion(portal, caseId)).content.targetGroups).toEqual([{ description: "Föräldrar", ageFrom: null, ageTo: null }]);
  });

  it("shows HTML as text, never as markup", async () => {
    const caseId = await startApplication(portal, fatima);
    await saveStep(portal, fatima, caseId, "syfte", { purpose: '<script>alert("x")</script><b>fet</b>' });
    const html = await page(fatima, `/forening/arenden/${caseId}/ansokan/granska`);
    expect(html).not.toContain('<script>alert("x")');
    expect(html).not.toContain("<b>fet</b>");
    expect(html).toContain("&lt;script&gt;");
  });

  it("refuses a stale save from another contact person and overwrites nothing", async () => {
    const caseId = await startApplication(portal, fatima);
    const stale = String((await latestVersion(portal, caseId)).revision);
    expect((await saveStep(portal, filip, caseId, "syfte", { purpose: "Filips text" })).status).toBe(200);
    const response = await fatima.post(`/forening/arenden/${caseId}/ansokan/syfte`, { revision: stale, intent: "save", purpose: "Fatimas text" });
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(textOf(html)).toContain("Någon annan har ändrat ansökan");
    expect(html).toContain("Fatimas text");
    expect((await latestVersion(portal, caseId)).content.purpose).toBe("Filips text");
  });

  it("keeps the draft through a session expiry and brings the person back to the same step", async () => {
    const visitor = portal.visitor();
    await visitor.logIn("forening@demo.example");
    const caseId = await startApplication(portal, visitor);
    await saveStep(portal, visitor, caseId, "syfte", { purpose: "Sparat före utloggning" });
    const sessionId = visitor.cookie.split("=")[1]!;
    await portal.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.id, sessionId));
    const response = await saveStep(portal, visitor, caseId, "syfte", { purpose: "Skrivet efter att sessionen gått ut" });
    expect(response.status).toBe(302);
    const location = response.headers.get("location")!;
    const redirectTo = new URL(location, portal.server.origin).searchParams.get("redirectTo");
    expect(redirectTo).toBe(`/forening/arenden/${caseId}/ansokan/syfte`);
    expect((await latestVersion(portal, caseId)).content.purpose).toBe("Sparat före utloggning");
    const login = await visitor.post("/logga-in", { email: "forening@demo.example", password: "Demo-losenord-2026", redirectTo: redirectTo! });
    expect(login.headers.get("location")).toBe(`/forening/arenden/${caseId}/ansokan/syfte`);
    expect(await page(visitor, redirectTo!)).toContain("Sparat före utloggning");
  });
});

describe("submitting", () => {
  it("lists what is missing, linked to the step and field, and submits nothing", async () => {
    const caseId = await startApplication(portal, fatima);
    const response = await submit(portal, fatima, caseId);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(textOf(html)).toContain("Beskriv syftet med partnerskapet.");
    expect(html).toContain(`href="/forening/arenden/${caseId}/ansokan/syfte#field-purpose"`);
    expect(html).toContain(`href="/forening/arenden/${caseId}/ansokan/budget#field-budgetLines"`);
    expect((await latestVersion(portal, caseId)).status).toBe("draft");
  });

  it("refuses a period outside the call's", async () => {
    const caseId = await startApplication(portal, fatima);
    await fillComplete(portal, fatima, caseId);
    const html = await page(fatima, `/forening/${portal.organisationIds.get("Fryshuset")}/ny-ansokan?distrikt=${portal.districtIds.get("RK")}`);
    const callId = /([0-9a-f-]{36})"[^>]*type="radio"|type="radio"[^>]*value="([0-9a-f-]{36})/.exec(html)!;
    await saveStep(portal, fatima, caseId, "grund", { callId: callId[1] ?? callId[2]!, periodStart: dayBefore(demoCall().periodEarliestStart), periodEnd: firstOfMonth(demoCall().periodLatestEnd, 1) });
    const text = textOf(await (await submit(portal, fatima, caseId)).text());
    expect(text).toContain(`gäller verksamhet från ${demoCall().periodEarliestStart}`);
    expect(text).toContain(`gäller verksamhet till och med ${demoCall().periodLatestEnd}`);
  });

  it("gives a diarienummer and a receipt, marks the version submitted, and a second submit creates nothing", async () => {
    const caseId = await startApplication(portal, fatima);
    await fillComplete(portal, fatima, caseId);
    const revision = (await latestVersion(portal, caseId)).revision;
    const response = await submit(portal, fatima, caseId, revision);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/forening/arenden/${caseId}/kvitto`);
    const [row] = await portal.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row!.state).toBe("review.unassigned");
    expect(row!.diaryNumber).toMatch(/^RK \d{4}\/\d+$/);
    const version = await latestVersion(portal, caseId);
    expect(version.status).toBe("submitted");
    expect(version.submittedAt).not.toBeNull();
    expect(version.submittedById).not.toBeNull();
    const receipt = textOf(await page(fatima, `/forening/arenden/${caseId}/kvitto`));
    expect(receipt).toContain(`Diarienummer: ${row!.diaryNumber}`);
    expect(receipt).toContain("Vad händer nu?");

    const again = await submit(portal, fatima, caseId, revision);
    expect(again.headers.get("location")).toBe(`/forening/arenden/${caseId}/kvitto`);
    const submits = await portal.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.eventType, "SUBMIT")));
    expect(submits).toHaveLength(1);
    // A submitted version cannot be changed any more.
    const late = await fatima.post(`/forening/arenden/${caseId}/ansokan/syfte`, { revision: String(version.revision), intent: "save", purpose: "Ändrat" });
    expect(late.status).toBe(302);
    expect((await latestVersion(portal, caseId)).content.purpose).toBe("Fler unga klarar skolan.");
  });
});

describe("komplettering", () => {
  it("shows the request, creates version 2 once, and resubmits", async () => {
    const caseId = await startApplication(portal, fatima);
    await fillComplete(portal, fatima, caseId);
    await submit(portal, fatima, caseId);
    const caseworker = await actorFor(portal, "handlaggare@demo.example");
    expect((await transitionCase({ caseId, command: { type: "TAKE" }, actor: caseworker })).ok).toBe(true);
    const requested = await transitionCase({
      caseId,
      command: { type: "REQUEST_COMPLETION", message: "Beskriv samverkan med skolan.", dueDate: "2099-12-31" },
      actor: caseworker,
    });
    expect(requested.ok).toBe(true);
    const casePage = textOf(await page(fatima, `/forening/arenden/${caseId}`));
    expect(casePage).toContain("Beskriv samverkan med skolan.");
    expect(casePage).toContain("Senast 2099-12-31");
    expect(casePage).toContain("Komplettera ansökan");
    expect(textOf(await page(fatima, "/forening"))).toContain("2099-12-31");

    for (let i = 0; i < 2; i++) {
      const response = await fatima.post(`/forening/arenden/${caseId}/komplettera`, {});
      expect(response.headers.get("location")).toBe(`/forening/arenden/${caseId}/ansokan/grund`);
    }
    const versions = await portal.db.select().from(applicationVersions).where(eq(applicationVersions.caseId, caseId));
    expect(versions.map((v) => [v.version, v.status]).sort()).toEqual([[1, "submitted"], [2, "draft"]]);

    await saveStep(portal, fatima, caseId, "aktiviteter", { cooperation: "Vi träffar skolans rektor varje månad." });
    const response = await submit(portal, fatima, caseId);
    expect(response.headers.get("location"), textOf(await response.text())).toBe(`/forening/arenden/${caseId}/kvitto`);
    const [row] = await portal.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row!.state).toBe("review.assigned");
    expect((await latestVersion(portal, caseId)).status).toBe("submitted");
    const diff = textOf(await page(fatima, `/forening/arenden/${caseId}/versioner/2`));
    expect(diff).toContain("Ändrat sedan version 1");
    expect(diff).toContain("Vi träffar skolans rektor varje månad.");
    expect(diff).toContain("Styrgrupp fyra gånger om året.");
    expect(textOf(await page(fatima, `/forening/arenden/${caseId}`))).toContain("Kompletterad ansökan skickades in");
  });
});

describe("withdrawing", () => {
  it("withdraws a submitted application with a reason", async () => {
    const caseId = await startApplication(portal, fatima);
    await fillComplete(portal, fatima, caseId);
    await submit(portal, fatima, caseId);
    const [before] = await portal.db.select().from(cases).where(eq(cases.id, caseId));
    expect(textOf(await page(fatima, `/forening/arenden/${caseId}/aterta`))).toContain("Det går inte att ångra");
    const response = await fatima.post(`/forening/arenden/${caseId}/aterta`, { intent: "withdraw", reason: "Vi fick pengar på annat håll.", revision: String(before!.revision) });
    expect(response.headers.get("location")).toBe(`/forening/arenden/${caseId}`);
    const [after] = await portal.db.select().from(cases).where(eq(cases.id, caseId));
    expect(after!.state).toBe("closed");
    expect(after!.outcome).toBe("withdrawn");
    expect(textOf(await page(fatima, `/forening/arenden/${caseId}`))).toContain("Återtagen");
  });

  it("closes a withdrawn draft for editing", async () => {
    const caseId = await startApplication(portal, fatima);
    const [row] = await portal.db.select().from(cases).where(eq(cases.id, caseId));
    await fatima.post(`/forening/arenden/${caseId}/aterta`, { intent: "withdraw", reason: "", revision: String(row!.revision) });
    expect((await portal.db.select().from(cases).where(eq(cases.id, caseId)))[0]!.state).toBe("closed");
    expect((await fatima.get(`/forening/arenden/${caseId}/ansokan/syfte`)).headers.get("location")).toBe(`/forening/arenden/${caseId}`);
    const response = await saveStep(portal, fatima, caseId, "syfte", { purpose: "Efter återtagandet" });
    expect(response.headers.get("location")).toBe(`/forening/arenden/${caseId}`);
    expect((await latestVersion(portal, caseId)).content.purpose).toBeUndefined();
  });

  it("answers a form that is not the page's own with a plain 400 and leaves the case as it was", async () => {
    const caseId = await startApplication(portal, fatima);
    const [row] = await portal.db.select().from(cases).where(eq(cases.id, caseId));
    for (const body of <Record<string, string>[]>[
      { reason: "", revision: String(row!.revision) },
      { intent: "somethingElse", reason: "", revision: String(row!.revision) },
      { intent: "withdraw", reason: "", revision: "inte ett nummer" },
    ]) {
      const response = await fatima.post(`/forening/arenden/${caseId}/aterta`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(textOf(await response.text())).toContain("Formuläret kunde inte läsas");
    }
    expect((await portal.db.select().from(cases).where(eq(cases.id, caseId)))[0]!.state).toBe(row!.state);
  });

  it("shows the machine's message when the case is past the decision", async () => {
    const caseId = await startApplication(portal, fatima);
    await fillComplete(portal, fatima, caseId);
    await submit(portal, fatima, caseId);
    const steps: [string, Parameters<typeof transitionCase>[0]["command"]][] = [
      ["handlaggare@demo.example", { type: "TAKE" }],
      ["handlaggare@demo.example", { type: "START_ASSESSMENT" }],
      ["handlaggare@demo.example", { type: "SUBMIT_FOR_ATTESTATION", proposal: "approve" }],
      ["avdelningschef@demo.example", { type: "ATTEST" }],
      ["direktor@demo.example", { type: "ATTEST" }],
      ["registrator@demo.example", { type: "REGISTER_DECISION", meetingDate: "2026-11-20", paragraph: "§ 3", outcome: "approved" }],
    ];
    for (const [email, command] of steps) {
      const result = await transitionCase({ caseId, command, actor: await actorFor(portal, email) });
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    }
    const [row] = await portal.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row!.state).toBe("agreement.drafting");
    const response = await fatima.post(`/forening/arenden/${caseId}/aterta`, { intent: "withdraw", reason: "", revision: String(row!.revision) });
    expect(response.status).toBe(409);
    expect(textOf(await response.text())).toMatch(/beslut/i);
    expect((await portal.db.select().from(cases).where(eq(cases.id, caseId)))[0]!.state).toBe("agreement.drafting");
    expect(await page(fatima, `/forening/arenden/${caseId}`)).toContain(`/forening/arenden/${caseId}/overenskommelse`);
  });
});
