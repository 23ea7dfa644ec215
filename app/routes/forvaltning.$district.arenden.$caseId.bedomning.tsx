import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "../auth/current-user.server";
import { COMPLEMENTS_OPTIONS, VERDICT_OPTIONS, assessmentFormSchema } from "../administration/assessment-form";
import { loadAssessmentPage, saveAssessment } from "../administration/assessment.server";
import { HiddenField, RadioGroup, TextAreaField, ValidatedForm } from "../components/form";
import { IOP_CRITERIA } from "../domain/statement";
import { formDataToNested } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { Notice } from "../components/form";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `Bedömning – ${data.diaryNumber ?? data.title}` : "Bedömning");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return loadAssessmentPage(user, params.district ?? "", params.caseId ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const values = formDataToNested(await request.formData());
  const result = await saveAssessment({ user, districtParam: params.district ?? "", caseId: params.caseId ?? "", values });
  return result.ok ? result : data(result, { status: 400 });
}

export default function AssessmentPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={page.base}>Tillbaka till ärendet</Link>
      </p>
      <h1>Bedömning: {page.diaryNumber ?? page.title}</h1>
      <p>
        {page.organisationName}. Status: {page.status}.
      </p>
      <Notice message={result?.ok ? result.message : null} />
      {!page.editable ? (
        <div className="panel">
          <p>{page.reason}</p>
        </div>
      ) : null}
      {page.editable ? (
      <ValidatedForm
        key={page.revision}
        schema={assessmentFormSchema}
        failure={result && !result.ok ? result : null}
        defaultValues={page.values}
        submitLabel="Spara bedömningen"
      >
        <HiddenField name="assessmentRevision" value={String(page.revision)} />
        <h2>Stadens kriterier för IOP</h2>
        <p className="hint">Bedöm varje kriterium i Stockholms stads riktlinjer för idéburet offentligt partnerskap.</p>
        {IOP_CRITERIA.map((criterion, i) => (
          <div key={criterion.key} className="criterion">
            <RadioGroup name={`criteria.${i}.verdict`} legend={`${i + 1}. ${criterion.text}`} options={VERDICT_OPTIONS} />
            <TextAreaField name={`criteria.${i}.note`} label={`Kommentar till kriterium ${i + 1}`} rows={2} />
          </div>
        ))}
        <h2>Förvaltningens verksamhet</h2>
        <RadioGroup name="complementsOrCompetes" legend="Kompletterar eller konkurrerar verksamheten med förvaltningens ordinarie verksamhet?" options={COMPLEMENTS_OPTIONS} />
        <TextAreaField name="complementsNote" label="Kommentar om förvaltningens verksamhet" rows={3} />
        <TextAreaField name="notProcurementReason" label="Varför är det här inte en upphandling?" rows={3} />
        <h2>Analyser</h2>
        <TextAreaField name="genderAnalysis" label="Jämställdhetsanalys" hint="Texten förs in i tjänsteutlåtandet." rows={4} />
        <TextAreaField name="childRights" label="Barnrättsperspektiv" hint="Texten förs in i tjänsteutlåtandet." rows={4} />
      </ValidatedForm>
      ) : (
        <ReadOnlyAssessment values={page.values} />
      )}
    </>
  );
}

const labelOf = (options: { value: string; label: string }[], value: unknown) => options.find((o) => o.value === value)?.label ?? "Inte bedömt";

function ReadOnlyAssessment({ values }: { values: Record<string, unknown> }) {
  const criteria = (values.criteria ?? []) as { verdict?: string; note?: string }[];
  const text = (key: string) => (typeof values[key] === "string" && values[key] !== "" ? (values[key] as string) : "–");
  return (
    <>
      <h2>Stadens kriterier för IOP</h2>
      <ol className="criteria-list">
        {IOP_CRITERIA.map((criterion, i) => (
          <li key={criterion.key}>
            <p>{criterion.text}</p>
            <p>
              <strong>{labelOf(VERDICT_OPTIONS, criteria[i]?.verdict)}</strong>
              {criteria[i]?.note ? <span className="pre-line">{` – ${criteria[i]!.note}`}</span> : null}
            </p>
          </li>
        ))}
      </ol>
      <h2>Förvaltningens verksamhet</h2>
      <dl className="facts">
        <dt>Kompletterar eller konkurrerar</dt>
        <dd>{labelOf(COMPLEMENTS_OPTIONS, values.complementsOrCompetes)}</dd>
        <dt>Kommentar</dt>
        <dd className="pre-line">{text("complementsNote")}</dd>
        <dt>Varför det inte är en upphandling</dt>
        <dd className="pre-line">{text("notProcurementReason")}</dd>
      </dl>
      <h2>Analyser</h2>
      <dl className="facts">
        <dt>Jämställdhetsanalys</dt>
        <dd className="pre-line">{text("genderAnalysis")}</dd>
        <dt>Barnrättsperspektiv</dt>
        <dd className="pre-line">{text("childRights")}</dd>
      </dl>
    </>
  );
}

export const ErrorBoundary = RouteError;
