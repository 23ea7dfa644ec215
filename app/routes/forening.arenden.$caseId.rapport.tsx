import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "../auth/current-user.server";
import { requireAssociationCase } from "../association/case.server";
import { postReportForm } from "../association/report-post.server";
import { loadPeriodReportPage, savePeriodDraft, submitPeriodReport } from "../association/period-report.server";
import { EMPTY_ACTIVITY, periodContentFromForm, periodFormValues, withEmptyRow } from "../association/report-forms";
import { periodReportFormSchema } from "../association/schemas";
import { CaseHeading } from "../components/association/case-heading";
import { PeriodReportView } from "../components/period-report-view";
import { FinancialView } from "../components/report-financial-table";
import { ActivityRows, GoalOutcomeRows, SendCheckbox } from "../components/association/report-fields";
import { HiddenField, TextAreaField, ValidatedForm } from "../components/form";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Rapport");


export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const caseRow = await requireAssociationCase(user, params.caseId ?? "", "report.submit");
  return loadPeriodReportPage(caseRow);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const caseRow = await requireAssociationCase(user, params.caseId ?? "", "report.submit");
  return postReportForm(request, caseRow, user, {
    schema: periodReportFormSchema,
    toContent: periodContentFromForm,
    save: savePeriodDraft,
    submit: submitPeriodReport,
    path: `/forening/arenden/${caseRow.case.id}/rapport`,
  });
}

export default function PeriodReportPage() {
  const page = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [search] = useSearchParams();
  const base = page.draft?.content ?? page.latest?.content ?? {};
  const values = periodFormValues(base, page.goals.length);
  const rows = withEmptyRow(values.activities, EMPTY_ACTIVITY, 2);
  const failedRows = (failure?.values.activities as unknown[] | undefined)?.length ?? 0;
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
      {search.get("sparad") && !failure ? (
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
            <ValidatedForm
              schema={periodReportFormSchema}
              failure={failure}
              defaultValues={{ ...values, activities: rows }}
              submitLabel="Spara"
              pendingLabel="Sparar …"
            >
              <HiddenField name="caseRevision" value={String(page.caseRevision)} />
              {page.draft ? <HiddenField name="reportRevision" value={String(page.draft.revision)} /> : null}
              <h2>Vad har ni gjort?</h2>
              <TextAreaField
                name="narrative"
                label="Berätta om perioden"
                hint="Vad har ni gjort, hur har det gått och vad har ni lärt er? Skriv med egna ord."
              />
              <h2>Aktiviteter och deltagare</h2>
              <p className="hint">Alla IOP-föreningar ska föra statistik uppdelad på kön.</p>
              <ActivityRows count={Math.max(rows.length, failedRows)} />
              {page.goals.length > 0 ? (
                <>
                  <h2>Mål och utfall</h2>
                  <GoalOutcomeRows goals={page.goals} />
                </>
              ) : null}
              <SendCheckbox label="Rapporten är klar. Skicka in den till förvaltningen." />
            </ValidatedForm>
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
