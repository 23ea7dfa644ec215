/** The förvaltning's slutrapport as a file, PDF for the diarium or Word to adjust wording. */
import { requireCaseForDistrict } from "../cases/access.server";
import type { CurrentUser } from "../auth/current-user.server";
import { renderDocx } from "./docx.server";
import { buildFinalReportDocument } from "./final-report-document";
import { loadFinalReportDocumentInput } from "./final-report-data.server";
import { fileResponse, safeFileStem } from "./file-response";
import { renderPdf } from "./pdf.server";

export async function finalReportFile(user: CurrentUser, districtParam: string, caseId: string, format: "pdf" | "docx") {
  // Generating a nämnd document is its own permission: the förvaltning's admin reads cases but does not write to the nämnd.
  const found = await requireCaseForDistrict(user, { district: districtParam, caseId }, "documents.generate");
  const input = await loadFinalReportDocumentInput(found.case.id);
  if (!input) {
    return new Response("Föreningen har inte lämnat slutrapporten än, så det finns ingen slutrapport att ladda ner.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const document = buildFinalReportDocument(input);
  const body = format === "pdf" ? await renderPdf(document) : await renderDocx(document);
  return fileResponse(body, `slutrapport-${safeFileStem(found.case.diaryNumber ?? "utan-diarienummer")}.${format}`);
}
