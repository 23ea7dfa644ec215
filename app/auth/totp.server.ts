/**
 * Time-based one-time codes (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), the form every
 * authenticator app reads from an otpauth:// QR code. Pure: the caller keeps the secret and the last
 * accepted time step (ADR 0027).
 */
import crypto from "node:crypto";
import { Secret, TOTP } from "otpauth";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps either side of now that are still accepted: a phone clock a little off, a slow typist. */
export const TOTP_WINDOW = 1;
export const TOTP_ISSUER = "IOP-portalen";

/** A new random secret (160 bits, as RFC 4226 recommends), in base32 as the apps expect. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, label = "") {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: "SHA1",
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** The otpauth:// address the QR code carries. */
export function otpauthUri(secretBase32: string, accountLabel: string): string {
  return totp(secretBase32, accountLabel).toString();
}

export function timeStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code for one time step (what the app shows during it). */
export function totpCodeAt(secretBase32: string, step: number): string {
  return totp(secretBase32).generate({ timestamp: step * TOTP_PERIOD_SECONDS * 1000 });
}

/** What a person typed, without the spaces apps and people put in ("123 456"). */
export function normaliseTotpInput(input: string): string {
  return input.replace(/[\s-]/gu, "");
}

export function looksLikeTotpCode(input: string): boolean {
  return new RegExp(`^\\d{${TOTP_DIGITS}}$`, "u").test(normaliseTotpInput(input));
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: "wrong" | "replayed" };

/**
 * Checks a typed code against the steps around now. A code for the last accepted step or an earlier
 * one is refused as replayed, even inside the window: each code opens at most one sign-in.
 */
export function checkTotpCode(input: {
  secret: string;
  code: string;
  nowMs: number;
  lastUsedStep: number | null;
}): TotpCheck {
  const code = normaliseTotpInput(input.code);
  if (!looksLikeTotpCode(code)) return { ok: false, reason: "wrong" };
  const current = timeStep(input.nowMs);
  let matched: number | null = null;
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step++) {
    const expected = totpCodeAt(input.secret, step);
    // Constant time, so the comparison itself tells a guesser nothing.
    if (crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(code)) && matched === null) matched = step;
  }
  if (matched === null) return { ok: false, reason: "wrong" };
  if (input.lastUsedStep !== null && matched <= input.lastUsedStep) return { ok: false, reason: "replayed" };
  return { ok: true, step: matched };
}
