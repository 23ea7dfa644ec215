/**
 * What an e-ID sign-in hands on through the browser, sealed (app/auth/sealed-cookie.server.ts):
 *   - a pending registration: an identity the broker verified that has no account yet. Only the
 *     keyed hash, the masked personnummer and the names, never the personnummer itself; fifteen
 *     minutes, on the registration page's path only. Not in the URL, so it is in no log or history.
 *   - a link intent: a signed-in user asked to link their e-legitimation. Bound to that user: the
 *     callback links only if the same user is still signed in.
 *   - an invitation answered with e-legitimation: the invitation link's token, for the callback to
 *     spend (sealed, so the browser's cookie store does not hold a usable link in clear).
 */
import * as z from "zod/mini";
import { CALLBACK_PATHS } from "../auth/oidc/paths";
import { SIGN_IN_METHODS, type SignInMethod } from "../auth/sign-in-method";
import { clearCookie, openCookie, sealCookie, type SealedCookie } from "../auth/sealed-cookie.server";

export const EID_REGISTRATION_PATH = "/registrera/e-legitimation";

const REGISTRATION_COOKIE: SealedCookie = { name: "iop_eid_registration", path: EID_REGISTRATION_PATH, seconds: 15 * 60 };
const LINK_COOKIE: SealedCookie = { name: "iop_eid_link", path: CALLBACK_PATHS.eid, seconds: 10 * 60 };
const INVITATION_COOKIE: SealedCookie = { name: "iop_eid_invitation", path: CALLBACK_PATHS.eid, seconds: 10 * 60 };

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

const invitation = z.object({ token: z.string().check(z.minLength(1), z.maxLength(200)) });

export function invitationCookie(token: string): string {
  return sealCookie(INVITATION_COOKIE, { token });
}

/** The invitation token this browser is answering with e-ID, or null. */
export function readInvitation(request: Request): string | null {
  const parsed = invitation.safeParse(openCookie(INVITATION_COOKIE, request));
  return parsed.success ? parsed.data.token : null;
}

export function clearInvitation(): string {
  return clearCookie(INVITATION_COOKIE);
}
