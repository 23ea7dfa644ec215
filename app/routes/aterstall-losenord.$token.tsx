import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { newPasswordSchema } from "../accounts/schemas";
import { isUsablePasswordToken, setPasswordWithToken } from "../accounts/password-reset.server";
import { SetPasswordPage } from "../components/set-password-page";
import { formDataToObject, formFailure, parseForm } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Välj nytt lösenord");

export async function loader({ params }: LoaderFunctionArgs) {
  return { usable: await isUsablePasswordToken(params.token ?? "", "password_reset") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const values = formDataToObject(await request.formData());
  const parsed = parseForm(newPasswordSchema, values);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const userId = await setPasswordWithToken(params.token ?? "", "password_reset", parsed.data.password);
  if (!userId) {
    return data(formFailure({}, values, "Länken har redan använts eller är för gammal. Be om en ny länk."), {
      status: 400,
    });
  }
  throw redirect("/logga-in?meddelande=losenord-bytt");
}

export default function ResetPasswordPage() {
  const { usable } = useLoaderData<typeof loader>();
  return (
    <SetPasswordPage
      usable={usable}
      title="Välj nytt lösenord"
      intro="Välj ett nytt lösenord för ditt konto. Du blir utloggad på alla andra enheter."
      failure={useActionData<typeof action>()}
    />
  );
}

export const ErrorBoundary = RouteError;
