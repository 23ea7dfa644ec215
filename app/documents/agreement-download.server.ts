/**
 * The överenskommelse as a file: PDF and Word for the district's staff, PDF for the förening. Both
 * sides read the same agreement, so both get the same document; the record check is the case's
 * (app/cases/access.server.ts): another förening or district gets the 404 of an unknown case.
 */
import type { CurrentUser } from "../auth/current-user.server";
import { requireCaseForDistrict, requireCaseForOrganisation, type CaseRow } from "../cases/access.server";
import { buildAgreementDocument } from "./agreement-document";
import { agreementDocumentData } from "./agreement-data.server";
import { renderAgreementDocx } from "./agreement-docx.server";
import { renderAgreementPdf } from "./agreement-pdf.server";
import { fileResponse, safeFileStem } from "./file-response";
import { agreementVersion, currentAgreementVersion } from "../signing/versions.server";

export type AgreementReader = { side: "association" } | { side: "staff"; district: string };
export type AgreementFormat = "pdf" | "docx";

async function requireReadable(user: CurrentUser, reader: AgreementReader, caseId: string): Promise<CaseRow> {
  // Staff: whoever may make the case's documents (not the förvaltning's admin, as for the other
  // documents); the förening: every member, contact person or firmatecknare, reads what it signs.
  return reader.side === "association"
    ? requireCaseForOrganisation(user, caseId, "organisation.view")
    : requireCaseForDistrict(user, { district: reader.district, caseId }, "documents.generate");
}

/**
 * The file's bytes for the case, or null when there is nothing to download yet. While the förvaltning
 * drafts, the saved draft as it stands; from the send for signing on, the frozen version (the very
 * bytes whose SHA-256 the signing pages show), and once both have signed, the sealed signed PDF.
 */
export async function currentAgreementFile(row: CaseRow, format: AgreementFormat): Promise<Uint8Array | null> {
  if (row.case.state !== "agreement.drafting") {
    const version = await currentAgreementVersion(row.case.id);
    if (version) return format === "pdf" ? (version.sealedPdf ?? version.pdf) : version.docx;
  }
  const input = await agreementDocumentData(row);
  if (!input) return null;
  const document = buildAgreementDocument(input);
  return format === "pdf" ? renderAgreementPdf(document) : renderAgreementDocx(document);
}

export async function agreementFile(user: CurrentUser, reader: AgreementReader, caseId: string, format: AgreementFormat) {
  const row = await requireReadable(user, reader, caseId);
  const body = await currentAgreementFile(row, format);
  if (!body) {
    return new Response("Förvaltningen har inte sparat något utkast till överenskommelse än, så det finns inget att ladda ner.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  return fileResponse(body, `overenskommelse-${safeFileStem(row.case.diaryNumber ?? "utan-diarienummer")}.${format}`);
}

/** One version's files: "overenskommelse.pdf" (what was signed), "underskriven.pdf" (sealed, once both signed), "overenskommelse.docx" (staff). */
export const VERSION_FILES = ["overenskommelse.pdf", "underskriven.pdf", "overenskommelse.docx"] as const;

const notThere = () => new Response("Filen finns inte.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function agreementVersionFile(user: CurrentUser, reader: AgreementReader, address: { caseId: string; version: string; file: string }) {
  const row = await requireReadable(user, reader, address.caseId);
  const number = /^[1-9]\d{0,5}$/.test(address.version) ? Number(address.version) : null;
  const file = VERSION_FILES.find((f) => f === address.file);
  // The förening signs the PDF; Word is the förvaltning's working copy.
  if (number === null || !file || (file === "overenskommelse.docx" && reader.side === "association")) return notThere();
  const version = await agreementVersion(row.case.id, number);
  if (!version) return notThere();
  const body = file === "overenskommelse.pdf" ? version.pdf : file === "overenskommelse.docx" ? version.docx : version.sealedPdf;
  if (!body) return notThere();
  const stem = `overenskommelse-${safeFileStem(row.case.diaryNumber ?? "utan-diarienummer")}-version-${number}`;
  return fileResponse(body, file === "underskriven.pdf" ? `${stem}-underskriven.pdf` : `${stem}.${file.split(".").pop()}`);
}
