/**
 * The förvaltning's case page: everything about a case on one page, exactly the actions the state and
 * the person's roles allow, and internal notes that never reach the förening.
 */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { applicationVersions, cases, emailOutbox } from "../../db/schema";
import { addDistrictRoles, createUser } from "../../seed/factories";
import { setupPortal } from "../support/portal";
import { textOf } from "../support/visitor";
import { caseAt, SAMPLE_APPLICATION, through, userIdOf } from "../support/forvaltning";

const portal = setupPortal();

async function loggedIn(email: string) {
  const visitor = portal.visitor();
  expect((await visitor.logIn(email)).status).toBe(302);
  return visitor;
}
const pathOf = (caseId: string) => `/forvaltning/rk/arenden/${caseId}`;
const revisionOf = async (caseId: string) =>
  (await portal.db.select({ r: cases.revision }).from(cases).where(eq(cases.id, caseId)))[0]!.r;
const stateOf = async (caseId: string) =>
  (await portal.db.select({ s: cases.state }).from(cases).where(eq(cases.id, caseId)))[0]!.s;

describe("reading a case", () => {
  it("shows status, förening, the application with what each version changed, deadlines and history", async () => {
    const { caseId } = await caseAt(portal, through("resubmit"));
    await portal.db.insert(applicationVersions).values({
      caseId,
      version: 2,
      status: "submitted",
      content: { ...SAMPLE_APPLICATION, purpose: "Ge unga i Husby läxhjälp och idrott varje vecka." },
      submittedAt: new Date("2025-02-10T10:00:00Z"),
    });
    const response = await (await loggedIn("handlaggare@demo.example")).get(pathOf(caseId));
    expect(response.status).toBe(200);
    const text = textOf(await response.text());
    expect(text).toContain("Status: Tilldelad");
    expect(text).toContain("Fryshuset");
    expect(text).toContain("899900-0303");
    expect(text).toContain("Version 2, den senast inskickade.");
    expect(text).toContain("Ge unga i Husby läxhjälp och idrott varje vecka.");
    expect(text).toMatch(/Syfte ändrades\. Före: Ge unga i Husby en trygg plats efter skolan\. Efter: Ge unga i Husby läxhjälp/);
    expect(text).toContain("Komplettering begärdes");
    expect(text).toContain("Bifoga budget för 2025.");
    expect(text).toContain("Hanna Handläggare");
    expect(text).toContain("Inga bilagor.");
    // Exactly what the state and the roles allow: an assigned case can be sent for completion or assessed.
    expect(text).toContain("Begär komplettering");
    expect(text).toContain("Börja bedöma");
    expect(text).not.toContain("Ta ärendet");
  });

  it("offers a chef nothing to do on a new case: the machine lets only handläggare and admin assign", async () => {
    const { caseId } = await caseAt(portal, through("submit"));
    const text = textOf(await (await (await loggedIn("avdelningschef@demo.example")).get(pathOf(caseId))).text());
    expect(text).toContain("Du har inget att göra i ärendet just nu.");
    const adminHtml = await (await (await loggedIn("admin@demo.example")).get(pathOf(caseId))).text();
    expect(textOf(adminHtml)).toContain("Fördela ärendet");
    expect(adminHtml).not.toContain(">Ta ärendet</button>");
  });
});

describe("acting on a case", () => {
  it("takes a case, then asks for completion with a message at the field when the date is missing", async () => {
    const { caseId } = await caseAt(portal, through("submit"));
    const visitor = await loggedIn("handlaggare@demo.example");
    expect(textOf(await (await visitor.get(pathOf(caseId))).text())).toContain("Ta ärendet");
    const taken = await visitor.post(`${pathOf(caseId)}?index`, { intent: "take", expectedRevision: String(await revisionOf(caseId)) });
    expect(textOf(await taken.text())).toContain("Du har tagit ärendet.");
    expect(await stateOf(caseId)).toBe("review.assigned");

    const revision = String(await revisionOf(caseId));
    const bad = await visitor.post(`${pathOf(caseId)}?index`, { intent: "requestCompletion", expectedRevision: revision, message: "Bifoga stadgar.", dueDate: "" });
    expect(bad.status).toBe(400);
    const badText = textOf(await bad.text());
    expect(badText).toContain("Skriv sista dag som ÅÅÅÅ-MM-DD");
    expect(badText).toContain("Bifoga stadgar.");
    const ok = await visitor.post(`${pathOf(caseId)}?index`, { intent: "requestCompletion", expectedRevision: revision, message: "Bifoga stadgar.", dueDate: "2099-01-31" });
    expect(textOf(await ok.text())).toContain("Begäran om komplettering är skickad");
    expect(await stateOf(caseId)).toBe("review.awaitingCompletion");
    expect((await portal.lastEmailTo("forening@demo.example"))?.textBody).toContain("Bifoga stadgar.");
  });

  it("shows the runtime's message when the page was stale, and changes nothing", async () => {
    const { caseId } = await caseAt(portal, through("submit"));
    const visitor = await loggedIn("handlaggare@demo.example");
    const stale = await visitor.post(`${pathOf(caseId)}?index`, { intent: "take", expectedRevision: String((await revisionOf(caseId)) - 1) });
    expect(stale.status).toBe(400);
    expect(textOf(await stale.text())).toContain("Någon annan har ändrat ärendet medan du arbetade");
    expect(await stateOf(caseId)).toBe("review.unassigned");
  });
});

describe("who may see and act on a case", () => {
  it("sends an anonymous visitor to the login page, by URL and by post", async () => {
    const { caseId } = await caseAt(portal, through("submit"));
    const anonymous = portal.visitor();
    for (const response of [await anonymous.get(pathOf(caseId)), await anonymous.post(`${pathOf(caseId)}?index`, { intent: "take", expectedRevision: "2" })]) {
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toMatch(/^\/logga-in/);
    }
  });

  it.each([
    ["forening@demo.example", "take"],
    ["iogt@demo.example", "take"],
    ["handlaggare.jarva@demo.example", "take"],
    ["samordnare@demo.example", "take"],
    ["registrator@demo.example", "note"],
  ] as const)("refuses %s by URL where it must and by post (%s), changing nothing", async (email, intent) => {
    const { caseId } = await caseAt(portal, through("submit"));
    const visitor = await loggedIn(email);
    const read = await visitor.get(pathOf(caseId));
    const inDistrict = ["samordnare@demo.example", "registrator@demo.example"].includes(email);
    // A förening user is refused by the förvaltning side (403 or, for the case itself, 404); staff of
    // another district get a 404 as for an unknown case; staff of the district without the role, 403.
    if (inDistrict) expect(read.status).toBe(200);
    else expect([403, 404]).toContain(read.status); // the district layout's 403 comes first for a page
    const post = await visitor.post(`${pathOf(caseId)}?index`, { intent, expectedRevision: String(await revisionOf(caseId)), body: "Hemligt" });
    expect(post.status).toBe(inDistrict ? 403 : 404);
    expect(await stateOf(caseId)).toBe("review.unassigned");
  });

  it("answers 404 for a case of this district under another district's address", async () => {
    const { caseId } = await caseAt(portal, through("submit"));
    const both = await createUser(portal.db, { email: "tva@test.example", name: "Två Distrikt" });
    await addDistrictRoles(portal.db, both.id, portal.districtIds.get("RK")!, ["caseworker"]);
    await addDistrictRoles(portal.db, both.id, portal.districtIds.get("JA")!, ["caseworker"]);
    const visitor = await loggedIn("tva@test.example");
    expect((await visitor.get(`/forvaltning/rk/arenden/${caseId}`)).status).toBe(200);
    expect((await visitor.get(`/forvaltning/ja/arenden/${caseId}`)).status).toBe(404);
    expect((await (await loggedIn("handlaggare.jarva@demo.example")).get(`/forvaltning/ja/arenden/${caseId}`)).status).toBe(404);
  });
});

describe("internal notes", () => {
  it("are kept for the förvaltning and never reach any förening page or e-mail of the case", async () => {
    const { caseId } = await caseAt(portal, through("request completion"));
    const secret = "Intern bedömning: styrelsen verkar splittrad 7f3a";
    const staff = await loggedIn("handlaggare@demo.example");
    const empty = await staff.post(`${pathOf(caseId)}?index`, { intent: "note", body: "  " });
    expect(textOf(await empty.text())).toContain("Skriv anteckningen.");
    const saved = await staff.post(`${pathOf(caseId)}?index`, { intent: "note", body: secret });
    expect(textOf(await saved.text())).toContain("Anteckningen är sparad.");
    expect(textOf(await (await staff.get(pathOf(caseId))).text())).toContain(secret);
    const coordinator = await loggedIn("samordnare@demo.example");
    expect(textOf(await (await coordinator.get(pathOf(caseId))).text())).toContain(secret);

    const organisationId = portal.organisationIds.get("Fryshuset")!;
    const foreningPages = [
      "/forening",
      `/forening/${organisationId}`,
      `/forening/arenden/${caseId}`,
      `/forening/arenden/${caseId}/ansokan`,
      `/forening/arenden/${caseId}/komplettering`,
      `/forening/arenden/${caseId}/overenskommelse`,
      `/forening/arenden/${caseId}/rapporter`,
      `/forening/arenden/${caseId}/slutrapport`,
      `/forening/${organisationId}/arenden/${caseId}`,
    ];
    for (const email of ["forening@demo.example", "firmatecknare@demo.example"]) {
      const member = await loggedIn(email);
      let read = 0;
      for (const path of foreningPages) {
        const response = await member.get(path);
        const body = await response.text();
        expect(body, path).not.toContain(secret);
        if (response.status === 200) read++;
      }
      expect(read).toBeGreaterThanOrEqual(2);
    }
    const mail = await portal.db.select({ text: emailOutbox.textBody, html: emailOutbox.htmlBody }).from(emailOutbox).where(eq(emailOutbox.caseId, caseId));
    // The case's steps have mailed the förening and staff: a check over no mail would prove nothing.
    expect(mail.length).toBeGreaterThan(0);
    for (const m of mail) expect(`${m.text}${m.html}`).not.toContain(secret);
    expect(await userIdOf(portal, "handlaggare@demo.example")).toBeTruthy();
  });
});
