import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useSearchParams } from "@remix-run/react";
import { loginSchema } from "../accounts/schemas";
import { logIn } from "../accounts/login.server";
import { getCurrentUser, homePathFor, loadUser, safeRedirectPath } from "../auth/current-user.server";
import { HiddenField, TextField, ValidatedForm } from "../components/form";
import { formDataToObject, formFailure, parseForm } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Logga in");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  if (user) throw redirect(homePathFor(user));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formDataToObject(await request.formData());
  const parsed = parseForm(loginSchema, values);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await logIn({
    email: parsed.data.email,
    password: parsed.data.password,
    clientAddress: context?.clientAddress ?? "unknown",
    returnTo: safeRedirectPath(parsed.data.redirectTo, ""),
  });
  if (!result.ok) return data(formFailure({}, values, result.formError), { status: 400 });
  // Staff: no session yet, the second step first.
  if (result.secondStep) throw redirect(result.secondStep, { headers: { "Set-Cookie": result.setCookie } });
  const user = await loadUser(result.userId);
  const target = safeRedirectPath(parsed.data.redirectTo, user ? homePathFor(user) : "/");
  throw redirect(target, { headers: { "Set-Cookie": result.setCookie } });
}

export default function LoginPage() {
  const failure = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = params.get("meddelande");
  return (
    <>
      <h1>Logga in</h1>
      {notice === "losenord-bytt" ? (
        <div className="panel success" role="status">
          <p>Ditt lösenord är bytt. Logga in med det nya lösenordet.</p>
        </div>
      ) : null}
      {notice === "epost-bekraftad" ? (
        <div className="panel success" role="status">
          <p>Din e-postadress är bekräftad. Nu kan du logga in.</p>
        </div>
      ) : null}
      {notice === "inloggning-avbruten" ? (
        <div className="panel" role="status">
          <p>Inloggningen avbröts eller tog mer än fem minuter. Logga in igen med e-postadress och lösenord.</p>
        </div>
      ) : null}
      <ValidatedForm schema={loginSchema} failure={failure} submitLabel="Logga in" pendingLabel="Loggar in …">
        <TextField name="email" label="E-postadress" type="email" autoComplete="email" spellCheck={false} />
        <TextField name="password" label="Lösenord" type="password" autoComplete="current-password" />
        <HiddenField name="redirectTo" value={params.get("redirectTo") ?? ""} />
      </ValidatedForm>
      <p>
        <Link to="/glomt-losenord">Glömt lösenordet?</Link>
      </p>
      <p>
        Ny förening? <Link to="/registrera">Registrera föreningen</Link>.
      </p>
    </>
  );
}

export const ErrorBoundary = RouteError;
