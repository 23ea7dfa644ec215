/** Configuration from the environment, with the defaults the README lists. */
import crypto from "node:crypto";

let generatedSecret: string | undefined;

/** Keys the login-throttle hashes. Set APP_SECRET when several app servers share one database. */
export function appSecret(): string {
  if (process.env.APP_SECRET) return process.env.APP_SECRET;
  generatedSecret ??= crypto.randomBytes(32).toString("hex");
  return generatedSecret;
}

/** The portal's public address, used in links in e-mail. */
export function appUrl(): string {
  return (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}

export function isProduction(): boolean {
  return process.env.NODE_ENV === "production";
}

/** Without SMTP the portal runs in demo mode: mail stays in the outbox and links go to the log. */
export function smtpUrl(): string | undefined {
  return process.env.SMTP_URL || undefined;
}
