import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import * as z from "zod/mini";
import { readUpload } from "../attachments/upload.server";
import { ALLOWED_TYPES_TEXT } from "../attachments/types";
import { requireOrganisationMember, requireUser } from "../auth/current-user.server";
import { rolesGrant } from "../auth/permissions";
import { ErrorSummary, Notice, PlainField } from "../components/form";
import { SignatoryTable, VerificationHistory, VerificationStatus, dateTime } from "../components/organisation/verification-view";
import { getOrganisationProfile } from "../organisations/profile.server";
import { SIGNATORY_ROWS, verificationRequestSchema } from "../organisations/verification-forms";
import { loadVerificationSummary, requestVerification } from "../organisations/verification.server";
import { formDataToNested, formFailure, NOT_THIS_FORM, parseForm } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Verifiera föreningen");

const Params = z.object({ organisationId: z.uuid() });
function organisationIdOf(params: LoaderFunctionArgs["params"]) {
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  return parsed.data.organisationId;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const organisationId = organisationIdOf(params);
  const membership = requireOrganisationMember(user, organisationId, "organisation.view");
  const profile = await getOrganisationProfile(organisationId);
  if (!profile) throw new Response("Not found", { status: 404 });
  return {
    organisationId,
    organisationName: profile.organisation.name,
    mayRequest: rolesGrant(membership.roles, "organisation.requestVerification"),
    view: await loadVerificationSummary(organisationId),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const organisationId = organisationIdOf(params);
  requireOrganisationMember(user, organisationId, "organisation.requestVerification");
  const upload = await readUpload(request, "document");
  const fields = upload.fields;
  if (!fields) return data(formFailure({}, {}, upload.ok ? NOT_THIS_FORM : upload.message), { status: 400 });
  const values = formDataToNested(fields);
  const parsed = parseForm(verificationRequestSchema, values);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await requestVerification({
    user,
    organisationId,
    file: upload.ok ? { fileName: upload.fileName, bytes: upload.bytes } : null,
    fileProblem: upload.ok ? undefined : upload.message,
    form: parsed.data,
  });
  if (!result.ok) return data(formFailure(result.errors, values, result.formError), { status: 400 });
  throw redirect(`/forening/${organisationId}/verifiering?skickad=1`);
}

export default function VerificationPage() {
  const page = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [search] = useSearchParams();
  const navigation = useNavigation();
  const errors = failure?.errors ?? {};
  const typed = (failure?.values ?? {}) as { signatories?: { fullName?: string; personalNumber?: string }[] };
  const latest = page.view.latest;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/forening/${page.organisationId}`}>{page.organisationName}</Link>
      </p>
      <h1>Verifiera föreningen</h1>
      <Notice message={search.get("skickad") && !failure ? "Protokollsutdraget är skickat. Förvaltningen granskar det och du får ett meddelande." : null} />
      <VerificationStatus view={page.view} />

      <h2>Firmatecknare</h2>
      <p>
        Firmatecknare skriver under överenskommelsen för föreningen. De bestäms av föreningens protokoll, inte i portalen: förvaltningen
        jämför namnen med protokollsutdraget. En firmatecknare får rollen när hen loggar in med e-legitimation.
      </p>
      <SignatoryTable caption="Firmatecknare som förvaltningen har verifierat" people={page.view.signatories} />
      {latest && latest.status === "pending" ? (
        <>
          <p>
            Skickat {dateTime(latest.submittedAt)}: {latest.documentName}.
          </p>
          <SignatoryTable caption="Firmatecknare i protokollsutdraget som granskas" people={latest.named} />
        </>
      ) : null}

      {page.mayRequest ? (
        <>
          <h2>{page.view.verifiedAt ? "Ändra firmatecknare" : "Skicka protokollsutdrag"}</h2>
          <p>
            Ladda upp protokollsutdraget från det styrelsemöte som utsåg firmatecknarna (eller stadgarna och styrelsens beslut) och skriv
            namn och personnummer på varje firmatecknare så som protokollet namnger dem. Personnumret sparas inte i klartext.
          </p>
          <ErrorSummary errors={errors} formError={failure?.formError} order={["document", "signatories"]} />
          <Form method="post" encType="multipart/form-data" noValidate>
            <input type="hidden" name="intent" value="request" />
            <PlainField
              name="document"
              label="Protokollsutdrag"
              type="file"
              hint={`Du kan ladda upp ${ALLOWED_TYPES_TEXT}.${failure ? " Välj filen igen." : ""}`}
              error={errors.document}
            />
            {Array.from({ length: SIGNATORY_ROWS }, (_, i) => (
              <fieldset key={i}>
                <legend>Firmatecknare {i + 1}{i > 0 ? " (om protokollet namnger fler)" : ""}</legend>
                <PlainField
                  name={`signatories.${i}.fullName`}
                  label="Namn"
                  autoComplete="off"
                  defaultValue={typed.signatories?.[i]?.fullName ?? ""}
                  error={errors[`signatories.${i}.fullName`]}
                />
                <PlainField
                  name={`signatories.${i}.personalNumber`}
                  label="Personnummer"
                  hint="12 siffror, till exempel 19800101-1234"
                  inputMode="numeric"
                  autoComplete="off"
                  defaultValue={typed.signatories?.[i]?.personalNumber ?? ""}
                  error={errors[`signatories.${i}.personalNumber`]}
                />
              </fieldset>
            ))}
            <button type="submit" disabled={navigation.state === "submitting"}>
              {navigation.state === "submitting" ? "Skickar …" : "Skicka till förvaltningen"}
            </button>
          </Form>
        </>
      ) : null}
      <VerificationHistory history={page.view.history} />
    </>
  );
}

export const ErrorBoundary = RouteError;
