/**
 * From an ID token's verified claims to what the portal keeps of them. Pure (no I/O), so the rules
 * are unit-tested on their own.
 */
import type { SignInMethod } from "../sign-in-method";
import { AUTHN_PROVIDER_CLAIM, PERSONAL_NUMBER_CLAIM, type IdentityKind } from "./paths";

/** What completeSignIn hands over: verified by openid-client (signature, iss, aud, exp, nonce). */
export interface VerifiedClaims {
  /** `sub`: stable per issuer. */
  subject: string;
  issuer: string;
  /** oidc-sweden personalIdentityNumber, twelve digits as the broker sent it. Never log it. */
  personalNumber?: string;
  givenName: string;
  familyName: string;
  email?: string;
  emailVerified?: boolean;
  method: SignInMethod;
}

type Claims = Record<string, unknown>;

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/**
 * How the person proved who they are. Brokers say it differently: oidc-sweden's authnProvider,
 * `amr`, `acr`, or a broker's own `idp`/`identityscheme`; any of them naming BankID or Freja
 * decides, anything else from the e-ID broker is "e-legitimation". Staff always come from the SSO.
 */
export function signInMethodFromClaims(kind: IdentityKind, claims: Claims): SignInMethod {
  if (kind === "staff") return "staff_sso";
  const hints = [claims[AUTHN_PROVIDER_CLAIM], claims.acr, claims.idp, claims.identityscheme, claims.amr]
    .flat()
    .filter((v): v is string => typeof v === "string")
    .join(" ")
    .toLowerCase();
  if (hints.includes("bankid")) return "bankid";
  if (hints.includes("freja")) return "freja";
  return "eid_other";
}

/**
 * The claims the portal uses. `trustEmail`: the SSO's e-mail is the organisation's own managed
 * address even without `email_verified` (Entra ID sends none; STAFF_OIDC_EMAIL_VERIFIED=true).
 */
export function verifiedClaimsFrom(
  kind: IdentityKind,
  claims: Claims,
  options: { trustEmail?: boolean } = {},
): VerifiedClaims {
  const name = text(claims.name) ?? "";
  const [firstOfName = "", ...restOfName] = name.split(/\s+/u);
  const email = text(claims.email)?.toLowerCase();
  const emailVerified =
    email === undefined ? undefined : claims.email_verified === true || claims.email_verified === "true" || options.trustEmail === true;
  return {
    subject: String(claims.sub),
    issuer: String(claims.iss),
    personalNumber: text(claims[PERSONAL_NUMBER_CLAIM]),
    givenName: text(claims.given_name) ?? firstOfName,
    familyName: text(claims.family_name) ?? restOfName.join(" "),
    email,
    emailVerified,
    method: signInMethodFromClaims(kind, claims),
  };
}
