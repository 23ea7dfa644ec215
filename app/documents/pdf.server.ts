/** Renders a NamndDocument to PDF with pdfkit (A4, the standard Helvetica, which covers å, ä, ö, §, –). */
import PDFDocument from "pdfkit";
import { ATTESTED_INTRO, type Block, type NamndDocument } from "./model";

const MARGIN = 56;

export function renderPdf(doc: NamndDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    info: { Title: doc.title, Author: doc.header.to, Subject: doc.subtitle ?? doc.title },
    lang: "sv-SE",
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => pdf.on("end", () => resolve(Buffer.concat(chunks))));

  const width = pdf.page.width - MARGIN * 2;
  const small = (label: string, value: string) => {
    pdf.font("Helvetica-Bold").fontSize(9).text(label);
    pdf.font("Helvetica").fontSize(10).text(value);
    pdf.moveDown(0.5);
  };
  small("Handläggare", doc.header.caseworker + (doc.header.phone ? `\nTelefon: ${doc.header.phone}` : ""));
  small("Till", `${doc.header.to}\n${doc.header.date}`);
  if (doc.header.diaryNumber) small("Diarienummer", doc.header.diaryNumber);
  pdf.moveDown(1);
  pdf.font("Helvetica-Bold").fontSize(16).text(doc.title, { width });
  if (doc.subtitle) pdf.font("Helvetica").fontSize(12).text(doc.subtitle, { width });
  pdf.moveDown(1);
  for (const block of doc.blocks) renderBlock(pdf, block, width);
  pdf.end();
  return done;
}

function renderBlock(pdf: PDFKit.PDFDocument, block: Block, width: number) {
  switch (block.type) {
    case "heading":
      pdf.moveDown(0.6);
      pdf.font("Helvetica-Bold").fontSize(block.level === 1 ? 14 : block.level === 2 ? 12 : 11).text(block.text, { width });
      pdf.moveDown(0.3);
      return;
    case "paragraph":
      pdf.font("Helvetica").fontSize(11).text(block.text, { width, align: "left" });
      pdf.moveDown(0.5);
      return;
    case "table":
      pdfTable(pdf, block.headers, block.rows, width, block.numeric);
      return;
    case "signatures":
      pdf.moveDown(1);
      for (const person of block.people) {
        pdf.font("Helvetica-Bold").fontSize(11).text(person.name);
        pdf.font("Helvetica").fontSize(10).text(`${person.title}\n${person.organisation}`);
        pdf.moveDown(0.8);
      }
      return;
    case "attestations":
      pdf.moveDown(1);
      pdf.font("Helvetica-Bold").fontSize(12).text("Attesterat av");
      pdf.font("Helvetica").fontSize(10).text(ATTESTED_INTRO);
      pdf.moveDown(0.4);
      pdfTable(pdf, ["Namn", "Datum"], block.rows.map((r) => [`${r.name}, ${r.title}`, r.date]), width);
      return;
  }
}

/** The fonts a table is set in: the standard Helvetica here, embedded fonts where a document needs them (agreement-pdf.server.ts). */
export interface TableFonts {
  regular: string;
  bold: string;
}
const STANDARD_FONTS: TableFonts = { regular: "Helvetica", bold: "Helvetica-Bold" };

/** A table with a bold header row and a rule under each row; it breaks to a new page between rows. */
export function pdfTable(
  pdf: PDFKit.PDFDocument,
  headers: string[],
  rows: string[][],
  width: number,
  numeric?: boolean[],
  fonts: TableFonts = STANDARD_FONTS,
) {
  const columns = headers.length;
  // The first column carries names and descriptions; the rest are short figures.
  const firstWidth = columns === 1 ? width : Math.max(width * 0.4, width - (columns - 1) * 90);
  const otherWidth = columns === 1 ? 0 : (width - firstWidth) / (columns - 1);
  const x0 = pdf.page.margins.left;
  const drawRow = (cells: string[], bold: boolean) => {
    const heights = cells.map((cell, i) =>
      pdf.font(bold ? fonts.bold : fonts.regular).fontSize(10).heightOfString(cell, { width: (i === 0 ? firstWidth : otherWidth) - 6 }),
    );
    const height = Math.max(...heights) + 6;
    if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
    const y = pdf.y;
    cells.forEach((cell, i) => {
      const x = i === 0 ? x0 : x0 + firstWidth + (i - 1) * otherWidth;
      const w = (i === 0 ? firstWidth : otherWidth) - 6;
      pdf.font(bold ? fonts.bold : fonts.regular).fontSize(10).text(cell, x, y + 3, { width: w, align: numeric?.[i] ? "right" : "left" });
    });
    pdf.moveTo(x0, y + height).lineTo(x0 + width, y + height).lineWidth(0.5).strokeColor("#888888").stroke();
    pdf.x = x0;
    pdf.y = y + height;
  };
  drawRow(headers, true);
  for (const row of rows) drawRow(row, false);
  pdf.moveDown(0.8);
}
