/**
 * What an e-ID sign-in hands on through the browser, sealed (app/auth/sealed-cookie.server.ts):
 *   - a pending registration: an identity the broker verified that has no account yet. Only the
 *     keyed hash, the masked personnummer and the names, never the personnummer itself; fifteen
 *     minutes, on the registration page's path only. Not in the URL, so it is in no log or history.
 *   - a link intent: a signed-in user asked to link their e-legitimation. Bound to that user: the
 *     callback links only if the same user is still signed in.
 */
import * as z from "zod/mini";
import { CALLBACK_PATHS } from "../auth/oidc/paths";
import { SIGN_IN_METHODS, type SignInMethod } from "../auth/sign-in-method";
import { clearCookie, openCookie, sealCookie, type SealedCookie } from "../auth/sealed-cookie.server";

export const EID_REGISTRATION_PATH = "/registrera/e-legitimation";

const REGISTRATION_COOKIE: SealedCookie = { name: "iop_eid_registration", path: EID_REGISTRATION_PATH, seconds: 15 * 60 };
const LINK_COOKIE: SealedCookie = { name: "iop_eid_link", path: CALLBACK_PATHS.eid, seconds: 10 * 60 };

export interface PendingIdentity {
  personalNumberHash: string;
  personalNumberMasked: string;
  givenName: string;
  familyName: string;
  method: SignInMethod;
}

const pendingIdentity = z.object({
  personalNumberHash: z.string().check(z.regex(/^[0-9a-f]{64}$/u)),
  personalNumberMasked: z.string().check(z.regex(/^\d{8}-XXXX$/u)),
  givenName: z.string().check(z.minLength(1)),
  familyName: z.string().check(z.minLength(1)),
  method: z.enum(SIGN_IN_METHODS),
});

export function pendingRegistrationCookie(identity: PendingIdentity): string {
  return sealCookie(REGISTRATION_COOKIE, identity);
}

export function readPendingRegistration(request: Request): PendingIdentity | null {
  const parsed = pendingIdentity.safeParse(openCookie(REGISTRATION_COOKIE, request));
  return parsed.success ? parsed.data : null;
}

export function clearPendingRegistration(): string {
  return clearCookie(REGISTRATION_COOKIE);
}

const linkIntent = z.object({ userId: z.string().check(z.minLength(1)) });

export function linkIntentCookie(userId: string): string {
  return sealCookie(LINK_COOKIE, { userId });
}

/** The user who asked to link, or null. */
export function readLinkIntent(request: Request): string | null {
  const parsed = linkIntent.safeParse(openCookie(LINK_COOKIE, request));
  return parsed.success ? parsed.data.userId : null;
}

export function clearLinkIntent(): string {
  return clearCookie(LINK_COOKIE);
}
