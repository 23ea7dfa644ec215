/**
 * The tjänsteutlåtande as the seeds lay it out (seeds 000, 003, 004): header block, title, the
 * förvaltning's proposal, the sections in order, the chefs' signatures, the appendices, and the
 * "Attesterat av" table from the recorded attestations.
 */
import { STATEMENT_SECTIONS, type StatementContent } from "../domain/statement";
import { attestationBlocks, boardHeader, type Block, type NamndDocument } from "./model";

export interface StatementDocumentInput {
  stage: "application" | "finalReport";
  organisationName: string;
  boardName: string;
  administrationName: string;
  diaryNumber: string | null;
  date: string;
  author: { name: string; phone: string | null };
  content: StatementContent;
  /** Each attestation with the person's name and title, as recorded by the workflow. */
  attestations: { name: string; title: string; date: string }[];
  /** Who signs below the text: stadsdelsdirektör and avdelningschef. */
  signatories: { name: string; title: string }[];
}

const genitive = (name: string) => (/[sxz]$/i.test(name) ? name : `${name}s`);

export function defaultProposalText(input: Pick<StatementDocumentInput, "stage" | "organisationName" | "boardName" | "content">): string {
  if (input.stage === "finalReport") {
    return `${input.boardName} godkänner förvaltningens slutrapport och lägger den till handlingarna.`;
  }
  const verb = input.content.proposal === "reject" ? "avslår" : "bifaller";
  return `${input.boardName} ${verb} ${genitive(input.organisationName)} ansökan om idéburet offentligt partnerskap (IOP).`;
}

export function buildStatementDocument(input: StatementDocumentInput): NamndDocument {
  const blocks: Block[] = [
    { type: "heading", level: 2, text: "Förvaltningens förslag till beslut" },
    { type: "paragraph", text: input.content.proposalText?.trim() || defaultProposalText(input) },
  ];
  for (const section of STATEMENT_SECTIONS) {
    const text = input.content[section.key]?.trim();
    if (!text) continue;
    blocks.push({ type: "heading", level: 2, text: section.title }, { type: "paragraph", text });
  }
  if (input.signatories.length > 0) {
    blocks.push({
      type: "signatures",
      people: input.signatories.map((s) => ({ ...s, organisation: input.administrationName })),
    });
  }
  blocks.push(
    { type: "heading", level: 2, text: "Bilagor" },
    {
      type: "paragraph",
      text:
        input.stage === "application"
          ? `Ansökan om IOP från ${input.organisationName}`
          : `Slutrapport för IOP med ${input.organisationName}`,
    },
  );
  blocks.push(...attestationBlocks(input.attestations));
  return {
    header: boardHeader(input),
    title:
      input.stage === "application"
        ? `Ansökan om idéburet offentligt partnerskap (IOP) från ${input.organisationName}`
        : `Slutrapport om idéburet offentligt partnerskap (IOP) – ${input.organisationName}`,
    blocks,
  };
}
