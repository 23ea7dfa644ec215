/**
 * The development mailbox holds every e-mail the portal would have sent, reset links included, so
 * only someone at the machine may read it (ADR 0013): the connection must come from
 * loopback, the Host must name localhost, and nothing may have forwarded the request (a proxy on the
 * same machine would otherwise make every visitor look local). Anything else is told the page does
 * not exist, as when the mailbox is off.
 */
import type { NextFunction, Request, Response } from "express";

const LOOPBACK_ADDRESSES = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);
const LOCAL_HOSTNAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function isLocalVisitor(req: Request): boolean {
  // The socket's own address, never req.ip: X-Forwarded-For must not be able to claim loopback.
  if (!LOOPBACK_ADDRESSES.has(req.socket.remoteAddress ?? "")) return false;
  if (req.get("x-forwarded-for") !== undefined || req.get("forwarded") !== undefined) return false;
  const host = (req.get("host") ?? "").toLowerCase().replace(/:\d+$/u, "");
  return LOCAL_HOSTNAMES.has(host);
}

export function devMailboxGuard(req: Request, res: Response, next: NextFunction) {
  if (isLocalVisitor(req)) return next();
  res.status(404).type("text/plain; charset=utf-8").send("Sidan finns inte.");
}
