import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { getDb } from "../../db/client";
import { passwordResetEmail } from "../../emails/accounts";
import { hashPassword } from "../auth/password.server";
import { endAllSessionsOf } from "../auth/session.server";
import { passwordAllowedFor } from "../auth/password-policy.server";
import { admitResetRequest } from "../auth/reset-throttle.server";
import { clearAccountFailures } from "../auth/throttle.server";
import { issueToken, peekToken, spendToken, type TokenPurpose } from "../auth/tokens.server";
import type { Executor } from "../../db/client";

/** Links that let a person choose a password: a reset, or an invitation from a förvaltning or a förening. */
export type PasswordLinkPurpose = Extract<TokenPurpose, "password_reset" | "staff_invitation" | "organisation_invitation">;
import { announceDemoMail, enqueueEmail } from "../mail/outbox.server";
import { appUrl } from "../utils/config.server";

/** Always the same answer to the visitor, so the form does not reveal who has an account. */
export async function requestPasswordReset(email: string, clientAddress: string): Promise<void> {
  const db = await getDb();
  const sent = await db.transaction(async (tx) => {
    // Over the limit: the same answer, no mail (ADR 0017).
    if (!(await admitResetRequest(tx, email, clientAddress))) return null;
    const [user] = await tx.select().from(users).where(eq(users.email, email));
    if (!user || user.disabledAt) return null;
    // Passwords off for föreningar: no reset link either (the page answers the same).
    if (!(await passwordAllowedFor(tx, user.id))) return null;
    const token = await issueToken(tx, user.id, "password_reset");
    const link = `${appUrl()}/aterstall-losenord/${token}`;
    const message = await passwordResetEmail({ name: user.name, url: link });
    return enqueueEmail(tx, { userId: user.id, email: user.email }, message);
  });
  if (sent) announceDemoMail(sent);
}

export async function isUsablePasswordToken(token: string, purpose: PasswordLinkPurpose) {
  const db = await getDb();
  const found = await peekToken(db, token, purpose);
  if (!found) return false;
  // A reset link sent before passwords were turned off for föreningar no longer works.
  return purpose !== "password_reset" || (await passwordAllowedFor(db, found.userId));
}

/**
 * Sets a new password from a reset or invitation link. Proves the person reads that mailbox, so it
 * also confirms the address; every other session of the account ends. `alsoDo` runs in the same
 * transaction once the link is spent (a förening invitation accepts the membership there).
 */
export async function setPasswordWithToken(
  token: string,
  purpose: PasswordLinkPurpose,
  password: string,
  alsoDo?: (tx: Executor, spent: { userId: string; organisationId: string | null }) => Promise<void>,
): Promise<string | null> {
  const db = await getDb();
  const passwordHash = await hashPassword(password);
  const userId = await db.transaction(async (tx) => {
    const spent = await spendToken(tx, token, purpose);
    if (!spent) return null;
    const id = spent.userId;
    // Passwords off for föreningar: neither a reset nor a förening's invitation sets one (the
    // invitation is answered with e-legitimation instead).
    if (purpose !== "staff_invitation" && !(await passwordAllowedFor(tx, id))) return null;
    if (alsoDo) await alsoDo(tx, spent);
    const [user] = await tx
      .update(users)
      .set({ passwordHash, emailVerifiedAt: new Date() })
      .where(eq(users.id, id))
      .returning({ email: users.email });
    // A new password proves the owner: any login pause on the account ends with it.
    if (user) await clearAccountFailures(tx, user.email);
    return id;
  });
  if (userId) await endAllSessionsOf(userId);
  return userId;
}
