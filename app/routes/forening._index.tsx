import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireOrganisationUser, requireUser } from "../auth/current-user.server";
import { rolesGrant } from "../auth/permissions";
import { listOrganisationCases } from "../applications/case-overview.server";
import { rolesText } from "../components/roles";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Föreningens översikt");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireOrganisationUser(user);
  const cases = await listOrganisationCases(user.organisations.map((o) => o.id));
  return {
    name: user.name,
    organisations: user.organisations.map((o) => ({
      ...o,
      canApply: rolesGrant(o.roles, "application.draft"),
      cases: cases.filter((c) => c.organisationId === o.id),
    })),
  };
}

export default function OrganisationHome() {
  const { name, organisations } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Välkommen, {name}</h1>
      <p>Här ser du föreningarna du företräder, deras ansökningar och vad ni behöver göra.</p>
      {organisations.map((o) => (
        <section key={o.id} aria-labelledby={`org-${o.id}`} className="organisation-cases">
          <h2 id={`org-${o.id}`}>{o.name}</h2>
          <p className="hint">
            Organisationsnummer {o.organisationNumber} · Din roll: {rolesText(o.roles)} ·{" "}
            <Link to={`/forening/${o.id}`}>Om föreningen</Link> ·{" "}
            <Link to={`/forening/${o.id}/oversikt`}>
              Siffror år för år <span className="visually-hidden">för {o.name}</span>
            </Link>
          </p>
          {o.canApply ? (
            <p>
              <Link className="button" to={`/forening/${o.id}/ny-ansokan`}>
                Ny ansökan <span className="visually-hidden">för {o.name}</span>
              </Link>
            </p>
          ) : null}
          {o.cases.length === 0 ? (
            <p>Föreningen har inga ärenden ännu.</p>
          ) : (
            <ul className="card-list case-list">
              {o.cases.map((c) => (
                <li key={c.id}>
                  <h3>
                    <Link to={`/forening/arenden/${c.id}`}>{c.title}</Link>
                  </h3>
                  <dl className="case-facts">
                    <div>
                      <dt>Status</dt>
                      <dd>{c.status}</dd>
                    </div>
                    <div>
                      <dt>Diarienummer</dt>
                      <dd>{c.diaryNumber ?? "Får ett nummer när ansökan skickas in"}</dd>
                    </div>
                    <div>
                      <dt>Stadsdel</dt>
                      <dd>{c.districtName}</dd>
                    </div>
                    <div>
                      <dt>Nästa steg</dt>
                      <dd>{c.next}</dd>
                    </div>
                    {c.deadline ? (
                      <div>
                        <dt>Senast</dt>
                        <dd>{c.deadline}</dd>
                      </div>
                    ) : null}
                  </dl>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}

export const ErrorBoundary = RouteError;
