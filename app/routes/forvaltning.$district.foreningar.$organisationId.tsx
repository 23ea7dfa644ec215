import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "../auth/current-user.server";
import { requireOrganisationForDistrict, requirePermission } from "../cases/access.server";
import { ErrorSummary, Notice, PlainTextArea } from "../components/form";
import { SignatoryTable, VerificationHistory, VerificationStatus, dateTime } from "../components/organisation/verification-view";
import { verificationDecisionSchema } from "../organisations/verification-forms";
import { decideVerification, loadVerificationSummary } from "../organisations/verification.server";
import { formDataToObject, formFailure, parseForm } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `Verifiering – ${data.organisation.name}` : "Verifiering");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const found = await requireOrganisationForDistrict(user, params, "case.view");
  return {
    district: found.membership.code.toLowerCase(),
    organisation: { id: found.organisation.id, name: found.organisation.name, organisationNumber: found.organisation.organisationNumber },
    mayDecide: found.can("organisation.verify"),
    view: await loadVerificationSummary(found.organisation.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const found = await requireOrganisationForDistrict(user, params, "case.view");
  requirePermission(found, "organisation.verify");
  const values = formDataToObject(await request.formData());
  const parsed = parseForm(verificationDecisionSchema, values);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await decideVerification({ user, districtId: found.membership.id, organisationId: found.organisation.id, decision: parsed.data });
  if (!result.ok) return data(formFailure(result.errors, values, result.formError), { status: 409 });
  throw redirect(`/forvaltning/${found.membership.code.toLowerCase()}/foreningar/${found.organisation.id}?svar=${parsed.data.intent}`);
}

export default function OrganisationVerificationPage() {
  const page = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [search] = useSearchParams();
  const answer = search.get("svar");
  const latest = page.view.latest;
  const errors = failure?.errors ?? {};
  return (
    <>
      <h1>{page.organisation.name}</h1>
      <p>Organisationsnummer {page.organisation.organisationNumber}</p>
      <Notice message={!failure && answer === "confirm" ? "Föreningen är verifierad. Föreningen har fått ett meddelande." : !failure && answer === "refuse" ? "Verifieringen är avslagen. Föreningen har fått ditt meddelande." : null} />
      <VerificationStatus view={page.view} />
      <h2>Firmatecknare i kraft</h2>
      <SignatoryTable caption="Verifierade firmatecknare" people={page.view.signatories} />
      {latest?.status === "pending" ? (
        <>
          <h2>Att granska</h2>
          <p>
            Skickat {dateTime(latest.submittedAt)}.{" "}
            <a href={`/forvaltning/${page.district}/foreningar/${page.organisation.id}/protokoll/${latest.id}`} download>
              Ladda ner {latest.documentName}
            </a>
          </p>
          <SignatoryTable caption="Firmatecknare som föreningen namnger" people={latest.named} />
          {page.mayDecide ? (
            <>
              <p>Jämför namnen och födelsedatumen med dokumentet. Bekräfta bara om dokumentet visar att styrelsen har utsett just dessa personer.</p>
              <ErrorSummary errors={errors} formError={failure?.formError} />
              <Form method="post" noValidate>
                <input type="hidden" name="verificationId" value={latest.id} />
                <PlainTextArea
                  name="message"
                  label="Meddelande till föreningen"
                  hint="Krävs om du avslår: skriv vad som saknas eller inte stämmer."
                  rows={4}
                  defaultValue={(failure?.values as { message?: string } | undefined)?.message ?? ""}
                  error={errors.message}
                />
                <div className="button-row">
                  <button type="submit" name="intent" value="confirm">
                    Bekräfta verifieringen
                  </button>{" "}
                  <button type="submit" name="intent" value="refuse" className="secondary">
                    Avslå
                  </button>
                </div>
              </Form>
            </>
          ) : (
            <p>En handläggare eller administratör granskar dokumentet.</p>
          )}
        </>
      ) : null}
      <VerificationHistory history={page.view.history} />
    </>
  );
}

export const ErrorBoundary = RouteError;
