import { and, eq, gt, isNull } from "drizzle-orm";
import { authTokens, users } from "../../db/schema";
import { getDb } from "../../db/client";
import { registrationConfirmationEmail } from "../../emails/accounts";
import { burnPasswordCheck, verifyPassword } from "../auth/password.server";
import { FORENING_PASSWORD_OFF, isStaffAccount, passwordAllowedFor } from "../auth/password-policy.server";
import { startSession } from "../auth/session.server";
import {
  beginSecondFactor,
  confirmSecondFactorSetUp,
  staffPasswordLoginRefused,
  verifySecondFactor,
} from "../auth/second-factor.server";
import {
  clearPendingSignInCookie,
  pendingSignInCookie,
  recoveryCodesCookie,
  SECOND_FACTOR_PATHS,
  type PendingSignIn,
} from "../auth/second-factor-cookies.server";
import { homePathFor, loadUser, safeRedirectPath } from "../auth/current-user.server";
import { checkLoginThrottle, clearAccountFailures, recordLoginFailure } from "../auth/throttle.server";
import { consumeToken, issueToken } from "../auth/tokens.server";
import { announceDemoMail, enqueueEmail } from "../mail/outbox.server";
import { appUrl } from "../utils/config.server";

export const WRONG_CREDENTIALS = "Fel e-postadress eller lösenord. Kontrollera stavningen och försök igen.";
export const TOO_MANY_ATTEMPTS = (minutes: number) =>
  `För många misslyckade inloggningsförsök. Vänta ${minutes} minuter och försök igen, eller välj ”Glömt lösenordet?”.`;
export const EMAIL_NOT_CONFIRMED =
  "Du behöver bekräfta din e-postadress innan du kan logga in. Öppna länken i meddelandet vi skickade till dig.";

export const STAFF_PASSWORDS_OFF =
  "Personal i förvaltningen loggar in med stadens inloggning. Välj ”Logga in med stadens inloggning”.";

/**
 * ok with `secondStep` null: signed in, `setCookie` starts the session. ok with a `secondStep` path:
 * the password was right for a member of staff, who must now give a code there (`setCookie` is the
 * pending cookie, no session yet; ADR 0027).
 */
export type LoginResult =
  | { ok: true; userId: string; setCookie: string; secondStep: string | null }
  | { ok: false; formError: string };

export async function logIn(input: {
  email: string;
  password: string;
  clientAddress: string;
  /** Where to go once signed in (already checked to stay on the site); kept through a second step. */
  returnTo?: string;
}): Promise<LoginResult> {
  const db = await getDb();
  const verdict = await checkLoginThrottle(db, input.email, input.clientAddress);
  if (verdict.blocked) return { ok: false, formError: TOO_MANY_ATTEMPTS(verdict.retryAfterMinutes) };
  // A busy address is slowed, never refused: the owner behind a shared proxy address still gets in.
  if (verdict.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, verdict.delayMs));

  const [user] = await db.select().from(users).where(eq(users.email, input.email));
  const passwordOk = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : (await burnPasswordCheck(input.password), false);
  if (!user || !passwordOk || user.disabledAt) {
    await recordLoginFailure(db, input.email, input.clientAddress);
    return { ok: false, formError: WRONG_CREDENTIALS };
  }
  // After the password check, so the answer says nothing about an address to someone without it.
  if (!(await passwordAllowedFor(db, user.id))) return { ok: false, formError: FORENING_PASSWORD_OFF };
  if (!user.emailVerifiedAt) {
    await resendConfirmationIfNoneValid(user.id, user.name, user.email);
    return { ok: false, formError: EMAIL_NOT_CONFIRMED };
  }
  if (staffPasswordLoginRefused() && (await isStaffAccount(db, user.id))) return { ok: false, formError: STAFF_PASSWORDS_OFF };
  await clearAccountFailures(db, input.email);
  return { ok: true, userId: user.id, ...(await afterPassword(user.id, input.returnTo ?? "")) };
}

/**
 * What a right password opens (also after accepting an invitation with a new password): a session for
 * a förening's person; for a member of staff only the pending cookie and the way to the second step
 * (set-up the first time), since a staff password never opens a session alone (ADR 0027).
 */
export async function afterPassword(userId: string, returnTo: string): Promise<{ setCookie: string; secondStep: string | null }> {
  const db = await getDb();
  if (!(await isStaffAccount(db, userId))) return { setCookie: await startSession(userId), secondStep: null };
  const step = await beginSecondFactor(db, userId);
  return {
    setCookie: pendingSignInCookie(userId, returnTo),
    secondStep: step === "code" ? SECOND_FACTOR_PATHS.code : SECOND_FACTOR_PATHS.setUp,
  };
}

/** A confirmation link that expired unused would lock the person out: send a fresh one. */
async function resendConfirmationIfNoneValid(userId: string, name: string, email: string) {
  const db = await getDb();
  const sent = await db.transaction(async (tx) => {
    const [valid] = await tx
      .select({ id: authTokens.id })
      .from(authTokens)
      .where(
        and(
          eq(authTokens.userId, userId),
          eq(authTokens.purpose, "email_verification"),
          isNull(authTokens.usedAt),
          gt(authTokens.expiresAt, new Date()),
        ),
      );
    if (valid) return null;
    const token = await issueToken(tx, userId, "email_verification");
    const link = `${appUrl()}/bekrafta-epost/${token}`;
    const message = await registrationConfirmationEmail({ name, organisationName: "din förening", url: link });
    return enqueueEmail(tx, { userId, email }, message);
  });
  if (sent) announceDemoMail(sent);
}

export async function confirmEmail(token: string): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const userId = await consumeToken(tx, token, "email_verification");
    if (!userId) return false;
    await tx.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, userId));
    return true;
  });
}

export const SIGN_IN_INTERRUPTED = "/logga-in?meddelande=inloggning-avbruten";

type SecondStepResult = { ok: true; location: string; cookies: string[] } | { ok: false; message: string };

/** The pending sign-in's code (or recovery code) checked: the session starts, the pending cookie goes. */
export async function finishStaffSignIn(pending: PendingSignIn, code: string, clientAddress: string): Promise<SecondStepResult> {
  const checked = await verifySecondFactor({ userId: pending.userId, code, clientAddress });
  if (!checked.ok) return checked;
  return { ok: true, location: await homeAfterSignIn(pending), cookies: await sessionCookies(pending.userId) };
}

/** The first code from a newly set-up app: confirmed, signed in, and on to the recovery codes, shown once. */
export async function confirmStaffSetUp(pending: PendingSignIn, code: string, clientAddress: string): Promise<SecondStepResult> {
  const confirmed = await confirmSecondFactorSetUp({ userId: pending.userId, code, clientAddress });
  if (!confirmed.ok) return confirmed;
  const cookies = await sessionCookies(pending.userId);
  cookies.push(recoveryCodesCookie(confirmed.recoveryCodes, await homeAfterSignIn(pending)));
  return { ok: true, location: SECOND_FACTOR_PATHS.recoveryCodes, cookies };
}

// The session cookie first: a client that keeps only one cookie of a response keeps the session.
async function sessionCookies(userId: string): Promise<string[]> {
  return [await startSession(userId, "password_totp"), clearPendingSignInCookie()];
}

async function homeAfterSignIn(pending: PendingSignIn): Promise<string> {
  const user = await loadUser(pending.userId);
  return safeRedirectPath(pending.returnTo, user ? homePathFor(user) : "/");
}
