import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import * as z from "zod/mini";
import { textCheck } from "../domain/text";
import { requireUser } from "../auth/current-user.server";
import { requireCaseForOrganisation } from "../cases/access.server";
import { withdrawApplication } from "../applications/case-actions.server";
import { HiddenField, TextAreaField, ValidatedForm } from "../components/form";
import { formDataToObject, formFailure, parseForm } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Ta tillbaka ansökan");

const withdrawSchema = z.object({
  reason: z.optional(z.string().check(z.trim(), z.maxLength(2000, "Skälet får vara högst 2000 tecken."), textCheck("multiLine"))),
  revision: z.string(),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const row = await requireCaseForOrganisation(user, params.caseId ?? "", "application.withdraw");
  return { id: row.case.id, title: row.case.title, revision: row.case.revision, closed: row.case.state === "closed" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const row = await requireCaseForOrganisation(user, params.caseId ?? "", "application.withdraw");
  const values = formDataToObject(await request.formData());
  const parsed = parseForm(withdrawSchema, values);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await withdrawApplication({
    user,
    found: row,
    reason: parsed.data.reason ?? "",
    expectedRevision: Number(parsed.data.revision),
  });
  if (!result.ok) return data(formFailure({}, values, result.message), { status: 409 });
  throw redirect(`/forening/arenden/${row.case.id}`);
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
