import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "../auth/current-user.server";
import { loadAgreementPage, signAgreement } from "../association/agreement.server";
import { requireCaseForOrganisation } from "../cases/access.server";
import { SIGN_CONFIRMATION, signAgreementSchema } from "../association/schemas";
import { ActionMessage } from "../components/association/action-message";
import { CaseHeading } from "../components/association/case-heading";
import { CheckboxGroup, HiddenField, ValidatedForm } from "../components/form";
import { totalFunding } from "../domain/agreement";
import { formatKronor } from "../domain/money";
import { formDataToObject, formFailure, parseForm } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";
import { SigningVersion } from "../components/agreement-versions";

export const meta: MetaFunction = () => pageTitle("Skriv under överenskommelsen");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const caseRow = await requireCaseForOrganisation(user, params.caseId ?? "", "agreement.signForOrganisation");
  return loadAgreementPage(caseRow, user);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const caseRow = await requireCaseForOrganisation(user, params.caseId ?? "", "agreement.signForOrganisation");
  const values = formDataToObject(await request.formData());
  const parsed = parseForm(signAgreementSchema, values);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const revision = Number(parsed.data.caseRevision);
  const result = await signAgreement(caseRow, user, parsed.data.documentSha256, Number.isInteger(revision) ? revision : undefined);
  if (!result.ok) return data(formFailure({}, values, result.message), { status: result.kind === "forbidden" ? 403 : 400 });
  throw redirect(`/forening/arenden/${caseRow.case.id}/overenskommelse?underskriven=1`);
}

export default function SignAgreementPage() {
  const page = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const back = `/forening/arenden/${page.caseId}/overenskommelse`;
  const ready = page.state === "agreement.signing" && page.agreement !== null && page.version !== null;
  const signed = page.signatures.association;
  return (
    <>
      <CaseHeading title="Skriv under överenskommelsen" caseTitle={page.title} diaryNumber={page.diaryNumber} caseId={page.caseId} />
      {signed || !ready ? <ActionMessage failure={failure} /> : null}
      {signed ? (
        <div className="panel">
          <p>
            {signed.name} skrev under för {page.organisationName} {signed.date}. Det behövs ingen mer underskrift från
            föreningen.
          </p>
          <p>
            <Link to={back}>Till överenskommelsen</Link>
          </p>
        </div>
      ) : !ready ? (
        <div className="panel">
          <p>Överenskommelsen går inte att skriva under just nu. Förvaltningen skickar den när den är klar.</p>
          <p>
            <Link to={back}>Till överenskommelsen</Link>
          </p>
        </div>
      ) : (
        <>
          <p>
            Läs <Link to={back}>hela överenskommelsen</Link> innan du skriver under. Din underskrift gäller för hela
            föreningen.
          </p>
          <h2>Det viktigaste i överenskommelsen</h2>
          <dl className="facts">
            <dt>Parter</dt>
            <dd>
              {page.organisationName} och {page.administrationName}
            </dd>
            <dt>Period</dt>
            <dd>{page.terms ? `${page.terms.startDate} – ${page.terms.endDate}` : "–"}</dd>
            <dt>Ekonomiskt bidrag totalt</dt>
            <dd>{formatKronor(totalFunding(page.agreement!))}</dd>
            <dt>Rapporter</dt>
            <dd>{page.terms?.reportDueDates.length ? page.terms.reportDueDates.join(", ") : "–"}</dd>
            <dt>Förlängning</dt>
            <dd>{page.terms?.extensionAllowed ? "Kan förlängas" : "Kan inte förlängas"}</dd>
          </dl>
          <h2>Dokumentet du skriver under</h2>
          <p>
            Din underskrift gäller just den här versionen av överenskommelsen. Kontrollsumman visar att det är samma
            dokument som förvaltningen skriver under. Ändras något blir det en ny version som ska skrivas under igen.
          </p>
          <SigningVersion
            number={page.version!.number}
            sha256={page.version!.sha256}
            href={`/forening/arenden/${page.caseId}/overenskommelse/versioner/${page.version!.number}/overenskommelse.pdf`}
          />
          <h2>Din underskrift</h2>
          <dl className="facts">
            <dt>Namn</dt>
            <dd>{page.signer.name}</dd>
            {page.signer.personalNumberMasked ? (
              <>
                <dt>Personnummer</dt>
                <dd>{page.signer.personalNumberMasked}</dd>
              </>
            ) : null}
            <dt>Legitimering</dt>
            <dd>{page.signerMethod}</dd>
            <dt>Datum</dt>
            <dd>{page.today}</dd>
          </dl>
          <ValidatedForm schema={signAgreementSchema} failure={failure} submitLabel="Skriv under" pendingLabel="Skriver under …">
            <HiddenField name="caseRevision" value={String(page.revision)} />
            <HiddenField name="documentSha256" value={page.version!.sha256} />
            <CheckboxGroup name="confirm" legend="Bekräfta" options={[{ value: "yes", label: SIGN_CONFIRMATION }]} />
          </ValidatedForm>
        </>
      )}
    </>
  );
}

export const ErrorBoundary = RouteError;
