import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import * as z from "zod/mini";
import { requireOrganisationMember, requireUser } from "../auth/current-user.server";
import { rolesGrant } from "../auth/permissions";
import { getOrganisationProfile, updateOrganisationProfile } from "../organisations/profile.server";
import { organisationProfileSchema } from "../organisations/schemas";
import { rolesText } from "../components/roles";
import { RadioGroup, TextField, ValidatedForm } from "../components/form";
import { formDataToObject, formFailure, parseForm } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

const Params = z.object({ organisationId: z.uuid() });

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.organisation.name ?? "Förening");

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
  return { ...profile, canEdit: rolesGrant(membership.roles, "organisation.edit") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const organisationId = organisationIdOf(params);
  requireOrganisationMember(user, organisationId, "organisation.edit");
  const values = formDataToObject(await request.formData());
  const parsed = parseForm(organisationProfileSchema, values);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const saved = await updateOrganisationProfile(organisationId, parsed.data);
  if (!saved.ok) return data(formFailure(saved.errors, values), { status: 400 });
  throw redirect(`/forening/${organisationId}?sparad=1`);
}

export default function OrganisationProfilePage() {
  const { organisation, members, canEdit } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [search] = useSearchParams();
  const address = [organisation.streetAddress, [organisation.postalCode, organisation.city].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(", ");
  return (
    <>
      <h1>{organisation.name}</h1>
      {search.get("sparad") && !failure ? (
        <div className="panel success" role="status">
          <p>Uppgifterna är sparade.</p>
        </div>
      ) : null}
      {canEdit ? (
        <>
          <h2>Föreningens uppgifter</h2>
          <ValidatedForm
            schema={organisationProfileSchema}
            failure={failure}
            defaultValues={{
              name: organisation.name,
              organisationNumber: organisation.organisationNumber,
              streetAddress: organisation.streetAddress ?? "",
              postalCode: organisation.postalCode ?? "",
              city: organisation.city ?? "",
              email: organisation.email,
              phone: organisation.phone ?? "",
              paymentAccountType: organisation.paymentAccountType ?? "",
              paymentAccountNumber: organisation.paymentAccountNumber ?? "",
            }}
            submitLabel="Spara uppgifterna"
            pendingLabel="Sparar …"
          >
            <TextField name="name" label="Föreningens namn" autoComplete="organization" />
            <TextField name="organisationNumber" label="Organisationsnummer" hint="Tio siffror, till exempel 802461-9168." inputMode="numeric" />
            <TextField name="streetAddress" label="Gatuadress (frivilligt)" autoComplete="street-address" />
            <TextField name="postalCode" label="Postnummer (frivilligt)" inputMode="numeric" autoComplete="postal-code" />
            <TextField name="city" label="Ort (frivilligt)" autoComplete="address-level2" />
            <TextField name="email" label="Föreningens e-postadress" type="email" spellCheck={false} />
            <TextField name="phone" label="Telefon (frivilligt)" type="tel" autoComplete="tel" />
            <RadioGroup
              name="paymentAccountType"
              legend="Hur ska förvaltningen betala ut bidrag? (frivilligt)"
              options={[
                { value: "bankgiro", label: "Bankgiro" },
                { value: "plusgiro", label: "Plusgiro" },
              ]}
            />
            <TextField name="paymentAccountNumber" label="Bankgiro- eller plusgironummer" hint="Till exempel 5050-1055." inputMode="numeric" />
          </ValidatedForm>
        </>
      ) : (
        <dl className="facts">
          <dt>Organisationsnummer</dt>
          <dd>{organisation.organisationNumber}</dd>
          <dt>Adress</dt>
          <dd>{address || "–"}</dd>
          <dt>E-post</dt>
          <dd>{organisation.email}</dd>
          <dt>Telefon</dt>
          <dd>{organisation.phone ?? "–"}</dd>
          <dt>Bankgiro eller plusgiro</dt>
          <dd>
            {organisation.paymentAccountNumber
              ? `${organisation.paymentAccountType === "plusgiro" ? "Plusgiro" : "Bankgiro"} ${organisation.paymentAccountNumber}`
              : "–"}
          </dd>
        </dl>
      )}
      <h2>Verifiering</h2>
      <p>
        {organisation.verifiedAt
          ? "Föreningen är verifierad: förvaltningen har bekräftat föreningens firmatecknare mot protokollet."
          : "Föreningen är inte verifierad. Skicka ert protokollsutdrag, så att era firmatecknare kan skriva under överenskommelser."}{" "}
        <Link to={`/forening/${organisation.id}/verifiering`}>{organisation.verifiedAt ? "Se eller ändra firmatecknare" : "Verifiera föreningen"}</Link>
      </p>
      <h2>Personer i portalen</h2>
      <ul>
        {members.map((m) => (
          <li key={m.userId}>{`${m.name}: ${rolesText(m.roles)}${m.active ? "" : " (inbjuden)"}`}</li>
        ))}
      </ul>
      <p>
        <Link to={`/forening/${organisation.id}/personer`}>Se och ändra vilka som finns i portalen för föreningen</Link>
      </p>
      <p>
        <Link to={`/forening/${organisation.id}/oversikt`}>Föreningens siffror år för år: bidrag, deltagare och mål</Link>
      </p>
    </>
  );
}

export const ErrorBoundary = RouteError;
