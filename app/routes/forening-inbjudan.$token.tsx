import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { invitationEidSchema, newPasswordSchema } from "../accounts/schemas";
import { beginInvitationWithEid } from "../accounts/eid-link.server";
import { loadUser } from "../auth/current-user.server";
import { afterPassword } from "../accounts/login.server";
import { signInAvailable } from "../auth/oidc/index.server";
import { foreningPasswordLoginAllowed } from "../auth/password-policy.server";
import { SetPasswordPage } from "../components/set-password-page";
import { acceptOrganisationInvitation, isUsableOrganisationInvitation } from "../organisations/members.server";
import { formDataToObject, formFailure, parseForm } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Välkommen till IOP-portalen");

const USED = "Inbjudan har redan använts eller är för gammal. Be föreningens kontaktperson om en ny.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return {
    usable: await isUsableOrganisationInvitation(params.token ?? ""),
    eid: signInAvailable("eid", request),
    passwords: foreningPasswordLoginAllowed(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const values = formDataToObject(await request.formData());
  const token = params.token ?? "";
  if (values.intent === "eid") {
    const parsed = parseForm(invitationEidSchema, values);
    if (!parsed.ok) return data(parsed, { status: 400 });
    const started = await beginInvitationWithEid(token, request);
    if (!started) return data(formFailure({}, values, USED), { status: 400 });
    return started;
  }
  const parsed = parseForm(newPasswordSchema, values);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const userId = await acceptOrganisationInvitation(token, parsed.data.password);
  const user = userId ? await loadUser(userId) : null;
  if (!user) return data(formFailure({}, values, USED), { status: 400 });
  // Someone on staff too signs in with the second factor, as with any password.
  const next = await afterPassword(user.id, "/forening");
  throw redirect(next.secondStep ?? "/forening", { headers: { "Set-Cookie": next.setCookie } });
}

export default function OrganisationInvitationPage() {
  const { usable, eid, passwords } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const withEid =
    usable && eid ? (
      <section aria-labelledby="invitation-eid">
        <h2 id="invitation-eid">Tacka ja med e-legitimation</h2>
        <p>Legitimera dig med BankID eller Freja eID, så loggas du in och kan sedan logga in med den.</p>
        <Form method="post" reloadDocument>
          <input type="hidden" name="intent" value="eid" />
          <button type="submit">Tacka ja med e-legitimation</button>
        </Form>
      </section>
    ) : null;
  if (usable && !passwords) {
    return (
      <>
        <h1>Välkommen till IOP-portalen</h1>
        <p>Du har bjudits in av din förening.</p>
        {failure?.formError ? (
          <div className="panel problem" role="alert">
            <p>{failure.formError}</p>
          </div>
        ) : null}
        {withEid}
      </>
    );
  }
  return (
    <>
      <SetPasswordPage
        usable={usable}
        title="Välkommen till IOP-portalen"
        intro="Du har bjudits in av din förening. Välj ett lösenord så loggas du in."
        failure={failure}
      />
      {withEid}
    </>
  );
}

export const ErrorBoundary = RouteError;
