/** One-time e-mail links: the link carries a random token, the database only its SHA-256. */
import crypto from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { authTokens } from "../../db/schema";
import type { Executor } from "../../db/client";

export type TokenPurpose = (typeof authTokens.$inferSelect)["purpose"];

export const TOKEN_LIFETIME_HOURS: Record<TokenPurpose, number> = {
  email_verification: 72,
  password_reset: 1,
  staff_invitation: 7 * 24,
  organisation_invitation: 7 * 24,
  organisation_membership: 7 * 24,
};

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export async function issueToken(
  db: Executor,
  userId: string,
  purpose: TokenPurpose,
  options: { now?: Date; organisationId?: string } = {},
): Promise<string> {
  const now = options.now ?? new Date();
  const token = crypto.randomBytes(32).toString("base64url");
  // Only the newest reset link works: an older one left in a mailbox cannot be used later.
  if (purpose === "password_reset") await spendOtherResetLinks(db, userId, now);
  await db.insert(authTokens).values({
    userId,
    purpose,
    organisationId: options.organisationId ?? null,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_HOURS[purpose] * 3_600_000),
  });
  return token;
}

/** Finds a usable token without spending it (to show the form behind a link). */
export async function peekToken(db: Executor, token: string, purpose: TokenPurpose, now = new Date()) {
  const [row] = await db
    .select()
    .from(authTokens)
    .where(
      and(
        eq(authTokens.tokenHash, hashToken(token)),
        eq(authTokens.purpose, purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, now),
      ),
    );
  return row ?? null;
}

/** Spends a token; returns its user id, or null when it is unknown, used or expired. */
export async function consumeToken(
  db: Executor,
  token: string,
  purpose: TokenPurpose,
  now = new Date(),
): Promise<string | null> {
  return (await spendToken(db, token, purpose, now))?.userId ?? null;
}

/**
 * Spends a token; returns whom (and, for a förening invitation, which förening) it was for, or null
 * when it is unknown, used or expired. With `userId`, only a token of that account is spent.
 */
export async function spendToken(
  db: Executor,
  token: string,
  purpose: TokenPurpose,
  now = new Date(),
  userId?: string,
): Promise<{ userId: string; organisationId: string | null } | null> {
  const [row] = await db
    .update(authTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(authTokens.tokenHash, hashToken(token)),
        eq(authTokens.purpose, purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, now),
        userId ? eq(authTokens.userId, userId) : undefined,
      ),
    )
    .returning({ userId: authTokens.userId, organisationId: authTokens.organisationId });
  // Setting a password through any link spends every other reset link of the account (ASVS V6).
  if (row && purpose !== "organisation_membership") await spendOtherResetLinks(db, row.userId, now);
  return row ?? null;
}

async function spendOtherResetLinks(db: Executor, userId: string, now: Date) {
  await db
    .update(authTokens)
    .set({ usedAt: now })
    .where(and(eq(authTokens.userId, userId), eq(authTokens.purpose, "password_reset"), isNull(authTokens.usedAt)));
}
