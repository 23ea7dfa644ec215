/**
 * From the broker's verified claims to what the portal keeps of a person: the keyed hash it matches
 * on, the masked form it shows, the names and how they signed in. The personnummer itself goes no
 * further than this function. Pure (no I/O), unit-tested.
 */
import type { VerifiedClaims } from "../auth/oidc/claims";
import { canonicalPersonalNumber, maskedPersonalNumber, personalNumberHash } from "../auth/personnummer.server";
import { E_IDENTIFICATION_METHODS } from "../auth/sign-in-method";
import type { PendingIdentity } from "./eid-cookies.server";

/** null when the claim is not a valid personnummer or the method is not e-legitimation. */
export function identityFromClaims(claims: VerifiedClaims): PendingIdentity | null {
  const canonical = claims.personalNumber ? canonicalPersonalNumber(claims.personalNumber) : null;
  if (!canonical || !claims.givenName || !claims.familyName) return null;
  if (!E_IDENTIFICATION_METHODS.includes(claims.method)) return null;
  return {
    personalNumberHash: personalNumberHash(canonical),
    personalNumberMasked: maskedPersonalNumber(canonical),
    givenName: claims.givenName,
    familyName: claims.familyName,
    method: claims.method,
  };
}

/** The name an account made from an identity carries. */
export function fullName(identity: Pick<PendingIdentity, "givenName" | "familyName">): string {
  return `${identity.givenName} ${identity.familyName}`;
}
