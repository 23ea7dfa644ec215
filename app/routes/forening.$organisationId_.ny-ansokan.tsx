import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireOrganisationMember, requireUser } from "../auth/current-user.server";
import { newApplicationSchema, START_APPLICATION } from "../applications/new-application-schema";
import { loadNewApplicationPage, startApplicationFromForm } from "../applications/new-application-page.server";
import { CheckboxGroup, HiddenField, RadioGroup, SelectField, TextField, ValidatedForm } from "../components/form";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Ny ansökan");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const organisation = requireOrganisationMember(user, params.organisationId ?? "", "application.draft");
  return loadNewApplicationPage(organisation, new URL(request.url).searchParams.get("distrikt"));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const organisation = requireOrganisationMember(user, params.organisationId ?? "", "application.draft");
  const reply = await startApplicationFromForm(user, organisation, await request.formData());
  return data(reply.body, { status: reply.status });
}

export default function NewApplicationPage() {
  const page = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <p className="hint">{page.organisation.name}</p>
      <h1>Ny ansökan</h1>
      {!page.district ? (
        <Form method="get" className="stack">
          {page.districtError ? (
            <div className="error-summary" role="alert" aria-labelledby="district-error-title">
              <h2 id="district-error-title">Det finns problem att rätta</h2>
              <ul>
                <li>
                  <a href="#field-distrikt">{page.districtError}</a>
                </li>
              </ul>
            </div>
          ) : null}
          <fieldset id="field-distrikt" aria-describedby={page.districtError ? "field-distrikt-error" : undefined}>
            <legend>Vilken stadsdel söker ni hos?</legend>
            {page.districtError ? (
              <p className="field-error" id="field-distrikt-error">
                <span className="visually-hidden">Fel: </span>
                {page.districtError}
              </p>
            ) : null}
            {page.districts.map((d) => (
              <div className="checkbox" key={d.id}>
                <input type="radio" name="distrikt" id={`distrikt-${d.id}`} value={d.id} />
                <label htmlFor={`distrikt-${d.id}`}>{d.name}</label>
              </div>
            ))}
          </fieldset>
          <div>
            <button type="submit">Fortsätt</button>
          </div>
        </Form>
      ) : (
        <>
          <p>
            Ni söker hos <strong>{page.district.name}</strong>. <Link to=".">Byt stadsdel</Link>
          </p>
          <ValidatedForm
            schema={newApplicationSchema}
            failure={failure}
            // The hidden district must be in the browser check's values too.
            defaultValues={{ districtId: page.district.id, callId: page.calls.length > 0 ? "" : "none", startFromPrevious: [] }}
            submitLabel="Börja skriva ansökan"
            pendingLabel="Skapar ansökan …"
          >
            <HiddenField name="intent" value={START_APPLICATION} />
            <HiddenField name="districtId" value={page.district.id} />
            {page.calls.length > 0 ? (
              <RadioGroup
                name="callId"
                legend="Söker ni inom en utlysning?"
                hint="Ni kan också söka på eget initiativ."
                options={[
                  ...page.calls.map((c) => ({ value: c.id, label: `${c.title} (sista dag ${c.closesOn})` })),
                  { value: "none", label: "Nej, vi söker på eget initiativ" },
                ]}
              />
            ) : (
              <HiddenField name="callId" value="none" />
            )}
            {page.areas.length > 0 ? (
              <SelectField
                name="priorityAreaId"
                label="Prioriterat område (frivilligt)"
                hint="Det område i stadsdelen som verksamheten hör till."
                placeholder="Inget särskilt område"
                options={page.areas.map((a) => ({ value: a.id, label: a.name }))}
              />
            ) : null}
            <TextField name="title" label="Namn på ansökan" hint="Ett kort namn som beskriver verksamheten. Ni kan ändra det senare." />
            {page.hasPrevious ? (
              <CheckboxGroup
                name="startFromPrevious"
                legend="Vill ni utgå från en tidigare ansökan?"
                options={[{ value: "yes", label: "Börja från vår senaste ansökan" }]}
                hint="Texterna, målgrupperna, aktiviteterna och budgeten kopieras. Ni kan ändra allt."
              />
            ) : null}
          </ValidatedForm>
        </>
      )}
    </>
  );
}

export const ErrorBoundary = RouteError;
