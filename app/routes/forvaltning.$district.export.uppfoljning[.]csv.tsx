import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../auth/current-user.server";
import { followUpExport } from "../exports/export-download.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return followUpExport(user, params.district ?? "", new URL(request.url).searchParams.get("ar"), "csv");
}
