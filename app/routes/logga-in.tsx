import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { loginSchema } from "../accounts/schemas";
import { logIn } from "../accounts/login.server";
import { getCurrentUser, homePathFor, loadUser, safeRedirectPath } from "../auth/current-user.server";
import { HiddenField, TextField, ValidatedForm } from "../components/form";
import { formDataToObject, formFailure, parseForm } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";
import { signInAvailable } from "../auth/oidc/index.server";
import { signInNotice } from "../auth/oidc/messages";

export const meta: MetaFunction = () => pageTitle("Logga in");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  if (user) throw redirect(homePathFor(user));
  // Each way in is offered only where it is set up (an issuer, or the development provider).
  return { eid: signInAvailable("eid", request), staff: signInAvailable("staff", request) };
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
  const available = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const notice = params.get("meddelande");
  const signInMessage = signInNotice(notice);
  const redirectTo = params.get("redirectTo") ?? "";
  return (
    <>
      <h1>Logga in</h1>
      {signInMessage ? (
        <div
          className={`panel${signInMessage.tone === "success" ? " success" : ""}${signInMessage.tone === "error" ? " error-summary" : ""}`}
          role={signInMessage.tone === "error" ? "alert" : "status"}
        >
          <p>{signInMessage.text}</p>
        </div>
      ) : null}
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
      {available.eid ? (
        <section aria-labelledby="login-eid">
          <h2 id="login-eid">För föreningar</h2>
          <p>Logga in med BankID eller Freja eID.</p>
          <Form method="post" action="/logga-in/e-legitimation" reloadDocument>
            <input type="hidden" name="intent" value="eid" />
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <button type="submit">Logga in med e-legitimation</button>
          </Form>
        </section>
      ) : null}
      {available.staff ? (
        <section aria-labelledby="login-staff">
          <h2 id="login-staff">För personal i förvaltningen</h2>
          <p>Logga in med ditt konto i staden.</p>
          <Form method="post" action="/logga-in/stad" reloadDocument>
            <input type="hidden" name="intent" value="staff-sso" />
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <button type="submit">Logga in med stadens inloggning</button>
          </Form>
        </section>
      ) : null}
      {available.eid || available.staff ? (
        <h2 id="login-password">Logga in med e-postadress och lösenord</h2>
      ) : null}
      <ValidatedForm schema={loginSchema} failure={failure} submitLabel="Logga in" pendingLabel="Loggar in …">
        <TextField name="email" label="E-postadress" type="email" autoComplete="email" spellCheck={false} />
        <TextField name="password" label="Lösenord" type="password" autoComplete="current-password" />
        <HiddenField name="redirectTo" value={redirectTo} />
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
