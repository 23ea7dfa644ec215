/**
 * The överenskommelse as PDF and Word from one model: the parties with organisationsnummer, the
 * period and förlängning, goals with target values, the computed funding total, every section in
 * order, the underskrifter block, and (when the signing flow gives one) the signature page with the
 * document's SHA-256. The PDF is read with poppler's pdftotext, and pdffonts must list every font
 * as embedded: the signed file must read the same in any reader.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AGREEMENT_SECTIONS, buildAgreementDocument, type AgreementDocumentInput } from "../../app/documents/agreement-document";
import { renderAgreementPdf } from "../../app/documents/agreement-pdf.server";
import { renderAgreementDocx } from "../../app/documents/agreement-docx.server";
import { docxText } from "../support/documents-read-back";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-agreement-doc-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes the PDF to a file and runs a poppler tool on it. */
function poppler(tool: "pdftotext" | "pdffonts", pdf: Uint8Array): string {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync(tool, tool === "pdftotext" ? ["-layout", file, "-"] : [file], { encoding: "utf8" });
}

const INPUT: AgreementDocumentInput = {
  organisation: {
    name: "Fryshuset",
    organisationNumber: "802016-2794",
    address: "Mårbackagatan 19, 123 43 Farsta",
    paymentAccount: "bankgiro 5050-1055",
  },
  district: { boardName: "Rinkeby-Kista stadsdelsnämnd", administrationName: "Rinkeby-Kista stadsdelsförvaltning" },
  caseTitle: "Mötesplats för unga i Husby",
  diaryNumber: "RK 2025/17",
  revision: 3,
  date: "2025-03-28",
  content: {
    purposeAndGoals: "Att stärka unga i Husby genom läxhjälp och idrott.",
    targetGroup: "Unga 13–22 år i Husby och Akalla.",
    associationResources: "Fryshuset bidrar med två fritidsledare och ideella timmar.",
    administrationResources: "Förvaltningen bidrar med lokal i Husby träff och en samordnare.",
    yearlyAmounts: [
      { year: 2026, amount: 150_000 },
      { year: 2025, amount: 250_000 },
    ],
    startDate: "2025-05-01",
    endDate: "2026-04-30",
    extensionAllowed: true,
    extensionTerms: "möjlighet till ett års förlängning",
    steeringGroup: "Avdelningschef och Fryshusets verksamhetschef, fyra möten per år.",
    workingGroups: "En arbetsgrupp som träffas en gång i månaden.",
    coordinator: "Sara Samordnare",
    reportDueDates: ["2025-09-30", "2026-03-31"],
    finalReportDueDate: "2026-06-30",
    goals: [
      { description: "Andel deltagare som upplever en ökad framtidstro", target: "55 %" },
      { description: "Antal genomförda aktiviteter", target: "190 aktiviteter" },
    ],
  },
  terms: null,
  application: {
    societalChallenge: "Många unga i Husby saknar meningsfull fritid.",
    policyLink: "Stockholms stads program för unga.",
    budgetLines: [{ description: "Personal", associationAmount: 120_000, administrationAmount: 200_000 }],
    otherContributions: "Ideella läxhjälpare, cirka 400 timmar per år.",
    activities: [{ name: "Läxhjälp", description: "Två kvällar i veckan." }],
  },
  decision: { meetingDate: "2025-03-20", paragraph: "§ 12" },
  signatures: { association: null, administration: null },
};

const SIGNATURE_PAGE = {
  documentSha256: "9f2c".repeat(16),
  signatures: [
    {
      party: "För Fryshuset",
      name: "Frida Firmatecknare",
      personalNumberMasked: "19800101-XXXX",
      method: "BankID",
      signedAt: new Date("2025-04-05T08:15:00Z"),
      sha256: "ab12".repeat(16),
    },
    {
      party: "För Rinkeby-Kista stadsdelsnämnd",
      name: "Alva Avdelningschef",
      personalNumberMasked: null,
      method: "Stadens inloggning",
      signedAt: new Date("2025-04-07T12:30:00Z"),
      sha256: "cd34".repeat(16),
    },
  ],
};

/** pdftotext -layout keeps a table's row on one line; a paragraph's line breaks are only where it wrapped. */
const squeeze = (text: string) => text.replace(/\s+/g, " ");

function expectAgreementText(text: string, format: string) {
  let at = -1;
  for (const heading of AGREEMENT_SECTIONS) {
    const next = text.indexOf(heading, at + 1);
    expect(next, `${format}: "${heading}" after ${at}`).toBeGreaterThan(at);
    at = next;
  }
  for (const piece of [
    "Överenskommelse om idéburet offentligt partnerskap (IOP)",
    "mellan Rinkeby-Kista stadsdelsnämnd och Fryshuset",
    "RK 2025/17",
    "Rinkeby-Kista stadsdelsnämnd, genom Rinkeby-Kista stadsdelsförvaltning (nedan kallad förvaltningen)",
    "Fryshuset, organisationsnummer 802016-2794, Mårbackagatan 19, 123 43 Farsta (nedan kallad föreningen)",
    "Rinkeby-Kista stadsdelsnämnd beslutade den 2025-03-20 (§ 12)",
    "Många unga i Husby saknar meningsfull fritid.",
    "Att stärka unga i Husby genom läxhjälp och idrott.",
    "Unga 13–22 år i Husby och Akalla.",
    "Fryshuset bidrar med två fritidsledare",
    "Föreningens egen insats enligt ansökans budget: 120 000 kr.",
    "Ideella läxhjälpare, cirka 400 timmar per år.",
    "Förvaltningen bidrar med lokal i Husby träff",
    // 250 000 + 150 000, computed; the years in order.
    "Förvaltningens ekonomiska bidrag är totalt 400 000 kr för hela perioden.",
    "bankgiro 5050-1055",
    "Överenskommelsen gäller från och med 2025-05-01 till och med 2026-04-30.",
    "Överenskommelsen kan förlängas: möjlighet till ett års förlängning",
    "Avdelningschef och Fryshusets verksamhetschef, fyra möten per år.",
    "En arbetsgrupp som träffas en gång i månaden.",
    "Sara Samordnare",
    "2025-09-30",
    "2026-03-31",
    "2026-06-30",
    "Andel deltagare som upplever en ökad framtidstro",
    "55 %",
    "190 aktiviteter",
    "För Rinkeby-Kista stadsdelsnämnd",
    "För Fryshuset",
  ]) {
    expect(text, `${format}: ${piece}`).toContain(piece);
  }
  expect(text.indexOf("250 000 kr"), format).toBeLessThan(text.indexOf("150 000 kr"));
}

describe("the överenskommelse document", () => {
  it("PDF: every section in order with the parties, period, goals and computed total; every font embedded", async () => {
    const pdf = await renderAgreementPdf(buildAgreementDocument(INPUT));
    const text = squeeze(poppler("pdftotext", pdf));
    expectAgreementText(text, "pdf");
    expect(text).toMatch(/2025 250 000 kr/);
    expect(text).toMatch(/Totalt 400 000 kr/);
    expect(text).toMatch(/Andel deltagare som upplever en ökad framtidstro 55 %/);
    expect(text).toContain("Inte underskriven än.");
    expect(text).toMatch(/Sida 1 av \d/);
    expect(text).not.toContain("Underskriftens kontrollsumma");

    const fonts = poppler("pdffonts", pdf).split("\n").slice(2).filter((line) => line.trim() !== "");
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    // Columns: name, type, encoding, emb, sub, uni, object ID; "emb" must be yes on every line.
    for (const line of fonts) expect(line, line).toMatch(/DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  it("DOCX: the same text as the PDF, tables as real tables", async () => {
    const text = docxText(Buffer.from(await renderAgreementDocx(buildAgreementDocument(INPUT))));
    expectAgreementText(text, "docx");
    expect(text).toContain("2025\t250 000 kr\t");
    expect(text).toContain("Totalt\t400 000 kr\t");
    expect(text).toContain("Andel deltagare som upplever en ökad framtidstro\t55 %\t");
  });

  it("shows who has signed in the underskrifter block", async () => {
    const document = buildAgreementDocument({
      ...INPUT,
      signatures: { association: { name: "Frida Firmatecknare", title: null, date: "2025-04-05" }, administration: null },
    });
    const text = squeeze(poppler("pdftotext", await renderAgreementPdf(document)));
    expect(text).toContain("Underskriven av Frida Firmatecknare den 2025-04-05.");
    expect(text).toContain("Inte underskriven än.");
  });

  it("prints the signature page when given: name, masked personnummer, method, time and the SHA-256s, in Swedish", async () => {
    const document = buildAgreementDocument(INPUT);
    for (const [format, text] of [
      ["pdf", squeeze(poppler("pdftotext", await renderAgreementPdf(document, { signaturePage: SIGNATURE_PAGE })))],
      ["docx", docxText(Buffer.from(await renderAgreementDocx(document, { signaturePage: SIGNATURE_PAGE })))],
    ] as const) {
      const page = text.slice(text.lastIndexOf("Underskrifter"));
      for (const piece of [
        "Dokumentets kontrollsumma (SHA-256)",
        "9f2c".repeat(16),
        "För Fryshuset",
        "Frida Firmatecknare",
        "19800101-XXXX",
        "BankID",
        // 08:15 UTC is 10:15 in Stockholm in April.
        "2025-04-05 kl. 10:15",
        "ab12".repeat(16),
        "Alva Avdelningschef",
        "Inte angivet",
        "Stadens inloggning",
        "2025-04-07 kl. 14:30",
        "cd34".repeat(16),
      ]) {
        expect(page, `${format}: ${piece}`).toContain(piece);
      }
    }
  });

  it("says what is not filled in rather than leaving a section out", async () => {
    const document = buildAgreementDocument({ ...INPUT, content: {}, application: null, decision: null, organisation: { ...INPUT.organisation, paymentAccount: null } });
    const text = docxText(Buffer.from(await renderAgreementDocx(document)));
    for (const heading of AGREEMENT_SECTIONS) expect(text).toContain(heading);
    expect(text).toContain("Inga mål med målvärden är ifyllda i överenskommelsen.");
    expect(text).toContain("Inget ekonomiskt bidrag är ifyllt i överenskommelsen.");
    expect(text).toContain("Föreningen har inte angett något bankgiro eller plusgiro för utbetalning.");
  });
});
