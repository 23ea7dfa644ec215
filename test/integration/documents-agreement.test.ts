/**
 * The överenskommelse downloaded from the case: the förvaltning gets PDF and Word of the saved draft,
 * the förening the PDF, both with the parties (organisationsnummer), period, goals with target values,
 * the computed funding total and every section; another förening or district gets the 404 of an
 * unknown case, the förvaltning's admin a 403, a visitor the login page.
 */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { organisations } from "../../db/schema";
import { AGREEMENT_SECTIONS } from "../../app/documents/agreement-document";
import { setupPortal } from "../support/portal";
import { docxText, pdfText } from "../support/documents-read-back";
import { AGREEMENT, caseAfter, stepIndex } from "../support/forvaltning-agreement";
import { loggedIn } from "../support/forvaltning";

const portal = setupPortal();
const staffFile = (caseId: string, format: string, district = "rk") => `/forvaltning/${district}/arenden/${caseId}/overenskommelse.${format}`;
const associationFile = (caseId: string) => `/forening/arenden/${caseId}/overenskommelse.pdf`;
const world = () => ({ organisationIds: portal.organisationIds, districtIds: portal.districtIds });

const CONTENT = {
  ...AGREEMENT,
  associationResources: "Två fritidsledare och ideella läxhjälpare.",
  administrationResources: "Samordnare och lokal i Husby träff.",
  yearlyAmounts: [
    { year: 2026, amount: 100_000 },
    { year: 2025, amount: 250_000 },
  ],
  steeringGroup: "Avdelningschef och verksamhetschef, fyra möten per år.",
  workingGroups: "En arbetsgrupp, en gång i månaden.",
  goals: [
    { description: "Andel deltagare som upplever en ökad framtidstro", target: "55 %" },
    { description: "Antal genomförda aktiviteter", target: "190" },
  ],
};

/** A Fryshuset case in Rinkeby-Kista whose saved draft waits to be sent for signing. */
async function draftingCase() {
  return (await caseAfter(portal.db, world(), stepIndex("send for signing"), { agreement: CONTENT })).caseId;
}

const flat = (text: string) => text.replace(/\s+/g, " ");

describe("the överenskommelse as a file", () => {
  it("gives the förvaltning PDF and Word, and the förening the PDF, with the same content", async () => {
    const caseId = await draftingCase();
    const [fryshuset] = await portal.db.select().from(organisations).where(eq(organisations.id, portal.organisationIds.get("Fryshuset")!));
    const staff = await loggedIn(portal, "handlaggare@demo.example");
    const forening = await loggedIn(portal, "forening@demo.example");

    const pdf = await staff.get(staffFile(caseId, "pdf"));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toMatch(/attachment; filename="overenskommelse-RK-\d{4}-\d+\.pdf"/);
    const docx = await staff.get(staffFile(caseId, "docx"));
    expect(docx.status).toBe(200);
    const ownPdf = await forening.get(associationFile(caseId));
    expect(ownPdf.status).toBe(200);

    const texts = {
      pdf: flat(await pdfText(Buffer.from(await pdf.arrayBuffer()))),
      docx: flat(docxText(Buffer.from(await docx.arrayBuffer()))),
      association: flat(await pdfText(Buffer.from(await ownPdf.arrayBuffer()))),
    };
    for (const [format, text] of Object.entries(texts)) {
      let at = -1;
      for (const heading of AGREEMENT_SECTIONS) {
        const next = text.indexOf(heading, at + 1);
        expect(next, `${format}: ${heading}`).toBeGreaterThan(at);
        at = next;
      }
      for (const piece of [
        "mellan Rinkeby-Kista stadsdelsnämnd och Fryshuset",
        `Fryshuset, organisationsnummer ${fryshuset!.organisationNumber}`,
        "Rinkeby-Kista stadsdelsförvaltning",
        "Överenskommelsen gäller från och med 2025-05-01 till och med 2026-04-30.",
        "Överenskommelsen kan förlängas",
        "Två fritidsledare och ideella läxhjälpare.",
        "Samordnare och lokal i Husby träff.",
        "Avdelningschef och verksamhetschef, fyra möten per år.",
        "En arbetsgrupp, en gång i månaden.",
        "Andel deltagare som upplever en ökad framtidstro",
        "55 %",
        "Förvaltningens ekonomiska bidrag är totalt 350 000 kr för hela perioden.",
        "2025-09-30",
        "2026-06-30",
        // From the application: its societal challenge is the background.
        "Många unga saknar meningsfull fritid.",
        "För Fryshuset",
      ]) {
        expect(text, `${format}: ${piece}`).toContain(piece);
      }
    }
  });

  it("answers 404 with an explanation before a draft is saved", async () => {
    const { caseId } = await caseAfter(portal.db, world(), stepIndex("send for signing"));
    const response = await (await loggedIn(portal, "handlaggare@demo.example")).get(staffFile(caseId, "pdf"));
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Förvaltningen har inte sparat något utkast till överenskommelse än");
  });

  it("refuses another förening, another district and the förvaltning's admin", async () => {
    const caseId = await draftingCase();
    const otherForening = await loggedIn(portal, "iogt@demo.example");
    expect((await otherForening.get(associationFile(caseId))).status).toBe(404);
    expect((await otherForening.get(staffFile(caseId, "pdf"))).status).toBe(404);
    const otherDistrict = await loggedIn(portal, "handlaggare.jarva@demo.example");
    for (const format of ["pdf", "docx"]) {
      expect((await otherDistrict.get(staffFile(caseId, format))).status).toBe(404);
      expect((await otherDistrict.get(staffFile(caseId, format, "ja"))).status).toBe(404);
    }
    const admin = await loggedIn(portal, "admin@demo.example");
    for (const format of ["pdf", "docx"]) expect((await admin.get(staffFile(caseId, format))).status).toBe(403);
    // The förening's member has no staff address for it.
    expect((await (await loggedIn(portal, "forening@demo.example")).get(staffFile(caseId, "pdf"))).status).toBe(404);
    const visitor = await portal.visitor().get(associationFile(caseId));
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("location")).toMatch(/^\/logga-in/);
  });
});
