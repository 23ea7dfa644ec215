import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { signOut } from "../auth/sign-out.server";

export async function loader() {
  throw redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const { location, setCookie } = await signOut(request);
  throw redirect(location, { headers: { "Set-Cookie": setCookie } });
}
