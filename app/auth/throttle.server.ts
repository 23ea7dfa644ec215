/**
 * Slows password guessing without locking out the owner (ADR 0014). Failures are counted per
 * account-and-address: five wrong passwords for one account from one address pause that pair only,
 * so the owner signing in from anywhere else still gets in, and a password reset lifts the pause.
 * Many failures from one address (any accounts) only add a delay: everyone behind one proxy
 * address still gets in with the right password, but a password sprayer is slowed to a crawl.
 * Accounts and addresses are stored as keyed hashes, so the table holds no e-mail or IP addresses.
 */
import crypto from "node:crypto";
import { and, count, eq, gt, lt } from "drizzle-orm";
import { loginFailures } from "../../db/schema";
import type { Executor } from "../../db/client";
import { appSecret } from "../utils/config.server";

export const THROTTLE_WINDOW_MINUTES = 15;
/** Failures for one account from one address before that pair is paused. */
export const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
/** Failures from one address, any accounts, before each further attempt from it is slowed. */
export const SLOW_DOWN_AFTER_FAILURES_PER_ADDRESS = 30;
export const SLOW_DOWN_MS = 2_000;

/** A keyed hash, so stored counters hold no e-mail or IP address (also used by the reset limit). */
export function key(kind: "account" | "address", value: string) {
  return crypto.createHmac("sha256", appSecret()).update(`${kind}:${value}`).digest("hex");
}

export type ThrottleVerdict =
  | { blocked: false; delayMs: number }
  | { blocked: true; retryAfterMinutes: number };

export async function checkLoginThrottle(
  db: Executor,
  email: string,
  address: string,
  now = new Date(),
): Promise<ThrottleVerdict> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000);
  const addressKey = key("address", address);
  const [pair] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(
      and(
        eq(loginFailures.accountKey, key("account", email)),
        eq(loginFailures.addressKey, addressKey),
        gt(loginFailures.createdAt, since),
      ),
    );
  if ((pair?.n ?? 0) >= MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS) {
    return { blocked: true, retryAfterMinutes: THROTTLE_WINDOW_MINUTES };
  }
  const [client] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.addressKey, addressKey), gt(loginFailures.createdAt, since)));
  const delayMs = (client?.n ?? 0) >= SLOW_DOWN_AFTER_FAILURES_PER_ADDRESS ? SLOW_DOWN_MS : 0;
  return { blocked: false, delayMs };
}

export async function recordLoginFailure(db: Executor, email: string, address: string, now = new Date()) {
  await db.insert(loginFailures).values({
    accountKey: key("account", email),
    addressKey: key("address", address),
    createdAt: now,
  });
  // Housekeeping: nothing older than the window is ever read again.
  const cutoff = new Date(now.getTime() - 24 * 3_600_000);
  await db.delete(loginFailures).where(lt(loginFailures.createdAt, cutoff));
}

/** After a correct password or a password reset the account's pauses end, from every address. */
export async function clearAccountFailures(db: Executor, email: string) {
  await db.delete(loginFailures).where(eq(loginFailures.accountKey, key("account", email)));
}
