import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { inviteStaffSchema } from "../accounts/schemas";
import { inviteStaff, listDistrictStaff } from "../accounts/staff.server";
import { requireDistrictRole, requireUser } from "../auth/current-user.server";
import { DISTRICT_ROLES, ROLE_LABELS } from "../auth/roles";
import { CheckboxGroup, TextField, ValidatedForm } from "../components/form";
import { rolesText } from "../components/roles";
import { TableWrap } from "../components/table-wrap";
import { formDataToObject, parseForm } from "../utils/forms";
import { pageTitle } from "../utils/meta";

export const meta: MetaFunction = () => pageTitle("Personal och roller");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const district = requireDistrictRole(user, params.district ?? "", "staff.manage");
  return { districtName: district.name, staff: await listDistrictStaff(district.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const district = requireDistrictRole(user, params.district ?? "", "staff.manage");
  const values = formDataToObject(await request.formData(), ["roles"]);
  const parsed = parseForm(inviteStaffSchema, values);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const { invited } = await inviteStaff({ districtId: district.id, ...parsed.data });
  return {
    ok: true as const,
    message: invited
      ? `En inbjudan har skickats till ${parsed.data.email}.`
      : `${parsed.data.name} har fått de valda rollerna.`,
  };
}

export default function StaffPage() {
  const { districtName, staff } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>Personal och roller</h1>
      <p>Personer som arbetar med IOP i {districtName}.</p>
      {result?.ok ? (
        <div className="panel success" role="status">
          <p>{result.message}</p>
        </div>
      ) : null}
      <TableWrap label={`Personal i ${districtName}`}>
        <table>
          <caption className="visually-hidden">Personal i {districtName}</caption>
          <thead>
            <tr>
              <th scope="col">Namn</th>
              <th scope="col">Titel</th>
              <th scope="col">Roller</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((s) => (
              <tr key={s.userId}>
                <td>
                  {s.name}
                  <br />
                  <span className="hint">{s.email}</span>
                </td>
                <td>{s.title ?? "–"}</td>
                <td>{rolesText(s.roles)}</td>
                <td>{s.active ? "Aktiv" : "Inbjuden"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h2>Bjud in en person</h2>
      <ValidatedForm
        key={result?.ok ? result.message : "invite"}
        schema={inviteStaffSchema}
        failure={result && !result.ok ? result : null}
        defaultValues={{ roles: [] }}
        submitLabel="Skicka inbjudan"
      >
        <TextField name="name" label="Namn" autoComplete="off" />
        <TextField name="email" label="E-postadress" type="email" autoComplete="off" spellCheck={false} />
        <TextField name="title" label="Titel (frivilligt)" hint="Visas i attesteringen, till exempel Avdelningschef." />
        <CheckboxGroup
          name="roles"
          legend="Roller"
          options={DISTRICT_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        />
      </ValidatedForm>
    </>
  );
}
