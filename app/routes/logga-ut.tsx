import { redirect, redirectDocument, type ActionFunctionArgs } from "@remix-run/node";
import { signOut } from "../auth/sign-out.server";

export async function loader() {
  throw redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const { location, setCookie } = await signOut(request);
  // A whole page load: the provider's end-session page is no Remix route, and nothing of the
  // signed-in person's pages stays in the browser's memory.
  throw redirectDocument(location, { headers: { "Set-Cookie": setCookie } });
}
