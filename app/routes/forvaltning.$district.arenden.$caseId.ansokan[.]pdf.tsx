import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../auth/current-user.server";
import { applicationPdf } from "../documents/application-download.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return applicationPdf(user, { side: "staff", district: params.district ?? "" }, params.caseId ?? "", new URL(request.url).searchParams.get("version"));
}
