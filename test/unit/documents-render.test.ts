import { describe, expect, it } from "vitest";
import { renderPdf } from "../../app/documents/pdf.server";
import { renderDocx } from "../../app/documents/docx.server";
import type { NamndDocument } from "../../app/documents/model";
import { docxText, pdfText } from "../support/documents-read-back";

const doc: NamndDocument = {
  header: { caseworker: "Hanna Handläggare", phone: "08-508 00 000", to: "Rinkeby-Kista stadsdelsnämnd", date: "2026-03-24", diaryNumber: "RK 2026/12" },
  title: "Ansökan om idéburet offentligt partnerskap (IOP) från Fryshuset",
  blocks: [
    { type: "heading", level: 2, text: "Förvaltningens förslag till beslut" },
    { type: "paragraph", text: "Stadsdelsnämnden bifaller Fryshusets ansökan." },
    { type: "heading", level: 2, text: "Sammanfattning" },
    { type: "paragraph", text: "Mål 55 %, utfall 70 % – §-tecken och åäö ska synas." },
    { type: "table", headers: ["Förening", "Belopp"], rows: [["Fryshuset", "4 200 000 kr"]], numeric: [false, true] },
    { type: "attestations", rows: [{ name: "Dan Direktör", title: "Stadsdelsdirektör", date: "2026-03-16" }] },
  ],
};

describe("documents render to PDF and DOCX with the same content", () => {
  it("PDF: sections in order, Swedish characters intact, the attestation table", async () => {
    const text = await pdfText(await renderPdf(doc));
    const order = ["Handläggare", "Hanna Handläggare", "Rinkeby-Kista stadsdelsnämnd", "Förvaltningens förslag till beslut", "Sammanfattning", "åäö", "4 200 000 kr", "Attesterat av", "Detta dokument har godkänts digitalt av följande personer:", "Dan Direktör, Stadsdelsdirektör", "2026-03-16"];
    let at = -1;
    for (const piece of order) {
      const next = text.indexOf(piece, at + 1);
      expect(next, `"${piece}" after position ${at}`).toBeGreaterThan(at);
      at = next;
    }
  });

  it("DOCX: the same pieces in the same order, tables as real tables", async () => {
    const buffer = await renderDocx(doc);
    const text = docxText(buffer);
    expect(text.indexOf("Förvaltningens förslag till beslut")).toBeLessThan(text.indexOf("Sammanfattning"));
    expect(text).toContain("Fryshuset\t4 200 000 kr\t");
    expect(text).toContain("Dan Direktör, Stadsdelsdirektör\t2026-03-16\t");
    expect(text).toContain("Mål 55 %, utfall 70 % – §-tecken och åäö ska synas.");
  });
});
