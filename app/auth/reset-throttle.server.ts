/**
 * Caps password-reset mail, and the mail about a registration with an address that has an account
 * (ADR 0017): a few per account and a handful per client address in 15 minutes, so the form cannot be used to flood someone's mailbox. A limited request is answered
 * exactly like any other; only the mail is left out. Only requests let through are counted, so
 * someone hammering the form cannot keep the owner from getting a link once the window has passed.
 */
import { and, count, eq, gt, lt, type SQL } from "drizzle-orm";
import { passwordResetRequests } from "../../db/schema";
import type { Executor } from "../../db/client";
import { key } from "./throttle.server";

export const RESET_WINDOW_MINUTES = 15;
export const MAX_RESET_MAILS_PER_ACCOUNT = 3;
export const MAX_RESET_REQUESTS_PER_ADDRESS = 10;

/**
 * Counts this request if it is within the limits and says whether it may send mail. Called for
 * every request, account or not, so an unknown address takes the same path as a known one.
 */
export const admitResetRequest = (db: Executor, email: string, address: string, now = new Date()) =>
  admitAccountMail(db, "password_reset", email, address, now);

/**
 * The same limits for any mail a public form sends to an account's owner: a password reset, or the
 * note that someone tried to register with their address (ADR 0017). Each kind counts on its own,
 * in the same table, so registration attempts never use up someone's reset links.
 */
export async function admitAccountMail(
  db: Executor,
  kind: "password_reset" | "registration_attempt",
  email: string,
  address: string,
  now = new Date(),
) {
  const since = new Date(now.getTime() - RESET_WINDOW_MINUTES * 60_000);
  // Reset keys stay as they were before registration attempts shared the table.
  const scoped = (value: string) => (kind === "password_reset" ? value : `${kind}:${value}`);
  const accountKey = key("account", scoped(email));
  const addressKey = key("address", scoped(address));
  const forAccount = await countSince(db, eq(passwordResetRequests.accountKey, accountKey), since);
  if (forAccount >= MAX_RESET_MAILS_PER_ACCOUNT) return false;
  const forAddress = await countSince(db, eq(passwordResetRequests.addressKey, addressKey), since);
  if (forAddress >= MAX_RESET_REQUESTS_PER_ADDRESS) return false;
  await db.insert(passwordResetRequests).values({ accountKey, addressKey, createdAt: now });
  // Housekeeping: nothing older than a day is ever read again.
  await db.delete(passwordResetRequests).where(lt(passwordResetRequests.createdAt, new Date(now.getTime() - 24 * 3_600_000)));
  return true;
}

async function countSince(db: Executor, match: SQL, since: Date) {
  const [row] = await db
    .select({ n: count() })
    .from(passwordResetRequests)
    .where(and(match, gt(passwordResetRequests.createdAt, since)));
  return row?.n ?? 0;
}
