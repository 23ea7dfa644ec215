import { and, eq, gt, isNull } from "drizzle-orm";
import { authTokens, users } from "../../db/schema";
import { getDb } from "../../db/client";
import { registrationConfirmationEmail } from "../../emails/accounts";
import { burnPasswordCheck, verifyPassword } from "../auth/password.server";
import { FORENING_PASSWORD_OFF, passwordAllowedFor } from "../auth/password-policy.server";
import { startSession } from "../auth/session.server";
import { checkLoginThrottle, clearAccountFailures, recordLoginFailure } from "../auth/throttle.server";
import { consumeToken, issueToken } from "../auth/tokens.server";
import { announceDemoMail, enqueueEmail } from "../mail/outbox.server";
import { appUrl } from "../utils/config.server";

export const WRONG_CREDENTIALS = "Fel e-postadress eller lösenord. Kontrollera stavningen och försök igen.";
export const TOO_MANY_ATTEMPTS = (minutes: number) =>
  `För många misslyckade inloggningsförsök. Vänta ${minutes} minuter och försök igen, eller välj ”Glömt lösenordet?”.`;
export const EMAIL_NOT_CONFIRMED =
  "Du behöver bekräfta din e-postadress innan du kan logga in. Öppna länken i meddelandet vi skickade till dig.";

export type LoginResult =
  | { ok: true; userId: string; setCookie: string }
  | { ok: false; formError: string };

export async function logIn(input: {
  email: string;
  password: string;
  clientAddress: string;
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
  await clearAccountFailures(db, input.email);
  return { ok: true, userId: user.id, setCookie: await startSession(user.id) };
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
