/**
 * Renders an application to PDF with pdfkit. Not the nämnd renderer: an application has no
 * Handläggare/Till header or attestations, only a title, headings, text and tables.
 */
import PDFDocument from "pdfkit";
import type { Block } from "./model";
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
    table(pdf, block.headers, block.rows, width, block.numeric);
  }
}

function table(pdf: PDFKit.PDFDocument, headers: string[], rows: string[][], width: number, numeric?: boolean[]) {
  const columns = headers.length;
  // The first column carries names and descriptions; the others are short figures.
  const firstWidth = columns === 1 ? width : Math.max(width * 0.4, width - (columns - 1) * 95);
  const otherWidth = columns === 1 ? 0 : (width - firstWidth) / (columns - 1);
  const x0 = pdf.page.margins.left;
  const drawRow = (cells: string[], bold: boolean) => {
    const font = bold ? "Helvetica-Bold" : "Helvetica";
    const height = Math.max(...cells.map((cell, i) => pdf.font(font).fontSize(10).heightOfString(cell, { width: (i === 0 ? firstWidth : otherWidth) - 6 }))) + 6;
    if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
    const y = pdf.y;
    cells.forEach((cell, i) => {
      const x = i === 0 ? x0 : x0 + firstWidth + (i - 1) * otherWidth;
      pdf.font(font).fontSize(10).text(cell, x, y + 3, { width: (i === 0 ? firstWidth : otherWidth) - 6, align: numeric?.[i] ? "right" : "left" });
    });
    pdf.moveTo(x0, y + height).lineTo(x0 + width, y + height).lineWidth(0.5).strokeColor("#888888").stroke();
    pdf.x = x0;
    pdf.y = y + height;
  };
  drawRow(headers, true);
  for (const row of rows) drawRow(row, false);
  pdf.moveDown(0.6);
}
