/**
 * The second factor of a staff password sign-in (ADR 0027): a TOTP app set up at first sign-in, ten
 * single-use recovery codes, failed codes throttled like passwords, an admin's reset.
 *
 * The TOTP secret is encrypted at rest (AES-256-GCM) under TOTP_ENCRYPTION_KEY, its own key (not
 * APP_SECRET, which may be generated afresh at every start and would then make every secret
 * unreadable). Recovery codes are stored as keyed hashes (HMAC-SHA256 under a key derived from the
 * same variable). Without the variable outside production a fixed development key is used, so the
 * demo and tests work unconfigured; in production a missing key is an error at first use.
 */
import crypto from "node:crypto";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import QRCode from "qrcode";
import { accountEvents, districtMemberships, districts, sessions, staffRecoveryCodes, staffSecondFactors, users } from "../../db/schema";
import { getDb, type Executor } from "../../db/client";
import { secondFactorResetEmail } from "../../emails/accounts";
import { announceDemoMail, enqueueEmail } from "../mail/outbox.server";
import { appUrl } from "../utils/config.server";
import { checkLoginThrottle, clearAccountFailures, recordLoginFailure, THROTTLE_WINDOW_MINUTES } from "./throttle.server";
import { checkTotpCode, looksLikeTotpCode, newTotpSecret, otpauthUri } from "./totp.server";

const DEVELOPMENT_KEY = "iop-portalen-development-totp-encryption-key";
export const RECOVERY_CODE_COUNT = 10;

export const SECOND_FACTOR_MESSAGES = {
  missing: "Skriv koden från appen.",
  wrong: "Koden stämmer inte. Skriv de sex siffrorna som appen visar just nu, eller en av dina återställningskoder.",
  wrongSetUp: "Koden stämmer inte. Skriv de sex siffrorna som appen visar just nu.",
  replayed: "Koden har redan använts. Vänta tills appen visar en ny kod och skriv den.",
  throttled: `För många felaktiga koder. Vänta ${THROTTLE_WINDOW_MINUTES} minuter och försök igen.`,
} as const;

function configuredKey(): string {
  const env = process.env;
  if (env.TOTP_ENCRYPTION_KEY) return env.TOTP_ENCRYPTION_KEY;
  if (env.NODE_ENV === "production" && env.DEV_IDENTITY_PROVIDER !== "true") {
    throw new Error("TOTP_ENCRYPTION_KEY is not set");
  }
  return DEVELOPMENT_KEY;
}

function subKey(purpose: string): Buffer {
  return crypto.createHash("sha256").update(`${purpose}:${configuredKey()}`).digest();
}

function encryptSecret(userId: string, secret: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", subKey("totp-secret"), iv);
  // Bound to its account: a ciphertext copied to another row does not decrypt.
  cipher.setAAD(Buffer.from(userId));
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64");
}

function decryptSecret(userId: string, ciphertext: string): string {
  const bytes = Buffer.from(ciphertext, "base64");
  const decipher = crypto.createDecipheriv("aes-256-gcm", subKey("totp-secret"), bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(userId));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
}

// No 0/o, 1/l/i: the codes are written down on paper and typed back.
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

function newRecoveryCode(): string {
  const chars = Array.from(crypto.randomBytes(10), (b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]/gu, "");
}

function recoveryCodeHash(userId: string, code: string): string {
  return crypto.createHmac("sha256", subKey("totp-recovery")).update(`${userId}:${normaliseRecoveryCode(code)}`).digest("hex");
}

/** Failed codes are counted apart from passwords: a right password must not wipe a code guesser's count. */
function throttleAccount(userId: string) {
  return `second-factor:${userId}`;
}

/** Where the city's SSO is configured, a kommun may refuse staff passwords altogether. */
export function staffPasswordLoginRefused(): boolean {
  const env = process.env;
  return Boolean(env.STAFF_OIDC_ISSUER) && env.STAFF_PASSWORD_LOGIN === "false";
}

/**
 * After a right password for a staff account: "code" when the second factor is set up, otherwise
 * "setUp" — with a new unconfirmed secret kept for the set-up page (the same one until confirmed, so
 * reloading the page does not change the QR code under a person who is scanning it).
 */
export async function beginSecondFactor(db: Executor, userId: string): Promise<"code" | "setUp"> {
  const [row] = await db.select().from(staffSecondFactors).where(eq(staffSecondFactors.userId, userId));
  if (row?.confirmedAt) return "code";
  if (!row) {
    await db
      .insert(staffSecondFactors)
      .values({ userId, secretCiphertext: encryptSecret(userId, newTotpSecret()) })
      .onConflictDoNothing();
  }
  return "setUp";
}

export async function hasConfirmedSecondFactor(userId: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ confirmedAt: staffSecondFactors.confirmedAt })
    .from(staffSecondFactors)
    .where(eq(staffSecondFactors.userId, userId));
  return Boolean(row?.confirmedAt);
}

export interface SecondFactorSetUp {
  /** Base32, grouped in fours for typing by hand. */
  secretGrouped: string;
  qrSvg: string;
  accountLabel: string;
}

/** The set-up page's QR code and secret, or null when there is nothing to set up (confirmed, or reset since). */
export async function loadSecondFactorSetUp(userId: string): Promise<SecondFactorSetUp | null> {
  const db = await getDb();
  const [row] = await db
    .select({ ciphertext: staffSecondFactors.secretCiphertext, confirmedAt: staffSecondFactors.confirmedAt, email: users.email })
    .from(staffSecondFactors)
    .innerJoin(users, eq(users.id, staffSecondFactors.userId))
    .where(eq(staffSecondFactors.userId, userId));
  if (!row || row.confirmedAt) return null;
  const secret = decryptSecret(userId, row.ciphertext);
  const qrSvg = await QRCode.toString(otpauthUri(secret, row.email), { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return { secretGrouped: secret.match(/.{1,4}/gu)!.join(" "), qrSvg, accountLabel: row.email };
}

export type CodeResult = { ok: true } | { ok: false; message: string };

async function throttled(db: Executor, userId: string, clientAddress: string): Promise<boolean> {
  const verdict = await checkLoginThrottle(db, throttleAccount(userId), clientAddress);
  if (verdict.blocked) return true;
  if (verdict.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, verdict.delayMs));
  return false;
}

/** Confirms the set-up with a first code; returns the ten recovery codes to show once. */
export async function confirmSecondFactorSetUp(input: {
  userId: string;
  code: string;
  clientAddress: string;
}): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false; message: string }> {
  const db = await getDb();
  if (await throttled(db, input.userId, input.clientAddress)) return { ok: false, message: SECOND_FACTOR_MESSAGES.throttled };
  const [row] = await db.select().from(staffSecondFactors).where(eq(staffSecondFactors.userId, input.userId));
  if (!row || row.confirmedAt) return { ok: false, message: SECOND_FACTOR_MESSAGES.wrongSetUp };
  const check = checkTotpCode({
    secret: decryptSecret(input.userId, row.secretCiphertext),
    code: input.code,
    nowMs: Date.now(),
    lastUsedStep: row.lastUsedStep,
  });
  if (!check.ok) {
    await recordLoginFailure(db, throttleAccount(input.userId), input.clientAddress);
    return { ok: false, message: check.reason === "replayed" ? SECOND_FACTOR_MESSAGES.replayed : SECOND_FACTOR_MESSAGES.wrongSetUp };
  }
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const confirmed = await db.transaction(async (tx) => {
    // Only the unconfirmed secret that was checked: a second confirming post, or one racing a reset, does nothing.
    const [updated] = await tx
      .update(staffSecondFactors)
      .set({ confirmedAt: new Date(), lastUsedStep: check.step })
      .where(
        and(
          eq(staffSecondFactors.userId, input.userId),
          eq(staffSecondFactors.secretCiphertext, row.secretCiphertext),
          isNull(staffSecondFactors.confirmedAt),
        ),
      )
      .returning({ userId: staffSecondFactors.userId });
    if (!updated) return false;
    await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, input.userId));
    await tx
      .insert(staffRecoveryCodes)
      .values(recoveryCodes.map((code) => ({ userId: input.userId, codeHash: recoveryCodeHash(input.userId, code) })));
    await tx.insert(accountEvents).values({ userId: input.userId, kind: "second_factor_set_up", signInMethod: "password_totp" });
    return true;
  });
  if (!confirmed) return { ok: false, message: SECOND_FACTOR_MESSAGES.wrongSetUp };
  await clearAccountFailures(db, throttleAccount(input.userId));
  return { ok: true, recoveryCodes };
}

/** The second step of a sign-in: a code from the app (each at most once) or an unused recovery code. */
export async function verifySecondFactor(input: { userId: string; code: string; clientAddress: string }): Promise<CodeResult> {
  const db = await getDb();
  if (await throttled(db, input.userId, input.clientAddress)) return { ok: false, message: SECOND_FACTOR_MESSAGES.throttled };
  const [row] = await db.select().from(staffSecondFactors).where(eq(staffSecondFactors.userId, input.userId));
  if (!row?.confirmedAt) return { ok: false, message: SECOND_FACTOR_MESSAGES.wrong };
  let result: CodeResult;
  if (looksLikeTotpCode(input.code)) {
    const check = checkTotpCode({
      secret: decryptSecret(input.userId, row.secretCiphertext),
      code: input.code,
      nowMs: Date.now(),
      lastUsedStep: row.lastUsedStep,
    });
    if (check.ok) {
      // The step moves forward in the same statement that checks it: two posts of one code, one wins.
      const [moved] = await db
        .update(staffSecondFactors)
        .set({ lastUsedStep: check.step })
        .where(
          and(
            eq(staffSecondFactors.userId, input.userId),
            or(isNull(staffSecondFactors.lastUsedStep), lt(staffSecondFactors.lastUsedStep, check.step)),
          ),
        )
        .returning({ userId: staffSecondFactors.userId });
      result = moved ? { ok: true } : { ok: false, message: SECOND_FACTOR_MESSAGES.replayed };
    } else {
      result = { ok: false, message: check.reason === "replayed" ? SECOND_FACTOR_MESSAGES.replayed : SECOND_FACTOR_MESSAGES.wrong };
    }
  } else {
    const [used] = await db
      .update(staffRecoveryCodes)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(staffRecoveryCodes.userId, input.userId),
          eq(staffRecoveryCodes.codeHash, recoveryCodeHash(input.userId, input.code)),
          isNull(staffRecoveryCodes.usedAt),
        ),
      )
      .returning({ id: staffRecoveryCodes.id });
    result = used ? { ok: true } : { ok: false, message: SECOND_FACTOR_MESSAGES.wrong };
  }
  if (result.ok) await clearAccountFailures(db, throttleAccount(input.userId));
  else await recordLoginFailure(db, throttleAccount(input.userId), input.clientAddress);
  return result;
}

/**
 * An admin resets a colleague's second factor (a lost phone): secret and recovery codes go, the
 * person's sessions end, and they set it up again at their next password sign-in. One transaction
 * with the account event and the e-mail to the person.
 */
export async function resetSecondFactor(input: {
  districtId: string;
  actingUserId: string;
  userId: string;
}): Promise<{ ok: true; message: string } | { ok: false; message: string }> {
  if (input.userId === input.actingUserId) {
    return { ok: false, message: "Du kan inte återställa din egen tvåstegsverifiering. Be en annan administratör." };
  }
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const [member] = await tx
      .select({ name: users.name, email: users.email, districtName: districts.administrationName })
      .from(districtMemberships)
      .innerJoin(users, eq(users.id, districtMemberships.userId))
      .innerJoin(districts, eq(districts.id, districtMemberships.districtId))
      .where(and(eq(districtMemberships.districtId, input.districtId), eq(districtMemberships.userId, input.userId)))
      .limit(1);
    if (!member) return { ok: false as const, message: "Personen arbetar inte i stadsdelen." };
    const [removed] = await tx
      .delete(staffSecondFactors)
      .where(eq(staffSecondFactors.userId, input.userId))
      .returning({ confirmedAt: staffSecondFactors.confirmedAt });
    if (!removed?.confirmedAt) {
      return { ok: false as const, message: `${member.name} har ingen tvåstegsverifiering att återställa.` };
    }
    await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, input.userId));
    await tx.delete(sessions).where(eq(sessions.userId, input.userId));
    await tx.insert(accountEvents).values({ userId: input.userId, actorUserId: input.actingUserId, kind: "second_factor_reset" });
    const message = await secondFactorResetEmail({ name: member.name, districtName: member.districtName, url: `${appUrl()}/logga-in` });
    const mailId = await enqueueEmail(tx, { userId: input.userId, email: member.email }, message);
    return { ok: true as const, message: `Tvåstegsverifieringen för ${member.name} är återställd. Hen ställer in den igen vid nästa inloggning.`, mailId };
  });
  if (!outcome.ok) return outcome;
  announceDemoMail(outcome.mailId);
  return { ok: true, message: outcome.message };
}
