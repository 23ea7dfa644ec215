import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireDistrictRole, requireUser } from "../auth/current-user.server";
import { CheckboxGroup, HiddenField, TextAreaField, TextField, ValidatedForm } from "../components/form";
import { ErrorSummary, Notice } from "../components/form";
import { TableWrap } from "../components/table-wrap";
import { AREA_INTENT, CALL_INTENT, callSchema, priorityAreaSchema } from "../district-admin/call-forms";
import { loadCallsPage, saveFromCallsPage } from "../district-admin/calls-page.server";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Utlysningar och prioriterade områden");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const district = requireDistrictRole(user, params.district ?? "", "calls.manage");
  return loadCallsPage(district, new URL(request.url).searchParams);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const district = requireDistrictRole(user, params.district ?? "", "calls.manage");
  const reply = await saveFromCallsPage(district, await request.formData());
  return reply.status === 200 ? reply.body : data(reply.body, { status: reply.status });
}

export default function CallsPage() {
  const { districtName, areas, calls, editArea, editCall } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failureOf = (intent: string) => (result && !result.ok && result.intent === intent ? result : null);
  const areaName = (id: string) => areas.find((a) => a.id === id)?.name ?? "";
  return (
    <>
      <h1>Utlysningar och prioriterade områden</h1>
      <p>{`Det som ${districtName} vill samverka kring, och när föreningar kan ansöka.`}</p>
      <Notice message={result?.ok ? result.message : null} />
      {result && !result.ok && result.intent === null ? <ErrorSummary formError={result.formError} /> : null}

      <h2>Utlysningar</h2>
      {calls.length === 0 ? (
        <p>Inga utlysningar än.</p>
      ) : (
        <TableWrap label="Utlysningar">
          <table>
            <thead>
              <tr>
                <th scope="col">Rubrik</th>
                <th scope="col">Ansökan öppen</th>
                <th scope="col">Verksamhetens period</th>
                <th scope="col">Prioriterade områden</th>
                <th scope="col">Ändra</th>
              </tr>
            </thead>
            <tbody>
              {calls.map((c) => (
                <tr key={c.id}>
                  <td>{c.title}</td>
                  <td>{`${c.opensOn} – ${c.closesOn}`}</td>
                  <td>{c.periodEarliestStart || c.periodLatestEnd ? `${c.periodEarliestStart ?? "…"} – ${c.periodLatestEnd ?? "…"}` : "Ingen gräns"}</td>
                  <td>{c.priorityAreaIds.map(areaName).filter(Boolean).join(", ") || "–"}</td>
                  <td>
                    <Link to={`?utlysning=${c.id}#call-form`}>
                      Ändra <span className="visually-hidden">{c.title}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h3 id="call-form">{editCall ? `Ändra utlysningen ”${editCall.title}”` : "Ny utlysning"}</h3>
      <ValidatedForm
        key={`call-${editCall?.id ?? "new"}-${result?.ok ? result.message : ""}`}
        schema={callSchema}
        failure={failureOf(CALL_INTENT)}
        defaultValues={
          editCall
            ? { ...editCall, description: editCall.description ?? "", periodEarliestStart: editCall.periodEarliestStart ?? "", periodLatestEnd: editCall.periodLatestEnd ?? "" }
            : { priorityAreaIds: [] }
        }
        submitLabel={editCall ? "Spara ändringarna" : "Lägg upp utlysningen"}
      >
        <HiddenField name="intent" value={CALL_INTENT} />
        <HiddenField name="id" value={editCall?.id ?? ""} />
        <TextField name="title" label="Rubrik" />
        <TextAreaField name="description" label="Beskrivning (frivilligt)" rows={4} />
        <TextField name="opensOn" label="Ansökan öppnar" type="date" />
        <TextField name="closesOn" label="Ansökan stänger" type="date" />
        <TextField name="periodEarliestStart" label="Verksamheten får börja tidigast (frivilligt)" type="date" />
        <TextField name="periodLatestEnd" label="Verksamheten ska vara klar senast (frivilligt)" type="date" />
        {areas.length > 0 ? (
          <CheckboxGroup
            name="priorityAreaIds"
            legend="Prioriterade områden"
            options={areas.map((a) => ({ value: a.id, label: a.active ? a.name : `${a.name} (inaktivt)` }))}
          />
        ) : null}
      </ValidatedForm>

      <h2>Prioriterade områden</h2>
      {areas.length === 0 ? (
        <p>Inga prioriterade områden än.</p>
      ) : (
        <TableWrap label="Prioriterade områden">
          <table>
            <thead>
              <tr>
                <th scope="col">Område</th>
                <th scope="col">Beskrivning</th>
                <th scope="col">Status</th>
                <th scope="col">Ändra</th>
              </tr>
            </thead>
            <tbody>
              {areas.map((a) => (
                <tr key={a.id}>
                  <td>{a.name}</td>
                  <td>{a.description ?? "–"}</td>
                  <td>{a.active ? "Aktivt" : "Inaktivt"}</td>
                  <td>
                    <Link to={`?omrade=${a.id}#area-form`}>
                      Ändra <span className="visually-hidden">{a.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h3 id="area-form">{editArea ? `Ändra området ”${editArea.name}”` : "Nytt prioriterat område"}</h3>
      <ValidatedForm
        key={`area-${editArea?.id ?? "new"}-${result?.ok ? result.message : ""}`}
        schema={priorityAreaSchema}
        failure={failureOf(AREA_INTENT)}
        defaultValues={
          editArea
            ? { areaName: editArea.name, areaDescription: editArea.description ?? "", areaActive: editArea.active ? ["yes"] : [] }
            : { areaActive: ["yes"] }
        }
        submitLabel={editArea ? "Spara ändringarna" : "Lägg till området"}
      >
        <HiddenField name="intent" value={AREA_INTENT} />
        <HiddenField name="id" value={editArea?.id ?? ""} />
        <TextField name="areaName" label="Namn" />
        <TextAreaField name="areaDescription" label="Beskrivning (frivilligt)" rows={3} />
        <CheckboxGroup name="areaActive" legend="Status" options={[{ value: "yes", label: "Aktivt: föreningar kan välja området" }]} />
      </ValidatedForm>
    </>
  );
}

export const ErrorBoundary = RouteError;
