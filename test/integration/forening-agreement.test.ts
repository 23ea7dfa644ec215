/** The förening reads the agreement draft, comments on it and signs it; who may do what. */
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { agreementComments, cases } from "../../db/schema";
import { createOrganisationUser } from "../../seed/factories";
import { transitionCase } from "../../app/cases/transition.server";
import { setupPortal } from "../support/portal";
import { textOf, type Visitor } from "../support/visitor";
import { fryshusetCase } from "../support/forening-after-decision";

const portal = setupPortal();
const visitors = {} as Record<"contact" | "signatory" | "iogt" | "staff" | "anonymous" | "signatoryOnly", Visitor>;

async function loggedIn(email: string) {
  const visitor = portal.visitor();
  expect((await visitor.logIn(email)).status).toBe(302);
  return visitor;
}

beforeAll(async () => {
  visitors.anonymous = portal.visitor();
  visitors.contact = await loggedIn("forening@demo.example");
  visitors.signatory = await loggedIn("firmatecknare@demo.example");
  visitors.iogt = await loggedIn("iogt@demo.example");
  visitors.staff = await loggedIn("handlaggare@demo.example");
  const { user } = await createOrganisationUser(portal.db, {
    organisationId: portal.organisationIds.get("Fryshuset")!,
    roles: ["signatory"],
    email: "bara.firmatecknare@test.example",
  });
  expect(user).toBeTruthy();
  visitors.signatoryOnly = await loggedIn("bara.firmatecknare@test.example");
});

const caseState = async (caseId: string) =>
  (await portal.db.select().from(cases).where(eq(cases.id, caseId)))[0]!;

describe("reading the agreement", () => {
  it("shows the draft with its computed total, or says the förvaltning is writing it", async () => {
    const { caseId } = await fryshusetCase(portal.db, portal, { through: "bifall registered" });
    const page = textOf(await (await visitors.contact.get(`/forening/arenden/${caseId}/overenskommelse`)).text());
    expect(page).toContain("Unga i Husby ska ha en trygg mötesplats");
    expect(page).toContain("600 000 kr");
    expect(page).toContain("Totalt 1 250 000 kr");
    expect(page).toContain("Möjlighet till ett års förlängning.");
    expect(page).toContain("Sara Samordnare");
    expect(page).toContain("Rapport 1: senast 2025-09-30");
    expect(page).toContain("Andel deltagare som är flickor 55 %");

    const empty = await fryshusetCase(portal.db, portal, { through: "bifall registered", agreement: null });
    const none = textOf(await (await visitors.contact.get(`/forening/arenden/${empty.caseId}/overenskommelse`)).text());
    expect(none).toContain("skriver överenskommelsen");
  });

  it("refuses other föreningar, förvaltning staff and visitors who are not logged in, by URL and by post", async () => {
    const { caseId } = await fryshusetCase(portal.db, portal, { through: "send for signing" });
    for (const path of [`/forening/arenden/${caseId}/overenskommelse`, `/forening/arenden/${caseId}/overenskommelse/underteckna`]) {
      expect((await visitors.iogt.get(path)).status).toBe(404); // another förening's case: as if unknown
      expect((await visitors.staff.get(path)).status).toBe(403);
      const anonymous = await visitors.anonymous.get(path);
      expect(anonymous.status).toBe(302);
      expect(anonymous.headers.get("location")).toMatch(/^\/logga-in\?redirectTo=/);
    }
    const comment = `/forening/arenden/${caseId}/overenskommelse`;
    expect((await visitors.iogt.post(comment, { body: "Hej" })).status).toBe(404);
    expect((await visitors.staff.post(comment, { body: "Hej" })).status).toBe(404);
    expect((await visitors.anonymous.post(comment, { body: "Hej" })).status).toBe(302);
    const sign = `/forening/arenden/${caseId}/overenskommelse/underteckna`;
    // Outside the case's förening: 404 as if unknown; a contact person who may not sign: 403.
    expect((await visitors.iogt.post(sign, { confirm: "yes" })).status).toBe(404);
    expect((await visitors.staff.post(sign, { confirm: "yes" })).status).toBe(404);
    expect((await visitors.contact.post(sign, { confirm: "yes" })).status).toBe(403);
    expect((await visitors.anonymous.post(sign, { confirm: "yes" })).status).toBe(302);
    expect((await caseState(caseId)).snapshot).toMatchObject({ context: { signatures: { association: null } } });
    expect(await portal.db.select().from(agreementComments).where(eq(agreementComments.caseId, caseId))).toHaveLength(0);
  });
});

describe("comments", () => {
  it("keeps comments from both sides in date order and refuses an empty one at the field", async () => {
    const { caseId, cast } = await fryshusetCase(portal.db, portal, { through: "bifall registered" });
    const caseworkerId = cast.caseworker.kind === "user" ? cast.caseworker.id : "";
    await portal.db.insert(agreementComments).values({
      caseId,
      authorId: caseworkerId,
      side: "administration",
      body: "Här är ett första utkast.",
      createdAt: new Date("2025-03-25T09:00:00Z"),
    });
    const path = `/forening/arenden/${caseId}/overenskommelse`;
    const empty = await visitors.contact.post(path, { body: "  " });
    expect(empty.status).toBe(400);
    expect(textOf(await empty.text())).toContain("Skriv din kommentar.");

    const saved = await visitors.contact.post(path, { body: "Kan vi lägga till lördagar?" });
    expect(saved.status).toBe(302);
    const page = textOf(await (await visitors.contact.get(path)).text());
    expect(page.indexOf("Här är ett första utkast.")).toBeLessThan(page.indexOf("Kan vi lägga till lördagar?"));
    expect(page).toContain("Fatima Förening, Fryshuset");

    // A firmatecknare without contact rights may comment too.
    expect((await visitors.signatoryOnly.post(path, { body: "Jag läser också." })).status).toBe(302);
  });

  it("refuses comments once the agreement is in force", async () => {
    const { caseId } = await fryshusetCase(portal.db, portal, { through: "chef signs" });
    const response = await visitors.contact.post(`/forening/arenden/${caseId}/overenskommelse`, { body: "Sent påkommet" });
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain("Det går inte att kommentera överenskommelsen nu");
  });
});

describe("signing", () => {
  it("tells a contact person without signing rights that the firmatecknare must sign", async () => {
    const { caseId } = await fryshusetCase(portal.db, portal, { through: "send for signing" });
    const page = textOf(await (await visitors.contact.get(`/forening/arenden/${caseId}/overenskommelse`)).text());
    expect(page).toContain("Det måste en firmatecknare för Fryshuset göra");
    expect(page).not.toContain("Skriv under för föreningen");
  });

  it("asks the firmatecknare to confirm, records the signature, and puts the agreement in force when the förvaltning signs", async () => {
    const { caseId, cast } = await fryshusetCase(portal.db, portal, { through: "send for signing" });
    const path = `/forening/arenden/${caseId}/overenskommelse/underteckna`;
    const form = textOf(await (await visitors.signatory.get(path)).text());
    expect(form).toContain("Filip Firmatecknare");
    expect(form).toContain("Ekonomiskt bidrag totalt 1 250 000 kr");
    expect(form).toContain("Jag har läst överenskommelsen och skriver under för föreningen");

    const unconfirmed = await visitors.signatory.post(path, {});
    expect(unconfirmed.status).toBe(400);
    expect(textOf(await unconfirmed.text())).toContain("Kryssa i rutan");
    expect((await caseState(caseId)).state).toBe("agreement.signing");

    const before = await caseState(caseId);
    const stale = await visitors.signatory.post(path, { confirm: "yes", caseRevision: String(before.revision - 1) });
    expect(stale.status).toBe(400);
    expect(textOf(await stale.text())).toContain("Någon annan har ändrat ärendet");

    // The signature is on the frozen version's hash, which the form carries.
    const documentSha256 = /name="documentSha256" value="([0-9a-f]{64})"/.exec(await (await visitors.signatory.get(path)).text())?.[1];
    expect(documentSha256).toBeTruthy();
    const signed = await visitors.signatory.post(path, { confirm: "yes", caseRevision: String(before.revision), documentSha256: documentSha256! });
    expect(signed.status).toBe(302);
    const after = await caseState(caseId);
    expect(after.state).toBe("agreement.signing");
    const signatures = (after.snapshot as { context: { signatures: { association: { userId: string } | null } } }).context.signatures;
    expect(signatures.association?.userId).toBe(cast.signatory.kind === "user" ? cast.signatory.id : "");
    const page = textOf(await (await visitors.contact.get(`/forening/arenden/${caseId}/overenskommelse`)).text());
    expect(page).toMatch(/Underskriven av Filip Firmatecknare \d{4}-\d{2}-\d{2}/);
    expect(page).toContain("Inte underskriven än");

    const again = await visitors.signatory.post(path, { confirm: "yes", documentSha256: documentSha256! });
    expect(again.status).toBe(400);
    expect(textOf(await again.text())).toContain("Föreningen har redan skrivit under överenskommelsen.");
    expect((await caseState(caseId)).revision).toBe(after.revision);

    const chef = await transitionCase({ caseId, command: { type: "SIGN" }, actor: cast.headOfUnit });
    expect(chef).toMatchObject({ ok: true, state: "followUp.reportDue" });
    const inForce = textOf(await (await visitors.contact.get(`/forening/arenden/${caseId}/overenskommelse`)).text());
    expect(inForce).not.toContain("Inte underskriven än");
  });
});
