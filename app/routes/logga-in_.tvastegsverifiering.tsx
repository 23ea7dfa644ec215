/**
 * A member of staff's first password sign-in: set up the app for two-step verification with a QR code
 * (or the secret typed by hand) and confirm with its first code (ADR 0027).
 */
import { data, redirect, redirectDocument, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { secondFactorSetUpSchema } from "../accounts/schemas";
import { confirmStaffSetUp, SIGN_IN_INTERRUPTED } from "../accounts/login.server";
import { hasConfirmedSecondFactor, loadSecondFactorSetUp } from "../auth/second-factor.server";
import { readPendingSignIn, SECOND_FACTOR_PATHS } from "../auth/second-factor-cookies.server";
import { HiddenField, TextField, ValidatedForm } from "../components/form";
import { formDataToObject, formFailure, parseForm } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Ställ in tvåstegsverifiering");
// The page shows a secret: never kept by a browser or proxy cache.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  const pending = readPendingSignIn(request);
  if (!pending) throw redirect(SIGN_IN_INTERRUPTED);
  const setUp = await loadSecondFactorSetUp(pending.userId);
  if (setUp) {
    const qrDataUrl = `data:image/svg+xml;base64,${Buffer.from(setUp.qrSvg).toString("base64")}`;
    return { secretGrouped: setUp.secretGrouped, accountLabel: setUp.accountLabel, qrDataUrl };
  }
  // Confirmed meanwhile (another tab): the code page. Reset meanwhile: sign in again.
  throw redirect((await hasConfirmedSecondFactor(pending.userId)) ? SECOND_FACTOR_PATHS.code : SIGN_IN_INTERRUPTED);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const pending = readPendingSignIn(request);
  if (!pending) throw redirect(SIGN_IN_INTERRUPTED);
  const { code, ...values } = formDataToObject(await request.formData());
  const parsed = parseForm(secondFactorSetUpSchema, { ...values, code });
  if (!parsed.ok) return data({ ...parsed, values }, { status: 400 });
  const result = await confirmStaffSetUp(pending, parsed.data.code, context?.clientAddress ?? "unknown");
  if (!result.ok) return data(formFailure({ code: result.message }, values), { status: 400 });
  const headers = new Headers();
  for (const cookie of result.cookies) headers.append("Set-Cookie", cookie);
  // A full page load, also with JavaScript: the codes page must be read once, by the browser that
  // holds their cookie, not by the client router's data requests around the redirect.
  throw redirectDocument(result.location, { headers });
}

export default function SecondFactorSetUpPage() {
  const { secretGrouped, accountLabel, qrDataUrl } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <h1>Ställ in tvåstegsverifiering</h1>
      <p>
        Personal i förvaltningen loggar in med lösenord och en kod från en app i telefonen. Då räcker det inte
        att någon får veta ditt lösenord. Du ställer in appen en gång.
      </p>
      <ol>
        <li>
          Installera en app för tvåstegsverifiering i din telefon om du inte redan har en, till exempel Microsoft
          Authenticator eller Google Authenticator.
        </li>
        <li>Välj att lägga till ett konto i appen och skanna QR-koden nedan.</li>
        <li>Skriv koden som appen visar i fältet längst ned.</li>
      </ol>
      <figure className="qr-code">
        <img
          src={qrDataUrl}
          width={220}
          height={220}
          alt={`QR-kod som lägger till IOP-portalen för ${accountLabel} i appen för tvåstegsverifiering`}
        />
      </figure>
      <h2>Kan du inte skanna QR-koden?</h2>
      <p>Välj att skriva in en nyckel i appen och skriv den här nyckeln. Välj tidsbaserad kod om appen frågar.</p>
      <p>
        Nyckel:{" "}
        <code id="totp-secret" className="secret">
          {secretGrouped}
        </code>
      </p>
      <h2>Bekräfta med en kod</h2>
      <ValidatedForm schema={secondFactorSetUpSchema} failure={failure} submitLabel="Bekräfta och logga in" pendingLabel="Bekräftar …">
        <HiddenField name="intent" value="confirm" />
        <TextField
          name="code"
          label="Kod från appen"
          hint="Sex siffror. En ny kod visas var 30:e sekund."
          autoComplete="one-time-code"
          inputMode="numeric"
          spellCheck={false}
        />
      </ValidatedForm>
      <p>
        <Link to="/logga-in">Avbryt och börja om</Link>
      </p>
    </>
  );
}

export const ErrorBoundary = RouteError;
