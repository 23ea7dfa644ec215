import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "../auth/current-user.server";
import { AttestationTable, DocumentView } from "../components/administration/document-view";
import { AttestationDecision } from "../components/attestation-decision";
import { Notice } from "../components/form";
import { HiddenField, TextAreaField, TextField, ValidatedForm } from "../components/form";
import { loadYearlyReportPage, runYearlyReportAction, saveYearlyNarrative } from "../district-reports/district-reports.server";
import { NARRATIVE_SECTIONS, fileFormSchema, narrativeFormSchema, returnFormSchema } from "../district-reports/narrative-form";
import { formatKronor } from "../domain/money";
import { formDataToObject } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `Årsrapport om IOP ${data.year}` : "Årsrapport om IOP");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return loadYearlyReportPage(user, params.district ?? "", params.year ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const values = formDataToObject(await request.formData());
  const args = [user, params.district ?? "", params.year ?? "", values] as const;
  const result = values.intent === "save" ? await saveYearlyNarrative(...args) : await runYearlyReportAction(...args);
  return result.ok ? result : data(result, { status: 400 });
}

export default function YearlyReportPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : null;
  // Field messages go to the form they belong to; anything else is shown on top.
  const failureFor = (intent: string, shown: boolean) => (failure && failure.intent === intent && shown ? failure : null);
  const saveFailure = failureFor("save", page.canEdit) ?? failureFor("submit", page.canEdit);
  const returnFailure = failureFor("return", page.canReturn);
  const fileFailure = failureFor("file", page.canFile);
  const topFailure = failure && !saveFailure && !returnFailure && !fileFailure ? failure : null;
  const file = `${page.base}/${page.year}`;
  return (
    <>
      <p>
        <Link to={page.base}>Alla årsrapporter</Link>
      </p>
      <h1>Årsrapport om IOP {page.year}</h1>
      <p>
        {`${page.districtName}. Läge: `}
        <strong>{page.stateLabel}</strong>.
      </p>
      <Notice message={result?.ok ? result.message : null} />
      {topFailure ? (
        <div className="error-summary" role="alert">
          <h2>Det gick inte</h2>
          <p>{topFailure.formError}</p>
        </div>
      ) : null}
      {page.lastReturn ? (
        <div className="panel">
          <p>
            <strong>Rapporten skickades tillbaka från attesteringen</strong> ({page.lastReturn.on}):{" "}
            <span className="pre-line">{page.lastReturn.comment}</span>
          </p>
        </div>
      ) : null}
      {page.isAuthor ? (
        <div className="panel">
          <p>Du skickade rapporten till attestering och kan därför inte attestera den eller skicka tillbaka den.</p>
        </div>
      ) : null}
      <p>
        Ladda ner rapporten som <a href={`${file}.pdf`}>PDF</a> eller <a href={`${file}.docx`}>Word</a>.
      </p>

      <section aria-labelledby="siffror" className="case-section">
        <h2 id="siffror">Siffrorna</h2>
        <p>
          {`${page.iopCount} IOP med sammanlagt ${formatKronor(page.total)} under ${page.year}. `}
          {page.figuresFrozenOn
            ? `Siffrorna låstes ${page.figuresFrozenOn} när rapporten skickades till attestering.`
            : "Siffrorna hämtas från överenskommelserna och föreningarnas rapporter och kan inte skrivas in för hand. De låses när rapporten skickas till attestering."}
        </p>
      </section>

      {page.canEdit ? (
        <section aria-labelledby="texten" className="case-section">
          <h2 id="texten">Rapportens text</h2>
          <ValidatedForm key={page.revision} schema={narrativeFormSchema} failure={saveFailure} defaultValues={page.narrative} submitLabel="Spara utkast">
            <HiddenField name="intent" value="save" />
            <HiddenField name="revision" value={String(page.revision)} />
            {NARRATIVE_SECTIONS.map((section) => (
              <TextAreaField key={section.key} name={section.key} label={section.title} hint={section.hint} rows={section.rows} />
            ))}
          </ValidatedForm>
        </section>
      ) : null}

      {page.canSubmit ? (
        <section aria-labelledby="skicka" className="case-section">
          <h2 id="skicka">Skicka till attestering</h2>
          <p>Det som är sparat skickas till avdelningschefen, och siffrorna låses. Spara först om du har ändrat något.</p>
          <Form method="post">
            <input type="hidden" name="intent" value="submit" />
            <input type="hidden" name="revision" value={page.revision} />
            <button type="submit">Skicka till attestering</button>
          </Form>
        </section>
      ) : null}

      <AttestationDecision
        canAttest={page.canAttest}
        canReturn={page.canReturn}
        revision={{ name: "revision", value: page.revision }}
        returnSchema={returnFormSchema}
        returnFailure={returnFailure}
      />

      {page.canFile ? (
        <section aria-labelledby="handlingarna" className="case-section">
          <h2 id="handlingarna">Nämndens beslut</h2>
          <p>Registrera att nämnden har lagt rapporten till handlingarna.</p>
          <ValidatedForm schema={fileFormSchema} failure={fileFailure} submitLabel="Registrera beslutet">
            <HiddenField name="intent" value="file" />
            <HiddenField name="revision" value={String(page.revision)} />
            <TextField name="meetingDate" label="Sammanträdets datum" hint="ÅÅÅÅ-MM-DD" />
            <TextField name="paragraph" label="Paragraf (§)" hint="Till exempel § 12" />
          </ValidatedForm>
        </section>
      ) : null}
      {page.filing ? (
        <p>
          Nämnden lade rapporten till handlingarna vid sammanträdet {page.filing.meetingDate}, {page.filing.paragraph}.
        </p>
      ) : null}

      <section aria-labelledby="attesterat" className="case-section">
        <h2 id="attesterat">Attesterat av</h2>
        {page.attestations.length > 0 ? (
          <AttestationTable rows={page.attestations} caption="Attesteringar i den här omgången" />
        ) : (
          <p>Ingen har attesterat rapporten än.</p>
        )}
      </section>

      <section aria-labelledby="forhandsvisning" className="case-section">
        <h2 id="forhandsvisning">Rapporten som den skrivs ut</h2>
        <DocumentView document={page.document} headingLevel={3} />
      </section>

      <section aria-labelledby="historik" className="case-section">
        <h2 id="historik">Historik</h2>
        <ol className="timeline">
          {page.history.map((h, i) => (
            <li key={i}>
              <strong>{h.label}</strong> – {h.actorName}, {h.at}
              {h.comment ? <span className="pre-line">: {h.comment}</span> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

export const ErrorBoundary = RouteError;
