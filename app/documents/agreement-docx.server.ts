/** The överenskommelse as Word, from the same model as the PDF, so both say the same thing. */
import { Document, HeadingLevel, Packer, PageBreak, Paragraph, TextRun, type Table } from "docx";
import { signaturePageLines, type AgreementDocument, type AgreementRenderOptions } from "./agreement-document";
import { signedAtText } from "./agreement-pdf.server";
import { renderBlock } from "./docx.server";

export async function renderAgreementDocx(doc: AgreementDocument, options: AgreementRenderOptions = {}): Promise<Uint8Array> {
  const bold = (text: string, size?: number) => new Paragraph({ children: [new TextRun({ text, bold: true, size })] });
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: doc.subtitle, size: 26 })] }),
    ...doc.facts.map((f) => new Paragraph({ text: `${f.label}: ${f.value}` })),
    ...doc.blocks.flatMap(renderBlock),
    new Paragraph({ text: doc.signing.heading, heading: HeadingLevel.HEADING_2 }),
    new Paragraph({ text: doc.signing.intro }),
    ...doc.signing.parties.flatMap((party) => [
      bold(party.heading),
      new Paragraph({
        text: party.signed
          ? `Underskriven av ${party.signed.title ? `${party.signed.name}, ${party.signed.title}` : party.signed.name} den ${party.signed.date}.`
          : (doc.signing.pending ?? "Inte underskriven än."),
      }),
    ]),
  ];
  if (options.signaturePage) {
    const page = signaturePageLines(options.signaturePage, signedAtText);
    children.push(
      new Paragraph({ children: [new PageBreak()] }),
      new Paragraph({ text: page.heading, heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ text: page.intro }),
      bold(page.documentHash.label, 18),
      new Paragraph({ text: page.documentHash.value }),
      ...(page.signatures.length === 0 ? [new Paragraph({ text: page.empty })] : []),
      ...page.signatures.flatMap((s) => [
        new Paragraph({ text: s.title, heading: HeadingLevel.HEADING_2 }),
        ...s.rows.flatMap((row) => [bold(row.label, 18), new Paragraph({ text: row.value })]),
      ]),
    );
  }
  const document = new Document({
    title: `${doc.title} ${doc.subtitle}`,
    creator: "IOP-portalen",
    styles: { default: { document: { run: { font: "Arial", size: 22 } } } },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
