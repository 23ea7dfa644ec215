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
 * The file's bytes for the case, or null when there is nothing to download yet.
 * Seam for signing: this renders the current saved draft. Once an agreement version is frozen for
 * signing, serve that frozen file (and its signed copy) from here instead.
 */
export async function currentAgreementFile(row: CaseRow, format: AgreementFormat): Promise<Uint8Array | null> {
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
