/** The second step of a staff password sign-in: the code from the app, or a recovery code (ADR 0027). */
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { secondFactorCodeSchema } from "../accounts/schemas";
import { finishStaffSignIn, SIGN_IN_INTERRUPTED } from "../accounts/login.server";
import { hasConfirmedSecondFactor } from "../auth/second-factor.server";
import { readPendingSignIn, SECOND_FACTOR_PATHS } from "../auth/second-factor-cookies.server";
import { HiddenField, TextField, ValidatedForm } from "../components/form";
import { formDataToObject, formFailure, parseForm } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Skriv koden från appen");
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  const pending = readPendingSignIn(request);
  if (!pending) throw redirect(SIGN_IN_INTERRUPTED);
  if (!(await hasConfirmedSecondFactor(pending.userId))) throw redirect(SECOND_FACTOR_PATHS.setUp);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const pending = readPendingSignIn(request);
  if (!pending) throw redirect(SIGN_IN_INTERRUPTED);
  const { code, ...values } = formDataToObject(await request.formData());
  const parsed = parseForm(secondFactorCodeSchema, { ...values, code });
  if (!parsed.ok) return data({ ...parsed, values }, { status: 400 });
  const result = await finishStaffSignIn(pending, parsed.data.code, context?.clientAddress ?? "unknown");
  // The typed code is not sent back: a wrong one is retyped, a right one is spent.
  if (!result.ok) return data(formFailure({ code: result.message }, values), { status: 400 });
  const headers = new Headers();
  for (const cookie of result.cookies) headers.append("Set-Cookie", cookie);
  throw redirect(result.location, { headers });
}

export default function SecondFactorCodePage() {
  const failure = useActionData<typeof action>();
  return (
    <>
      <h1>Skriv koden från appen</h1>
      <p>
        Öppna appen för tvåstegsverifiering i din telefon, till exempel Microsoft Authenticator eller Google
        Authenticator. Skriv koden som visas för IOP-portalen.
      </p>
      <ValidatedForm schema={secondFactorCodeSchema} failure={failure} submitLabel="Logga in" pendingLabel="Loggar in …">
        <HiddenField name="intent" value="code" />
        <TextField
          name="code"
          label="Kod"
          hint="Sex siffror. Har du inte telefonen kan du skriva en av dina återställningskoder i stället."
          autoComplete="one-time-code"
          spellCheck={false}
          autoCapitalize="off"
        />
      </ValidatedForm>
      <p>
        Har du tappat bort både telefonen och återställningskoderna? Be en administratör i din förvaltning att
        återställa din tvåstegsverifiering.
      </p>
      <p>
        <Link to="/logga-in">Avbryt och börja om</Link>
      </p>
    </>
  );
}

export const ErrorBoundary = RouteError;
