import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CaseSummary } from "../components/partnership/case-summary";
import { ErrorSummary, Notice } from "../components/form";
import { requireUser } from "../auth/current-user.server";
import { requireCaseForDistrict } from "../cases/access.server";
import { loadFinalReportPage, startFinalAssessment } from "../partnership/final-report-page.server";
import { START_FINAL_ASSESSMENT } from "../partnership/final-report-forms";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Slutrapport");

const COMMITMENT: Record<string, string> = { yes: "Ja", partly: "Delvis", no: "Nej" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return loadFinalReportPage(await requireCaseForDistrict(user, params, "case.view"));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const found = await requireCaseForDistrict(user, params, "case.view");
  const reply = await startFinalAssessment(user, found, await request.formData());
  return reply.status === 200 ? reply.body : data(reply.body, { status: reply.status });
}

function Text({ label, value }: { label: string; value: string | undefined }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd className="prewrap">{value && value.trim() !== "" ? value : "–"}</dd>
    </div>
  );
}

export default function FinalReportPage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { header, report } = loaded;
  const state = header.state;
  const statementPath = `${loaded.base}/arenden/${header.id}/utlatande?skede=slutrapport`;
  const assessing = state === "finalReport.assessment" || state.startsWith("finalReport.attestation") || state === "finalReport.awaitingBoard";
  return (
    <>
      <h1>Slutrapport</h1>
      <CaseSummary base={loaded.base} header={header} />
      <Notice message={result?.ok ? result.message : null} />
      {loaded.termination ? (
        <p>{`Överenskommelsen upphörde i förtid ${loaded.termination.effectiveDate}: ${loaded.termination.reason}`}</p>
      ) : null}
      {!report ? (
        <p>Föreningen har inte lämnat slutrapporten än.</p>
      ) : (
        <>
          <p className="hint">{`Version ${report.version}${report.submittedAt ? `, inskickad ${report.submittedAt.slice(0, 10)}` : ""}`}</p>
          <h2>Måluppfyllelse och avvikelser</h2>
          <dl className="facts stacked">
            <Text label="Måluppfyllelse" value={report.content.goalFulfilment} />
            <Text label="Avvikelser i tid" value={report.content.timeDeviations} />
            <Text label="Avvikelser i budget" value={report.content.budgetDeviations} />
          </dl>
          <h2>Parternas åtaganden</h2>
          <dl className="facts stacked">
            <Text
              label="Har föreningen uppfyllt sina åtaganden?"
              value={[COMMITMENT[report.content.associationCommitmentsMet ?? ""], report.content.associationCommitmentsComment].filter(Boolean).join(". ")}
            />
            <Text
              label="Har förvaltningen uppfyllt sina åtaganden?"
              value={[COMMITMENT[report.content.administrationCommitmentsMet ?? ""], report.content.administrationCommitmentsComment].filter(Boolean).join(". ")}
            />
          </dl>
          <h2>Lärdomar</h2>
          <p className="prewrap">{report.content.lessonsLearned?.trim() || "–"}</p>
          {loaded.canDownload ? (
            <p>
              {"Förvaltningens slutrapport till nämnden: "}
              <a href={`${loaded.base}/arenden/${header.id}/slutrapport.pdf`} download>
                Ladda ner som PDF
              </a>
              {" eller "}
              <a href={`${loaded.base}/arenden/${header.id}/slutrapport.docx`} download>
                Word
              </a>
            </p>
          ) : null}
        </>
      )}

      {state === "finalReport.submitted" && loaded.canAssess ? (
        <section aria-labelledby="assess-heading" className="panel">
          <h2 id="assess-heading">Bedöm slutrapporten</h2>
          <p>När du börjar bedöma skriver du ett tjänsteutlåtande om slutrapporten, med förslag om partnerskapet ska omförhandlas.</p>
          <ErrorSummary formError={result && !result.ok ? result.message : undefined} />
          <Form method="post">
            <input type="hidden" name="expectedRevision" value={header.revision} />
            <button type="submit" name="intent" value={START_FINAL_ASSESSMENT}>
              Börja bedöma
            </button>
          </Form>
        </section>
      ) : null}
      {assessing ? (
        <p>
          <Link to={statementPath}>Tjänsteutlåtande om slutrapporten</Link>
        </p>
      ) : null}
      {loaded.finalApproval ? (
        <section aria-labelledby="outcome-heading" className="panel success">
          <h2 id="outcome-heading">Nämndens beslut</h2>
          <p>{`Nämnden godkände slutrapporten ${loaded.finalApproval.meetingDate}, ${loaded.finalApproval.paragraph}.`}</p>
          <p>{loaded.renegotiate ? "Partnerskapet ska omförhandlas." : "Partnerskapet omförhandlas inte."}</p>
          {loaded.renegotiation ? (
            <p>
              <Link to={`${loaded.base}/arenden/${loaded.renegotiation.id}`}>
                {`Det nya ärendet: ${loaded.renegotiation.title}${loaded.renegotiation.diaryNumber ? ` (${loaded.renegotiation.diaryNumber})` : ""}`}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteError;
