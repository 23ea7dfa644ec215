import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { inviteStaffSchema } from "../accounts/schemas";
import { deactivateStaff, inviteStaff, listDistrictStaff, setStaffRoles } from "../accounts/staff.server";
import { requireDistrictRole, requireUser } from "../auth/current-user.server";
import { DISTRICT_ROLES, ROLE_LABELS, isDistrictRole } from "../auth/roles";
import { CheckboxGroup, TextField, ValidatedForm } from "../components/form";
import { rolesText } from "../components/roles";
import { TableWrap } from "../components/table-wrap";
import { StaffRolesForm } from "../components/partnership/staff-roles-form";
import { formDataToObject, parseForm } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { Notice } from "../components/form";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Personal och roller");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const district = requireDistrictRole(user, params.district ?? "", "staff.manage");
  return { districtName: district.name, staff: await listDistrictStaff(district.id), currentUserId: user.id };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const district = requireDistrictRole(user, params.district ?? "", "staff.manage");
  const values = formDataToObject(await request.formData(), ["roles"]);
  if (values.intent === "roles" || values.intent === "deactivate") {
    const userId = String(values.userId ?? "");
    const change =
      values.intent === "roles"
        ? await setStaffRoles({
            districtId: district.id,
            actingUserId: user.id,
            userId,
            roles: (values.roles as string[]).filter(isDistrictRole),
          })
        : await deactivateStaff({ districtId: district.id, actingUserId: user.id, userId });
    if (change.ok) return { ok: true as const, message: change.message };
    return data({ ok: false as const, change: { userId, message: change.message } }, { status: 400 });
  }
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
  const { districtName, staff, currentUserId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const changeFailure = result && !result.ok && "change" in result ? result.change : null;
  const inviteFailure = result && !result.ok && !("change" in result) ? result : null;
  return (
    <>
      <h1>Personal och roller</h1>
      <p>Personer som arbetar med IOP i {districtName}.</p>
      <Notice message={result?.ok ? result.message : null} />
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
                <td>{s.disabled ? "Inaktiverad" : s.active ? "Aktiv" : "Inbjuden"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h2>Ändra roller</h2>
      {changeFailure ? (
        <div className="error-summary" role="alert">
          <p>{changeFailure.message}</p>
        </div>
      ) : null}
      {staff.map((s) => (
        <StaffRolesForm
          key={`${s.userId}-${s.roles.join("-")}-${s.disabled}`}
          person={s}
          isSelf={s.userId === currentUserId}
          error={changeFailure?.userId === s.userId ? changeFailure.message : undefined}
        />
      ))}
      <h2>Bjud in en person</h2>
      <ValidatedForm
        key={result?.ok ? result.message : "invite"}
        schema={inviteStaffSchema}
        failure={inviteFailure}
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

export const ErrorBoundary = RouteError;
