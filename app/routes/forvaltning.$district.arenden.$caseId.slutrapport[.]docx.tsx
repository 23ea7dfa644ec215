import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../auth/current-user.server";
import { finalReportFile } from "../documents/final-report-download.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return finalReportFile(user, params.district ?? "", params.caseId ?? "", "docx");
}
