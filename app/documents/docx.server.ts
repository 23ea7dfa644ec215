/** Renders a NamndDocument to DOCX with the docx library: real headings and tables, so Word's outline and screen readers work. */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { ATTESTED_INTRO, type Block, type NamndDocument } from "./model";

const LEVELS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

export function renderDocx(doc: NamndDocument): Promise<Buffer> {
  const label = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true, size: 18 })] });
  const lines = (text: string) => text.split("\n").map((line) => new Paragraph({ text: line }));
  const children: (Paragraph | Table)[] = [
    label("Handläggare"),
    ...lines(doc.header.caseworker + (doc.header.phone ? `\nTelefon: ${doc.header.phone}` : "")),
    label("Till"),
    ...lines(`${doc.header.to}\n${doc.header.date}`),
    ...(doc.header.diaryNumber ? [label("Diarienummer"), new Paragraph({ text: doc.header.diaryNumber })] : []),
    new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }),
    ...(doc.subtitle ? [new Paragraph({ children: [new TextRun({ text: doc.subtitle, size: 26 })] })] : []),
    ...doc.blocks.flatMap(renderBlock),
  ];
  const document = new Document({
    title: doc.title,
    creator: doc.header.to,
    styles: { default: { document: { run: { font: "Arial", size: 22 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

export function renderBlock(block: Block): (Paragraph | Table)[] {
  switch (block.type) {
    case "heading":
      return [new Paragraph({ text: block.text, heading: LEVELS[block.level] })];
    case "paragraph":
      return block.text.split("\n").map((line) => new Paragraph({ text: line }));
    case "table":
      return [table(block.headers, block.rows, block.numeric), new Paragraph({ text: "" })];
    case "signatures":
      return block.people.flatMap((p) => [
        new Paragraph({ children: [new TextRun({ text: p.name, bold: true })] }),
        new Paragraph({ text: p.title }),
        new Paragraph({ text: p.organisation }),
        new Paragraph({ text: "" }),
      ]);
    case "attestations":
      return [
        new Paragraph({ text: "Attesterat av", heading: HeadingLevel.HEADING_2 }),
        new Paragraph({ text: ATTESTED_INTRO }),
        table(["Namn", "Datum"], block.rows.map((r) => [`${r.name}, ${r.title}`, r.date])),
      ];
  }
}

function table(headers: string[], rows: string[][], numeric?: boolean[]): Table {
  const cell = (text: string, header: boolean, i: number) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: numeric?.[i] ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, bold: header })],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, true, i)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, false, i)) })),
    ],
  });
}
