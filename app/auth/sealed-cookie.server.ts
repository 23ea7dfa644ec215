/**
 * Short-lived cookies that carry a small JSON value through the browser and back, sealed with
 * AES-256-GCM (encrypted and authenticated) under a key derived from APP_SECRET and the cookie's
 * purpose: the browser can neither read nor change them, and one purpose's cookie cannot be passed
 * off as another's. The expiry is inside the sealed value, so an old cookie a browser kept anyway is
 * refused too. Used for what an e-ID sign-in hands on (app/accounts/eid-cookies.server.ts); nothing
 * is kept on the server, so any app server can read them.
 */
import crypto from "node:crypto";
import { appSecret } from "../utils/config.server";

export interface SealedCookie {
  /** The cookie's name; also the purpose its key is derived for. */
  name: string;
  /** Only sent to this path and below. */
  path: string;
  seconds: number;
}

function key(cookie: SealedCookie): Buffer {
  return crypto.createHash("sha256").update(`sealed-cookie:${cookie.name}:${appSecret()}`).digest();
}

function secure(): boolean {
  // Read through a variable: the Remix build would inline a literal process.env.NODE_ENV.
  const env = process.env;
  return env.NODE_ENV === "production" && env.COOKIE_SECURE !== "false";
}

function header(cookie: SealedCookie, value: string, maxAge: number): string {
  const parts = [`${cookie.name}=${value}`, `Path=${cookie.path}`, `Max-Age=${maxAge}`, "HttpOnly", "SameSite=Lax"];
  if (secure()) parts.push("Secure");
  return parts.join("; ");
}

/** The Set-Cookie value that hands `value` to the browser for `cookie.seconds`. */
export function sealCookie(cookie: SealedCookie, value: unknown): string {
  const body = JSON.stringify({ value, expiresAt: Math.floor(Date.now() / 1000) + cookie.seconds });
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(cookie), iv);
  const sealed = Buffer.concat([cipher.update(body, "utf8"), cipher.final()]);
  return header(cookie, Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url"), cookie.seconds);
}

export function clearCookie(cookie: SealedCookie): string {
  return header(cookie, "", 0);
}

/** The value this browser holds, or null (none, expired, tampered with, sealed for another purpose). */
export function openCookie(cookie: SealedCookie, request: Request): unknown {
  const prefix = `${cookie.name}=`;
  const raw = (request.headers.get("Cookie") ?? "")
    .split(/;\s*/u)
    .find((part) => part.startsWith(prefix))
    ?.slice(prefix.length);
  if (!raw) return null;
  try {
    const bytes = Buffer.from(raw, "base64url");
    if (bytes.length < 29) return null;
    const decipher = crypto.createDecipheriv("aes-256-gcm", key(cookie), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    const json = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
    const body = JSON.parse(json) as { value: unknown; expiresAt: number };
    if (typeof body.expiresAt !== "number" || body.expiresAt < Date.now() / 1000) return null;
    return body.value;
  } catch {
    return null;
  }
}
