import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../auth/current-user.server";
import { agreementFile } from "../documents/agreement-download.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return agreementFile(user, { side: "staff", district: params.district ?? "" }, params.caseId ?? "", "pdf");
}
