/**
 * The yearly follow-up report to the nämnd over all of a district's IOPs (seeds 001 and 002), built
 * from data: the funding per IOP, the total computed from the rows (seed 001's stated total does not
 * equal its rows; this one always does), activities and participants by gender, goal against outcome,
 * and the förvaltning's view of the mervärde. The handläggare writes only the narrative.
 */
import { formatKronor, sum } from "../domain/money";
import { attestationBlocks, boardHeader, type Block, type NamndDocument } from "./model";

export interface YearlyReportIop {
  organisationName: string;
  organisationNumber: string;
  diaryNumber: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  purpose: string;
  /** The förvaltning's funding this year, whole kronor. */
  funding: number;
  activities: { name: string; sessions: string; women: string; men: string; other: string; ageGroup: string }[];
  goals: { description: string; target: string; outcome: string }[];
  addedValue: string | null;
}

export interface YearlyReportInput {
  boardName: string;
  administrationName: string;
  year: number;
  caseworker: { name: string; phone: string | null };
  date: string;
  diaryNumber: string | null;
  /** The handläggare's prose. Optional sections are left out of the document when empty. */
  narrative: {
    /** Förslag till beslut; without it, the board "lägger redovisningen till handlingarna". */
    proposal?: string;
    summary: string;
    background?: string;
    preparation?: string;
    views: string;
    genderAnalysis: string;
  };
  iops: YearlyReportIop[];
  attestations: { name: string; title: string; date: string }[];
  /** The nämnd's decision once the registrator has filed the report. */
  decision?: { meetingDate: string; paragraph: string } | null;
}

export const defaultYearlyProposal = (boardName: string) => `${boardName} lägger redovisningen till handlingarna.`;

export function yearlyReportTotal(iops: readonly Pick<YearlyReportIop, "funding">[]): number {
  return sum(iops.map((iop) => iop.funding));
}

function optionalSection(title: string, text: string | undefined): Block[] {
  const trimmed = text?.trim();
  return trimmed ? [{ type: "heading", level: 2, text: title }, { type: "paragraph", text: trimmed }] : [];
}

export function buildYearlyReport(input: YearlyReportInput): NamndDocument {
  const iops = [...input.iops].sort((a, b) => a.organisationName.localeCompare(b.organisationName, "sv"));
  const total = yearlyReportTotal(iops);
  const blocks: Block[] = [
    { type: "heading", level: 2, text: "Förvaltningens förslag till beslut" },
    { type: "paragraph", text: input.narrative.proposal?.trim() || defaultYearlyProposal(input.boardName) },
    { type: "heading", level: 2, text: "Sammanfattning" },
    { type: "paragraph", text: input.narrative.summary },
    {
      type: "paragraph",
      text: `Under ${input.year} har förvaltningen finansierat ${iops.length} IOP med sammanlagt ${formatKronor(total)}.`,
    },
    ...optionalSection("Bakgrund", input.narrative.background),
    ...optionalSection("Ärendets beredning", input.narrative.preparation),
    { type: "heading", level: 2, text: `Finansiering ${input.year}` },
    {
      type: "table",
      caption: `Förvaltningens bidrag per IOP ${input.year}`,
      headers: ["Förening", "Organisationsnummer", "Period", "Bidrag"],
      rows: [
        ...iops.map((iop) => [
          iop.organisationName,
          iop.organisationNumber,
          iop.periodStart && iop.periodEnd ? `${iop.periodStart} – ${iop.periodEnd}` : "",
          formatKronor(iop.funding),
        ]),
        ["Totalt", "", "", formatKronor(total)],
      ],
      numeric: [false, false, false, true],
    },
    { type: "heading", level: 2, text: `Redovisning av föreningarnas verksamhet ${input.year}` },
  ];
  for (const iop of iops) {
    blocks.push({ type: "heading", level: 3, text: iop.organisationName });
    blocks.push({
      type: "paragraph",
      text: `Under ${input.year} har förvaltningen delfinansierat verksamheten med ${formatKronor(iop.funding)}.${iop.purpose ? ` Syfte: ${iop.purpose}` : ""}`,
    });
    if (iop.activities.length > 0) {
      blocks.push({
        type: "table",
        caption: `Aktiviteter och deltagare, ${iop.organisationName}`,
        headers: ["Aktivitet", "Tillfällen", "Kvinnor/flickor", "Män/pojkar", "Annat/ej angivet", "Ålder"],
        rows: iop.activities.map((a) => [a.name, a.sessions, a.women, a.men, a.other, a.ageGroup]),
        numeric: [false, true, true, true, true, false],
      });
    }
    if (iop.goals.length > 0) {
      blocks.push({
        type: "table",
        caption: `Måluppfyllelse, ${iop.organisationName}`,
        headers: ["Mål", "Målvärde", "Utfall"],
        rows: iop.goals.map((g) => [g.description, g.target, g.outcome]),
        numeric: [false, true, true],
      });
    }
    blocks.push({ type: "heading", level: 3, text: "Mervärde" });
    blocks.push({ type: "paragraph", text: iop.addedValue ?? "Förvaltningen har inte gjort någon bedömning av mervärdet än." });
  }
  blocks.push(
    { type: "heading", level: 2, text: "Förvaltningens synpunkter och förslag" },
    { type: "paragraph", text: input.narrative.views },
    { type: "heading", level: 2, text: "Jämställdhetsanalys" },
    { type: "paragraph", text: input.narrative.genderAnalysis },
  );
  blocks.push(...attestationBlocks(input.attestations));
  if (input.decision) {
    blocks.push(
      { type: "heading", level: 2, text: "Nämndens beslut" },
      {
        type: "paragraph",
        text: `${input.boardName} beslutade vid sammanträdet ${input.decision.meetingDate}, ${input.decision.paragraph}, att lägga redovisningen till handlingarna.`,
      },
    );
  }
  return {
    header: boardHeader({ ...input, author: input.caseworker }),
    title: `Samverkan med föreningar genom idéburet offentligt partnerskap (IOP) ${input.year}`,
    subtitle: "Redovisning",
    blocks,
  };
}
