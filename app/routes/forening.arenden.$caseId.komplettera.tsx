import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../auth/current-user.server";
import { requireCaseForOrganisation } from "../cases/access.server";
import { startCompletion } from "../applications/case-actions.server";
import { stepPath } from "../applications/steps";

/** Only a post starts a komplettering; a visit goes to the case. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const row = await requireCaseForOrganisation(user, params.caseId ?? "", "completion.respond");
  throw redirect(`/forening/arenden/${row.case.id}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const row = await requireCaseForOrganisation(user, params.caseId ?? "", "completion.respond");
  if (row.case.state !== "review.awaitingCompletion") throw redirect(`/forening/arenden/${row.case.id}`);
  await startCompletion(row.case.id, user.id);
  throw redirect(stepPath(row.case.id, "grund"));
}
