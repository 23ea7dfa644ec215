/**
 * The HTTP server: security headers, CSRF check, static files and the Remix handler.
 * Stateless: any number of these can run behind a load balancer against one PostgreSQL.
 */
import crypto from "node:crypto";
import path from "node:path";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { isCrossSiteRequest } from "../app/utils/csrf";
import { runInRequestScope } from "../app/utils/request-scope.server";
import { bodyLimit } from "./body-limit";
import { devMailboxGuard } from "./dev-mailbox-guard";

export function createApp(build: ServerBuild, options: { publicDir?: string } = {}) {
  const app = express();
  // HTTPS-only headers only when the portal is published over HTTPS (not for http://localhost).
  const servedOverHttps = (process.env.APP_URL ?? "").startsWith("https://");
  const publicDir = options.publicDir ?? path.resolve("public");
  app.disable("x-powered-by");
  if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);

  app.use((_req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", "data:"],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          upgradeInsecureRequests: servedOverHttps ? [] : null,
        },
      },
      referrerPolicy: { policy: "same-origin" },
      strictTransportSecurity: servedOverHttps,
    }),
  );
  app.use(compression());
  app.use(bodyLimit);

  const allowedOrigins = process.env.APP_URL ? [new URL(process.env.APP_URL).origin] : [];
  app.use((req, res, next) => {
    const cross = isCrossSiteRequest({
      method: req.method,
      host: req.get("host"),
      origin: req.get("origin"),
      secFetchSite: req.get("sec-fetch-site"),
      allowedOrigins,
    });
    if (cross) {
      res.status(403).type("text/plain; charset=utf-8").send("Förfrågan kom inte från IOP-portalen och stoppades.");
      return;
    }
    next();
  });

  app.use("/dev/mail", devMailboxGuard);

  // Fingerprinted assets can be cached for ever; the rest briefly.
  app.use("/build", express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(publicDir, { maxAge: "1h" }));

  // Request log without query strings, addresses or bodies: nothing personal.
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      if (process.env.LOG_REQUESTS === "false") return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      console.info(`${req.method} ${req.path} ${res.statusCode} ${ms.toFixed(1)}ms`);
    });
    next();
  });

  const handleWithRemix = createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce as string,
      clientAddress: req.ip ?? "unknown",
    }),
  });
  // Pages may show a signed-in person's cases: never kept by a browser or shared cache.
  app.all("*", (_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });
  app.all("*", (req, res, next) => runInRequestScope(() => handleWithRemix(req, res, next)));
  return app;
}
