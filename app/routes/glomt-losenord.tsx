import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { forgotPasswordSchema } from "../accounts/schemas";
import { requestPasswordReset } from "../accounts/password-reset.server";
import { foreningPasswordLoginAllowed } from "../auth/password-policy.server";
import { TextField, ValidatedForm } from "../components/form";
import { formDataToObject, parseForm } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Glömt lösenordet");

export function loader() {
  return { foreningPasswords: foreningPasswordLoginAllowed() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formDataToObject(await request.formData());
  const parsed = parseForm(forgotPasswordSchema, values);
  if (!parsed.ok) return data(parsed, { status: 400 });
  await requestPasswordReset(parsed.data.email, context?.clientAddress ?? "unknown");
  return { ok: true as const };
}

export default function ForgotPasswordPage() {
  const result = useActionData<typeof action>();
  const { foreningPasswords } = useLoaderData<typeof loader>();
  if (result?.ok) {
    return (
      <>
        <h1>Kolla din e-post</h1>
        <div className="panel success" role="status">
          <p>
            Om det finns ett konto med den adressen har vi skickat en länk för att välja nytt lösenord. Länken
            gäller i en timme.
          </p>
        </div>
      </>
    );
  }
  return (
    <>
      <h1>Glömt lösenordet</h1>
      {foreningPasswords ? null : (
        <div className="panel" role="note">
          <p>
            Företräder du en förening? Då loggar du in med e-legitimation och har inget lösenord att återställa.{" "}
            <Link to="/logga-in/e-legitimation">Logga in med e-legitimation</Link>.
          </p>
        </div>
      )}
      <p>Skriv din e-postadress så skickar vi en länk där du kan välja ett nytt lösenord.</p>
      <ValidatedForm schema={forgotPasswordSchema} failure={result} submitLabel="Skicka länk">
        <TextField name="email" label="E-postadress" type="email" autoComplete="email" spellCheck={false} />
      </ValidatedForm>
    </>
  );
}

export const ErrorBoundary = RouteError;
