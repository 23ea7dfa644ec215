import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AgreementForm } from "../components/partnership/agreement-form";
import { AgreementSummary } from "../components/agreement-summary";
import { CaseSummary } from "../components/partnership/case-summary";
import { CommentList } from "../components/partnership/comment-list";
import { ConfirmBox, ErrorSummary, Notice, PlainTextArea } from "../components/form";
import { SignatureList } from "../components/partnership/signature-list";
import { totalFunding } from "../domain/agreement";
import { formatKronor } from "../domain/money";
import { requireUser } from "../auth/current-user.server";
import { requireCaseForDistrict } from "../cases/access.server";
import { loadAgreementPage } from "../partnership/agreement-page.server";
import { handleAgreementAction } from "../partnership/agreement-actions.server";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";
import { AgreementVersions, SigningVersion } from "../components/agreement-versions";

export const meta: MetaFunction = () => pageTitle("Överenskommelse");

const PAGE_PERMISSIONS = ["agreement.draft", "agreement.signForDistrict"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return loadAgreementPage(user, await requireCaseForDistrict(user, params, PAGE_PERMISSIONS));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const found = await requireCaseForDistrict(user, params, PAGE_PERMISSIONS);
  const result = await handleAgreementAction(user, found, await request.formData());
  return result.status === 200 ? result.body : data(result.body, { status: result.status });
}

export default function AgreementPage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { header, draft, canDraft, canSign } = loaded;
  const state = header.state;
  const drafting = state === "agreement.drafting";
  const signing = state === "agreement.signing";
  const form = result?.form ?? {
    values: loaded.formValues,
    errors: {},
    formError: undefined,
    agreementRevision: draft.revision,
    key: `saved-${draft.revision}`,
  };
  const failureOf = (intent: string) => (result?.intent === intent ? result.failure : undefined);
  return (
    <>
      <h1>Överenskommelse</h1>
      <CaseSummary base={loaded.base} header={header} />
      <Notice message={result?.notice} />
      {drafting && canDraft ? (
        <section aria-labelledby="draft-heading">
          <h2 id="draft-heading">Utkast</h2>
          {draft.prefilled ? (
            <p className="panel">
              Utkastet är förifyllt från föreningens senaste ansökan: syfte, målgrupp, period och förvaltningens
              del av budgeten. Kontrollera uppgifterna och spara.
            </p>
          ) : null}
          <ErrorSummary errors={form.errors} formError={form.formError} />
          <AgreementForm key={form.key} values={form.values} errors={form.errors} agreementRevision={form.agreementRevision} />
        </section>
      ) : draft.prefilled && !drafting ? (
        <p>Överenskommelsen har inte börjat skrivas.</p>
      ) : (
        <section aria-labelledby="agreement-text-heading">
          <h2 id="agreement-text-heading">Överenskommelsen</h2>
          <AgreementSummary content={draft.content} terms={null} />
        </section>
      )}
      {loaded.version ? (
        <section aria-labelledby="frozen-heading" className="panel">
          <h2 id="frozen-heading">{loaded.version.signed ? "Den underskrivna versionen" : "Versionen som skrivs under"}</h2>
          <p>
            Överenskommelsen är låst. Båda parter skriver under samma dokument, med kontrollsumman nedan. Tar ni tillbaka
            den för ändringar blir nästa utskick en ny version som ska skrivas under igen.
          </p>
          <SigningVersion
            number={loaded.version.number}
            sha256={loaded.version.sha256}
            href={`${loaded.base}/arenden/${header.id}/overenskommelse/versioner/${loaded.version.number}/overenskommelse.pdf`}
          />
        </section>
      ) : null}
      {!draft.prefilled && loaded.canDownload ? (
        <p>
          {loaded.version ? (loaded.version.signed ? "Den underskrivna överenskommelsen: " : "Versionen som skrivs under: ") : "Den sparade överenskommelsen: "}
          <a href={`${loaded.base}/arenden/${header.id}/overenskommelse.pdf`} download>
            Ladda ner som PDF
          </a>
          {" eller "}
          <a href={`${loaded.base}/arenden/${header.id}/overenskommelse.docx`} download>
            Word
          </a>
        </p>
      ) : null}

      {drafting && canDraft && !draft.prefilled ? (
        <section aria-labelledby="send-heading" className="panel">
          <h2 id="send-heading">Skicka för underskrift</h2>
          <p>
            Föreningens firmatecknare och en chef på förvaltningen får ett meddelande om att skriva under. Det är den
            sparade versionen som skickas, med startdatum, slutdatum och rapportdatum.
          </p>
          <ErrorSummary errors={failureOf("send")?.errors} formError={failureOf("send")?.formError} />
          <Form method="post">
            <input type="hidden" name="expectedRevision" value={header.revision} />
            <input type="hidden" name="agreementRevision" value={draft.revision} />
            <button type="submit" name="intent" value="send">
              Skicka för underskrift
            </button>
          </Form>
        </section>
      ) : null}

      {signing || loaded.signatures.length > 0 ? <SignatureList signatures={loaded.signatures} /> : null}

      {signing && !loaded.version ? (
        <div className="panel">
          <ErrorSummary errors={failureOf("sign")?.errors} formError={failureOf("sign")?.formError} />
          <p>
            Överenskommelsen skickades för underskrift innan portalen sparade versioner, så det finns ingen låst version
            att skriva under. Ta tillbaka den för ändringar och skicka den igen.
          </p>
        </div>
      ) : null}

      {signing && canSign && !loaded.administrationSigned && loaded.version ? (
        <section aria-labelledby="sign-heading" className="panel">
          <h2 id="sign-heading">Skriv under för förvaltningen</h2>
          <dl className="facts">
            <div>
              <dt>Förening</dt>
              <dd>{header.organisationName}</dd>
            </div>
            <div>
              <dt>Period</dt>
              <dd>{`${draft.content.startDate ?? "–"} – ${draft.content.endDate ?? "–"}`}</dd>
            </div>
            <div>
              <dt>Förvaltningens bidrag totalt</dt>
              <dd>{formatKronor(totalFunding(draft.content))}</dd>
            </div>
            <div>
              <dt>Undertecknas av</dt>
              <dd>{[loaded.signer.name, loaded.signer.title, loaded.signer.today].filter(Boolean).join(", ")}</dd>
            </div>
            <div>
              <dt>Legitimering</dt>
              <dd>{loaded.signerMethod}</dd>
            </div>
            {loaded.version ? (
              <div>
                <dt>Kontrollsumma (SHA-256)</dt>
                <dd>
                  <code className="hash">{loaded.version.sha256}</code>
                </dd>
              </div>
            ) : null}
          </dl>
          <ErrorSummary errors={failureOf("sign")?.errors} formError={failureOf("sign")?.formError} />
          <Form method="post" className="stack">
            <input type="hidden" name="expectedRevision" value={header.revision} />
            <input type="hidden" name="documentSha256" value={loaded.version?.sha256 ?? ""} />
            <ConfirmBox
              name="confirm"
              label="Jag har läst överenskommelsen och skriver under den för förvaltningen."
              error={failureOf("sign")?.errors?.confirm}
            />
            <div>
              <button type="submit" name="intent" value="sign">
                Skriv under
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      {signing && canDraft ? (
        <section aria-labelledby="return-heading">
          <h2 id="return-heading">Ta tillbaka för ändringar</h2>
          <p>Underskrifter som redan finns tas bort, och överenskommelsen går att ändra igen.</p>
          <ErrorSummary errors={failureOf("return")?.errors} formError={failureOf("return")?.formError} />
          <Form method="post" className="stack">
            <input type="hidden" name="expectedRevision" value={header.revision} />
            <PlainTextArea
              name="comment"
              label="Vad behöver ändras?"
              error={failureOf("return")?.errors?.comment}
              defaultValue={(failureOf("return")?.values?.comment as string | undefined) ?? ""}
              rows={3}
            />
            <div>
              <button type="submit" name="intent" value="return" className="secondary">
                Ta tillbaka för ändringar
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      <AgreementVersions versions={loaded.versions} />

      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">Kommentarer</h2>
        <CommentList comments={loaded.comments} />
        {canDraft && (drafting || signing) ? (
          <>
            <ErrorSummary errors={failureOf("comment")?.errors} formError={failureOf("comment")?.formError} />
            <Form method="post" className="stack" key={result?.notice ?? "comment"}>
              <PlainTextArea
                name="body"
                label="Ny kommentar till föreningen"
                error={failureOf("comment")?.errors?.body}
                defaultValue={(failureOf("comment")?.values?.body as string | undefined) ?? ""}
                rows={3}
              />
              <div>
                <button type="submit" name="intent" value="comment" className="secondary">
                  Skicka kommentaren
                </button>
              </div>
            </Form>
          </>
        ) : null}
      </section>
    </>
  );
}

export const ErrorBoundary = RouteError;
