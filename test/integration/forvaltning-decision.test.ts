/** The registrar records the nämnd's decision: bifall opens the agreement, avslag closes the case. */
import { describe, expect, it } from "vitest";
import { stockholmDate } from "../../app/utils/time";
import { setupPortal } from "../support/portal";
import { textOf } from "../support/visitor";
import { OUTSIDERS, caseAt, caseRowOf, loggedIn, through, refusal } from "../support/forvaltning";

const portal = setupPortal();
const pageOf = (caseId: string) => `/forvaltning/rk/arenden/${caseId}/beslut`;
const revisionOf = async (caseId: string) => String((await caseRowOf(portal, caseId)).revision);
const today = () => stockholmDate(new Date());
const tomorrow = () => stockholmDate(new Date(Date.now() + 36 * 3600_000));

describe("registering the nämnd's decision on an application", () => {
  it("records bifall: the case moves on to the agreement", async () => {
    const { caseId } = await caseAt(portal, through("director attests"));
    const registrar = await loggedIn(portal, "registrator@demo.example");
    const text = textOf(await (await registrar.get(pageOf(caseId))).text());
    expect(text).toContain("Förvaltningens förslag: bifall .");
    expect(text).toContain("Registrera beslutet");

    const future = await registrar.post(pageOf(caseId), { expectedRevision: await revisionOf(caseId), meetingDate: tomorrow(), paragraph: "§ 12", outcome: "approved" });
    expect(future.status).toBe(400);
    expect(await future.text()).toMatch(/id="field-meetingDate-error"[^>]*>.*Sammanträdets datum kan inte ligga efter dagens datum\./s);
    const noParagraph = await registrar.post(pageOf(caseId), { expectedRevision: await revisionOf(caseId), meetingDate: today(), paragraph: " ", outcome: "approved" });
    expect(await noParagraph.text()).toMatch(/id="field-paragraph-error"[^>]*>.*Skriv paragrafen/s);
    expect((await caseRowOf(portal, caseId)).state).toBe("decision.awaitingBoard");

    const ok = await registrar.post(pageOf(caseId), { expectedRevision: await revisionOf(caseId), meetingDate: today(), paragraph: "12", outcome: "approved", motivation: "" });
    expect(textOf(await ok.text())).toContain("Beslutet om bifall är registrerat.");
    const row = await caseRowOf(portal, caseId);
    expect(row.state).toBe("agreement.drafting");
    expect((row.snapshot as { context: { decision: { paragraph: string; meetingDate: string } } }).context.decision).toMatchObject({ paragraph: "§ 12", meetingDate: today() });
    const after = textOf(await (await registrar.get(pageOf(caseId))).text());
    expect(after).toContain("Registrerat beslut om ansökan");
    expect(after).not.toContain("Registrera beslutet");
  });

  it("records avslag only with a motivation: the case closes as rejected and the förening reads why", async () => {
    const { caseId } = await caseAt(portal, through("director attests"));
    const registrar = await loggedIn(portal, "registrator@demo.example");
    const bare = await registrar.post(pageOf(caseId), { expectedRevision: await revisionOf(caseId), meetingDate: today(), paragraph: "§ 13", outcome: "rejected", motivation: "" });
    expect(bare.status).toBe(400);
    expect(await bare.text()).toMatch(/id="field-motivation-error"[^>]*>.*Skriv nämndens motivering till avslaget/s);
    expect((await caseRowOf(portal, caseId)).state).toBe("decision.awaitingBoard");

    const ok = await registrar.post(pageOf(caseId), {
      expectedRevision: await revisionOf(caseId),
      meetingDate: today(),
      paragraph: "§ 13",
      outcome: "rejected",
      motivation: "Verksamheten konkurrerar med fritidsgården.",
    });
    expect(textOf(await ok.text())).toContain("Beslutet om avslag är registrerat.");
    const row = await caseRowOf(portal, caseId);
    expect(row.state).toBe("closed");
    expect(row.outcome).toBe("rejected");
    expect((await portal.lastEmailTo("forening@demo.example"))?.textBody).toContain("Verksamheten konkurrerar med fritidsgården.");
  });

  it("records the nämnd's approval of the slutrapport", async () => {
    const { caseId } = await caseAt(portal, through("director attests final"));
    const registrar = await loggedIn(portal, "registrator@demo.example");
    expect(textOf(await (await registrar.get(pageOf(caseId))).text())).toContain("Registrera nämndens beslut om slutrapporten");
    const ok = await registrar.post(pageOf(caseId), { expectedRevision: await revisionOf(caseId), meetingDate: today(), paragraph: "§ 7" });
    expect(textOf(await ok.text())).toContain("Nämndens beslut om slutrapporten är registrerat.");
    expect((await caseRowOf(portal, caseId)).state).toBe("closed");
  });
});

describe("who may register decisions", () => {
  it("sends an anonymous visitor to the login page, by URL and by post", async () => {
    const { caseId } = await caseAt(portal, through("director attests"));
    const anonymous = portal.visitor();
    for (const response of [await anonymous.get(pageOf(caseId)), await anonymous.post(pageOf(caseId), { expectedRevision: "1" })]) {
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toMatch(/^\/logga-in/);
    }
  });

  it.each([...OUTSIDERS, "handlaggare@demo.example", "avdelningschef@demo.example", "direktor@demo.example", "samordnare@demo.example"])(
    "refuses %s by URL and by post, changing nothing",
    async (email) => {
      const { caseId } = await caseAt(portal, through("director attests"));
      const visitor = await loggedIn(portal, email);
      expect(refusal(email)).toContain((await visitor.get(pageOf(caseId))).status);
      const post = await visitor.post(pageOf(caseId), { expectedRevision: await revisionOf(caseId), meetingDate: today(), paragraph: "§ 1", outcome: "approved" });
      expect(refusal(email)).toContain(post.status);
      expect((await caseRowOf(portal, caseId)).state).toBe("decision.awaitingBoard");
    },
  );
});
