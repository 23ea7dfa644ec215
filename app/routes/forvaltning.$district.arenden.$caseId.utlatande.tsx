import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "../auth/current-user.server";
import { PROPOSAL_OPTIONS, RENEGOTIATE_OPTIONS, statementFormSchema } from "../administration/statement-form";
import { loadStatementPage, saveStatement, submitStatement } from "../administration/statements.server";
import { HiddenField, RadioGroup, TextAreaField, ValidatedForm } from "../components/form";
import { STATEMENT_SECTIONS } from "../domain/statement";
import { formDataToObject } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { Notice } from "../components/form";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `Tjänsteutlåtande – ${data.diaryNumber ?? data.title}` : "Tjänsteutlåtande");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const skede = new URL(request.url).searchParams.get("skede");
  return loadStatementPage(user, params.district ?? "", params.caseId ?? "", skede);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const skede = new URL(request.url).searchParams.get("skede");
  const values = formDataToObject(await request.formData());
  const input = { user, districtParam: params.district ?? "", caseId: params.caseId ?? "", skede, values };
  const result = values.intent === "submit" ? await submitStatement(input) : await saveStatement(input);
  return result.ok ? result : data(result, { status: 400 });
}

const SECTION_HINTS: Partial<Record<string, string>> = {
  summary: "Förifyllt från ansökan. Skriv om med egna ord.",
  matter: "Förifyllt från ansökan: syfte, samhällsutmaning, målgrupp, period och budget.",
  genderAnalysis: "Förifyllt från bedömningen.",
  childRights: "Förifyllt från bedömningen.",
};

export default function StatementPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const application = page.stage === "application";
  const query = `?skede=${page.skede}`;
  return (
    <>
      <p>
        <Link to={page.base}>Tillbaka till ärendet</Link>
      </p>
      <h1>
        Tjänsteutlåtande om {application ? "ansökan" : "slutrapporten"}: {page.diaryNumber ?? page.title}
      </h1>
      <p>
        {page.organisationName}. Status: {page.status}.
        {page.statement ? ` Version ${page.statement.version}, ${page.statement.standing}.` : ""}
      </p>
      <Notice message={result?.ok ? result.message : null} />
      {page.lastReturn ? (
        <div className="panel">
          <p>
            <strong>Utlåtandet skickades tillbaka från attesteringen</strong> ({page.lastReturn.at.slice(0, 10)}): <span className="pre-line">{page.lastReturn.comment}</span>
          </p>
          <p className="hint">När du sparar blir det en ny version. Den förra versionen finns kvar.</p>
        </div>
      ) : null}
      {page.prefilled && page.editable ? (
        <p className="hint">Texterna är förifyllda från ansökan och bedömningen. Inget är sparat förrän du sparar.</p>
      ) : null}
      {page.statement ? (
        <p>
          Ladda ner utlåtandet som <a href={`${page.base}/utlatande.pdf${query}`}>PDF</a> eller{" "}
          <a href={`${page.base}/utlatande.docx${query}`}>Word</a>.
        </p>
      ) : null}

      {page.editable ? (
        <ValidatedForm
          key={page.statement ? `${page.statement.version}-${page.statement.revision}` : "new"}
          schema={statementFormSchema}
          failure={result && !result.ok ? result : null}
          defaultValues={page.values}
          submitLabel="Spara utkast"
        >
          <HiddenField name="intent" value="save" />
          <HiddenField name="statementVersion" value={String(page.statement?.version ?? 0)} />
          <HiddenField name="statementRevision" value={String(page.statement?.revision ?? 0)} />
          <h2>Förvaltningens förslag till beslut</h2>
          {application ? (
            <>
              <RadioGroup name="proposal" legend="Förslag" options={PROPOSAL_OPTIONS} />
              <TextAreaField name="motivation" label="Motivering" hint="Måste fyllas i vid förslag om avslag." rows={4} />
            </>
          ) : (
            <RadioGroup name="renegotiate" legend="Ska partnerskapet omförhandlas?" options={RENEGOTIATE_OPTIONS} />
          )}
          <TextAreaField
            name="proposalText"
            label="Beslutstext"
            hint={application ? "Följer förslaget (bifaller eller avslår) så länge du inte skriver en egen text." : undefined}
            rows={2}
          />
          <h2>Utlåtandets avsnitt</h2>
          {STATEMENT_SECTIONS.map((section) => (
            <TextAreaField key={section.key} name={section.key} label={section.title} hint={SECTION_HINTS[section.key]} rows={6} />
          ))}
        </ValidatedForm>
      ) : (
        <>
          <div className="panel">
            <p>{page.readOnlyReason}</p>
          </div>
          <ReadOnlyStatement values={page.values} application={application} />
        </>
      )}

      {page.canSubmit && page.statement ? (
        <section aria-labelledby="skicka" className="case-section">
          <h2 id="skicka">Skicka till attestering</h2>
          <p>Det som är sparat skickas till avdelningschefen. Spara först om du har ändrat något.</p>
          <Form method="post">
            <input type="hidden" name="intent" value="submit" />
            <input type="hidden" name="statementVersion" value={page.statement.version} />
            <input type="hidden" name="statementRevision" value={page.statement.revision} />
            <input type="hidden" name="caseRevision" value={page.caseRevision} />
            <button type="submit">Skicka till attestering</button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

function ReadOnlyStatement({ values, application }: { values: Record<string, unknown>; application: boolean }) {
  const text = (key: string) => (typeof values[key] === "string" && values[key] !== "" ? (values[key] as string) : null);
  const choice = application
    ? PROPOSAL_OPTIONS.find((o) => o.value === values.proposal)?.label
    : RENEGOTIATE_OPTIONS.find((o) => o.value === values.renegotiate)?.label;
  return (
    <>
      <h2>Förvaltningens förslag till beslut</h2>
      <p>
        <strong>{choice ?? "Inget förslag valt"}</strong>
      </p>
      {text("proposalText") ? <p className="pre-line">{text("proposalText")}</p> : null}
      {application && text("motivation") ? <p className="pre-line">Motivering: {text("motivation")}</p> : null}
      {STATEMENT_SECTIONS.map((section) =>
        text(section.key) ? (
          <div key={section.key}>
            <h2>{section.title}</h2>
            <p className="pre-line">{text(section.key)}</p>
          </div>
        ) : null,
      )}
    </>
  );
}

export const ErrorBoundary = RouteError;
