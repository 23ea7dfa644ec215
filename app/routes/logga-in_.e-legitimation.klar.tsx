// The e-ID broker's redirect URI (CALLBACK_PATHS.eid): no page, only where the browser goes next.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { finishEidSignIn } from "../accounts/eid-callback.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const next = await finishEidSignIn(request);
  throw redirect(next.location, { headers: next.headers });
}
