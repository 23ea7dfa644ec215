import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "../auth/current-user.server";
import { runCaseIntent } from "../administration/case-commands.server";
import { loadStaffCaseView } from "../administration/case-page-view.server";
import { StaffCaseView } from "../components/administration/staff-case-page";
import { formDataToObject } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `${data.diaryNumber ?? data.title} – ärende` : "Ärende");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return loadStaffCaseView(user, params.district ?? "", params.caseId ?? "");
}

/** The intent (one of CASE_INTENTS) and its fields are parsed in the use case, which answers an unknown one. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const values = formDataToObject(await request.formData());
  const result = await runCaseIntent({ user, districtParam: params.district ?? "", caseId: params.caseId ?? "", values });
  return result.ok ? result : data(result, { status: 400 });
}

export default function StaffCasePage() {
  return <StaffCaseView page={useLoaderData<typeof loader>()} result={useActionData<typeof action>()} />;
}

export const ErrorBoundary = RouteError;
