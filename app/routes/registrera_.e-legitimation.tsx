// `registrera_`: a page of its own, not a child of the password registration's route (no Outlet there).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { eidRegistrationSchema } from "../accounts/schemas";
import { registerWithIdentity } from "../accounts/eid-accounts.server";
import { clearPendingRegistration, readPendingRegistration } from "../accounts/eid-cookies.server";
import { EID_SIGN_IN_PATH } from "../accounts/eid-callback.server";
import { getCurrentUser, homePathFor } from "../auth/current-user.server";
import { SIGN_IN_METHOD_LABELS } from "../auth/sign-in-method";
import { HiddenField, TextField, ValidatedForm } from "../components/form";
import { formDataToObject, formFailure, parseForm } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Registrera förening med e-legitimation");

const EXPIRED = `${EID_SIGN_IN_PATH}?meddelande=registrering-utgangen`;

/** Only after an e-ID sign-in with no account: the verified identity waits in a sealed cookie. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  if (user) throw redirect(homePathFor(user));
  const identity = readPendingRegistration(request);
  if (!identity) throw redirect(EXPIRED);
  return {
    name: `${identity.givenName} ${identity.familyName}`,
    personalNumberMasked: identity.personalNumberMasked,
    method: SIGN_IN_METHOD_LABELS[identity.method],
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const identity = readPendingRegistration(request);
  if (!identity) throw redirect(EXPIRED);
  const values = formDataToObject(await request.formData());
  const parsed = parseForm(eidRegistrationSchema, values);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await registerWithIdentity(identity, parsed.data);
  if (!result.ok) return data(formFailure(result.errors, values, result.formError), { status: 400 });
  const headers = new Headers();
  headers.append("Set-Cookie", clearPendingRegistration());
  headers.append("Set-Cookie", result.setCookie);
  throw redirect("/forening", { headers });
}

export default function EidRegistrationPage() {
  const person = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <h1>Registrera förening med e-legitimation</h1>
      <p>
        Det finns inget konto i portalen för din e-legitimation. Registrera föreningen så blir du dess kontaktperson
        och loggar in med e-legitimation. Du kan bjuda in fler senare.
      </p>
      <div className="panel">
        <h2>Du som kontaktperson</h2>
        <dl className="case-facts">
          <div>
            <dt>Namn</dt>
            <dd>{person.name}</dd>
          </div>
          <div>
            <dt>Personnummer</dt>
            <dd>{person.personalNumberMasked}</dd>
          </div>
          <div>
            <dt>Legitimerad med</dt>
            <dd>{person.method}</dd>
          </div>
        </dl>
      </div>
      <p>
        Har du redan ett konto med lösenord? <Link to="/logga-in">Logga in med lösenordet</Link> och koppla
        e-legitimationen under Ditt konto.
      </p>
      <ValidatedForm schema={eidRegistrationSchema} failure={failure} submitLabel="Registrera" pendingLabel="Registrerar …">
        <HiddenField name="intent" value="register" />
        <fieldset>
          <legend>Föreningen</legend>
          <div className="stack" style={{ display: "grid", gap: "1rem" }}>
            <TextField name="organisationName" label="Föreningens namn" autoComplete="organization" />
            <TextField
              name="organisationNumber"
              label="Organisationsnummer"
              hint="Tio siffror, till exempel 802461-9168."
              inputMode="numeric"
              autoComplete="off"
            />
            <TextField name="organisationEmail" label="Föreningens e-postadress" type="email" autoComplete="email" />
          </div>
        </fieldset>
        <fieldset>
          <legend>Din e-postadress</legend>
          <TextField
            name="email"
            label="Din e-postadress"
            hint="Hit skickar vi meddelanden om föreningens ärenden. Du får en länk för att bekräfta adressen."
            type="email"
            autoComplete="email"
            spellCheck={false}
          />
        </fieldset>
      </ValidatedForm>
    </>
  );
}

export const ErrorBoundary = RouteError;
