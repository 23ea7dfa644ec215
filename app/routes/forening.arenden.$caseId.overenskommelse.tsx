import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "../auth/current-user.server";
import { addAgreementComment, loadAgreementPage } from "../association/agreement.server";
import { requireCaseForOrganisation } from "../cases/access.server";
import { agreementCommentSchema } from "../association/schemas";
import { AgreementSummary } from "../components/agreement-summary";
import { ActionMessage } from "../components/association/action-message";
import { CaseHeading } from "../components/association/case-heading";
import { SignatureList } from "../components/association/signature-list";
import { TextAreaField, ValidatedForm } from "../components/form";
import { formDataToObject, formFailure, parseForm } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";
import { AgreementVersions, SigningVersion } from "../components/agreement-versions";

export const meta: MetaFunction = () => pageTitle("Överenskommelse");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const caseRow = await requireCaseForOrganisation(user, params.caseId ?? "", "organisation.view");
  return loadAgreementPage(caseRow, user);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const caseRow = await requireCaseForOrganisation(user, params.caseId ?? "", "agreement.comment");
  const values = formDataToObject(await request.formData());
  const parsed = parseForm(agreementCommentSchema, values);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const added = await addAgreementComment(caseRow, user, parsed.data.body);
  if (!added.ok) return data(formFailure({}, values, added.message), { status: 400 });
  throw redirect(`/forening/arenden/${caseRow.case.id}/overenskommelse?kommentar=sparad#kommentarer`);
}

export default function AgreementPage() {
  const page = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [search] = useSearchParams();
  const signing = page.state === "agreement.signing";
  const signed = page.signatures.association !== null;
  return (
    <>
      <CaseHeading title="Överenskommelse" caseTitle={page.title} diaryNumber={page.diaryNumber} caseId={page.caseId} />
      {search.get("underskriven") ? (
        <div className="panel success" role="status">
          <p>Tack! Du har skrivit under överenskommelsen för {page.organisationName}.</p>
        </div>
      ) : null}
      {!page.agreement ? (
        <div className="panel">
          <p>
            {page.administrationName} skriver överenskommelsen. Du får ett e-postmeddelande när det finns ett utkast att
            läsa.
          </p>
        </div>
      ) : (
        <>
          <section aria-labelledby="signing-heading" className="panel">
            <h2 id="signing-heading">Underskrifter</h2>
            <SignatureList signatures={page.signatures} organisationName={page.organisationName} administrationName={page.administrationName} />
            {page.version ? (
              <SigningVersion
                number={page.version.number}
                sha256={page.version.sha256}
                href={`/forening/arenden/${page.caseId}/overenskommelse/versioner/${page.version.number}/overenskommelse.pdf`}
              />
            ) : null}
            {signing && !signed ? (
              page.mayUserSign ? (
                <p>
                  <Link className="button" to={`/forening/arenden/${page.caseId}/overenskommelse/underteckna`}>
                    Skriv under för föreningen
                  </Link>
                </p>
              ) : (
                <p>
                  Överenskommelsen är klar att skriva under. Det måste en firmatecknare för {page.organisationName} göra.
                  Be firmatecknaren logga in och skriva under.
                </p>
              )
            ) : null}
            {page.state === "agreement.drafting" ? (
              <p>Förvaltningen arbetar fortfarande med texten. Ni kan skriva under när den har skickats för underskrift.</p>
            ) : null}
          </section>
          <h2>Överenskommelsen</h2>
          <AgreementSummary content={page.agreement} terms={page.terms} />
          <p>
            <a href={`/forening/arenden/${page.caseId}/overenskommelse.pdf`} download>
              {page.version?.signed ? "Ladda ner den underskrivna överenskommelsen som PDF" : "Ladda ner överenskommelsen som PDF"}
            </a>
          </p>
          <AgreementVersions versions={page.versions} />
        </>
      )}
      <section aria-labelledby="kommentarer">
        <h2 id="kommentarer" tabIndex={-1}>
          Kommentarer
        </h2>
        {search.get("kommentar") ? (
          <div className="panel success" role="status">
            <p>Din kommentar är sparad. Förvaltningen kan läsa den.</p>
          </div>
        ) : null}
        {page.comments.length === 0 ? (
          <p>Inga kommentarer än.</p>
        ) : (
          <ol className="comment-list">
            {page.comments.map((c) => (
              <li key={c.id}>
                <p className="hint">
                  {`${c.authorName}, ${c.side === "association" ? page.organisationName : page.administrationName} · ${c.at.slice(0, 10)}`}
                </p>
                <p className="pre-line">{c.body}</p>
              </li>
            ))}
          </ol>
        )}
        {page.canComment ? (
          <ValidatedForm schema={agreementCommentSchema} failure={failure} submitLabel="Skicka kommentaren">
            <TextAreaField
              name="body"
              label="Ny kommentar"
              hint="Skriv om ni vill ändra något i överenskommelsen. Förvaltningen läser kommentaren."
              rows={4}
            />
          </ValidatedForm>
        ) : (
          <ActionMessage failure={failure} />
        )}
      </section>
    </>
  );
}

export const ErrorBoundary = RouteError;
