import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../auth/current-user.server";
import { yearlyReportFile } from "../district-reports/district-reports.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return yearlyReportFile(user, params.district ?? "", params.year ?? "", "pdf");
}
