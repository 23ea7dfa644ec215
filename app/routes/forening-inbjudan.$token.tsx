import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { newPasswordSchema } from "../accounts/schemas";
import { loadUser } from "../auth/current-user.server";
import { afterPassword } from "../accounts/login.server";
import { SetPasswordPage } from "../components/set-password-page";
import { acceptOrganisationInvitation, isUsableOrganisationInvitation } from "../organisations/members.server";
import { formDataToObject, formFailure, parseForm } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Välkommen till IOP-portalen");

export async function loader({ params }: LoaderFunctionArgs) {
  return { usable: await isUsableOrganisationInvitation(params.token ?? "") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const values = formDataToObject(await request.formData());
  const parsed = parseForm(newPasswordSchema, values);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const userId = await acceptOrganisationInvitation(params.token ?? "", parsed.data.password);
  const user = userId ? await loadUser(userId) : null;
  if (!user) {
    return data(
      formFailure({}, values, "Inbjudan har redan använts eller är för gammal. Be föreningens kontaktperson om en ny."),
      { status: 400 },
    );
  }
  // Someone on staff too signs in with the second factor, as with any password.
  const next = await afterPassword(user.id, "/forening");
  throw redirect(next.secondStep ?? "/forening", { headers: { "Set-Cookie": next.setCookie } });
}

export default function OrganisationInvitationPage() {
  const { usable } = useLoaderData<typeof loader>();
  return (
    <SetPasswordPage
      usable={usable}
      title="Välkommen till IOP-portalen"
      intro="Du har bjudits in av din förening. Välj ett lösenord så loggas du in."
      failure={useActionData<typeof action>()}
    />
  );
}

export const ErrorBoundary = RouteError;
