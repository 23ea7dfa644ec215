import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireOrganisationMember, requireUser } from "../auth/current-user.server";
import { newApplicationSchema } from "../applications/new-application-schema";
import {
  callChoices,
  createApplication,
  districtExists,
  districtPriorityAreas,
  hasPreviousApplication,
  listDistricts,
} from "../applications/new-application.server";
import { stepPath } from "../applications/steps";
import { CheckboxGroup, HiddenField, RadioGroup, SelectField, TextField, ValidatedForm } from "../components/form";
import { formDataToObject, formFailure, parseForm } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Ny ansökan");

async function authorise(request: Request, organisationId: string | undefined) {
  const user = await requireUser(request);
  const organisation = requireOrganisationMember(user, organisationId ?? "", "application.draft");
  return { user, organisation };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await authorise(request, params.organisationId);
  const chosen = new URL(request.url).searchParams.get("distrikt");
  const districts = await listDistricts();
  const district = chosen ? districts.find((d) => d.id === chosen) : undefined;
  return {
    organisation: { id: organisation.id, name: organisation.name },
    districts,
    districtError: chosen !== null && !district ? "Välj vilken stadsdel ni söker hos." : null,
    district: district ?? null,
    calls: district ? await callChoices(district.id) : [],
    areas: district ? await districtPriorityAreas(district.id) : [],
    hasPrevious: await hasPreviousApplication(organisation.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organisation } = await authorise(request, params.organisationId);
  const values = formDataToObject(await request.formData(), ["startFromPrevious"]);
  const parsed = parseForm(newApplicationSchema, values);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const { districtId, title } = parsed.data;
  if (!(await districtExists(districtId))) return data(formFailure({ districtId: "Välj en stadsdel i listan." }, values), { status: 400 });
  const calls = await callChoices(districtId);
  const callId = parsed.data.callId && parsed.data.callId !== "none" ? parsed.data.callId : null;
  const call = callId ? calls.find((c) => c.id === callId) : null;
  if (callId && !call) return data(formFailure({ callId: "Utlysningen är inte öppen. Välj en annan eller eget initiativ." }, values), { status: 400 });
  const areas = call ? call.priorityAreas : await districtPriorityAreas(districtId);
  const priorityAreaId = parsed.data.priorityAreaId || null;
  if (priorityAreaId && !areas.some((a) => a.id === priorityAreaId)) {
    return data(formFailure({ priorityAreaId: "Välj ett av områdena i listan, eller inget." }, values), { status: 400 });
  }
  const caseId = await createApplication({
    organisationId: organisation.id,
    districtId,
    title,
    callId,
    priorityAreaId,
    startFromPrevious: (parsed.data.startFromPrevious ?? []).includes("yes"),
    userId: user.id,
  });
  throw redirect(stepPath(caseId, "grund"));
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
