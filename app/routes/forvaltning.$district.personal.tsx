import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { inviteStaffSchema } from "../accounts/schemas";
import { changeFromStaffPage, loadStaffPage } from "../accounts/staff-page.server";
import { INVITE_STAFF } from "../accounts/staff-page-forms";
import { requireDistrictRole, requireUser } from "../auth/current-user.server";
import { DISTRICT_ROLES, ROLE_LABELS } from "../auth/roles";
import { CheckboxGroup, ErrorSummary, HiddenField, TextField, ValidatedForm } from "../components/form";
import { rolesText } from "../components/roles";
import { TableWrap } from "../components/table-wrap";
import { StaffRolesForm } from "../components/partnership/staff-roles-form";
import { pageTitle } from "../utils/meta";
import { Notice } from "../components/form";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Personal och roller");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const district = requireDistrictRole(user, params.district ?? "", "staff.manage");
  return loadStaffPage(user, district);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const district = requireDistrictRole(user, params.district ?? "", "staff.manage");
  const reply = await changeFromStaffPage(user, district, await request.formData());
  return reply.status === 200 ? reply.body : data(reply.body, { status: reply.status });
}

export default function StaffPage() {
  const { districtName, staff, currentUserId, mayResetSecondFactor } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const changeFailure = result && !result.ok && "change" in result ? result.change : null;
  const inviteFailure = result && !result.ok && "errors" in result ? result : null;
  const notThisForm = result && !result.ok && "notThisForm" in result ? result.notThisForm : undefined;
  return (
    <>
      <h1>Personal och roller</h1>
      <p>Personer som arbetar med IOP i {districtName}.</p>
      <Notice message={result?.ok ? result.message : null} />
      {notThisForm ? <ErrorSummary formError={notThisForm} /> : null}
      <TableWrap label={`Personal i ${districtName}`}>
        <table>
          <caption className="visually-hidden">Personal i {districtName}</caption>
          <thead>
            <tr>
              <th scope="col">Namn</th>
              <th scope="col">Titel</th>
              <th scope="col">Roller</th>
              <th scope="col">Status</th>
              <th scope="col">Tvåstegsverifiering</th>
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
                <td>{s.secondFactor ? "Inställd" : "Inte inställd"}</td>
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
          mayResetSecondFactor={mayResetSecondFactor}
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
        <HiddenField name="intent" value={INVITE_STAFF} />
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
