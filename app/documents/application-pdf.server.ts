/**
 * Renders an application to PDF with pdfkit. Not the nämnd renderer: an application has no
 * Handläggare/Till header or attestations, only a title, headings, text and tables.
 */
import PDFDocument from "pdfkit";
import type { Block } from "./model";
import { pdfTable } from "./pdf.server";
import type { ApplicationDocument } from "./application-document";

const MARGIN = 56;

export function renderApplicationPdf(doc: ApplicationDocument): Promise<Buffer> {
  const pdf = new PDFDocument({ size: "A4", margin: MARGIN, info: { Title: doc.title, Subject: doc.subtitle }, lang: "sv-SE", displayTitle: true });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => pdf.on("end", () => resolve(Buffer.concat(chunks))));
  const width = pdf.page.width - MARGIN * 2;
  pdf.font("Helvetica-Bold").fontSize(16).text(doc.title, { width });
  pdf.font("Helvetica").fontSize(12).text(doc.subtitle, { width });
  pdf.moveDown(1);
  for (const block of doc.blocks) renderBlock(pdf, block, width);
  pdf.end();
  return done;
}

function renderBlock(pdf: PDFKit.PDFDocument, block: Block, width: number) {
  if (block.type === "heading") {
    pdf.moveDown(block.level === 2 ? 0.8 : 0.3);
    pdf.font("Helvetica-Bold").fontSize(block.level === 2 ? 13 : 11).text(block.text, { width });
    pdf.moveDown(0.2);
  } else if (block.type === "paragraph") {
    pdf.font("Helvetica").fontSize(10.5).text(block.text, { width });
    pdf.moveDown(0.3);
  } else if (block.type === "table") {
    pdfTable(pdf, block.headers, block.rows, width, block.numeric);
  }
}
