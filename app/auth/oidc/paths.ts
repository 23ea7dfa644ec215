/**
 * The addresses both ends of a sign-in agree on: where each kind of identity provider sends the
 * browser back (the redirect URIs a kommun registers with its broker and its SSO), where a logout
 * ends, and the development providers' mount paths and client credentials. Shared by the relying
 * party (app/auth/oidc/) and the development providers (server/dev-identity-provider.ts), which are
 * separate module graphs (the Remix build and the server), so plain constants only.
 */
export const IDENTITY_KINDS = ["eid", "staff"] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

/** The callback route of each kind (redirect_uri = APP_URL + this). */
export const CALLBACK_PATHS: Record<IdentityKind, string> = {
  eid: "/logga-in/e-legitimation/klar",
  staff: "/logga-in/stad/klar",
};

/** Where the provider sends the browser after RP-initiated logout (post_logout_redirect_uri). */
export const POST_LOGOUT_PATH = "/logga-in?meddelande=utloggad";

/** The development providers' paths (issuer = the portal's origin + this). */
export const DEV_PROVIDER_PATHS: Record<IdentityKind, string> = {
  eid: "/dev/e-legitimation",
  staff: "/dev/stads-sso",
};

/**
 * The development providers' only client. Not a secret: the providers exist only for visitors at
 * this machine (server/dev-mailbox-guard.ts's rule) and never where a real issuer is configured.
 */
export const DEV_CLIENTS: Record<IdentityKind, { clientId: string; clientSecret: string }> = {
  eid: { clientId: "iop-portalen-eid", clientSecret: "dev-eid-client-secret-not-a-secret" },
  staff: { clientId: "iop-portalen-staff", clientSecret: "dev-staff-client-secret-not-a-secret" },
};

/** The oidc-sweden claim and scope for a Swedish personnummer. */
export const PERSONAL_NUMBER_CLAIM = "https://id.oidc.se/claim/personalIdentityNumber";
export const PERSONAL_NUMBER_SCOPE = "https://id.oidc.se/scope/naturalPersonNumber";
/** oidc-sweden: which identity provider (BankID, Freja …) the broker used. */
export const AUTHN_PROVIDER_CLAIM = "https://id.oidc.se/claim/authnProvider";

/**
 * Whether the development provider of this kind runs: only where no real issuer is configured, and
 * in production only when asked for (DEV_IDENTITY_PROVIDER=true, as `npm start` does for the demo).
 * DEV_IDENTITY_PROVIDER=false turns it off everywhere.
 */
export function devProviderActive(kind: IdentityKind, env: Record<string, string | undefined> = process.env): boolean {
  const issuer = kind === "eid" ? env.EID_ISSUER : env.STAFF_OIDC_ISSUER;
  if (issuer) return false;
  if (env.DEV_IDENTITY_PROVIDER === "false") return false;
  return env.DEV_IDENTITY_PROVIDER === "true" || env.NODE_ENV !== "production";
}
