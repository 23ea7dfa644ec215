import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "../auth/current-user.server";
import { requireCaseForOrganisation } from "../cases/access.server";
import { loadVersionPage } from "../applications/forening-case-pages.server";
import { ApplicationSummary } from "../components/application/summary";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `Version ${data.version}` : "Version");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return loadVersionPage(await requireCaseForOrganisation(user, params.caseId ?? "", "organisation.view"), params.version);
}

export default function VersionPage() {
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <p className="hint">{page.title}</p>
      <h1>Ansökan, version {page.version}</h1>
      <p>{page.status === "submitted" ? `Inskickad ${page.submittedAt}.` : "Utkast, inte inskickat än."}</p>
      {page.previousVersion ? (
        <section aria-labelledby="changes-title">
          <h2 id="changes-title">Ändrat sedan version {page.previousVersion}</h2>
          {page.changes.length === 0 ? (
            <p>Inget är ändrat.</p>
          ) : (
            <dl className="version-changes">
              {page.changes.map((c) => (
                <div key={c.field}>
                  <dt>{c.label}</dt>
                  <dd>
                    <p className="hint">Före:</p>
                    <p className="preserve-lines">{c.before || "(tomt)"}</p>
                    <p className="hint">Efter:</p>
                    <p className="preserve-lines">{c.after || "(tomt)"}</p>
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </section>
      ) : null}
      <ApplicationSummary sections={page.sections} />
      <p>
        <Link to={`/forening/arenden/${page.id}`}>Till ärendet</Link>
      </p>
    </>
  );
}

export const ErrorBoundary = RouteError;
