import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import * as z from "zod/mini";
import { requireOrganisationMember, requireUser } from "../auth/current-user.server";
import { rolesGrant } from "../auth/permissions";
import { ErrorSummary, Notice } from "../components/form";
import { JoinRequestList } from "../components/organisation/join-requests";
import { joinAnswerSchema } from "../organisations/verification-forms";
import { answerJoinRequest, listJoinRequests } from "../organisations/join-requests.server";
import { isOrganisationVerified } from "../organisations/verification.server";
import { getOrganisationProfile } from "../organisations/profile.server";
import { formDataToObject, formFailure, NOT_THIS_FORM, parseForm } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Förfrågningar om att gå med");

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
  const verified = await isOrganisationVerified(organisationId);
  return {
    organisationId,
    organisationName: profile.organisation.name,
    // Only a verified förening's firmatecknare answer: who they are has been checked (ADR 0028).
    mayAnswer: verified && rolesGrant(membership.roles, "organisation.answerJoinRequest"),
    verified,
    requests: await listJoinRequests(organisationId),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const organisationId = organisationIdOf(params);
  requireOrganisationMember(user, organisationId, "organisation.answerJoinRequest");
  if (!(await isOrganisationVerified(organisationId))) {
    throw new Response("Förvaltningen svarar på förfrågningar tills föreningen är verifierad.", { status: 403 });
  }
  const values = formDataToObject(await request.formData());
  const parsed = parseForm(joinAnswerSchema, values);
  if (!parsed.ok) return data(formFailure({}, values, NOT_THIS_FORM), { status: 400 });
  const result = await answerJoinRequest({ user, organisationId, requestId: parsed.data.requestId, accept: parsed.data.intent === "acceptJoin" });
  if (!result.ok) return data(formFailure({}, values, result.message), { status: 409 });
  throw redirect(`/forening/${organisationId}/forfragningar?svar=${parsed.data.intent}`);
}

export default function JoinRequestsPage() {
  const page = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [search] = useSearchParams();
  const answer = search.get("svar");
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/forening/${page.organisationId}`}>{page.organisationName}</Link>
      </p>
      <h1>Förfrågningar om att gå med</h1>
      <Notice message={!failure && answer === "acceptJoin" ? "Personen är nu kontaktperson i föreningen och har fått ett meddelande." : !failure && answer === "refuseJoin" ? "Förfrågan är avslagen. Personen har fått ett meddelande." : null} />
      <ErrorSummary formError={failure?.formError} />
      <p>
        När någon försöker registrera {page.organisationName} igen blir det en förfrågan om att gå med. Godkänn bara personer som ni vet
        arbetar för föreningen.
        {page.verified ? "" : " Föreningen är inte verifierad än, så förvaltningen svarar på förfrågningarna."}
      </p>
      <JoinRequestList requests={page.requests} mayAnswer={page.mayAnswer} />
    </>
  );
}

export const ErrorBoundary = RouteError;
