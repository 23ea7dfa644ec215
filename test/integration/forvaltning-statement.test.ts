/**
 * The tjänsteutlåtande editor: prefilled from the application and the assessment, saved as versioned
 * drafts with a revision check, sent for attestering through the workflow, a new version after a
 * return, and downloadable as PDF and Word.
 */
import { describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { assessments, calls, statements } from "../../db/schema";
import { transitionCase } from "../../app/cases/transition.server";
import { IOP_CRITERIA } from "../../app/domain/statement";
import { applicationPeriod, demoCall } from "../support/dates";
import { setupPortal } from "../support/portal";
import { textOf } from "../support/visitor";
import { docxText, pdfText } from "../support/documents-read-back";
import { OUTSIDERS, caseAt, caseRowOf, loggedIn, through, refusal } from "../support/forvaltning";

const portal = setupPortal();
const pageOf = (caseId: string, skede = "ansokan") => `/forvaltning/rk/arenden/${caseId}/utlatande?skede=${skede}`;
const statementRows = (caseId: string) =>
  portal.db.select().from(statements).where(and(eq(statements.caseId, caseId), eq(statements.stage, "application"))).orderBy(asc(statements.version));

const SECTIONS = {
  summary: "Fryshuset ansöker om läxhjälp i Husby.",
  background: "Ansökan kom in 2025-02-01.",
  matter: "Läxhjälp tre kvällar i veckan.",
  preparation: "Beredd av avdelningen för stadsutveckling.",
  views: "Förvaltningen tillstyrker.",
  genderAnalysis: "Lika många flickor som pojkar.",
  childRights: "Barnens röst har hörts.",
};

async function assessedCase() {
  const { caseId, cast } = await caseAt(portal, through("start assessment"), {
    content: { callId: (await portal.db.select({ id: calls.id }).from(calls))[0]!.id },
  });
  await portal.db.insert(assessments).values({
    caseId,
    content: {
      criteria: IOP_CRITERIA.map((c) => ({ key: c.key, verdict: "met", note: "" })),
      genderAnalysis: "Verksamheten når flickor och pojkar i lika hög grad.",
      childRights: "Barn i Husby har rätt till en meningsfull fritid.",
    },
  });
  return { caseId, cast };
}

async function save(visitor: Awaited<ReturnType<typeof loggedIn>>, caseId: string, fields: Record<string, string>) {
  const posted = { intent: "save", ...SECTIONS, proposal: "approve", proposalText: "", motivation: "", ...fields };
  // An unanswered radio is not posted at all.
  if (posted.proposal === "") delete (posted as Partial<typeof posted>).proposal;
  return visitor.post(pageOf(caseId), posted);
}

describe("writing the tjänsteutlåtande", () => {
  it("opens prefilled from the application, the call, the submission date and the assessment", async () => {
    const { caseId } = await assessedCase();
    const response = await (await loggedIn(portal, "handlaggare@demo.example")).get(pageOf(caseId));
    expect(response.status).toBe(200);
    const text = textOf(await response.text());
    expect(text).toContain("Texterna är förifyllda från ansökan och bedömningen.");
    expect(text).toContain("Fryshuset har ansökt om ett idéburet offentligt partnerskap (IOP): Läxhjälp och idrott i Husby.");
    expect(text).toContain("Syfte: Ge unga i Husby en trygg plats efter skolan.");
    expect(text).toContain("Samhällsutmaning: Låg skolnärvaro och få fritidsaktiviteter.");
    expect(text).toContain("Målgrupp: Unga i Husby (12–18 år).");
    const { periodStart, periodEnd } = applicationPeriod();
    expect(text).toContain(`Period: ${periodStart} – ${periodEnd}.`);
    expect(text).toContain("Budgeten är totalt 1 000 000 kr, varav 800 000 kr från förvaltningen och 200 000 kr från föreningen.");
    expect(text).toContain(`Fryshuset kom in med en ansökan inom utlysningen ”${demoCall().title}” den 2025-02-01.`);
    expect(text).toContain("Verksamheten når flickor och pojkar i lika hög grad.");
    expect(text).toContain("Barn i Husby har rätt till en meningsfull fritid.");
    expect(text).toContain("Rinkeby-Kista stadsdelsnämnd bifaller Fryshusets ansökan om idéburet offentligt partnerskap (IOP).");
    expect(await statementRows(caseId)).toHaveLength(0);
  });

  it("saves a draft, turns an untouched decision text into avslag, and wants a motivation for avslag at the field", async () => {
    const { caseId } = await assessedCase();
    const visitor = await loggedIn(portal, "handlaggare@demo.example");
    const noMotivation = await save(visitor, caseId, { statementVersion: "0", statementRevision: "0", proposal: "reject" });
    expect(noMotivation.status).toBe(400);
    const html = await noMotivation.text();
    expect(html).toMatch(/id="field-motivation-error"[^>]*>.*Skriv motiveringen till förslaget om avslag\./s);
    expect(textOf(html)).toContain(SECTIONS.childRights);
    expect(await statementRows(caseId)).toHaveLength(0);

    const ok = await save(visitor, caseId, {
      statementVersion: "0",
      statementRevision: "0",
      proposal: "reject",
      motivation: "Verksamheten konkurrerar med fritidsgården.",
      proposalText: "Rinkeby-Kista stadsdelsnämnd bifaller Fryshusets ansökan om idéburet offentligt partnerskap (IOP).",
    });
    expect(textOf(await ok.text())).toContain("Utlåtandet är sparat.");
    const [row] = await statementRows(caseId);
    expect(row).toMatchObject({ version: 1, revision: 1, status: "draft" });
    expect(row!.content).toMatchObject({ ...SECTIONS, proposal: "reject", proposalText: "Rinkeby-Kista stadsdelsnämnd avslår Fryshusets ansökan om idéburet offentligt partnerskap (IOP)." });
  });

  it("refuses a stale save and keeps what was stored", async () => {
    const { caseId } = await assessedCase();
    const first = await loggedIn(portal, "handlaggare@demo.example");
    await save(first, caseId, { statementVersion: "0", statementRevision: "0", summary: "Första texten." });
    await save(first, caseId, { statementVersion: "1", statementRevision: "1", summary: "Andra texten." });
    const stale = await save(first, caseId, { statementVersion: "1", statementRevision: "1", summary: "Gammal flik." });
    expect(stale.status).toBe(400);
    const text = textOf(await stale.text());
    expect(text).toContain("Utlåtandet har sparats från en annan flik eller av någon annan");
    expect(text).toContain("Gammal flik.");
    const rows = await statementRows(caseId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ revision: 2, content: expect.objectContaining({ summary: "Andra texten." }) });
    // A second "first save" from another tab that saw no draft does not create a competing version 1.
    const raced = await save(first, caseId, { statementVersion: "0", statementRevision: "0", summary: "Ny flik." });
    expect(raced.status).toBe(400);
    expect(await statementRows(caseId)).toHaveLength(1);
  });

  it("sends the saved statement for attestering, marks that version submitted, and starts a new version after a return", async () => {
    const { caseId, cast } = await assessedCase();
    const visitor = await loggedIn(portal, "handlaggare@demo.example");
    await save(visitor, caseId, { statementVersion: "0", statementRevision: "0" });
    const page = textOf(await (await visitor.get(pageOf(caseId))).text());
    expect(page).toContain("Skicka till attestering");
    const before = await caseRowOf(portal, caseId);

    const stale = await visitor.post(pageOf(caseId), { intent: "submit", statementVersion: "1", statementRevision: "1", caseRevision: String(before.revision - 1) });
    expect(stale.status).toBe(400);
    expect(textOf(await stale.text())).toContain("Någon annan har ändrat ärendet medan du arbetade");
    expect((await statementRows(caseId))[0]!.status).toBe("draft");

    const sent = await visitor.post(pageOf(caseId), { intent: "submit", statementVersion: "1", statementRevision: "1", caseRevision: String(before.revision) });
    expect(sent.status).toBe(200);
    expect(textOf(await sent.text())).toContain("Utlåtandet är skickat till attestering.");
    const after = await caseRowOf(portal, caseId);
    expect(after.state).toBe("review.attestation.awaitingHeadOfUnit");
    const [row] = await statementRows(caseId);
    expect(row).toMatchObject({ version: 1, status: "submitted" });
    expect(row!.submittedAt).toBeInstanceOf(Date);
    expect((after.snapshot as { context: { applicationStatement: { proposal: string } } }).context.applicationStatement.proposal).toBe("approve");

    const readOnly = textOf(await (await visitor.get(pageOf(caseId))).text());
    expect(readOnly).toContain("Utlåtandet är skickat till attestering och kan inte ändras nu.");
    expect(readOnly).not.toContain("Spara utkast");
    const locked = await save(visitor, caseId, { statementVersion: "1", statementRevision: "1", summary: "Efter inskick." });
    expect(locked.status).toBe(400);
    expect((await statementRows(caseId))[0]!.content).toMatchObject({ summary: SECTIONS.summary });

    const returned = await transitionCase({ caseId, command: { type: "RETURN", comment: "Utveckla barnrättsperspektivet." }, actor: cast.headOfUnit });
    expect(returned.ok).toBe(true);
    const again = textOf(await (await visitor.get(pageOf(caseId))).text());
    expect(again).toContain("Utveckla barnrättsperspektivet.");
    const resaved = await save(visitor, caseId, { statementVersion: "1", statementRevision: "1", childRights: "Barnen har intervjuats." });
    expect(textOf(await resaved.text())).toContain("Utlåtandet är sparat som ny version (version 2).");
    const rows = await statementRows(caseId);
    expect(rows.map((r) => [r.version, r.status])).toEqual([
      [1, "submitted"],
      [2, "draft"],
    ]);
    expect(rows[0]!.content).toMatchObject({ childRights: SECTIONS.childRights });
    expect(rows[1]!.content).toMatchObject({ childRights: "Barnen har intervjuats.", summary: SECTIONS.summary });
  });

  it("will not send a statement without a proposal, and says so at the field", async () => {
    const { caseId } = await assessedCase();
    const visitor = await loggedIn(portal, "handlaggare@demo.example");
    await save(visitor, caseId, { statementVersion: "0", statementRevision: "0", proposal: "" });
    const { revision } = await caseRowOf(portal, caseId);
    const refused = await visitor.post(pageOf(caseId), { intent: "submit", statementVersion: "1", statementRevision: "1", caseRevision: String(revision) });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/id="field-proposal-error"[^>]*>.*Välj förvaltningens förslag till beslut: bifall eller avslag\./s);
    expect((await caseRowOf(portal, caseId)).state).toBe("review.assessment");
  });
});

describe("downloading the tjänsteutlåtande", () => {
  it("gives PDF and Word with the sections, to staff of the district with documents.generate", async () => {
    const { caseId } = await assessedCase();
    const visitor = await loggedIn(portal, "handlaggare@demo.example");
    const base = `/forvaltning/rk/arenden/${caseId}`;
    expect((await visitor.get(`${base}/utlatande.pdf?skede=ansokan`)).status).toBe(404);
    await save(visitor, caseId, { statementVersion: "0", statementRevision: "0" });
    expect(textOf(await (await visitor.get(pageOf(caseId))).text())).toContain("Ladda ner utlåtandet som PDF eller Word");

    const docx = await (await loggedIn(portal, "registrator@demo.example")).get(`${base}/utlatande.docx?skede=ansokan`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get("content-type")).toContain("wordprocessingml");
    expect(docx.headers.get("content-disposition")).toMatch(/attachment; filename="tjansteutlatande-RK-2025-\d+\.docx"/);
    const words = docxText(Buffer.from(await docx.arrayBuffer()));
    const pdf = await visitor.get(`${base}/utlatande.pdf?skede=ansokan`);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const pdfWords = (await pdfText(Buffer.from(await pdf.arrayBuffer()))).replace(/\s+/g, " ");
    for (const text of [words, pdfWords]) {
      expect(text).toContain("Förvaltningens förslag till beslut");
      expect(text).toContain("Rinkeby-Kista stadsdelsnämnd bifaller Fryshusets ansökan om idéburet offentligt partnerskap (IOP).");
      for (const [title, body] of [
        ["Sammanfattning", SECTIONS.summary],
        ["Ärendets beredning", SECTIONS.preparation],
        ["Barnrättsperspektiv", SECTIONS.childRights],
      ]) {
        expect(text).toContain(title);
        expect(text).toContain(body);
      }
    }
    expect(words.indexOf("Sammanfattning")).toBeLessThan(words.indexOf("Barnrättsperspektiv"));
  });

  it.each([...OUTSIDERS, "admin@demo.example"])("refuses %s the files", async (email) => {
    const { caseId } = await assessedCase();
    await save(await loggedIn(portal, "handlaggare@demo.example"), caseId, { statementVersion: "0", statementRevision: "0" });
    const visitor = await loggedIn(portal, email);
    for (const format of ["pdf", "docx"]) {
      expect(refusal(email)).toContain((await visitor.get(`/forvaltning/rk/arenden/${caseId}/utlatande.${format}`)).status);
    }
  });
});

describe("who may write the tjänsteutlåtande", () => {
  it("sends an anonymous visitor to the login page, by URL and by post", async () => {
    const { caseId } = await assessedCase();
    const anonymous = portal.visitor();
    for (const response of [await anonymous.get(pageOf(caseId)), await save(anonymous, caseId, { statementVersion: "0", statementRevision: "0" })]) {
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toMatch(/^\/logga-in/);
    }
  });

  it.each([...OUTSIDERS, "samordnare@demo.example", "avdelningschef@demo.example", "registrator@demo.example"])(
    "refuses %s by URL and by post, saving nothing",
    async (email) => {
      const { caseId } = await assessedCase();
      const visitor = await loggedIn(portal, email);
      expect(refusal(email)).toContain((await visitor.get(pageOf(caseId))).status);
      expect(refusal(email)).toContain((await save(visitor, caseId, { statementVersion: "0", statementRevision: "0" })).status);
      const { revision } = await caseRowOf(portal, caseId);
      expect(refusal(email)).toContain((await visitor.post(pageOf(caseId), { intent: "submit", statementVersion: "0", statementRevision: "0", caseRevision: String(revision) })).status);
      expect(await statementRows(caseId)).toHaveLength(0);
      expect((await caseRowOf(portal, caseId)).state).toBe("review.assessment");
    },
  );
});
