import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "../auth/current-user.server";
import { requireCaseForOrganisation } from "../cases/access.server";
import { loadFinancialReportPage, postFinancialReport } from "../association/financial-report-page.server";
import { blankReportRow, financialFormValues, reportRows } from "../association/report-forms";
import { CaseHeading } from "../components/association/case-heading";
import { FinancialView } from "../components/report-financial-table";
import { FinancialLineRows, PlainSendCheckbox, ReportRowsForm } from "../components/association/report-fields";
import { PlainTextArea } from "../components/form";
import { formatKronor } from "../domain/money";
import { rowsOrBlank } from "../utils/form-rows";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Ekonomisk redovisning");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const found = await requireCaseForOrganisation(user, params.caseId ?? "", "report.submit");
  return loadFinancialReportPage(found, new URL(request.url).searchParams.get("period"));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const found = await requireCaseForOrganisation(user, params.caseId ?? "", "report.submit");
  const reply = await postFinancialReport(user, found, new URL(request.url).searchParams.get("period"), await request.formData());
  return data(reply.body, { status: reply.status });
}

export default function FinancialReportPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const failure = answer && !answer.ok ? answer : undefined;
  const posted = (answer?.values ?? {}) as Record<string, unknown>;
  const [search] = useSearchParams();
  const stored = financialFormValues(page.financial);
  // After a post the form shows what was posted (plus or minus a row), never an older stored copy.
  const values = answer
    ? { lines: reportRows(posted.lines, "lines"), comment: typeof posted.comment === "string" ? posted.comment : "" }
    : stored;
  const lines = rowsOrBlank(values.lines, () => blankReportRow("lines"), answer || values.lines.length > 0 ? 1 : 3);
  const errors = failure?.errors ?? {};
  const reportRevision = answer ? posted.reportRevision : page.rowRevision;
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
      {(search.get("sparad") && !answer) || answer?.ok ? (
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
        <ReportRowsForm errors={errors} formError={failure?.formError} order={["lines", "comment"]}>
          {reportRevision !== undefined && reportRevision !== null ? (
            <input type="hidden" name="reportRevision" value={String(reportRevision)} />
          ) : null}
          <p className="hint">
            Skriv belopp i hela kronor, till exempel 250 000. Summor och skillnad räknas ut åt dig när du har sparat.
          </p>
          <FinancialLineRows rows={lines} errors={errors} />
          {page.financial ? (
            <>
              <h2>Så här ser det sparade ut</h2>
              <FinancialView report={page.financial} label="Sparad ekonomisk redovisning" />
            </>
          ) : null}
          <PlainTextArea
            name="comment"
            label="Kommentar (frivilligt)"
            hint="Förklara gärna stora skillnader mot budgeten."
            rows={3}
            defaultValue={values.comment}
            error={errors.comment}
          />
          <PlainSendCheckbox label="Redovisningen är klar. Skicka in den till förvaltningen." checked={Boolean(failure) && posted.send === "yes"} />
        </ReportRowsForm>
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
