/**
 * Which origin a request was made to, as the visitor's browser saw it (ADR 0018). Behind a
 * proxy the Host header is often the proxy's own upstream name; the browser's Origin then names the
 * public site. APP_URL, when set, is that public origin. Without it the origin is worked out from the
 * request, and X-Forwarded-Host/-Proto count only when TRUST_PROXY says the proxy may be believed:
 * otherwise any visitor could send them.
 */
import type { Request } from "express";

/** Host (with port) the request was sent to: X-Forwarded-Host only from a trusted proxy. */
export function requestHost(req: Request): string | undefined {
  const trust = req.app.get("trust proxy fn") as (address: string | undefined, hop: number) => boolean;
  const forwarded = req.get("x-forwarded-host")?.split(",")[0]?.trim();
  if (forwarded && trust(req.socket.remoteAddress, 0)) return forwarded;
  return req.get("host");
}

/**
 * The public origin of this request: APP_URL's when configured, else protocol and host as the
 * request (and a trusted proxy) tell them. Undefined for a Host that is no host at all.
 */
export function publicOrigin(req: Request, appOrigin: string | null): string | undefined {
  if (appOrigin) return appOrigin;
  const host = requestHost(req);
  if (!host) return undefined;
  if (/[/?#@\\\s]/u.test(host)) return undefined;
  try {
    // req.protocol follows X-Forwarded-Proto only when the proxy is trusted.
    return new URL(`${req.protocol}://${host}`).origin;
  } catch {
    return undefined;
  }
}

/** APP_URL's origin ("https://iop.example.se"), or null when it is not set. */
export function configuredOrigin(appUrl: string | undefined): string | null {
  if (!appUrl) return null;
  return new URL(appUrl).origin;
}
