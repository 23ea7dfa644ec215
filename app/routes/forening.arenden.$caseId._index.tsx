import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "../auth/current-user.server";
import { requireCaseForOrganisation } from "../cases/access.server";
import { loadForeningCasePage } from "../applications/forening-case-pages.server";
import { stepPath } from "../applications/steps";
import { TableWrap } from "../components/table-wrap";
import { CaseLinks } from "../components/case-links";
import { stockholmIsoString } from "../utils/time";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title ?? "Ärende");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return loadForeningCasePage(await requireCaseForOrganisation(user, params.caseId ?? "", "organisation.view"));
}

export default function CasePage() {
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <p className="hint">
        {page.organisationName} · {page.districtName}
      </p>
      <h1>{page.title}</h1>
      <CaseLinks base="/forening/arenden" {...page.linked} />
      {page.completionRequest ? (
        <section className="panel completion-request" aria-labelledby="completion-title">
          <h2 id="completion-title">Förvaltningen ber er komplettera ansökan</h2>
          <p className="preserve-lines">{page.completionRequest.message}</p>
          <p>
            <strong>Senast {page.completionRequest.dueDate}</strong>
          </p>
          {page.canComplete ? (
            <Form method="post" action={`/forening/arenden/${page.id}/komplettera`}>
              <button type="submit">Komplettera ansökan</button>
            </Form>
          ) : null}
        </section>
      ) : null}
      <dl className="case-facts">
        <div>
          <dt>Status</dt>
          <dd>{page.status}</dd>
        </div>
        <div>
          <dt>Diarienummer</dt>
          <dd>{page.diaryNumber ?? "Får ett nummer när ansökan skickas in"}</dd>
        </div>
        <div>
          <dt>Vad händer nu</dt>
          <dd>{page.next}</dd>
        </div>
        {page.deadline ? (
          <div>
            <dt>Senast</dt>
            <dd>{page.deadline}</dd>
          </div>
        ) : null}
      </dl>
      {page.canEdit ? (
        <p>
          <Link className="button" to={stepPath(page.id, "grund")}>
            {page.state === "review.awaitingCompletion" ? "Fortsätt med kompletteringen" : "Fortsätt skriva ansökan"}
          </Link>
        </p>
      ) : null}
      {page.links.length > 0 ? (
        <ul>
          {page.links.map((l) => (
            <li key={l.path}>
              <Link to={`/forening/arenden/${page.id}/${l.path}`}>{l.label}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      <h2>Ansökans versioner</h2>
      {page.versions.length === 0 ? (
        <p>Ingen ansökan ännu.</p>
      ) : (
        <ul>
          {page.versions.map((v) => (
            <li key={v.version}>
              <Link to={`/forening/arenden/${page.id}/versioner/${v.version}`}>Version {v.version}</Link>
              {" – "}
              {v.status === "submitted" && v.submittedAt
                ? `inskickad ${stockholmIsoString(new Date(v.submittedAt)).slice(0, 10)}`
                : "utkast, inte inskickat"}
              <VersionDownloads caseId={page.id} download={page.downloads.find((d) => d.version === v.version)} />
            </li>
          ))}
        </ul>
      )}
      <h2>Händelser</h2>
      <TableWrap label="Händelser i ärendet">
        <table>
          <thead>
            <tr>
              <th scope="col">När</th>
              <th scope="col">Vad</th>
              <th scope="col">Kommentar</th>
            </tr>
          </thead>
          <tbody>
            {page.timeline.map((t) => (
              <tr key={t.revision}>
                <td>{t.at}</td>
                <td>{t.label}</td>
                <td className="preserve-lines">{t.comment ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {page.canWithdraw ? (
        <p>
          <Link to={`/forening/arenden/${page.id}/aterta`}>Ta tillbaka ansökan</Link>
        </p>
      ) : null}
      <p>
        <Link to="/forening">Till översikten</Link>
      </p>
    </>
  );
}

/** A submitted version as PDF, and its attachments as one ZIP file when there are any. */
function VersionDownloads({ caseId, download }: { caseId: string; download: { version: number; attachments: number } | undefined }) {
  if (!download) return null;
  return (
    <>
      {" – "}
      <a href={`/forening/arenden/${caseId}/ansokan.pdf?version=${download.version}`} download>
        {`Ladda ner version ${download.version} som PDF`}
      </a>
      {download.attachments > 0 ? (
        <>
          {", "}
          <a href={`/forening/arenden/${caseId}/bilagor.zip?version=${download.version}`} download>
            {`bilagorna (${download.attachments}) som ZIP`}
          </a>
        </>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteError;
