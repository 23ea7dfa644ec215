/**
 * Throttles repeated failed logins per account and per client address. Both are stored as keyed
 * hashes, so the table holds no e-mail addresses or IP addresses.
 */
import crypto from "node:crypto";
import { and, count, eq, gt, lt } from "drizzle-orm";
import { loginFailures } from "../../db/schema";
import type { Executor } from "../../db/client";
import { appSecret } from "../utils/config.server";

export const THROTTLE_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

function key(kind: string, value: string) {
  return crypto.createHmac("sha256", appSecret()).update(`${kind}:${value}`).digest("hex");
}

export type ThrottleVerdict = { blocked: false } | { blocked: true; retryAfterMinutes: number };

export async function checkLoginThrottle(
  db: Executor,
  email: string,
  address: string,
  now = new Date(),
): Promise<ThrottleVerdict> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000);
  const [account] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.accountKey, key("account", email)), gt(loginFailures.createdAt, since)));
  const [client] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.addressKey, key("address", address)), gt(loginFailures.createdAt, since)));
  if ((account?.n ?? 0) >= MAX_FAILURES_PER_ACCOUNT || (client?.n ?? 0) >= MAX_FAILURES_PER_ADDRESS) {
    return { blocked: true, retryAfterMinutes: THROTTLE_WINDOW_MINUTES };
  }
  return { blocked: false };
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

export async function clearAccountFailures(db: Executor, email: string) {
  await db.delete(loginFailures).where(eq(loginFailures.accountKey, key("account", email)));
}
