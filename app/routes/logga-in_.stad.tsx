// `logga-in_`: an address under /logga-in, not a child of the login page's route.
// POST /logga-in/stad: förvaltning staff go to the city's SSO (ADR 0026). Nothing to show on a GET.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import * as z from "zod/mini";
import { beginStaffSignIn } from "../accounts/staff-sign-in.server";
import { formDataToObject, NOT_THIS_FORM } from "../utils/forms";

const schema = z.object({ intent: z.literal("staff-sso"), redirectTo: z.optional(z.string()) });

export function loader() {
  throw redirect("/logga-in");
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = schema.safeParse(formDataToObject(await request.formData()));
  if (!parsed.success) throw new Response(NOT_THIS_FORM, { status: 400 });
  return beginStaffSignIn(request, parsed.data.redirectTo);
}
