/** Bedömning: the seven IOP criteria and the förvaltning's questions, saved with a revision check. */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { assessments } from "../../db/schema";
import { IOP_CRITERIA } from "../../app/domain/statement";
import { setupPortal } from "../support/portal";
import { textOf } from "../support/visitor";
import { OUTSIDERS, caseAt, caseInAttestation, caseRowOf, loggedIn, through, refusal } from "../support/forvaltning";

const portal = setupPortal();
const pageOf = (caseId: string) => `/forvaltning/rk/arenden/${caseId}/bedomning`;
const stored = async (caseId: string) => (await portal.db.select().from(assessments).where(eq(assessments.caseId, caseId)))[0];

function filled(overrides: Record<string, string> = {}) {
  const fields: Record<string, string> = {
    complementsOrCompetes: "complements",
    complementsNote: "Kompletterar fritidsgården i Husby.",
    notProcurementReason: "Det finns ingen marknad för verksamheten.",
    genderAnalysis: "Lika många flickor som pojkar deltar.",
    childRights: "Barnen har fått säga sitt.",
  };
  IOP_CRITERIA.forEach((_, i) => {
    fields[`criteria.${i}.verdict`] = i === 6 ? "unclear" : "met";
    fields[`criteria.${i}.note`] = i === 6 ? "Tvåårigt, oklart om längre." : "";
  });
  return { ...fields, ...overrides };
}

describe("assessing an application", () => {
  it("shows the seven criteria, wants a verdict on each at the field, then saves", async () => {
    const { caseId } = await caseAt(portal, through("start assessment"));
    const visitor = await loggedIn(portal, "handlaggare@demo.example");
    const text = textOf(await (await visitor.get(pageOf(caseId))).text());
    for (const criterion of IOP_CRITERIA) expect(text).toContain(criterion.text);
    expect(text).toContain("Varför är det här inte en upphandling?");

    const missing = filled({ assessmentRevision: "0" });
    delete missing["criteria.2.verdict"];
    const refused = await visitor.post(pageOf(caseId), missing);
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toMatch(/id="field-criteria-2-verdict-error"[^>]*>.*Välj uppfyllt, inte uppfyllt eller oklart\./s);
    expect(textOf(html)).toContain("Barnen har fått säga sitt.");
    expect(await stored(caseId)).toBeUndefined();

    const ok = await visitor.post(pageOf(caseId), filled({ assessmentRevision: "0" }));
    expect(textOf(await ok.text())).toContain("Bedömningen är sparad.");
    const row = await stored(caseId);
    expect(row?.revision).toBe(1);
    expect(row?.content).toMatchObject({
      complementsOrCompetes: "complements",
      childRights: "Barnen har fått säga sitt.",
      criteria: expect.arrayContaining([{ key: "longTerm", verdict: "unclear", note: "Tvåårigt, oklart om längre." }, { key: "noMarket", verdict: "met", note: "" }]),
    });
    // The page shows what was saved, and the statement starts from it.
    expect(await (await visitor.get(pageOf(caseId))).text()).toMatch(/id="field-criteria-6-verdict-unclear"[^>]*checked/);
    expect(textOf(await (await visitor.get(`/forvaltning/rk/arenden/${caseId}/utlatande`)).text())).toContain("Barnen har fått säga sitt.");
  });

  it("refuses a stale save and keeps what was stored", async () => {
    const { caseId } = await caseAt(portal, through("start assessment"));
    const visitor = await loggedIn(portal, "handlaggare@demo.example");
    await visitor.post(pageOf(caseId), filled({ assessmentRevision: "0" }));
    await visitor.post(pageOf(caseId), filled({ assessmentRevision: "1", genderAnalysis: "Andra versionen." }));
    const stale = await visitor.post(pageOf(caseId), filled({ assessmentRevision: "1", genderAnalysis: "Gammal flik." }));
    expect(stale.status).toBe(400);
    const text = textOf(await stale.text());
    expect(text).toContain("Någon annan har sparat bedömningen medan du arbetade.");
    expect(text).toContain("Gammal flik.");
    expect(await stored(caseId)).toMatchObject({ revision: 2, content: expect.objectContaining({ genderAnalysis: "Andra versionen." }) });
  });

  it("is read-only once the statement is in attestering", async () => {
    const { caseId } = await caseInAttestation(portal);
    const visitor = await loggedIn(portal, "handlaggare@demo.example");
    const text = textOf(await (await visitor.get(pageOf(caseId))).text());
    expect(text).toContain("Bedömningen kan inte ändras nu");
    expect(text).not.toContain("Spara bedömningen");
    const post = await visitor.post(pageOf(caseId), filled({ assessmentRevision: "0" }));
    expect(post.status).toBe(400);
    expect(await stored(caseId)).toBeUndefined();
  });
});

describe("who may assess", () => {
  it("sends an anonymous visitor to the login page, by URL and by post", async () => {
    const { caseId } = await caseAt(portal, through("start assessment"));
    const anonymous = portal.visitor();
    for (const response of [await anonymous.get(pageOf(caseId)), await anonymous.post(pageOf(caseId), filled({ assessmentRevision: "0" }))]) {
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toMatch(/^\/logga-in/);
    }
  });

  it.each([...OUTSIDERS, "samordnare@demo.example", "avdelningschef@demo.example", "registrator@demo.example"])(
    "refuses %s by URL and by post, saving nothing",
    async (email) => {
      const { caseId } = await caseAt(portal, through("start assessment"));
      const visitor = await loggedIn(portal, email);
      expect(refusal(email)).toContain((await visitor.get(pageOf(caseId))).status);
      expect(refusal(email)).toContain((await visitor.post(pageOf(caseId), filled({ assessmentRevision: "0" }))).status);
      expect(await stored(caseId)).toBeUndefined();
      expect((await caseRowOf(portal, caseId)).state).toBe("review.assessment");
    },
  );
});
