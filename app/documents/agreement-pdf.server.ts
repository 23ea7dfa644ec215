/**
 * The överenskommelse as PDF. Its own renderer (not the nämnd renderer): no Handläggare/Till header,
 * an underskrifter block, and an optional signature page. The fonts are embedded (DejaVu Sans, in
 * assets/fonts): this file is what both parties sign and what is kept, so it must read the same in
 * any reader years later, not depend on a reader's Helvetica (`pdffonts` lists every font as embedded).
 */
import fs from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import { stockholmIsoString } from "../utils/time";
import { signaturePageLines, type AgreementDocument, type AgreementRenderOptions } from "./agreement-document";
import type { Block } from "./model";
import { pdfTable, type TableFonts } from "./pdf.server";

const MARGIN = 56;
const FONTS: TableFonts = { regular: "Body", bold: "Body-Bold" };

// Read once: the server runs from the project's root (npm start, the tests), where assets/ lies.
let fontData: { regular: Buffer; bold: Buffer } | null = null;
function fonts() {
  if (!fontData) {
    const dir = path.resolve(process.env.DOCUMENT_FONT_DIR ?? "assets/fonts");
    fontData = {
      regular: fs.readFileSync(path.join(dir, "DejaVuSans.ttf")),
      bold: fs.readFileSync(path.join(dir, "DejaVuSans-Bold.ttf")),
    };
  }
  return fontData;
}

/** "2026-12-03 kl. 19:05", Stockholm time. */
export const signedAtText = (at: Date) => {
  const iso = stockholmIsoString(at);
  return `${iso.slice(0, 10)} kl. ${iso.slice(11, 16)}`;
};

export function renderAgreementPdf(doc: AgreementDocument, options: AgreementRenderOptions = {}): Promise<Uint8Array> {
  const pdf = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    info: { Title: `${doc.title} ${doc.subtitle}`, Subject: doc.title },
    lang: "sv-SE",
    displayTitle: true,
    bufferPages: true,
    // No standard font is ever used: pdfkit would otherwise put Helvetica in as the starting font.
    font: "",
  } as PDFKit.PDFDocumentOptions);
  const data = fonts();
  pdf.registerFont(FONTS.regular, data.regular);
  pdf.registerFont(FONTS.bold, data.bold);
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) => pdf.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  const width = pdf.page.width - MARGIN * 2;

  pdf.font(FONTS.bold).fontSize(16).text(doc.title, { width });
  pdf.font(FONTS.regular).fontSize(13).text(doc.subtitle, { width });
  pdf.moveDown(0.6);
  for (const fact of doc.facts) pdf.font(FONTS.regular).fontSize(10).text(`${fact.label}: ${fact.value}`, { width });
  pdf.moveDown(0.6);
  for (const block of doc.blocks) renderBlock(pdf, block, width);

  pdf.moveDown(0.6);
  pdf.font(FONTS.bold).fontSize(13).text(doc.signing.heading, { width });
  pdf.moveDown(0.3);
  pdf.font(FONTS.regular).fontSize(11).text(doc.signing.intro, { width });
  for (const party of doc.signing.parties) {
    pdf.moveDown(0.8);
    pdf.font(FONTS.bold).fontSize(11).text(party.heading, { width });
    pdf.font(FONTS.regular).fontSize(10);
    if (party.signed) {
      const who = party.signed.title ? `${party.signed.name}, ${party.signed.title}` : party.signed.name;
      pdf.text(`Underskriven av ${who} den ${party.signed.date}.`, { width });
    } else {
      pdf.text(doc.signing.pending ?? "Inte underskriven än.", { width });
    }
  }

  if (options.signaturePage) {
    const page = signaturePageLines(options.signaturePage, signedAtText);
    pdf.addPage();
    pdf.font(FONTS.bold).fontSize(16).text(page.heading, { width });
    pdf.moveDown(0.4);
    pdf.font(FONTS.regular).fontSize(11).text(page.intro, { width });
    pdf.moveDown(0.6);
    pdf.font(FONTS.bold).fontSize(10).text(page.documentHash.label, { width });
    pdf.font(FONTS.regular).fontSize(10).text(page.documentHash.value, { width });
    if (page.signatures.length === 0) pdf.moveDown(0.6).text(page.empty, { width });
    for (const signature of page.signatures) {
      pdf.moveDown(1);
      pdf.font(FONTS.bold).fontSize(12).text(signature.title, { width });
      pdf.moveDown(0.2);
      for (const row of signature.rows) {
        pdf.font(FONTS.bold).fontSize(9).text(row.label, { width });
        pdf.font(FONTS.regular).fontSize(10).text(row.value, { width });
        pdf.moveDown(0.2);
      }
    }
  }

  footers(pdf, `Överenskommelse ${doc.subtitle}`);
  pdf.end();
  return done;
}

/** "Sida 2 av 4" under every page, so a missing page shows. */
function footers(pdf: PDFKit.PDFDocument, label: string) {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    // Writing inside the bottom margin would start a new page; lift the margin while the footer is set.
    pdf.page.margins.bottom = 0;
    pdf
      .font(FONTS.regular)
      .fontSize(8)
      .fillColor("#444444")
      .text(`${label} · Sida ${i + 1} av ${range.count}`, MARGIN, pdf.page.height - 36, {
        width: pdf.page.width - MARGIN * 2,
        align: "center",
        lineBreak: false,
      });
    pdf.fillColor("black");
    pdf.page.margins.bottom = bottom;
  }
}

function renderBlock(pdf: PDFKit.PDFDocument, block: Block, width: number) {
  switch (block.type) {
    case "heading":
      pdf.moveDown(block.level === 2 ? 0.8 : 0.4);
      pdf.font(FONTS.bold).fontSize(block.level === 1 ? 15 : block.level === 2 ? 13 : 11).text(block.text, { width });
      pdf.moveDown(0.3);
      return;
    case "paragraph":
      pdf.font(FONTS.regular).fontSize(10.5).text(block.text, { width });
      pdf.moveDown(0.4);
      return;
    case "table":
      pdfTable(pdf, block.headers, block.rows, width, block.numeric, FONTS);
      return;
    default:
      // The agreement model has no attestations or nämnd signature blocks; its underskrifter are its own.
      return;
  }
}
