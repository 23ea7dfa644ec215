/**
 * "Koppla e-legitimation" on Ditt konto: a signed-in förening user (signed in with a password, as
 * every account without an identity is) starts an e-ID sign-in whose callback links the identity to
 * this account. The intent travels in a sealed cookie naming the user (eid-cookies.server.ts); the
 * callback honours it only while that user is still the one signed in.
 */
import { redirect } from "@remix-run/node";
import type { CurrentUser } from "../auth/current-user.server";
import { forbidden } from "../auth/current-user.server";
import { beginSignIn } from "../auth/oidc/index.server";
import { ACCOUNT_PATH } from "./eid-callback.server";
import { invitationCookie, linkIntentCookie } from "./eid-cookies.server";
import { isUsableOrganisationInvitation } from "../organisations/members.server";
import { mayLinkIdentity } from "./eid-accounts.server";

export async function beginIdentityLink(user: CurrentUser, request: Request): Promise<Response> {
  // Staff sign in through the city's SSO; a förening's e-ID is not a way into the förvaltning.
  if (user.districts.length > 0) throw forbidden("Konton i förvaltningen kopplas inte till e-legitimation.");
  if (user.identity || !(await mayLinkIdentity(user.id))) throw redirect(`${ACCOUNT_PATH}?meddelande=already-linked`);
  const response = await beginSignIn("eid", request, { returnTo: ACCOUNT_PATH });
  response.headers.append("Set-Cookie", linkIntentCookie(user.id));
  return response;
}

/**
 * "Tacka ja med e-legitimation" behind a förening's invitation link: an e-ID sign-in whose callback
 * links the identity to the invited account and accepts the roles. null: the link is not usable.
 */
export async function beginInvitationWithEid(token: string, request: Request): Promise<Response | null> {
  if (!(await isUsableOrganisationInvitation(token))) return null;
  const response = await beginSignIn("eid", request, { returnTo: "/forening" });
  response.headers.append("Set-Cookie", invitationCookie(token));
  return response;
}
