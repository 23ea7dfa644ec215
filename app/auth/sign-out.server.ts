/**
 * Logging out ends the portal's session and, for a person who came through an identity provider,
 * that provider's session too (RP-initiated logout, ADR 0026): otherwise the next person at a shared
 * computer who clicks "Logga in med stadens inloggning" would be signed straight in as the last one.
 */
import { endSignIn, type IdentityKind } from "./oidc/index.server";
import { endSession, readSession } from "./session.server";
import { E_IDENTIFICATION_METHODS, type SignInMethod } from "./sign-in-method";

function providerKindOf(method: SignInMethod): IdentityKind | null {
  if (method === "staff_sso") return "staff";
  if (E_IDENTIFICATION_METHODS.includes(method)) return "eid";
  return null;
}

/** Where to send the browser after logout (the provider's end-session URL, or "/"), and the cookie. */
export async function signOut(request: Request): Promise<{ location: string; setCookie: string }> {
  const session = await readSession(request);
  const setCookie = await endSession(request);
  const kind = session ? providerKindOf(session.signInMethod) : null;
  const endAtProvider = kind ? await endSignIn(kind, request) : null;
  return { location: endAtProvider ?? "/", setCookie };
}
