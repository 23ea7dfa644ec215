import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { newPasswordSchema } from "../accounts/schemas";
import { isUsablePasswordToken, setPasswordWithToken } from "../accounts/password-reset.server";
import { homePathFor, loadUser } from "../auth/current-user.server";
import { afterPassword } from "../accounts/login.server";
import { SetPasswordPage } from "../components/set-password-page";
import { formDataToObject, formFailure, parseForm } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Välkommen till IOP-portalen");

export async function loader({ params }: LoaderFunctionArgs) {
  return { usable: await isUsablePasswordToken(params.token ?? "", "staff_invitation") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const values = formDataToObject(await request.formData());
  const parsed = parseForm(newPasswordSchema, values);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const userId = await setPasswordWithToken(params.token ?? "", "staff_invitation", parsed.data.password);
  const user = userId ? await loadUser(userId) : null;
  if (!user) {
    return data(formFailure({}, values, "Inbjudan har redan använts eller är för gammal. Be din administratör om en ny."), {
      status: 400,
    });
  }
  // Staff: the new password is a password sign-in like any other, so the second factor is set up next.
  const next = await afterPassword(user.id, "");
  throw redirect(next.secondStep ?? homePathFor(user), { headers: { "Set-Cookie": next.setCookie } });
}

export default function InvitationPage() {
  const { usable } = useLoaderData<typeof loader>();
  return (
    <SetPasswordPage
      usable={usable}
      title="Välkommen till IOP-portalen"
      intro="Du har bjudits in av din förvaltning. Välj ett lösenord så loggas du in."
      failure={useActionData<typeof action>()}
    />
  );
}

export const ErrorBoundary = RouteError;
