/**
 * A submitted application laid out for reading and for the diarium: the case facts, every section of
 * the form in the form's order, the budget as a table with computed totals and each party's share, and
 * the attachments listed by name, type and size (the files themselves come in a ZIP beside it).
 */
import { budgetTotals, type ApplicationContent } from "../domain/application";
import { formatKronor } from "../domain/money";
import { ALLOWED_TYPES, sizeText } from "../attachments/types";
import type { Block } from "./model";

export interface ApplicationDocumentInput {
  organisationName: string;
  organisationNumber: string;
  districtName: string;
  diaryNumber: string | null;
  version: number;
  submittedAt: string | null;
  content: ApplicationContent;
  /** The form's sections with readable values (call and priority area by name), from summarySections. */
  sections: { title: string; fields: { field: string; label: string; text: string }[] }[];
  attachments: { fileName: string; mediaType: string; sizeBytes: number }[];
}

export interface ApplicationDocument {
  title: string;
  subtitle: string;
  blocks: Block[];
}

export const typeName = (mediaType: string) => ALLOWED_TYPES[mediaType] ?? mediaType;

export function buildApplicationDocument(input: ApplicationDocumentInput): ApplicationDocument {
  const blocks: Block[] = [
    {
      type: "table",
      caption: "Uppgifter om ansökan",
      headers: ["Uppgift", "Värde"],
      rows: [
        ["Förening", input.organisationName],
        ["Organisationsnummer", input.organisationNumber],
        ["Stadsdelsförvaltning", input.districtName],
        ["Diarienummer", input.diaryNumber ?? "Inget än"],
        ["Version", String(input.version)],
        ["Inskickad", input.submittedAt ?? "Inte inskickad"],
      ],
    },
  ];
  for (const section of input.sections) {
    blocks.push({ type: "heading", level: 2, text: section.title });
    for (const field of section.fields) {
      if (field.field === "budgetLines") {
        blocks.push({ type: "heading", level: 3, text: field.label }, ...budgetBlocks(input.content));
        continue;
      }
      blocks.push({ type: "heading", level: 3, text: field.label }, { type: "paragraph", text: field.text.trim() || "–" });
    }
  }
  blocks.push({ type: "heading", level: 2, text: "Bilagor" });
  if (input.attachments.length === 0) {
    blocks.push({ type: "paragraph", text: "Inga bilagor." });
  } else {
    blocks.push({
      type: "table",
      caption: "Bilagor till ansökan",
      headers: ["Namn", "Typ", "Storlek"],
      rows: input.attachments.map((a) => [a.fileName, typeName(a.mediaType), sizeText(a.sizeBytes)]),
      numeric: [false, false, true],
    });
  }
  return {
    title: input.content.title?.trim() || "Ansökan om idéburet offentligt partnerskap (IOP)",
    subtitle: `Ansökan om IOP från ${input.organisationName}, version ${input.version}`,
    blocks,
  };
}

function budgetBlocks(content: ApplicationContent): Block[] {
  const lines = content.budgetLines ?? [];
  if (lines.length === 0) return [{ type: "paragraph", text: "Ingen budget." }];
  const totals = budgetTotals(lines);
  return [
    {
      type: "table",
      caption: "Budget",
      headers: ["Budgetpost", "Föreningen", "Förvaltningen", "Summa"],
      rows: [
        ...lines.map((l) => [
          l.description,
          formatKronor(l.associationAmount),
          formatKronor(l.administrationAmount),
          formatKronor(l.associationAmount + l.administrationAmount),
        ]),
        ["Totalt", formatKronor(totals.association), formatKronor(totals.administration), formatKronor(totals.total)],
        ["Andel", `${totals.associationShare} %`, `${totals.administrationShare} %`, "100 %"],
      ],
      numeric: [false, true, true, true],
    },
  ];
}
