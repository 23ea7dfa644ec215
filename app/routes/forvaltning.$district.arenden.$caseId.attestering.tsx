import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "../auth/current-user.server";
import { returnFormSchema } from "../administration/attestation-form";
import { loadAttestationPage, runAttestation } from "../administration/attestation.server";
import { DocumentView } from "../components/administration/document-view";
import { AttestationDecision } from "../components/attestation-decision";
import { Notice } from "../components/form";
import { formDataToObject } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `Attestering – ${data.diaryNumber ?? data.title}` : "Attestering");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const skede = new URL(request.url).searchParams.get("skede");
  return loadAttestationPage(user, params.district ?? "", params.caseId ?? "", skede);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const values = formDataToObject(await request.formData());
  const result = await runAttestation({ user, districtParam: params.district ?? "", caseId: params.caseId ?? "", values });
  return result.ok ? result : data(result, { status: 400 });
}

export default function AttestationPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  // A return's field messages belong in its form; anything the form is not there to show goes on top.
  const returnFailure = result && !result.ok && result.intent === "return" && page.canReturn ? result : null;
  const attestFailure = result && !result.ok && !returnFailure ? result : null;
  return (
    <>
      <p>
        <Link to={page.base}>Tillbaka till ärendet</Link>
      </p>
      <h1>Attestering av tjänsteutlåtande: {page.diaryNumber ?? page.title}</h1>
      <p>
        Status: {page.status}.{page.step ? ` Nu attesterar ${page.step}en.` : ""}
      </p>
      <Notice message={result?.ok ? result.message : null} />
      {attestFailure ? (
        <div className="error-summary" role="alert">
          <h2>Det gick inte</h2>
          <p>{attestFailure.formError}</p>
        </div>
      ) : null}
      {page.isAuthor && page.inAttestation ? (
        <div className="panel">
          <p>Du har skrivit utlåtandet och kan därför inte attestera det eller skicka tillbaka det.</p>
        </div>
      ) : null}
      {!page.inAttestation ? (
        <div className="panel">
          <p>Det finns inget utlåtande som väntar på attestering i ärendet just nu.</p>
        </div>
      ) : null}

      {page.document ? (
        <section aria-labelledby="utlatandet" className="case-section">
          <h2 id="utlatandet">Utlåtandet som det skrivs ut</h2>
          {page.stage === "finalReport" && page.renegotiate !== null ? (
            <p>
              <strong>Förslag om omförhandling:</strong> {page.renegotiate ? "Ja, partnerskapet ska omförhandlas." : "Nej, partnerskapet avslutas."}
            </p>
          ) : null}
          <DocumentView document={page.document} headingLevel={3} />
          {page.document.blocks.some((b) => b.type === "attestations") ? null : <p className="hint">Ingen har attesterat utlåtandet än.</p>}
        </section>
      ) : (
        <p>Det finns inget tjänsteutlåtande än.</p>
      )}

      <AttestationDecision
        canAttest={page.canAttest}
        canReturn={page.canReturn}
        revision={{ name: "expectedRevision", value: page.caseRevision }}
        returnSchema={returnFormSchema}
        returnFailure={returnFailure}
      />
    </>
  );
}

export const ErrorBoundary = RouteError;
