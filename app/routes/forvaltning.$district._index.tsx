import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { QUEUE_LABELS } from "../administration/queue-definitions";
import { loadDistrictHome } from "../administration/district-home.server";
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
  return loadDistrictHome(user, requireDistrictRole(user, params.district ?? "", "district.view"));
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
