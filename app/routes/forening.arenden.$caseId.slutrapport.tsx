import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "../auth/current-user.server";
import { requireCaseForOrganisation } from "../cases/access.server";
import { postReportForm } from "../association/report-post.server";
import { loadFinalReportPage, saveFinalDraft, submitFinalReport } from "../association/final-report.server";
import { finalContentFromForm } from "../association/report-forms";
import { COMMITMENT_LABELS, finalReportFormSchema } from "../association/schemas";
import { CaseHeading } from "../components/association/case-heading";
import { FinalReportView } from "../components/association/final-report-view";
import { SendCheckbox } from "../components/association/report-fields";
import { HiddenField, RadioGroup, TextAreaField, ValidatedForm } from "../components/form";
import type { FormFailure } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Slutrapport");

const CHOICES = Object.entries(COMMITMENT_LABELS).map(([value, label]) => ({ value, label }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const caseRow = await requireCaseForOrganisation(user, params.caseId ?? "", "report.submit");
  return loadFinalReportPage(caseRow);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const caseRow = await requireCaseForOrganisation(user, params.caseId ?? "", "report.submit");
  return postReportForm(request, caseRow, user, {
    schema: finalReportFormSchema,
    toContent: finalContentFromForm,
    save: saveFinalDraft,
    submit: submitFinalReport,
    path: `/forening/arenden/${caseRow.case.id}/slutrapport`,
  });
}

export default function FinalReportPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  // The final report has no rows: every answer is a refusal, shown in the form.
  const failure = answer && !answer.ok ? (answer as FormFailure) : undefined;
  const [search] = useSearchParams();
  return (
    <>
      <CaseHeading title="Slutrapport" caseTitle={page.title} diaryNumber={page.diaryNumber} caseId={page.caseId} />
      {search.get("inskickad") ? (
        <div className="panel success" role="status">
          <p>Tack! Slutrapporten är inskickad. Förvaltningen går igenom den och lämnar den till nämnden.</p>
        </div>
      ) : null}
      {search.get("sparad") && !failure ? (
        <div className="panel success" role="status">
          <p>Utkastet är sparat. Du kan fortsätta när du vill.</p>
        </div>
      ) : null}
      <p>
        {page.period ? `Överenskommelsen gällde ${page.period}.` : ""}
        {page.dueDate ? ` Slutrapporten ska vara inskickad senast ${page.dueDate}.` : ""}
      </p>
      {page.editable ? (
        <ValidatedForm
          schema={finalReportFormSchema}
          failure={failure}
          defaultValues={page.report?.content ?? {}}
          submitLabel="Spara"
          pendingLabel="Sparar …"
        >
          <HiddenField name="caseRevision" value={String(page.caseRevision)} />
          {page.report ? <HiddenField name="reportRevision" value={String(page.report.revision)} /> : null}
          <TextAreaField name="goalFulfilment" label="Måluppfyllelse" hint="Har ni nått målen i överenskommelsen? Hur vet ni det?" />
          <TextAreaField name="timeDeviations" label="Avvikelser i tid (frivilligt)" hint="Blev något senare eller tidigare än planerat?" rows={3} />
          <TextAreaField name="budgetDeviations" label="Avvikelser i budget (frivilligt)" hint="Kostade något mer eller mindre än planerat?" rows={3} />
          <RadioGroup name="associationCommitmentsMet" legend="Har föreningen gjort det den lovade i överenskommelsen?" options={CHOICES} />
          <TextAreaField name="associationCommitmentsComment" label="Kommentar om föreningens åtaganden (frivilligt)" rows={2} />
          <RadioGroup name="administrationCommitmentsMet" legend="Har förvaltningen gjort det den lovade i överenskommelsen?" options={CHOICES} />
          <TextAreaField name="administrationCommitmentsComment" label="Kommentar om förvaltningens åtaganden (frivilligt)" rows={2} />
          <TextAreaField name="lessonsLearned" label="Lärdomar" hint="Vad har ni lärt er? Ofta tar ni fram det tillsammans på en workshop." />
          <SendCheckbox label="Slutrapporten är klar. Skicka in den till förvaltningen." />
        </ValidatedForm>
      ) : page.report?.status === "submitted" ? (
        <>
          <p>{`Inskickad ${page.report.submittedAt?.slice(0, 10) ?? ""}.`}</p>
          <FinalReportView content={page.report.content} />
        </>
      ) : (
        <p>Det är inte dags för slutrapporten än. Den skrivs när överenskommelsens period är slut.</p>
      )}
    </>
  );
}

export const ErrorBoundary = RouteError;
