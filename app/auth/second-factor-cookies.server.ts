/**
 * The two short-lived cookies of a staff password sign-in (ADR 0027), sealed with AES-256-GCM under a
 * key derived from APP_SECRET, httpOnly, SameSite=Lax, on the sign-in paths only:
 *   - "pending": the password was right, the second step is not done. It names the account and where
 *     to go afterwards, for five minutes. It is no session: no page but the second step reads it.
 *   - "recovery codes": the ten new codes, carried once from the confirming post to the page that
 *     shows them (so the post can redirect), for five minutes and cleared by that page.
 */
import crypto from "node:crypto";
import { appSecret } from "../utils/config.server";

export const PENDING_SECONDS = 5 * 60;
const PENDING_COOKIE = "iop_second_factor";
const CODES_COOKIE = "iop_recovery_codes";
export const SECOND_FACTOR_PATHS = {
  code: "/logga-in/kod",
  setUp: "/logga-in/tvastegsverifiering",
  recoveryCodes: "/logga-in/aterstallningskoder",
} as const;

function key(): Buffer {
  return crypto.createHash("sha256").update(`second-factor-cookie:${appSecret()}`).digest();
}

function secure(): boolean {
  return process.env.NODE_ENV === "production" && process.env.COOKIE_SECURE !== "false";
}

function cookie(name: string, path: string, value: string, maxAge: number): string {
  const parts = [`${name}=${value}`, `Path=${path}`, `Max-Age=${maxAge}`, "HttpOnly", "SameSite=Lax"];
  if (secure()) parts.push("Secure");
  return parts.join("; ");
}

function seal(purpose: string, body: object): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(), iv);
  // The purpose is authenticated: a codes cookie cannot pass for a pending sign-in.
  cipher.setAAD(Buffer.from(purpose));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(body), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url");
}

function unseal<T extends { expiresAt: number }>(purpose: string, name: string, request: Request): T | null {
  const prefix = `${name}=`;
  const raw = (request.headers.get("Cookie") ?? "")
    .split(/;\s*/u)
    .find((part) => part.startsWith(prefix))
    ?.slice(prefix.length);
  if (!raw) return null;
  try {
    const bytes = Buffer.from(raw, "base64url");
    const decipher = crypto.createDecipheriv("aes-256-gcm", key(), bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(bytes.subarray(12, 28));
    const body = JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8")) as T;
    return body.expiresAt < Date.now() / 1000 ? null : body;
  } catch {
    return null;
  }
}

export interface PendingSignIn {
  userId: string;
  /** Where the person asked to go, already checked to be on this site. */
  returnTo: string;
  expiresAt: number;
}

export function pendingSignInCookie(userId: string, returnTo: string): string {
  const body: PendingSignIn = { userId, returnTo, expiresAt: Math.floor(Date.now() / 1000) + PENDING_SECONDS };
  return cookie(PENDING_COOKIE, "/logga-in", seal("pending", body), PENDING_SECONDS);
}

export function readPendingSignIn(request: Request): PendingSignIn | null {
  return unseal<PendingSignIn>("pending", PENDING_COOKIE, request);
}

export function clearPendingSignInCookie(): string {
  return cookie(PENDING_COOKIE, "/logga-in", "", 0);
}

export interface RecoveryCodesShown {
  codes: string[];
  returnTo: string;
  expiresAt: number;
}

export function recoveryCodesCookie(codes: string[], returnTo: string): string {
  const body: RecoveryCodesShown = { codes, returnTo, expiresAt: Math.floor(Date.now() / 1000) + PENDING_SECONDS };
  return cookie(CODES_COOKIE, SECOND_FACTOR_PATHS.recoveryCodes, seal("recovery-codes", body), PENDING_SECONDS);
}

export function readRecoveryCodes(request: Request): RecoveryCodesShown | null {
  return unseal<RecoveryCodesShown>("recovery-codes", CODES_COOKIE, request);
}

export function clearRecoveryCodesCookie(): string {
  return cookie(CODES_COOKIE, SECOND_FACTOR_PATHS.recoveryCodes, "", 0);
}
