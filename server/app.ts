/**
 * The HTTP server: security headers, CSRF check, static files and the Remix handler.
 * Stateless: any number of these can run behind a load balancer against one PostgreSQL.
 */
import crypto from "node:crypto";
import path from "node:path";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
// The adapter's own pieces: its handler writes the response itself, too late to turn a database
// outage into a 503.
import { sendRemixResponse } from "@remix-run/express/dist/server";
import { isConnectionError } from "../db/errors";
import {
  databaseWasUnavailable,
  RETRY_AFTER_SECONDS,
  runWatchingForOutage,
  UNAVAILABLE_PAGE,
} from "../app/utils/database-unavailable.server";
import { isCrossSiteRequest } from "../app/utils/csrf";
import { runInRequestScope } from "../app/utils/request-scope.server";
import { bodyLimit } from "./body-limit";
import { devMailboxGuard } from "./dev-mailbox-guard";
import { devIdentityProviders } from "./dev-identity-provider";
import { malformedIdGuard } from "./malformed-ids";
import { configuredOrigin, publicOrigin } from "./origin";
import { crossSitePage, serverErrorPage } from "./pages";
import { createRemixRequest } from "./remix-request";
import { routePatternFinder } from "./route-pattern";
import { currentLogContext, logError, logInfo, newRequestId, runWithLogContext } from "../app/utils/log.server";

export function createApp(build: ServerBuild, options: { publicDir?: string } = {}) {
  const app = express();
  // APP_URL is the canonical public address: when set, a post's Origin must be exactly this.
  const appUrl = process.env.APP_URL;
  const appOrigin = configuredOrigin(appUrl);
  // HTTPS-only headers only when the portal is published over HTTPS (not for http://localhost).
  const servedOverHttps = (appUrl ?? "").startsWith("https://");
  const publicDir = options.publicDir ?? path.resolve("public");
  app.disable("x-powered-by");
  const routePattern = routePatternFinder(build);
  // Every request gets an id, sent back as X-Request-Id and shown on error pages, so a visitor can
  // quote it and the operator can find the request's log lines (app/utils/log.server.ts).
  app.use((req, res, next) => {
    const requestId = newRequestId();
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    let route: string | undefined;
    const context = { requestId, method: req.method, route: () => (route ??= routePattern(req.path)) };
    runWithLogContext(context, next);
  });
  // Only then are X-Forwarded-For/-Host/-Proto believed (client address, public origin).
  const trustProxy = process.env.TRUST_PROXY;
  if (trustProxy) app.set("trust proxy", trustSetting(trustProxy));

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
          // A sign-in or logout form redirects to the identity provider: the browser applies
          // form-action to that redirect too.
          formAction: ["'self'", ...identityProviderOrigins()],
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
  // Before the CSRF check: the provider's token endpoint is called by the portal's own server
  // (no Origin); its interaction forms are checked inside. Before the Remix handler, and no body
  // parser runs ahead of it.
  app.use(devIdentityProviders(appOrigin));

  app.use((req, res, next) => {
    const origin = publicOrigin(req, appOrigin);
    // A request without a usable Host (an HTTP/1.0 health probe) may still read; it cannot post.
    res.locals.publicOrigin = origin ?? "http://localhost";
    const cross = isCrossSiteRequest({
      method: req.method,
      requestOrigin: origin,
      origin: req.get("origin"),
      secFetchSite: req.get("sec-fetch-site"),
      appOrigin,
    });
    if (cross) {
      res.status(403).type("text/html; charset=utf-8").send(crossSitePage(res.locals.requestId as string));
      return;
    }
    next();
  });

  app.use("/dev/mail", devMailboxGuard);

  // Fingerprinted assets can be cached for ever; the rest briefly.
  app.use("/build", express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(publicDir, { maxAge: "1h" }));

  // Request log: id, method, route pattern, status, time; no query strings, addresses or bodies.
  // A failed request is logged even with LOG_REQUESTS=false, so its id can be looked up.
  app.use((_req, res, next) => {
    const started = process.hrtime.bigint();
    // "finish" fires outside the request's async context: carry it over.
    const context = currentLogContext();
    res.on("finish", () => {
      if (process.env.LOG_REQUESTS === "false" && res.statusCode < 500) return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const line = () => logInfo(`status=${res.statusCode} ${ms.toFixed(1)}ms`);
      if (context) runWithLogContext(context, line);
      else line();
    });
    next();
  });

  const handleRequest = createRequestHandler(build, process.env.NODE_ENV);
  // One try in a scope of its own, so a second try starts with a clean slate.
  const attempt = (req: express.Request, res: express.Response) =>
    runInRequestScope(() =>
      runWatchingForOutage(async () => {
        const response = await handleRequest(createRemixRequest(req, res, res.locals.publicOrigin as string), {
          cspNonce: res.locals.cspNonce as string,
          clientAddress: req.ip ?? "unknown",
        });
        return { response, unavailable: response.status >= 500 && databaseWasUnavailable() };
      }),
    );
  const handleWithRemix = async (req: express.Request, res: express.Response, next: express.NextFunction) => {
    try {
      let { response, unavailable } = await attempt(req, res);
      // After a PostgreSQL restart a pooled connection may still hold the server's goodbye (57P01)
      // and fail the first query on it; the pool then drops it. A page (GET, no body, reads only) is
      // asked once more on a fresh connection; a form post is not, since it may have committed.
      if (unavailable && (req.method === "GET" || req.method === "HEAD")) {
        await response.body?.cancel();
        ({ response, unavailable } = await attempt(req, res));
      }
      if (unavailable) {
        await response.body?.cancel();
        sendUnavailable(res);
        return;
      }
      // Remix's bare 500 (an error before any route ran): our page, with the id to quote.
      if (response.status >= 500 && !response.body) {
        res.status(response.status).type("text/html; charset=utf-8").send(serverErrorPage(res.locals.requestId as string));
        return;
      }
      // A route's own header (Cache-Control on /healthz) replaces the server's default, not joins it.
      for (const name of response.headers.keys()) res.removeHeader(name);
      await sendRemixResponse(res, response);
    } catch (error) {
      if (isConnectionError(error) && !res.headersSent) sendUnavailable(res);
      else next(error);
    }
  };
  // Pages may show a signed-in person's cases: never kept by a browser or shared cache.
  app.all("*", (_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });
  app.use(malformedIdGuard(build));
  app.all("*", (req, res, next) => void handleWithRemix(req, res, next));
  // Instead of Express's own handler, which prints the whole error and, outside production, sends
  // the stack trace to the visitor.
  // (Express knows an error handler by its four parameters.)
  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    logError("request failed", error);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(500).type("text/html; charset=utf-8").send(serverErrorPage(res.locals.requestId as string));
  });
  return app;
}

/** The configured identity providers' origins (EID_ISSUER, STAFF_OIDC_ISSUER), for form-action. */
function identityProviderOrigins(): string[] {
  const env = process.env;
  return [env.EID_ISSUER, env.STAFF_OIDC_ISSUER].flatMap((issuer) => {
    if (!issuer) return [];
    try {
      return [new URL(issuer).origin];
    } catch {
      return [];
    }
  });
}

/** TRUST_PROXY as Express reads it: a hop count ("1"), true/false, or addresses and subnets. */
function trustSetting(value: string): boolean | number | string {
  if (value === "true") return true;
  if (value === "false") return false;
  return /^\d+$/u.test(value) ? Number(value) : value;
}

/** While the database cannot be reached: "try again shortly", never a 500 or a hanging page. */
function sendUnavailable(res: express.Response) {
  res
    .status(503)
    .set("Retry-After", String(RETRY_AFTER_SECONDS))
    .set("Cache-Control", "no-store")
    .type("text/html; charset=utf-8")
    .send(UNAVAILABLE_PAGE);
}
