import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "../auth/current-user.server";
import { requireCaseForOrganisation } from "../cases/access.server";
import { loadWithdrawPage, withdrawFromForm } from "../applications/forening-case-pages.server";
import { WITHDRAW, withdrawSchema } from "../applications/forening-case-forms";
import { HiddenField, TextAreaField, ValidatedForm } from "../components/form";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Ta tillbaka ansökan");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return loadWithdrawPage(await requireCaseForOrganisation(user, params.caseId ?? "", "application.withdraw"));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const found = await requireCaseForOrganisation(user, params.caseId ?? "", "application.withdraw");
  const reply = await withdrawFromForm(user, found, await request.formData());
  return data(reply.body, { status: reply.status });
}

export default function WithdrawPage() {
  const page = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <p className="hint">{page.title}</p>
      <h1>Ta tillbaka ansökan</h1>
      <p>Om ni tar tillbaka ansökan slutar förvaltningen att handlägga den och ärendet avslutas.</p>
      <ul>
        <li>Det går inte att ångra. Vill ni söka igen gör ni en ny ansökan.</li>
        <li>Det ni har skrivit och skickat in finns kvar och går att läsa.</li>
        <li>Det går bara före nämndens beslut.</li>
      </ul>
      <ValidatedForm schema={withdrawSchema} failure={failure} submitLabel="Ta tillbaka ansökan" pendingLabel="Tar tillbaka …">
        <HiddenField name="intent" value={WITHDRAW} />
        <HiddenField name="revision" value={String(page.revision)} />
        <TextAreaField name="reason" label="Varför tar ni tillbaka ansökan? (frivilligt)" hint="Förvaltningen ser det ni skriver." rows={4} />
      </ValidatedForm>
      <p>
        <Link to={`/forening/arenden/${page.id}`}>Nej, gå tillbaka till ärendet</Link>
      </p>
    </>
  );
}

export const ErrorBoundary = RouteError;
