import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "../auth/current-user.server";
import { requireAssociationCase } from "../association/case.server";
import { financialPeriod, loadFinancialPage, saveFinancialReport } from "../association/financial-report.server";
import { financialFormValues, financialFromForm, withEmptyRow } from "../association/report-forms";
import { financialFormSchema } from "../association/schemas";
import { CaseHeading } from "../components/association/case-heading";
import { FinancialView } from "../components/report-financial-table";
import { SendCheckbox } from "../components/association/report-fields";
import { HiddenField, TextAreaField, TextField, ValidatedForm } from "../components/form";
import { formatKronor } from "../domain/money";
import { formDataToNested, formFailure, parseForm } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Ekonomisk redovisning");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const caseRow = await requireAssociationCase(user, params.caseId ?? "", "report.submit");
  return loadFinancialPage(caseRow, financialPeriod(caseRow, new URL(request.url).searchParams.get("period")));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const caseRow = await requireAssociationCase(user, params.caseId ?? "", "report.submit");
  const periodIndex = financialPeriod(caseRow, new URL(request.url).searchParams.get("period"));
  const values = formDataToNested(await request.formData());
  const parsed = parseForm(financialFormSchema, values);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const report = financialFromForm(parsed.data);
  if (!report.ok) return data(formFailure(report.errors, values), { status: 400 });
  const revision = Number(parsed.data.reportRevision);
  const send = parsed.data.send === "yes" || parsed.data.send === true;
  const saved = await saveFinancialReport(caseRow, user, {
    periodIndex,
    report: report.report,
    send,
    expectedRevision: Number.isInteger(revision) && parsed.data.reportRevision ? revision : null,
  });
  if (!saved.ok) return data(formFailure({}, values, saved.formError), { status: 400 });
  throw redirect(`/forening/arenden/${caseRow.case.id}/rapport/ekonomi?period=${periodIndex}&${send ? "inskickad" : "sparad"}=1`);
}

const EMPTY_LINE = { description: "", budget: "", outcome: "" };

export default function FinancialReportPage() {
  const page = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [search] = useSearchParams();
  const values = financialFormValues(page.financial);
  const lines = withEmptyRow(values.lines, EMPTY_LINE, 3);
  const failedLines = (failure?.values.lines as unknown[] | undefined)?.length ?? 0;
  return (
    <>
      <CaseHeading title="Ekonomisk redovisning" caseTitle={page.title} diaryNumber={page.diaryNumber} caseId={page.caseId} />
      <p>
        {`Rapport ${page.periodIndex + 1}`}
        {page.dueDate ? ` · perioden som ska redovisas senast ${page.dueDate}` : ""}.{" "}
        <Link to={`/forening/arenden/${page.caseId}/rapport`}>Till rapporten om verksamheten</Link>
      </p>
      {search.get("inskickad") ? (
        <div className="panel success" role="status">
          <p>Tack! Den ekonomiska redovisningen är inskickad.</p>
        </div>
      ) : null}
      {search.get("sparad") && !failure ? (
        <div className="panel success" role="status">
          <p>Utkastet är sparat. Du kan fortsätta när du vill.</p>
        </div>
      ) : null}
      {page.yearlyAmounts.length > 0 ? (
        <p className="hint">
          {`Bidrag enligt överenskommelsen: ${page.yearlyAmounts.map((y) => `${y.year} ${formatKronor(y.amount)}`).join(", ")}.`}
        </p>
      ) : null}
      {page.editable ? (
        <ValidatedForm
          schema={financialFormSchema}
          failure={failure}
          defaultValues={{ ...values, lines }}
          submitLabel="Spara"
          pendingLabel="Sparar …"
        >
          {page.rowRevision !== null ? <HiddenField name="reportRevision" value={String(page.rowRevision)} /> : null}
          <p className="hint">
            Skriv belopp i hela kronor, till exempel 250 000. Summor och skillnad räknas ut åt dig när du har sparat.
          </p>
          {Array.from({ length: Math.max(lines.length, failedLines) }, (_, i) => (
            <fieldset key={i} className="repeat-row">
              <legend>{`Post ${i + 1}`}</legend>
              <TextField name={`lines.${i}.description`} label="Vad gäller posten?" hint="Till exempel Personal eller Lokalhyra." />
              <TextField name={`lines.${i}.budget`} label="Budget (kr)" inputMode="numeric" />
              <TextField name={`lines.${i}.outcome`} label="Utfall (kr)" inputMode="numeric" />
            </fieldset>
          ))}
          <p className="hint">Behöver du fler rader? Spara, så kommer en ny tom rad.</p>
          {page.financial ? (
            <>
              <h2>Så här ser det sparade ut</h2>
              <FinancialView report={page.financial} label="Sparad ekonomisk redovisning" />
            </>
          ) : null}
          <TextAreaField name="comment" label="Kommentar (frivilligt)" hint="Förklara gärna stora skillnader mot budgeten." rows={3} />
          <SendCheckbox label="Redovisningen är klar. Skicka in den till förvaltningen." />
        </ValidatedForm>
      ) : page.financial ? (
        <>
          <p>{page.submittedAt ? `Inskickad ${page.submittedAt.slice(0, 10)}.` : "Inte inskickad."}</p>
          <FinancialView report={page.financial} label="Ekonomisk redovisning" />
        </>
      ) : (
        <p>Det går inte att lämna någon ekonomisk redovisning just nu.</p>
      )}
    </>
  );
}

export const ErrorBoundary = RouteError;
