import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { registrationSchema, PASSWORD_HINT } from "../accounts/schemas";
import { registerOrganisation } from "../accounts/registration.server";
import { getCurrentUser, homePathFor } from "../auth/current-user.server";
import { FORENING_PASSWORD_OFF, foreningPasswordLoginAllowed } from "../auth/password-policy.server";
import { TextField, ValidatedForm } from "../components/form";
import { formDataToObject, formFailure, parseForm } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Registrera förening");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  if (user) throw redirect(homePathFor(user));
  return { passwords: foreningPasswordLoginAllowed() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formDataToObject(await request.formData());
  // Passwords off for föreningar: an account with one could never sign in.
  if (!foreningPasswordLoginAllowed()) return data(formFailure({}, values, FORENING_PASSWORD_OFF), { status: 400 });
  const parsed = parseForm(registrationSchema, values);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await registerOrganisation(parsed.data, context?.clientAddress ?? "unknown");
  if (!result.ok) return data(formFailure(result.errors, values), { status: 400 });
  throw redirect("/registrera/klar");
}

export default function RegistrationPage() {
  const failure = useActionData<typeof action>();
  const { passwords } = useLoaderData<typeof loader>();
  if (!passwords) {
    return (
      <>
        <h1>Registrera förening</h1>
        <p>
          Du registrerar föreningen med din e-legitimation (BankID eller Freja eID). Logga in med den, så får du
          fylla i uppgifterna om föreningen.
        </p>
        <Form method="post" action="/logga-in/e-legitimation" reloadDocument>
          <input type="hidden" name="intent" value="eid" />
          <button type="submit">Registrera med e-legitimation</button>
        </Form>
      </>
    );
  }
  return (
    <>
      <h1>Registrera förening</h1>
      <p>
        Registrera föreningen för att kunna ansöka om idéburet offentligt partnerskap. Du blir föreningens
        kontaktperson i portalen och kan bjuda in fler senare.
      </p>
      <ValidatedForm schema={registrationSchema} failure={failure} submitLabel="Registrera" pendingLabel="Registrerar …">
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
          <legend>Du som kontaktperson</legend>
          <div className="stack" style={{ display: "grid", gap: "1rem" }}>
            <TextField name="contactName" label="Ditt namn" autoComplete="name" />
            <TextField
              name="email"
              label="Din e-postadress"
              hint="Vi skickar en länk hit som du öppnar för att bekräfta adressen."
              type="email"
              autoComplete="email"
              spellCheck={false}
            />
            <TextField
              name="password"
              label="Välj lösenord"
              hint={PASSWORD_HINT}
              type="password"
              autoComplete="new-password"
            />
          </div>
        </fieldset>
      </ValidatedForm>
      <p>
        Har föreningen redan ett konto? <Link to="/logga-in">Logga in</Link>.
      </p>
    </>
  );
}

export const ErrorBoundary = RouteError;
