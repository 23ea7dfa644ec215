/**
 * Who signs, as the signature keeps it: the verified identity of this session. Pure (no I/O), so the
 * rule can be read and tested on its own.
 */
import type { CurrentUser } from "../auth/current-user.server";
import { E_IDENTIFICATION_METHODS, type SignInMethod } from "../auth/sign-in-method";

export interface SignerIdentity {
  name: string;
  /** Only when this session was begun with e-legitimation: that is what proved the personnummer. */
  personalNumberMasked: string | null;
  method: SignInMethod;
}

/**
 * With e-legitimation the name and the masked personnummer are the ones the e-ID proved; with a
 * password (demo, or staff) the account's name and no personnummer, even if an e-ID was linked at an
 * earlier sign-in: this session did not prove it.
 */
export function signerOf(user: Pick<CurrentUser, "name" | "signInMethod" | "identity">): SignerIdentity {
  const identity = E_IDENTIFICATION_METHODS.includes(user.signInMethod) ? user.identity : null;
  return {
    name: identity ? `${identity.givenName} ${identity.familyName}` : user.name,
    personalNumberMasked: identity ? identity.personalNumberMasked : null,
    method: user.signInMethod,
  };
}
