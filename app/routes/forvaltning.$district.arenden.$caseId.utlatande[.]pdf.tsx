import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../auth/current-user.server";
import { statementFile } from "../administration/statement-download.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const skede = new URL(request.url).searchParams.get("skede");
  return statementFile(user, params.district ?? "", params.caseId ?? "", skede, "pdf");
}
