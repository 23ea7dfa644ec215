/**
 * The överenskommelse as a document, laid out as the agreements the seeds describe (seed 002: parties
 * with organisationsnummer, giltighetstid "med möjlighet till ett års förlängning", both parties
 * financing; seed 004: "syfte och mål, målgrupp, vilka resurser respektive part ska bidra med och hur
 * länge överenskommelsen är giltig", and a verksamhetsplan with expected results; seed 001: styrgrupp,
 * arbetsgrupper and samordnare). Pure: the loader (agreement-data.server.ts) gathers the data, the
 * renderers (agreement-pdf.server.ts, agreement-docx.server.ts) print the same model, so PDF and Word
 * always say the same thing.
 */
import { totalFunding, type AgreementContent } from "../domain/agreement";
import type { ApplicationContent } from "../domain/application";
import { formatKronor, sum } from "../domain/money";
import type { Block } from "./model";

export interface AgreementDocumentInput {
  organisation: {
    name: string;
    organisationNumber: string;
    /** One line, "Gatan 1, 123 45 Stockholm", or null when the förening has not given it. */
    address: string | null;
    /** "bankgiro 5050-1055", where the contribution is paid, or null. */
    paymentAccount: string | null;
  };
  district: { boardName: string; administrationName: string };
  caseTitle: string;
  diaryNumber: string | null;
  /** The saved draft's revision: which text this is, so a frozen copy can be told from a later one. */
  revision: number;
  /** The draft's last save, Stockholm date. */
  date: string;
  content: AgreementContent;
  /** The workflow's terms once sent for signing (they win over the draft's dates), else null. */
  terms: {
    startDate: string;
    endDate: string;
    reportDueDates: string[];
    extensionAllowed: boolean;
    finalReportDueDate: string | null;
  } | null;
  /** The newest submitted application: the background, activities and the förening's own money come from it. */
  application: ApplicationContent | null;
  /** The nämnd's bifall, when registered. */
  decision: { meetingDate: string; paragraph: string } | null;
  /** Signatures in the workflow, with the signers' names; null where that side has not signed. */
  signatures: {
    association: { name: string; title: string | null; date: string } | null;
    administration: { name: string; title: string | null; date: string } | null;
  };
}

export interface AgreementSigningParty {
  /** "För Rinkeby-Kista stadsdelsnämnd" */
  heading: string;
  signed: { name: string; title: string | null; date: string } | null;
}

/** Format-free: title, the facts under it, numbered sections, and the underskrifter block. */
export interface AgreementDocument {
  title: string;
  subtitle: string;
  /** Short facts under the title: Diarienummer, Version. */
  facts: { label: string; value: string }[];
  blocks: Block[];
  signing: {
    heading: string;
    intro: string;
    parties: AgreementSigningParty[];
    /** What an unsigned party's line says; a version frozen for signing points to the signature page instead. */
    pending?: string;
  };
}

/** The section headings in order; tests read the files back against them. */
export const AGREEMENT_SECTIONS = [
  "1. Parter",
  "2. Bakgrund",
  "3. Syfte och mål",
  "4. Målgrupp",
  "5. Parternas resurser och åtaganden",
  "6. Ekonomi",
  "7. Giltighetstid och förlängning",
  "8. Organisation och samverkan",
  "9. Uppföljning",
  "10. Verksamhetsplan: mål och målvärden",
  "11. Underskrifter",
] as const;

const NOT_YET = "Inte ifyllt i överenskommelsen.";
const heading = (text: string, level: 1 | 2 | 3 = 2): Block => ({ type: "heading", level, text });
const paragraphs = (text: string | null | undefined, fallback = NOT_YET): Block[] => {
  const parts = (text ?? "")
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (parts.length > 0 ? parts : [fallback]).map((p) => ({ type: "paragraph", text: p }));
};

/** "2025-05-01 – 2026-04-30", or what is missing. */
export function agreementPeriod(input: Pick<AgreementDocumentInput, "content" | "terms">): { start: string | null; end: string | null } {
  return {
    start: input.terms?.startDate ?? input.content.startDate ?? null,
    end: input.terms?.endDate ?? input.content.endDate ?? null,
  };
}

export function buildAgreementDocument(input: AgreementDocumentInput): AgreementDocument {
  const { content, organisation, district } = input;
  const org = organisation.name;
  const board = district.boardName;
  const blocks: Block[] = [];

  blocks.push(heading(AGREEMENT_SECTIONS[0]));
  blocks.push(
    { type: "paragraph", text: `${board}, genom ${district.administrationName} (nedan kallad förvaltningen)` },
    {
      type: "paragraph",
      text: [
        `${org}, organisationsnummer ${organisation.organisationNumber}`,
        ...(organisation.address ? [organisation.address] : []),
      ].join(", ") + " (nedan kallad föreningen)",
    },
  );
  blocks.push({
    type: "paragraph",
    text: `Parterna ingår denna överenskommelse om idéburet offentligt partnerskap (IOP) för ${input.caseTitle}.`,
  });

  blocks.push(heading(AGREEMENT_SECTIONS[1]));
  const background: string[] = [];
  if (input.decision) {
    background.push(
      `${board} beslutade den ${input.decision.meetingDate} (${input.decision.paragraph}) att bifalla ${genitive(org)} ansökan om idéburet offentligt partnerskap.`,
    );
  }
  const challenge = input.application?.societalChallenge?.trim();
  if (challenge) background.push(`Samhällsutmaning enligt ansökan: ${challenge}`);
  const policy = input.application?.policyLink?.trim();
  if (policy) background.push(`Koppling till program eller plan: ${policy}`);
  const complements = input.application?.complementsOperations?.trim();
  if (complements) background.push(`Verksamheten kompletterar förvaltningens verksamhet: ${complements}`);
  blocks.push(...paragraphs(background.join("\n\n"), "Ingen bakgrund finns i ansökan eller beslutet."));

  blocks.push(heading(AGREEMENT_SECTIONS[2]), ...paragraphs(content.purposeAndGoals));
  blocks.push(heading(AGREEMENT_SECTIONS[3]), ...paragraphs(content.targetGroup));

  blocks.push(heading(AGREEMENT_SECTIONS[4]));
  const years = [...(content.yearlyAmounts ?? [])].sort((a, b) => a.year - b.year);
  const total = totalFunding(content);
  blocks.push(heading(`Föreningens åtaganden (${org})`, 3), ...paragraphs(content.associationResources));
  const ownMoney = sum((input.application?.budgetLines ?? []).map((l) => l.associationAmount));
  if (ownMoney > 0) {
    blocks.push({ type: "paragraph", text: `Föreningens egen insats enligt ansökans budget: ${formatKronor(ownMoney)}.` });
  }
  const inKind = input.application?.otherContributions?.trim();
  if (inKind) blocks.push({ type: "paragraph", text: `Insatser utöver pengar enligt ansökan: ${inKind}` });
  blocks.push(heading(`Förvaltningens åtaganden (${district.administrationName})`, 3), ...paragraphs(content.administrationResources));
  if (total > 0) {
    blocks.push({ type: "paragraph", text: `Förvaltningen bidrar ekonomiskt med sammanlagt ${formatKronor(total)}, se avsnitt 6.` });
  }

  blocks.push(heading(AGREEMENT_SECTIONS[5]));
  if (years.length === 0) {
    blocks.push({ type: "paragraph", text: "Inget ekonomiskt bidrag är ifyllt i överenskommelsen." });
  } else {
    blocks.push({
      type: "table",
      caption: "Förvaltningens ekonomiska bidrag per år",
      headers: ["År", "Ekonomiskt bidrag"],
      rows: [...years.map((y) => [String(y.year), formatKronor(y.amount)]), ["Totalt", formatKronor(total)]],
      numeric: [false, true],
    });
    blocks.push({ type: "paragraph", text: `Förvaltningens ekonomiska bidrag är totalt ${formatKronor(total)} för hela perioden.` });
  }
  blocks.push({
    type: "paragraph",
    text: organisation.paymentAccount
      ? `Bidraget betalas till föreningens ${organisation.paymentAccount}.`
      : "Föreningen har inte angett något bankgiro eller plusgiro för utbetalning.",
  });

  blocks.push(heading(AGREEMENT_SECTIONS[6]));
  const period = agreementPeriod(input);
  blocks.push({
    type: "paragraph",
    text:
      period.start && period.end
        ? `Överenskommelsen gäller från och med ${period.start} till och med ${period.end}.`
        : `Överenskommelsen gäller från och med ${period.start ?? "(startdatum inte ifyllt)"} till och med ${period.end ?? "(slutdatum inte ifyllt)"}.`,
  });
  const extension = input.terms?.extensionAllowed ?? content.extensionAllowed ?? false;
  const terms = content.extensionTerms?.trim();
  blocks.push({
    type: "paragraph",
    text: extension
      ? `Överenskommelsen kan förlängas${terms ? `: ${terms}` : "."} En förlängning beslutas av nämnden.`
      : "Överenskommelsen kan inte förlängas. Ett fortsatt partnerskap kräver en ny överenskommelse.",
  });

  blocks.push(heading(AGREEMENT_SECTIONS[7]));
  blocks.push(heading("Styrgrupp", 3), ...paragraphs(content.steeringGroup));
  blocks.push(heading("Arbetsgrupper", 3), ...paragraphs(content.workingGroups));
  blocks.push(heading("Samordnare", 3), ...paragraphs(content.coordinator?.trim() ? `Förvaltningens samordnare för partnerskapet är ${content.coordinator.trim()}.` : null));
  const cooperation = input.application?.cooperation?.trim();
  if (cooperation) blocks.push(heading("Samverkan enligt ansökan", 3), ...paragraphs(cooperation));

  blocks.push(heading(AGREEMENT_SECTIONS[8]));
  const dueDates = input.terms?.reportDueDates ?? content.reportDueDates ?? [];
  const finalDue = input.terms?.finalReportDueDate ?? content.finalReportDueDate ?? null;
  if (dueDates.length > 0 || finalDue) {
    blocks.push({
      type: "paragraph",
      text: "Föreningen redovisar verksamheten med könsuppdelad statistik, mål mot utfall och en ekonomisk redovisning.",
    });
    blocks.push({
      type: "table",
      headers: ["Redovisning", "Senast"],
      rows: [
        ...dueDates.map((date, i) => [`Uppföljningsrapport ${i + 1}`, date]),
        ...(finalDue ? [["Slutrapport", finalDue]] : []),
      ],
    });
  } else {
    blocks.push({ type: "paragraph", text: "Inga datum för redovisning är ifyllda i överenskommelsen." });
  }

  blocks.push(heading(AGREEMENT_SECTIONS[9]));
  const goals = (content.goals ?? []).filter((g) => g.description.trim() !== "");
  if (goals.length === 0) {
    blocks.push({ type: "paragraph", text: "Inga mål med målvärden är ifyllda i överenskommelsen." });
  } else {
    blocks.push({
      type: "table",
      caption: "Mål och målvärden",
      headers: ["Mål", "Målvärde"],
      rows: goals.map((g) => [g.description, g.target]),
    });
  }
  const activities = (input.application?.activities ?? []).filter((a) => a.name.trim() !== "");
  if (activities.length > 0) {
    blocks.push(heading("Planerade aktiviteter enligt ansökan", 3));
    for (const a of activities) blocks.push({ type: "paragraph", text: a.description.trim() ? `${a.name}: ${a.description.trim()}` : a.name });
  }

  return {
    title: "Överenskommelse om idéburet offentligt partnerskap (IOP)",
    subtitle: `mellan ${board} och ${org}`,
    facts: [
      { label: "Diarienummer", value: input.diaryNumber ?? "Inget diarienummer än" },
      { label: "Version", value: `${input.revision}, sparad ${input.date}` },
    ],
    blocks,
    signing: {
      heading: AGREEMENT_SECTIONS[10],
      intro: "Denna överenskommelse har upprättats i ett exemplar som undertecknas digitalt av båda parter.",
      parties: [
        { heading: `För ${board}`, signed: input.signatures.administration },
        { heading: `För ${org}`, signed: input.signatures.association },
      ],
    },
  };
}

const genitive = (name: string) => (/[sxz]$/i.test(name) ? name : `${name}s`);

/** What the signature page lists for each signature (given by the signing flow, not by the draft). */
export interface AgreementSignaturePage {
  documentSha256: string;
  signatures: {
    party: string;
    name: string;
    personalNumberMasked: string | null;
    method: string;
    signedAt: Date;
    sha256: string;
  }[];
}

export interface AgreementRenderOptions {
  signaturePage?: AgreementSignaturePage;
}

/** The signature page's lines, shared by both renderers so they say the same. */
export function signaturePageLines(page: AgreementSignaturePage, formatTime: (at: Date) => string) {
  return {
    heading: "Underskrifter",
    intro: "Överenskommelsen har undertecknats elektroniskt. Varje underskrift gäller dokumentet med kontrollsumman nedan.",
    documentHash: { label: "Dokumentets kontrollsumma (SHA-256)", value: page.documentSha256 },
    signatures: page.signatures.map((s) => ({
      title: s.party,
      rows: [
        { label: "Namn", value: s.name },
        { label: "Personnummer", value: s.personalNumberMasked ?? "Inte angivet" },
        { label: "Metod", value: s.method },
        { label: "Tidpunkt", value: formatTime(s.signedAt) },
        { label: "Underskriftens kontrollsumma (SHA-256)", value: s.sha256 },
      ],
    })),
    empty: "Ingen har skrivit under än.",
  };
}
