/**
 * Attestering: the chefer read the statement as it will be printed, attest it in order or send it back
 * with a comment; the author can never attest their own statement.
 */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { addDistrictRoles, createUser } from "../../seed/factories";
import { stockholmDate } from "../../app/utils/time";
import { setupPortal } from "../support/portal";
import { textOf } from "../support/visitor";
import { OUTSIDERS, STATEMENT_TEXT, caseInAttestation, caseRowOf, loggedIn, refusal } from "../support/forvaltning";

const portal = setupPortal();
const pageOf = (caseId: string) => `/forvaltning/rk/arenden/${caseId}/attestering`;
const revisionOf = async (caseId: string) => String((await caseRowOf(portal, caseId)).revision);

describe("attesting a tjänsteutlåtande", () => {
  it("shows the avdelningschef the statement as printed, and wants a comment at the field to send it back", async () => {
    const { caseId } = await caseInAttestation(portal);
    const chef = await loggedIn(portal, "avdelningschef@demo.example");
    const html = await (await chef.get(pageOf(caseId))).text();
    const text = textOf(html);
    expect(text).toContain("Nu attesterar avdelningschefen.");
    const order = ["Förvaltningens förslag till beslut", STATEMENT_TEXT.proposalText, "Sammanfattning", STATEMENT_TEXT.summary, "Bakgrund", "Ärendet", "Ärendets beredning", "Förvaltningens synpunkter och förslag", "Jämställdhetsanalys", "Barnrättsperspektiv", STATEMENT_TEXT.childRights];
    const positions = order.map((t) => text.indexOf(t));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain("Ingen har attesterat utlåtandet än.");
    expect(html).toContain(">Attestera</button>");

    const empty = await chef.post(pageOf(caseId), { intent: "return", expectedRevision: await revisionOf(caseId), comment: "  " });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toMatch(/id="field-comment-error"[^>]*>.*Skriv en kommentar om varför du skickar tillbaka utlåtandet\./s);
    expect((await caseRowOf(portal, caseId)).state).toBe("review.attestation.awaitingHeadOfUnit");

    const back = await chef.post(pageOf(caseId), { intent: "return", expectedRevision: await revisionOf(caseId), comment: "Utveckla jämställdhetsanalysen." });
    expect(textOf(await back.text())).toContain("Utlåtandet är skickat tillbaka till handläggaren.");
    const row = await caseRowOf(portal, caseId);
    expect(row.state).toBe("review.assessment");
    expect((row.snapshot as { context: { lastReturn: { comment: string } } }).context.lastReturn.comment).toBe("Utveckla jämställdhetsanalysen.");
    expect((await portal.lastEmailTo("handlaggare@demo.example"))?.textBody).toContain("Utveckla jämställdhetsanalysen.");
  });

  it("lets the avdelningschef and then the stadsdelsdirektör attest, and lists them with titles and dates", async () => {
    const { caseId } = await caseInAttestation(portal);
    const chef = await loggedIn(portal, "avdelningschef@demo.example");
    const director = await loggedIn(portal, "direktor@demo.example");
    // Not the director's turn yet.
    expect(await (await director.get(pageOf(caseId))).text()).not.toContain(">Attestera</button>");

    const first = await chef.post(pageOf(caseId), { intent: "attest", expectedRevision: await revisionOf(caseId) });
    expect(textOf(await first.text())).toContain("Du har attesterat utlåtandet. Stadsdelsdirektören får ett meddelande.");
    expect((await caseRowOf(portal, caseId)).state).toBe("review.attestation.awaitingDistrictDirector");
    const today = stockholmDate(new Date());
    expect(await (await chef.get(pageOf(caseId))).text()).not.toContain(">Attestera</button>");

    const directorPage = textOf(await (await director.get(pageOf(caseId))).text());
    expect(directorPage).toContain("Nu attesterar stadsdelsdirektören.");
    expect(directorPage).toMatch(new RegExp(`Attesterat av Detta dokument har godkänts digitalt av följande personer: (Attesterat av )?Namn Datum Alva Avdelningschef, Avdelningschef ${today}`));

    const second = await director.post(pageOf(caseId), { intent: "attest", expectedRevision: await revisionOf(caseId) });
    expect(textOf(await second.text())).toContain("Det är nu klart för nämnden.");
    expect((await caseRowOf(portal, caseId)).state).toBe("decision.awaitingBoard");
    const done = textOf(await (await director.get(pageOf(caseId))).text());
    expect(done).toContain(`Dan Direktör, Stadsdelsdirektör ${today}`);
    expect(done).toContain(`Alva Avdelningschef, Avdelningschef ${today}`);
    expect(done).toContain("Det finns inget utlåtande som väntar på attestering");
  });

  it("never offers the author the buttons, and refuses a forged post with the machine's message", async () => {
    const both = await createUser(portal.db, { email: "dubbel@test.example", name: "Dora Dubbelroll", title: "Handläggare och avdelningschef" });
    const districtId = portal.districtIds.get("RK")!;
    await addDistrictRoles(portal.db, both.id, districtId, ["caseworker", "head_of_unit"]);
    const { caseId } = await caseInAttestation(portal, { author: "dubbel@test.example" });
    expect((await portal.db.select({ id: users.id }).from(users).where(eq(users.email, "dubbel@test.example")))[0]!.id).toBe(both.id);

    const author = await loggedIn(portal, "dubbel@test.example");
    const html = await (await author.get(pageOf(caseId))).text();
    expect(textOf(html)).toContain("Du har skrivit utlåtandet och kan därför inte attestera det");
    expect(html).not.toContain(">Attestera</button>");
    expect(html).not.toContain("Skicka tillbaka");

    const forged = await author.post(pageOf(caseId), { intent: "attest", expectedRevision: await revisionOf(caseId) });
    expect(forged.status).toBe(400);
    expect(textOf(await forged.text())).toContain("Den som har skrivit tjänsteutlåtandet kan inte attestera det.");
    const forgedReturn = await author.post(pageOf(caseId), { intent: "return", expectedRevision: await revisionOf(caseId), comment: "Min egen kommentar." });
    expect(textOf(await forgedReturn.text())).toContain("Den som har skrivit tjänsteutlåtandet kan inte skicka tillbaka det i attesteringen.");
    expect((await caseRowOf(portal, caseId)).state).toBe("review.attestation.awaitingHeadOfUnit");
  });
});

describe("who may open the attestering", () => {
  it("sends an anonymous visitor to the login page, by URL and by post", async () => {
    const { caseId } = await caseInAttestation(portal);
    const anonymous = portal.visitor();
    for (const response of [await anonymous.get(pageOf(caseId)), await anonymous.post(pageOf(caseId), { intent: "attest", expectedRevision: "1" })]) {
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toMatch(/^\/logga-in/);
    }
  });

  it.each([...OUTSIDERS, "handlaggare@demo.example", "samordnare@demo.example", "registrator@demo.example"])(
    "refuses %s by URL and by post, changing nothing",
    async (email) => {
      const { caseId } = await caseInAttestation(portal);
      const visitor = await loggedIn(portal, email);
      expect(refusal(email)).toContain((await visitor.get(pageOf(caseId))).status);
      expect(refusal(email)).toContain((await visitor.post(pageOf(caseId), { intent: "attest", expectedRevision: await revisionOf(caseId) })).status);
      expect(refusal(email)).toContain((await visitor.post(pageOf(caseId), { intent: "return", expectedRevision: await revisionOf(caseId), comment: "Nej." })).status);
      expect((await caseRowOf(portal, caseId)).state).toBe("review.attestation.awaitingHeadOfUnit");
    },
  );
});
