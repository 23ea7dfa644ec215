/**
 * The portal as an OpenID Connect relying party (ADR 0026): authorization code flow with PKCE,
 * `state` and `nonce`, the ID token's signature and claims checked by openid-client. Two providers,
 * by kind:
 *   - "eid": the föreningar's e-legitimation broker (EID_ISSUER, EID_CLIENT_ID, EID_CLIENT_SECRET),
 *   - "staff": the city's single sign-on (STAFF_OIDC_ISSUER, STAFF_OIDC_CLIENT_ID, STAFF_OIDC_CLIENT_SECRET).
 * Without an issuer, the development provider of that kind stands in (server/dev-identity-provider.ts).
 *
 * The interface:
 *   beginSignIn(kind, request, { returnTo })  -> a redirect to the provider (sets the attempt cookie)
 *   completeSignIn(kind, request)             -> the verified claims, or why not (clears the cookie)
 *   endSignIn(kind, request)                  -> the provider's end-session URL for RP-initiated logout
 * The redirect URIs are APP_URL + CALLBACK_PATHS[kind]; after logout, APP_URL + POST_LOGOUT_PATH.
 *
 * Never logged: the personnummer, tokens, codes, query strings. Only an error's code is.
 */
import * as client from "openid-client";
import { logWarn } from "../../utils/log.server";
import { attemptCookie, clearAttemptCookie, readAttempt } from "./attempt.server";
import { verifiedClaimsFrom, type VerifiedClaims } from "./claims";
import {
  CALLBACK_PATHS,
  DEV_CLIENTS,
  DEV_PROVIDER_PATHS,
  devProviderActive,
  PERSONAL_NUMBER_SCOPE,
  POST_LOGOUT_PATH,
  type IdentityKind,
} from "./paths";

export type { VerifiedClaims } from "./claims";
export type { IdentityKind } from "./paths";
export { CALLBACK_PATHS, POST_LOGOUT_PATH } from "./paths";

/**
 * Why a sign-in did not complete:
 *   not-configured   no issuer and no development provider for this kind
 *   no-attempt       no (or an expired, or a tampered) attempt cookie: e.g. the callback opened twice
 *   state-mismatch   the callback's `state` is not this browser's attempt (a forged or crossed callback)
 *   cancelled        the person cancelled or the provider refused (`error` in the callback)
 *   invalid-response the code or the ID token did not verify (signature, issuer, audience, expiry, nonce, replayed code)
 *   unavailable      the provider could not be reached
 *   missing-claims   verified, but without what this kind needs (personnummer and names; e-mail)
 */
export type SignInFailure =
  | "not-configured"
  | "no-attempt"
  | "state-mismatch"
  | "cancelled"
  | "invalid-response"
  | "unavailable"
  | "missing-claims";

export type CompleteSignInResult =
  | { ok: true; claims: VerifiedClaims; returnTo: string; setCookie: string }
  | { ok: false; reason: SignInFailure; setCookie: string };

interface ProviderSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** http:// allowed (the development provider, or a test provider on this machine). */
  insecure: boolean;
}

function originOf(request: Request): string {
  // APP_URL is the address the provider has registered; without it, the one the visitor used.
  return (process.env.APP_URL ?? new URL(request.url).origin).replace(/\/$/u, "");
}

function settingsFor(kind: IdentityKind, request: Request): ProviderSettings | null {
  const env = process.env;
  const configured =
    kind === "eid"
      ? { issuer: env.EID_ISSUER, clientId: env.EID_CLIENT_ID, clientSecret: env.EID_CLIENT_SECRET }
      : { issuer: env.STAFF_OIDC_ISSUER, clientId: env.STAFF_OIDC_CLIENT_ID, clientSecret: env.STAFF_OIDC_CLIENT_SECRET };
  if (configured.issuer) {
    if (!configured.clientId) return null;
    const issuer = new URL(configured.issuer);
    const local = ["localhost", "127.0.0.1", "[::1]"].includes(issuer.hostname);
    return { issuer, clientId: configured.clientId, clientSecret: configured.clientSecret ?? "", insecure: local };
  }
  if (!devProviderActive(kind)) return null;
  return {
    issuer: new URL(`${originOf(request)}${DEV_PROVIDER_PATHS[kind]}`),
    ...DEV_CLIENTS[kind],
    insecure: true,
  };
}

/** Discovery once per issuer and client (the JWKS is cached inside); a failed discovery is retried. */
const configurations = new Map<string, Promise<client.Configuration>>();

function configurationFor(settings: ProviderSettings): Promise<client.Configuration> {
  const cacheKey = `${settings.issuer.href} ${settings.clientId}`;
  let found = configurations.get(cacheKey);
  if (!found) {
    found = client.discovery(settings.issuer, settings.clientId, settings.clientSecret, undefined, {
      // The ID token's signature is checked against the provider's JWKS too, not only taken on
      // TLS's word (openid-client's default for the token endpoint): the identity is what a
      // signature and the audit trail rest on, and the local providers speak plain http.
      execute: [...(settings.insecure ? [client.allowInsecureRequests] : []), client.enableNonRepudiationChecks],
      timeout: 10,
    });
    found.catch(() => configurations.delete(cacheKey));
    configurations.set(cacheKey, found);
  }
  return found;
}

function scopeFor(kind: IdentityKind): string {
  return kind === "eid" ? `openid profile ${PERSONAL_NUMBER_SCOPE}` : "openid profile email";
}

function redirectUriFor(kind: IdentityKind, request: Request): string {
  return `${originOf(request)}${CALLBACK_PATHS[kind]}`;
}

function logFailure(kind: IdentityKind, reason: SignInFailure, error?: unknown) {
  // The code only: messages and causes may quote claims or the provider's response.
  const code = error && typeof error === "object" && "code" in error ? String(error.code) : undefined;
  logWarn(`oidc sign-in failed kind=${kind} reason=${reason}${code ? ` code=${code}` : ""}`);
}

/**
 * Sends the browser to the provider. `returnTo` is a path on the portal (checked by the caller,
 * e.g. safeRedirectPath), handed back by completeSignIn. Throws the provider's unavailability as a
 * 503 page rather than a 500.
 */
export async function beginSignIn(kind: IdentityKind, request: Request, options: { returnTo: string }): Promise<Response> {
  const settings = settingsFor(kind, request);
  if (!settings) throw new Response("Inloggningen är inte inställd.", { status: 404 });
  let config: client.Configuration;
  try {
    config = await configurationFor(settings);
  } catch (error) {
    logFailure(kind, "unavailable", error);
    throw new Response("Inloggningstjänsten svarar inte just nu. Försök igen om en stund.", { status: 503 });
  }
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUriFor(kind, request),
    scope: scopeFor(kind),
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
    // Swedish pages at the provider where it has them.
    ui_locales: "sv",
  });
  return new Response(null, {
    status: 302,
    headers: {
      Location: url.href,
      "Set-Cookie": attemptCookie(kind, { state, nonce, codeVerifier, returnTo: options.returnTo }),
      // A Remix <Form> posted with JavaScript must leave the app for the provider, also for the
      // development provider on the portal's own origin (no Remix route there).
      "X-Remix-Reload-Document": "true",
    },
  });
}

/**
 * Finishes the attempt at the callback: checks `state` against this browser's attempt, redeems the
 * code with the PKCE verifier, and has openid-client verify the ID token (signature from the
 * provider's JWKS, iss, aud, exp, iat, nonce). Always clears the attempt cookie (pass `setCookie` on).
 */
export async function completeSignIn(kind: IdentityKind, request: Request): Promise<CompleteSignInResult> {
  const setCookie = clearAttemptCookie(kind);
  const fail = (reason: SignInFailure, error?: unknown): CompleteSignInResult => {
    logFailure(kind, reason, error);
    return { ok: false, reason, setCookie };
  };
  const settings = settingsFor(kind, request);
  if (!settings) return fail("not-configured");
  const attempt = readAttempt(kind, request);
  if (!attempt) return fail("no-attempt");
  const callback = new URL(request.url);
  if (callback.searchParams.get("state") !== attempt.state) return fail("state-mismatch");
  if (callback.searchParams.has("error")) return fail("cancelled");
  let config: client.Configuration;
  try {
    config = await configurationFor(settings);
  } catch (error) {
    return fail("unavailable", error);
  }
  // The URL the provider redirected to, as registered (behind a proxy request.url may differ).
  const currentUrl = new URL(redirectUriFor(kind, request));
  currentUrl.search = callback.search;
  let claims: Record<string, unknown> | undefined;
  try {
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: attempt.state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims() as Record<string, unknown> | undefined;
  } catch (error) {
    const unreachable = error instanceof TypeError || (error instanceof Error && error.name === "TimeoutError");
    return fail(unreachable ? "unavailable" : "invalid-response", error);
  }
  if (!claims) return fail("invalid-response");
  const verified = verifiedClaimsFrom(kind, claims, {
    trustEmail: kind === "staff" && process.env.STAFF_OIDC_EMAIL_VERIFIED === "true",
  });
  const complete =
    kind === "eid"
      ? Boolean(verified.personalNumber && verified.givenName && verified.familyName)
      : Boolean(verified.email);
  if (!complete) return fail("missing-claims");
  return { ok: true, claims: verified, returnTo: attempt.returnTo, setCookie };
}

/**
 * Where to send the browser so the provider ends its session too (RP-initiated logout), coming
 * back to POST_LOGOUT_PATH; null when the provider has no end_session_endpoint or is unreachable
 * (then only the portal's session ends). No id_token_hint: the portal keeps no tokens, so the
 * provider identifies the client by client_id and may ask the person to confirm.
 */
export async function endSignIn(kind: IdentityKind, request: Request): Promise<string | null> {
  const settings = settingsFor(kind, request);
  if (!settings) return null;
  try {
    const config = await configurationFor(settings);
    if (!config.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(config, { post_logout_redirect_uri: `${originOf(request)}${POST_LOGOUT_PATH}` }).href;
  } catch (error) {
    logFailure(kind, "unavailable", error);
    return null;
  }
}

/** Whether this kind of sign-in can be offered (an issuer or the development provider). */
export function signInAvailable(kind: IdentityKind, request: Request): boolean {
  return settingsFor(kind, request) !== null;
}
