// `logga-in_`: a page of its own, not a child of the login form's route (which has no Outlet).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { eidSignInSchema } from "../accounts/schemas";
import { eidSignInNotice } from "../accounts/eid-messages";
import { getCurrentUser, homePathFor, safeRedirectPath } from "../auth/current-user.server";
import { beginSignIn } from "../auth/oidc/index.server";
import { EidNoticePanel } from "../components/eid-notice";
import { formDataToObject, parseForm } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Logga in med e-legitimation");

/** The page is where the e-ID flow says what is not a failed sign-in (a disabled account, a registration that timed out). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  if (user) throw redirect(homePathFor(user));
  return { notice: eidSignInNotice(new URL(request.url).searchParams.get("meddelande")) };
}

/** The login page's "Logga in med e-legitimation": off to the broker, back at /logga-in/e-legitimation/klar. */
export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(eidSignInSchema, formDataToObject(await request.formData()));
  if (!parsed.ok) return data(parsed, { status: 400 });
  return beginSignIn("eid", request, { returnTo: safeRedirectPath(parsed.data.redirectTo, "") });
}

export default function EidSignInPage() {
  const { notice } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Logga in med e-legitimation</h1>
      <EidNoticePanel notice={notice} />
      <p>Du som företräder en förening loggar in med BankID eller Freja eID.</p>
      <Form method="post" reloadDocument>
        <input type="hidden" name="intent" value="eid" />
        <button type="submit">Logga in med e-legitimation</button>
      </Form>
      <p>
        <Link to="/logga-in">Andra sätt att logga in</Link>
      </p>
    </>
  );
}

export const ErrorBoundary = RouteError;
