import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "../auth/current-user.server";
import { requireCaseForOrganisation } from "../cases/access.server";
import { loadReceiptPage } from "../applications/forening-case-pages.server";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Kvitto – ansökan inskickad");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return loadReceiptPage(await requireCaseForOrganisation(user, params.caseId ?? "", "organisation.view"));
}

export default function ReceiptPage() {
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <div className="panel success receipt" role="status">
        <h1>{page.version > 1 ? "Kompletteringen är inskickad" : "Ansökan är inskickad"}</h1>
        <p className="lead">
          Diarienummer: <strong>{page.diaryNumber}</strong>
        </p>
      </div>
      <dl className="case-facts">
        <div>
          <dt>Ansökan</dt>
          <dd>{page.title}</dd>
        </div>
        <div>
          <dt>Skickad till</dt>
          <dd>{page.districtName}</dd>
        </div>
        <div>
          <dt>Inskickad</dt>
          <dd>{page.submittedAt}</dd>
        </div>
        <div>
          <dt>Version</dt>
          <dd>{page.version}</dd>
        </div>
      </dl>
      <h2>Vad händer nu?</h2>
      <p>{page.next}</p>
      <p>
        Ni får e-post när något händer i ärendet. Ange diarienumret om ni kontaktar förvaltningen. Förvaltningen kan be er
        komplettera ansökan; då ser ni det här i portalen.
      </p>
      <p>
        <Link to={`/forening/arenden/${page.id}`}>Gå till ärendet</Link>
      </p>
    </>
  );
}

export const ErrorBoundary = RouteError;
