import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../auth/current-user.server";
import { agreementVersionFile } from "../documents/agreement-download.server";

/** One frozen version of the agreement: the PDF that was signed, or its sealed signed copy. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return agreementVersionFile(user, { side: "association" }, { caseId: params.caseId ?? "", version: params.version ?? "", file: params.file ?? "" });
}
