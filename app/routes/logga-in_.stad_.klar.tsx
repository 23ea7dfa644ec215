// GET /logga-in/stad/klar: the city's SSO sends the browser back here (CALLBACK_PATHS.staff, the
// redirect URI registered with the SSO). Verified, the person lands in their district; refused,
// on the login page with the reason (a code, never who it was).
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { completeStaffSignIn } from "../accounts/staff-sign-in.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const outcome = await completeStaffSignIn(request);
  const headers = new Headers();
  for (const cookie of outcome.setCookies) headers.append("Set-Cookie", cookie);
  throw redirect(outcome.location, { headers });
}
