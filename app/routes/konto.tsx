import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { linkEidSchema } from "../accounts/schemas";
import { accountHistory } from "../accounts/eid-accounts.server";
import { beginIdentityLink } from "../accounts/eid-link.server";
import { accountNotice } from "../accounts/eid-messages";
import { requireUser } from "../auth/current-user.server";
import { isSignInMethod, SIGN_IN_METHOD_LABELS } from "../auth/sign-in-method";
import { stockholmIsoString } from "../utils/time";
import { EidNoticePanel } from "../components/eid-notice";
import { HiddenField } from "../components/form";
import { formDataToObject, parseForm } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Ditt konto");

const EVENT_LABELS = {
  registered_with_eid: "Registrerade föreningen med e-legitimation",
  identity_linked: "Kopplade e-legitimationen till kontot",
  signed_in_eid: "Loggade in med e-legitimation",
  second_factor_set_up: "Ställde in tvåstegsverifiering",
  second_factor_reset: "Tvåstegsverifieringen återställdes av en administratör",
} as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    name: user.name,
    email: user.email,
    signInMethod: SIGN_IN_METHOD_LABELS[user.signInMethod],
    identity: user.identity,
    // Staff sign in through the city; a förening's people link their e-legitimation once.
    canLink: user.identity === null && user.districts.length === 0,
    notice: accountNotice(new URL(request.url).searchParams.get("meddelande")),
    history: (await accountHistory(user.id)).map((event) => ({
      text: EVENT_LABELS[event.kind],
      method: isSignInMethod(event.signInMethod) ? SIGN_IN_METHOD_LABELS[event.signInMethod] : null,
      at: stockholmIsoString(event.at).slice(0, 16).replace("T", " kl. "),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseForm(linkEidSchema, formDataToObject(await request.formData()));
  if (!parsed.ok) return data(parsed, { status: 400 });
  return beginIdentityLink(user, request);
}

export default function AccountPage() {
  const { name, email, signInMethod, identity, canLink, notice, history } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Ditt konto</h1>
      <EidNoticePanel notice={notice} />
      <p>Inloggad med {signInMethod}</p>
      <dl className="case-facts">
        <div>
          <dt>Namn</dt>
          <dd>{name}</dd>
        </div>
        <div>
          <dt>E-postadress</dt>
          <dd>{email}</dd>
        </div>
      </dl>
      <section aria-labelledby="eid-heading">
        <h2 id="eid-heading">E-legitimation</h2>
        {identity ? (
          <>
            <p>
              {`Kontot är kopplat till e-legitimationen för ${identity.givenName} ${identity.familyName}, ${identity.personalNumberMasked}.`}{" "}
              Du kan logga in med den.
            </p>
            <p className="hint">Kopplingen kan inte ändras här. Kontakta förvaltningen om den är fel.</p>
          </>
        ) : canLink ? (
          <>
            <p>
              Koppla din e-legitimation (BankID eller Freja eID) till kontot, så kan du logga in med den i stället för
              lösenordet. Det görs en gång: du loggar in med e-legitimationen och kommer sedan tillbaka hit.
            </p>
            <Form method="post" reloadDocument>
              <HiddenField name="intent" value="linkEid" />
              <button type="submit">Koppla e-legitimation</button>
            </Form>
          </>
        ) : (
          <p>Du loggar in med stadens inloggning. Kontot kopplas inte till en e-legitimation.</p>
        )}
      </section>
      {history.length > 0 ? (
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">Senaste händelserna med e-legitimation</h2>
          <ul>
            {history.map((event, i) => (
              <li key={i}>{`${event.at}: ${event.text}${event.method ? ` (${event.method})` : ""}`}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteError;
