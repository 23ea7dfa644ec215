/**
 * One sign-in attempt's secrets (state, nonce, PKCE verifier) and where to return, kept in the
 * browser that started it: an encrypted, authenticated (AES-256-GCM), httpOnly SameSite=Lax cookie
 * on the callback path only, ten minutes long. Nothing server-side, so any app server can finish the
 * attempt. One use: the callback clears it, and what it unlocks (an authorization code) the provider
 * redeems only once; a second attempt overwrites the first.
 */
import crypto from "node:crypto";
import { appSecret } from "../../utils/config.server";
import { CALLBACK_PATHS, type IdentityKind } from "./paths";

const ATTEMPT_SECONDS = 10 * 60;

export interface Attempt {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  /** Epoch seconds. */
  expiresAt: number;
}

function cookieName(kind: IdentityKind) {
  return `iop_oidc_${kind}`;
}

function key(): Buffer {
  return crypto.createHash("sha256").update(`oidc-attempt:${appSecret()}`).digest();
}

function secure(): boolean {
  return process.env.NODE_ENV === "production" && process.env.COOKIE_SECURE !== "false";
}

function cookie(kind: IdentityKind, value: string, maxAge: number): string {
  const parts = [`${cookieName(kind)}=${value}`, `Path=${CALLBACK_PATHS[kind]}`, `Max-Age=${maxAge}`, "HttpOnly", "SameSite=Lax"];
  if (secure()) parts.push("Secure");
  return parts.join("; ");
}

export function attemptCookie(kind: IdentityKind, attempt: Omit<Attempt, "expiresAt">): string {
  const body: Attempt = { ...attempt, expiresAt: Math.floor(Date.now() / 1000) + ATTEMPT_SECONDS };
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(), iv);
  // The kind is authenticated too: an e-ID attempt cannot finish a staff sign-in.
  cipher.setAAD(Buffer.from(kind));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(body), "utf8"), cipher.final()]);
  const value = Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url");
  return cookie(kind, value, ATTEMPT_SECONDS);
}

export function clearAttemptCookie(kind: IdentityKind): string {
  return cookie(kind, "", 0);
}

/** The attempt this browser started, or null (none, expired, tampered with, another kind's). */
export function readAttempt(kind: IdentityKind, request: Request): Attempt | null {
  const header = request.headers.get("Cookie") ?? "";
  const prefix = `${cookieName(kind)}=`;
  const raw = header
    .split(/;\s*/u)
    .find((part) => part.startsWith(prefix))
    ?.slice(prefix.length);
  if (!raw) return null;
  try {
    const bytes = Buffer.from(raw, "base64url");
    const decipher = crypto.createDecipheriv("aes-256-gcm", key(), bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(kind));
    decipher.setAuthTag(bytes.subarray(12, 28));
    const json = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
    const attempt = JSON.parse(json) as Attempt;
    if (attempt.expiresAt < Date.now() / 1000) return null;
    return attempt;
  } catch {
    return null;
  }
}
