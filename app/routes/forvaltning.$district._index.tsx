import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { QUEUE_LABELS, type QueueKey } from "../administration/queue-definitions";
import { countQueues } from "../administration/queues.server";
import { rolesGrant } from "../auth/permissions";
import { requireDistrictRole, requireUser } from "../auth/current-user.server";
import { ROLE_LABELS, type DistrictRole } from "../auth/roles";
import { rolesText } from "../components/roles";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `${data.districtName}` : "Förvaltning");

const ROLE_TASKS: Record<DistrictRole, string> = {
  caseworker: "Du tar ärenden ur kön, bereder dem, begär komplettering och skriver tjänsteutlåtanden.",
  coordinator: "Du samordnar partnerskapen: bokar styrgrupp och arbetsgrupper och för minnesanteckningar.",
  head_of_unit: "Du attesterar tjänsteutlåtanden först, eller skickar tillbaka dem med en kommentar.",
  district_director: "Du attesterar tjänsteutlåtanden efter avdelningschefen och skriver under överenskommelser.",
  registrar: "Du registrerar nämndens beslut: datum, paragraf och utfall.",
  admin: "Du bjuder in personal, ger dem roller och lägger upp utlysningar.",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const district = requireDistrictRole(user, params.district ?? "", "district.view");
  const counts = rolesGrant(district.roles, "queue.view")
    ? await countQueues({ userId: user.id, districtId: district.id, roles: district.roles })
    : null;
  const shown = queuesFor(district.roles);
  return {
    userName: user.name,
    districtName: district.name,
    roles: district.roles,
    queues: counts ? shown.map((key) => ({ key, count: counts[key] })) : [],
    base: `/forvaltning/${district.code.toLowerCase()}/arenden`,
    exportBase: rolesGrant(district.roles, "documents.generate") ? `/forvaltning/${district.code.toLowerCase()}/export` : null,
    lastYear: new Date().getFullYear() - 1,
  };
}

/** The queues each role works from, most urgent first. */
function queuesFor(roles: readonly DistrictRole[]): QueueKey[] {
  const keys = new Set<QueueKey>();
  if (roles.includes("caseworker")) ["mina", "ny", "komplettering", "rapporter"].forEach((k) => keys.add(k as QueueKey));
  if (roles.includes("head_of_unit") || roles.includes("district_director")) keys.add("attestering");
  if (roles.includes("registrar")) keys.add("beslut");
  keys.add("alla");
  return [...keys];
}

export default function DistrictHome() {
  const { userName, districtName, roles, queues, base, exportBase, lastYear } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{districtName}</h1>
      <p className="lead">
        Välkommen, {userName}. Du är inloggad som {rolesText(roles).toLowerCase()}.
      </p>
      {queues.length > 0 ? (
        <section aria-labelledby="queues-heading">
          <h2 id="queues-heading">Dina köer</h2>
          <ul className="queue-counts">
            {queues.map((q) => (
              <li key={q.key}>
                <Link to={`${base}?ko=${q.key}`}>
                  <span className="queue-count">{q.count}</span> {QUEUE_LABELS[q.key].label}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {exportBase ? (
        <section aria-labelledby="followup-export-heading" className="panel">
          <h2 id="followup-export-heading">Uppföljningens siffror</h2>
          <p>Bidrag, tillfällen, deltagare per kön och mål mot utfall för varje IOP under ett år.</p>
          {/* A plain GET form: each button sends the year to its own file, with or without JavaScript. */}
          <form method="get" action={`${exportBase}/uppfoljning.xlsx`}>
            <label htmlFor="followup-year">År</label>
            <input id="followup-year" name="ar" type="number" inputMode="numeric" min={2000} max={2100} defaultValue={lastYear} />
            <button type="submit">Ladda ner Excel</button>
            <button type="submit" formAction={`${exportBase}/uppfoljning.csv`} className="secondary">
              Ladda ner CSV
            </button>
          </form>
        </section>
      ) : null}
      {roles.map((role) => (
        <section key={role} aria-labelledby={`role-${role}`} className="panel">
          <h2 id={`role-${role}`}>{ROLE_LABELS[role]}</h2>
          <p>{ROLE_TASKS[role]}</p>
        </section>
      ))}
    </>
  );
}

export const ErrorBoundary = RouteError;
