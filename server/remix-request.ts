/**
 * The Fetch Request Remix sees, made from Express's request. Unlike the adapter's own, its URL and
 * Host are the public origin (server/origin.ts) and it carries no X-Forwarded-Host: Remix compares
 * Origin with those two before every action and answers a 500 with a stack trace when they differ,
 * which behind a proxy that rewrites Host was every form post (ADR 0018). Our own check in
 * server/app.ts has already refused foreign origins with a 403 by then.
 */
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import { createReadableStreamFromReadable } from "@remix-run/node";

export function createRemixRequest(req: ExpressRequest, res: ExpressResponse, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === "x-forwarded-host") continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  headers.set("host", new URL(origin).host);
  const controller = new AbortController();
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = createReadableStreamFromReadable(req);
    init.duplex = "half";
  }
  // Loaders and actions are aborted when the visitor goes away before the answer is written.
  let open: AbortController | null = controller;
  res.on("finish", () => (open = null));
  res.on("close", () => open?.abort());
  // Concatenated, not resolved: a path starting with // must stay a path, not name another host.
  return new Request(new URL(`${origin}${req.originalUrl}`).href, init);
}
