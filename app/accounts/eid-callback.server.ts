/**
 * The e-ID callback (/logga-in/e-legitimation/klar), from the broker's answer to where the browser
 * goes next:
 *   - a linked identity signs in (a new session with the broker's method) and goes home or back;
 *   - an identity with no account gets a pending registration (sealed cookie) and the registration form;
 *   - with a link intent from the same signed-in user, the identity is linked to that account;
 *   - answering a förening's invitation, the invited account gets the identity and its roles.
 * Failures go to /logga-in?meddelande=<SignInFailure> (or /konto?meddelande=… when linking), so the
 * login page can say what happened. Logs outcomes only, never the person.
 */
import { completeSignIn } from "../auth/oidc/index.server";
import { getCurrentUser, homePathFor, loadUser, safeRedirectPath } from "../auth/current-user.server";
import { endSession, startSession } from "../auth/session.server";
import { logInfo } from "../utils/log.server";
import { acceptInvitationWithIdentity, linkIdentity, signInWithIdentity } from "./eid-accounts.server";
import {
  clearInvitation,
  clearLinkIntent,
  EID_REGISTRATION_PATH,
  pendingRegistrationCookie,
  readInvitation,
  readLinkIntent,
} from "./eid-cookies.server";
import { identityFromClaims } from "./eid-identity.server";

export const ACCOUNT_PATH = "/konto";
/** The e-ID page, for what is not a failure of the sign-in itself (e.g. a disabled account). */
export const EID_SIGN_IN_PATH = "/logga-in/e-legitimation";

export interface Next {
  location: string;
  headers: Headers;
}

export async function finishEidSignIn(request: Request): Promise<Next> {
  const headers = new Headers();
  const go = (location: string, outcome: string): Next => {
    logInfo(`eid callback outcome=${outcome}`);
    return { location, headers };
  };
  const result = await completeSignIn("eid", request);
  headers.append("Set-Cookie", result.setCookie);

  // A link intent counts only for the user who asked, still signed in in this browser.
  const linkFor = readLinkIntent(request);
  if (linkFor) headers.append("Set-Cookie", clearLinkIntent());
  const current = linkFor ? await getCurrentUser(request) : null;
  const linking = linkFor !== null && current?.id === linkFor;
  const invitation = readInvitation(request);
  if (invitation) headers.append("Set-Cookie", clearInvitation());

  if (!result.ok) return go(`${linking ? ACCOUNT_PATH : "/logga-in"}?meddelande=${result.reason}`, result.reason);
  const identity = identityFromClaims(result.claims);
  if (!identity) return go(`${linking ? ACCOUNT_PATH : "/logga-in"}?meddelande=missing-claims`, "missing-claims");

  if (linking) {
    const linked = await linkIdentity(linkFor, identity);
    if (!linked.ok) return go(`${ACCOUNT_PATH}?meddelande=${linked.reason}`, `link-${linked.reason}`);
    // The person has just proved who they are with e-ID: the session they go on with says so.
    await endSession(request);
    headers.append("Set-Cookie", await startSession(linkFor, identity.method));
    return go(`${ACCOUNT_PATH}?meddelande=kopplad`, "linked");
  }

  if (invitation) {
    const accepted = await acceptInvitationWithIdentity(invitation, identity);
    if (!accepted.ok) return go(`${EID_SIGN_IN_PATH}?meddelande=inbjudan-${accepted.reason}`, `invitation-${accepted.reason}`);
    await endSession(request);
    headers.append("Set-Cookie", accepted.setCookie);
    return go("/forening", "invitation-accepted");
  }

  const signedIn = await signInWithIdentity(identity);
  if (signedIn.kind === "no-account") {
    headers.append("Set-Cookie", pendingRegistrationCookie(identity));
    return go(EID_REGISTRATION_PATH, "no-account");
  }
  if (signedIn.kind === "account-disabled") return go(`${EID_SIGN_IN_PATH}?meddelande=konto-avstangt`, "account-disabled");
  // Whoever was signed in in this browser before is not any more (the cookie is replaced below).
  await endSession(request);
  headers.append("Set-Cookie", signedIn.setCookie);
  const user = await loadUser(signedIn.userId, identity.method);
  return go(safeRedirectPath(result.returnTo, user ? homePathFor(user) : "/"), "signed-in");
}
