import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "../auth/current-user.server";
import { OUTCOME_OPTIONS, decisionFormSchema, finalApprovalFormSchema } from "../administration/decision-form";
import { loadDecisionPage, registerDecision } from "../administration/decision.server";
import { HiddenField, RadioGroup, TextAreaField, TextField, ValidatedForm } from "../components/form";
import { formDataToObject } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { Notice } from "../components/form";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `Beslut – ${data.diaryNumber ?? data.title}` : "Beslut");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return loadDecisionPage(user, params.district ?? "", params.caseId ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const values = formDataToObject(await request.formData());
  const result = await registerDecision({ user, districtParam: params.district ?? "", caseId: params.caseId ?? "", values });
  return result.ok ? result : data(result, { status: 400 });
}

export default function DecisionPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : null;
  return (
    <>
      <p>
        <Link to={page.base}>Tillbaka till ärendet</Link>
      </p>
      <h1>Nämndens beslut: {page.diaryNumber ?? page.title}</h1>
      <p>
        {page.organisationName}. Status: {page.status}.
      </p>
      <Notice message={result?.ok ? result.message : null} />
      {page.decision ? (
        <section aria-labelledby="registrerat" className="case-section">
          <h2 id="registrerat">Registrerat beslut om ansökan</h2>
          <dl className="facts">
            <dt>Sammanträde</dt>
            <dd>{page.decision.meetingDate}</dd>
            <dt>Paragraf</dt>
            <dd>{page.decision.paragraph}</dd>
            <dt>Beslut</dt>
            <dd>{page.decision.outcome === "approved" ? "Bifall" : "Avslag"}</dd>
            {page.decision.motivation ? (
              <>
                <dt>Motivering</dt>
                <dd className="pre-line">{page.decision.motivation}</dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}
      {page.finalApproval ? (
        <section aria-labelledby="slutrapport-beslut" className="case-section">
          <h2 id="slutrapport-beslut">Registrerat beslut om slutrapporten</h2>
          <p>
            Sammanträde {page.finalApproval.meetingDate}, {page.finalApproval.paragraph}.
          </p>
        </section>
      ) : null}

      {page.canRegister && page.mode === "decision" ? (
        <section aria-labelledby="registrera" className="case-section">
          <h2 id="registrera">Registrera beslut om ansökan</h2>
          <p>
            Förvaltningens förslag: <strong>{page.proposal === "reject" ? "avslag" : page.proposal === "approve" ? "bifall" : "–"}</strong>.
          </p>
          <ValidatedForm schema={decisionFormSchema} failure={failure} submitLabel="Registrera beslutet">
            <HiddenField name="expectedRevision" value={String(page.caseRevision)} />
            <TextField name="meetingDate" label="Sammanträdets datum" hint="ÅÅÅÅ-MM-DD" type="date" />
            <TextField name="paragraph" label="Paragraf (§) i protokollet" hint="Till exempel § 12" />
            <RadioGroup name="outcome" legend="Nämndens beslut" options={OUTCOME_OPTIONS} />
            <TextAreaField name="motivation" label="Motivering" hint="Måste fyllas i vid avslag. Föreningen får läsa den." rows={4} />
          </ValidatedForm>
        </section>
      ) : null}
      {page.canRegister && page.mode === "finalApproval" ? (
        <section aria-labelledby="registrera-slut" className="case-section">
          <h2 id="registrera-slut">Registrera nämndens beslut om slutrapporten</h2>
          <p>
            Förvaltningens förslag om omförhandling: <strong>{page.renegotiate === null ? "–" : page.renegotiate ? "ja" : "nej"}</strong>.
          </p>
          <ValidatedForm schema={finalApprovalFormSchema} failure={failure} submitLabel="Registrera beslutet">
            <HiddenField name="expectedRevision" value={String(page.caseRevision)} />
            <TextField name="meetingDate" label="Sammanträdets datum" hint="ÅÅÅÅ-MM-DD" type="date" />
            <TextField name="paragraph" label="Paragraf (§) i protokollet" hint="Till exempel § 12" />
          </ValidatedForm>
        </section>
      ) : null}
      {!page.canRegister && !page.decision && !page.finalApproval ? <p>Det finns inget beslut att registrera i ärendet just nu.</p> : null}
      {failure && !page.canRegister ? (
        <div className="error-summary" role="alert">
          <h2>Det gick inte</h2>
          <p>{failure.formError}</p>
        </div>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteError;
