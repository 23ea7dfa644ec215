import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "../auth/current-user.server";
import { requireCaseForOrganisation } from "../cases/access.server";
import { postReportForm } from "../association/report-post.server";
import { loadPeriodReportPage, savePeriodDraft, submitPeriodReport } from "../association/period-report.server";
import {
  blankReportRow,
  parseReportRowIntent,
  periodContentFromForm,
  periodFormFromPost,
  periodFormValues,
  withReportRowIntent,
} from "../association/report-forms";
import { periodReportFormSchema } from "../association/schemas";
import { CaseHeading } from "../components/association/case-heading";
import { PeriodReportView } from "../components/period-report-view";
import { FinancialView } from "../components/report-financial-table";
import { ActivityRows, GoalOutcomeRows, PlainSendCheckbox, ReportRowsForm } from "../components/association/report-fields";
import { PlainTextArea } from "../components/form";
import { rowsOrBlank } from "../utils/form-rows";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Rapport");


export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const caseRow = await requireCaseForOrganisation(user, params.caseId ?? "", "report.submit");
  return loadPeriodReportPage(caseRow);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const caseRow = await requireCaseForOrganisation(user, params.caseId ?? "", "report.submit");
  return postReportForm(request, caseRow, user, {
    schema: periodReportFormSchema,
    toContent: periodContentFromForm,
    save: savePeriodDraft,
    submit: submitPeriodReport,
    path: `/forening/arenden/${caseRow.case.id}/rapport`,
    rows: { parse: (intent) => parseReportRowIntent(intent, "activities"), apply: withReportRowIntent },
  });
}

export default function PeriodReportPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const failure = answer && !answer.ok ? answer : undefined;
  const posted = (answer?.values ?? {}) as Record<string, unknown>;
  const [search] = useSearchParams();
  const base = page.draft?.content ?? page.latest?.content ?? {};
  // After a post the form shows what was posted (plus or minus a row), never an older stored copy.
  const values = answer ? periodFormFromPost(posted, page.goals.length) : periodFormValues(base, page.goals.length);
  // Two rows to start with; after that the rows as saved or posted, and "Lägg till rad" for more.
  const rows = rowsOrBlank(values.activities, () => blankReportRow("activities"), answer || values.activities.length > 0 ? 1 : 2);
  const errors = failure?.errors ?? {};
  const reportRevision = answer ? posted.reportRevision : page.draft?.revision;
  const periodName = `Rapport ${page.periodIndex + 1} av ${page.periodCount}`;
  const submitted = page.latest?.status === "submitted" ? page.latest : null;
  return (
    <>
      <CaseHeading title="Rapport om verksamheten" caseTitle={page.title} diaryNumber={page.diaryNumber} caseId={page.caseId} />
      {search.get("inskickad") ? (
        <div className="panel success" role="status">
          <p>Tack! Rapporten är inskickad. Förvaltningen går igenom den och hör av sig.</p>
        </div>
      ) : null}
      {(search.get("sparad") && !answer) || answer?.ok ? (
        <div className="panel success" role="status">
          <p>Utkastet är sparat. Du kan fortsätta när du vill.</p>
        </div>
      ) : null}
      {!page.inFollowUp ? (
        <p>Det finns ingen rapport att lämna just nu. Rapporterna börjar när överenskommelsen har skrivits under.</p>
      ) : (
        <>
          <p>
            {periodName}
            {page.dueDate ? ` · Ska vara inskickad senast ${page.dueDate}` : ""}
          </p>
          {page.completionRequest ? (
            <div className="panel notice" role="note" aria-labelledby="completion-heading">
              <h2 id="completion-heading">Förvaltningen vill att ni kompletterar rapporten</h2>
              <p className="pre-line">{page.completionRequest.message}</p>
              <p>{`Skicka in den kompletterade rapporten senast ${page.completionRequest.dueDate}.`}</p>
            </div>
          ) : null}
          {page.editable ? (
            <ReportRowsForm errors={errors} formError={failure?.formError} order={["narrative", "activities", "goals"]}>
              <input type="hidden" name="caseRevision" value={String(page.caseRevision)} />
              {reportRevision !== undefined && reportRevision !== null ? (
                <input type="hidden" name="reportRevision" value={String(reportRevision)} />
              ) : null}
              <h2>Vad har ni gjort?</h2>
              <PlainTextArea
                name="narrative"
                label="Berätta om perioden"
                hint="Vad har ni gjort, hur har det gått och vad har ni lärt er? Skriv med egna ord."
                rows={6}
                defaultValue={values.narrative}
                error={errors.narrative}
              />
              <h2>Aktiviteter och deltagare</h2>
              <p className="hint">Alla IOP-föreningar ska föra statistik uppdelad på kön.</p>
              <ActivityRows rows={rows} errors={errors} />
              {page.goals.length > 0 ? (
                <>
                  <h2>Mål och utfall</h2>
                  <GoalOutcomeRows goals={page.goals} values={values.goals} errors={errors} />
                </>
              ) : null}
              <PlainSendCheckbox label="Rapporten är klar. Skicka in den till förvaltningen." checked={Boolean(failure) && posted.send === "yes"} />
            </ReportRowsForm>
          ) : submitted ? (
            <>
              <p>{`Inskickad ${submitted.submittedAt?.slice(0, 10) ?? ""}${submitted.version > 1 ? ` (version ${submitted.version})` : ""}. Förvaltningen går igenom rapporten.`}</p>
              <PeriodReportView reader="association" content={submitted.content} goals={page.goals} />
            </>
          ) : (
            <p>Det finns ingen rapport att lämna just nu.</p>
          )}
          <h2>Ekonomisk redovisning</h2>
          {page.latest?.financialSubmittedAt && page.latest.financial ? (
            <>
              <p>{`Inskickad ${page.latest.financialSubmittedAt.slice(0, 10)}.`}</p>
              <FinancialView report={page.latest.financial} label="Ekonomisk redovisning" />
            </>
          ) : (
            <p>
              Den ekonomiska redovisningen (bokslutet) lämnar du för sig, gärna senare när bokslutet är klart.{" "}
              <Link to={`/forening/arenden/${page.caseId}/rapport/ekonomi`}>Fyll i den ekonomiska redovisningen</Link>
            </p>
          )}
        </>
      )}
      {page.earlierPeriods.length > 0 ? (
        <>
          <h2>Tidigare rapporter</h2>
          <ul>
            {page.earlierPeriods.map((i) => (
              <li key={i}>
                <Link to={`/forening/arenden/${page.caseId}/rapport/${i}`}>{`Rapport ${i + 1}`}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteError;
