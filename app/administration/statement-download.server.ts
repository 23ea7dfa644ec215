/** The tjänsteutlåtande as a file: the same document model the attesters read, as PDF or Word. */
import type { CurrentUser } from "../auth/current-user.server";
import { buildStatementDocument } from "../documents/statement-document";
import { loadStatementDocumentInput } from "../documents/statement-data.server";
import { renderDocx } from "../documents/docx.server";
import { renderPdf } from "../documents/pdf.server";
import { fileResponse, safeFileStem } from "../documents/file-response";
import { requireCaseForDistrict } from "../cases/access.server";
import { stageOf } from "./statements.server";

export async function statementFile(user: CurrentUser, districtParam: string, caseId: string, skede: string | null, format: "pdf" | "docx") {
  const found = await requireCaseForDistrict(user, { district: districtParam, caseId }, "documents.generate");
  const stage = stageOf(skede, found.case.state);
  const input = await loadStatementDocumentInput(caseId, stage);
  if (!input) return new Response("Det finns inget tjänsteutlåtande att ladda ner än.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const document = buildStatementDocument(input);
  const body = format === "pdf" ? await renderPdf(document) : await renderDocx(document);
  const name = `tjansteutlatande-${safeFileStem(found.case.diaryNumber ?? "utan-diarienummer")}${stage === "finalReport" ? "-slutrapport" : ""}.${format}`;
  return fileResponse(body, name);
}
