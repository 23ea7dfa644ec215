import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import * as z from "zod/mini";
import { requireOrganisationMember, requireUser } from "../auth/current-user.server";
import { ORGANISATION_ROLES, ROLE_LABELS, type OrganisationRole } from "../auth/roles";
import { CheckboxGroup, HiddenField, TextField, ValidatedForm } from "../components/form";
import { rolesText } from "../components/roles";
import { TableWrap } from "../components/table-wrap";
import { loadMembersPage, manageMembers } from "../organisations/members-page.server";
import { inviteMemberSchema, MEMBER_INTENTS } from "../organisations/schemas";
import { pageTitle } from "../utils/meta";
import { Notice } from "../components/form";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Personer i föreningen");

const Params = z.object({ organisationId: z.uuid() });
function organisationIdOf(params: LoaderFunctionArgs["params"]) {
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  return parsed.data.organisationId;
}

// Firmatecknare come from the protokoll the district has confirmed (ADR 0028), not from this page.
const ROLE_OPTIONS = ORGANISATION_ROLES.filter((r) => r !== "signatory").map((r) => ({ value: r, label: ROLE_LABELS[r] }));
const ROLE_HINT = "Kontaktpersonen sköter ansökan och rapporter.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return loadMembersPage(requireOrganisationMember(user, organisationIdOf(params), "organisation.view"));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const membership = requireOrganisationMember(user, organisationIdOf(params), "organisation.inviteMember");
  const reply = await manageMembers(user, membership, await request.formData());
  return data(reply.body, { status: reply.status });
}

/** "Inbjuden" until the person has said yes; roles added by a later invitation are named too. */
function memberStatus(m: { active: boolean; pendingRoles: OrganisationRole[] }) {
  if (!m.active) return "Inbjuden";
  if (m.pendingRoles.length === 0) return "Aktiv";
  return `Aktiv, inbjuden som ${m.pendingRoles.map((r) => ROLE_LABELS[r].toLowerCase()).join(" och ")}`;
}

export default function MembersPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const status = search.get("inbjuden")
    ? `En inbjudan har skickats till ${search.get("inbjuden")}.`
    : search.get("roller")
      ? "Rollerna är ändrade."
      : search.get("borttagen")
        ? "Personen är borttagen från föreningen."
        : null;
  const memberError = result && result.intent !== "invite" ? result.formError ?? Object.values(result.errors)[0] : null;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/forening/${page.organisationId}`}>{page.organisationName}</Link>
      </p>
      <h1>Personer i föreningen</h1>
      <Notice message={status && !result ? status : null} />
      {memberError ? (
        <div className="error-summary" role="alert">
          <p>{memberError}</p>
        </div>
      ) : null}
      <p>
        {ROLE_HINT} Firmatecknare skriver under överenskommelsen; de bestäms av föreningens protokoll och bekräftas av förvaltningen
        under <Link to={`/forening/${page.organisationId}/verifiering`}>Verifiera föreningen</Link>.
      </p>
      <TableWrap label="Personer i föreningen">
        <table>
          <thead>
            <tr>
              <th scope="col">Namn</th>
              <th scope="col">Roller</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {page.members.map((m) => (
              <tr key={m.userId}>
                <td>
                  {m.name}
                  {m.name === m.email ? null : (
                    <>
                      <br />
                      <span className="hint">{m.email}</span>
                    </>
                  )}
                </td>
                <td>{rolesText(m.roles)}</td>
                <td>{memberStatus(m)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {page.canManage ? (
        <>
          <h2>Ändra roller eller ta bort</h2>
          {page.members.map((m) => (
            <section key={m.userId} className="repeat-row" aria-label={m.name}>
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value={MEMBER_INTENTS.roles} />
                <input type="hidden" name="userId" value={m.userId} />
                <fieldset>
                  <legend>{`Roller för ${m.name}`}</legend>
                  {ROLE_OPTIONS.map((o) => (
                    <div className="checkbox" key={o.value}>
                      <input
                        type="checkbox"
                        id={`roles-${m.userId}-${o.value}`}
                        name="roles"
                        value={o.value}
                        defaultChecked={m.roles.includes(o.value)}
                      />
                      <label htmlFor={`roles-${m.userId}-${o.value}`}>{o.label}</label>
                    </div>
                  ))}
                </fieldset>
                <div>
                  <button type="submit">{`Spara roller för ${m.name}`}</button>
                </div>
              </Form>
              <Form method="post">
                <input type="hidden" name="intent" value={MEMBER_INTENTS.remove} />
                <input type="hidden" name="userId" value={m.userId} />
                <button type="submit" className="secondary">{`Ta bort ${m.name} från föreningen`}</button>
              </Form>
            </section>
          ))}
          <h2>Bjud in en person</h2>
          <ValidatedForm
            schema={inviteMemberSchema}
            failure={result && result.intent === "invite" ? result : null}
            defaultValues={{ roles: ["contact_person"] }}
            submitLabel="Skicka inbjudan"
          >
            <HiddenField name="intent" value={MEMBER_INTENTS.invite} />
            <TextField name="name" label="Namn" autoComplete="off" />
            <TextField name="email" label="E-postadress" type="email" autoComplete="off" spellCheck={false} />
            <CheckboxGroup name="roles" legend="Roller" hint={ROLE_HINT} options={ROLE_OPTIONS} />
          </ValidatedForm>
        </>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteError;
