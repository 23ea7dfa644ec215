/**
 * A nämnd document as structure, independent of the file format: the same model renders to PDF and to
 * DOCX, so both always say the same thing. Figures are put in by the builders from data, never typed.
 */
export type Block =
  | { type: "heading"; text: string; level: 1 | 2 | 3 }
  | { type: "paragraph"; text: string }
  | { type: "table"; headers: string[]; rows: string[][]; caption?: string; numeric?: boolean[] }
  | { type: "signatures"; people: { name: string; title: string; organisation: string }[] }
  | { type: "attestations"; rows: { name: string; title: string; date: string }[] };

export interface NamndDocument {
  /** Header block of the seeds: Handläggare, Telefon, Till, date. */
  header: { caseworker: string; phone: string | null; to: string; date: string; diaryNumber: string | null };
  title: string;
  subtitle?: string;
  blocks: Block[];
}

type Attestation = { name: string; title: string; date: string };

/** The "Attesterat av" table, the last attestation first as in the seeds; nothing before the first. */
export function attestationBlocks(attestations: readonly Attestation[]): Block[] {
  const rows = [...attestations].sort((a, b) => b.date.localeCompare(a.date));
  return rows.length > 0 ? [{ type: "attestations", rows }] : [];
}

/** The seeds' header block: the handläggare writing to the nämnd, on a date, under a diarienummer. */
export function boardHeader(input: {
  author: { name: string; phone: string | null };
  boardName: string;
  date: string;
  diaryNumber: string | null;
}): NamndDocument["header"] {
  return {
    caseworker: input.author.name,
    phone: input.author.phone,
    to: input.boardName,
    date: input.date,
    diaryNumber: input.diaryNumber,
  };
}

/** The seeds' closing table: "Detta dokument har godkänts digitalt av följande personer". */
export const ATTESTED_INTRO = "Detta dokument har godkänts digitalt av följande personer:";
