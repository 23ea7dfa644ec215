/**
 * The förvaltning's slutrapport to the nämnd on a finished IOP (seeds 000 and 003), built from data:
 * the agreement's period and amounts (the total computed from the years), each goal's target against
 * the outcome in every year's report, the förening's final report (måluppfyllelse, deviations in time
 * and budget, each party's commitments, lärdomar), the förvaltning's assessment and whether to
 * renegotiate, the chefs' signatures, the nämnd's decision when it is recorded, and the "Attesterat av"
 * table from the final-report statement's attestations. The handläggare writes prose; figures are
 * never typed.
 */
import type { FinalReportContent } from "../domain/reports";
import { formatKronor, sum } from "../domain/money";
import type { StatementContent } from "../domain/statement";
import { attestationBlocks, boardHeader, type Block, type NamndDocument } from "./model";

export interface FinalReportDocumentInput {
  organisationName: string;
  organisationNumber: string;
  boardName: string;
  administrationName: string;
  diaryNumber: string | null;
  /** The statement's date, or the final report's when no statement has been written yet. */
  date: string;
  author: { name: string; phone: string | null };
  agreement: {
    startDate: string | null;
    endDate: string | null;
    yearlyAmounts: { year: number; amount: number }[];
    goals: { description: string; target: string }[];
  };
  /** Each period report that came in, in order: its due date and the outcome per goal index. */
  periodReports: { dueDate: string; outcomes: Record<number, string> }[];
  /** Ended early: the date and why (seed 003). */
  termination: { effectiveDate: string; reason: string } | null;
  finalReport: FinalReportContent;
  /** The förvaltning's final-report statement, if written. */
  statement: StatementContent | null;
  /** Renegotiate or not, as sent for attestation; null until decided. */
  renegotiate: boolean | null;
  signatories: { name: string; title: string }[];
  attestations: { name: string; title: string; date: string }[];
  boardDecision: { meetingDate: string; paragraph: string } | null;
}

const COMMITMENT: Record<string, string> = {
  yes: "har uppfyllt sina åtaganden",
  partly: "har delvis uppfyllt sina åtaganden",
  no: "har inte uppfyllt sina åtaganden",
};

/** The headings in the order they appear, for the page and the tests. */
export const FINAL_REPORT_SECTIONS = [
  "Förvaltningens förslag till beslut",
  "Sammanfattning",
  "Överenskommelsen",
  "Mål och utfall",
  "Måluppfyllelse",
  "Tidsplan och budget",
  "Uppfyllnad av parternas åtaganden",
  "Lärdomar från partnerskapet",
  "Förvaltningens synpunkter och förslag",
  "Nämndens beslut",
  "Bilagor",
  "Attesterat av",
] as const;

const orDash = (text: string | undefined | null) => (text && text.trim() !== "" ? text.trim() : "Uppgift saknas.");

function commitmentText(party: string, met: string | undefined, comment: string | undefined): string {
  const verdict = met ? `${party} ${COMMITMENT[met]}.` : `${party}: bedömning saknas.`;
  return comment?.trim() ? `${verdict} ${comment.trim()}` : verdict;
}

export function finalReportTotal(input: Pick<FinalReportDocumentInput, "agreement">): number {
  return sum(input.agreement.yearlyAmounts.map((y) => y.amount));
}

export function buildFinalReportDocument(input: FinalReportDocumentInput): NamndDocument {
  const statement = input.statement ?? {};
  const period =
    input.agreement.startDate && input.agreement.endDate ? `${input.agreement.startDate} – ${input.agreement.endDate}` : "Uppgift saknas";
  const years = [...input.agreement.yearlyAmounts].sort((a, b) => a.year - b.year);
  const total = finalReportTotal(input);
  const renegotiation =
    input.renegotiate === null
      ? "Förvaltningen har ännu inte tagit ställning till om partnerskapet ska omförhandlas."
      : input.renegotiate
        ? "Förvaltningen bedömer att partnerskapet ska omförhandlas."
        : "Förvaltningen bedömer att partnerskapet inte ska omförhandlas.";

  const blocks: Block[] = [
    { type: "heading", level: 2, text: "Förvaltningens förslag till beslut" },
    {
      type: "paragraph",
      text: statement.proposalText?.trim() || `${input.boardName} godkänner förvaltningens slutrapport och lägger den till handlingarna.`,
    },
    { type: "heading", level: 2, text: "Sammanfattning" },
  ];
  if (statement.summary?.trim()) blocks.push({ type: "paragraph", text: statement.summary.trim() });
  blocks.push(
    {
      type: "paragraph",
      text: `${input.organisationName} och ${input.boardName} har samverkat i ett idéburet offentligt partnerskap under perioden ${period}. Förvaltningen har sammanlagt bidragit med ${formatKronor(total)}.`,
    },
    { type: "paragraph", text: renegotiation },
    { type: "heading", level: 2, text: "Överenskommelsen" },
    {
      type: "table",
      caption: "Överenskommelsen i korthet",
      headers: ["Uppgift", "Värde"],
      rows: [
        ["Förening", input.organisationName],
        ["Organisationsnummer", input.organisationNumber],
        ["Diarienummer", input.diaryNumber ?? "Uppgift saknas"],
        ["Period", period],
      ],
    },
  );
  if (input.termination) {
    blocks.push({
      type: "paragraph",
      text: `Överenskommelsen upphörde i förtid ${input.termination.effectiveDate}. Skäl: ${input.termination.reason}`,
    });
  }
  blocks.push({
    type: "table",
    caption: "Förvaltningens bidrag per år",
    headers: ["År", "Bidrag"],
    rows: [...years.map((y) => [String(y.year), formatKronor(y.amount)]), ["Totalt", formatKronor(total)]],
    numeric: [false, true],
  });

  blocks.push({ type: "heading", level: 2, text: "Mål och utfall" });
  if (input.agreement.goals.length === 0) {
    blocks.push({ type: "paragraph", text: "Överenskommelsen har inga mål med målvärden." });
  } else {
    blocks.push({
      type: "table",
      caption: "Verksamhetsplanens mål, målvärde och utfall i varje rapport",
      headers: ["Mål", "Målvärde", ...input.periodReports.map((r) => `Utfall ${r.dueDate}`)],
      rows: input.agreement.goals.map((goal, index) => [
        goal.description,
        goal.target,
        ...input.periodReports.map((r) => r.outcomes[index]?.trim() || "–"),
      ]),
    });
    if (input.periodReports.length === 0) blocks.push({ type: "paragraph", text: "Föreningen har inte lämnat någon rapport med utfall." });
  }

  blocks.push(
    { type: "heading", level: 2, text: "Måluppfyllelse" },
    { type: "paragraph", text: orDash(input.finalReport.goalFulfilment) },
    { type: "heading", level: 2, text: "Tidsplan och budget" },
    { type: "paragraph", text: `Avvikelser i tid: ${orDash(input.finalReport.timeDeviations)}` },
    { type: "paragraph", text: `Avvikelser i budget: ${orDash(input.finalReport.budgetDeviations)}` },
    { type: "heading", level: 2, text: "Uppfyllnad av parternas åtaganden" },
    {
      type: "paragraph",
      text: commitmentText(input.boardName, input.finalReport.administrationCommitmentsMet, input.finalReport.administrationCommitmentsComment),
    },
    {
      type: "paragraph",
      text: commitmentText(input.organisationName, input.finalReport.associationCommitmentsMet, input.finalReport.associationCommitmentsComment),
    },
    { type: "heading", level: 2, text: "Lärdomar från partnerskapet" },
    { type: "paragraph", text: orDash(input.finalReport.lessonsLearned) },
  );
  for (const [key, title] of [
    ["matter", "Ärendet"],
    ["preparation", "Ärendets beredning"],
    ["genderAnalysis", "Jämställdhetsanalys"],
    ["childRights", "Barnrättsperspektiv"],
  ] as const) {
    const text = statement[key]?.trim();
    if (text) blocks.push({ type: "heading", level: 2, text: title }, { type: "paragraph", text });
  }
  blocks.push({ type: "heading", level: 2, text: "Förvaltningens synpunkter och förslag" });
  if (statement.views?.trim()) blocks.push({ type: "paragraph", text: statement.views.trim() });
  blocks.push({ type: "paragraph", text: renegotiation });

  if (input.signatories.length > 0) {
    blocks.push({ type: "signatures", people: input.signatories.map((s) => ({ ...s, organisation: input.administrationName })) });
  }
  if (input.boardDecision) {
    blocks.push(
      { type: "heading", level: 2, text: "Nämndens beslut" },
      {
        type: "paragraph",
        text: `${input.boardName} godkände slutrapporten och lade den till handlingarna ${input.boardDecision.meetingDate}, ${input.boardDecision.paragraph}.`,
      },
    );
  }
  blocks.push(
    { type: "heading", level: 2, text: "Bilagor" },
    { type: "paragraph", text: `Slutrapport från ${input.organisationName}` },
  );
  blocks.push(...attestationBlocks(input.attestations));
  return {
    header: boardHeader(input),
    title: `Slutrapport om idéburet offentligt partnerskap (IOP) – ${input.organisationName}`,
    subtitle: `IOP mellan ${input.organisationName} och ${input.boardName}`,
    blocks,
  };
}
