/**
 * What the portal refuses at the SSO's callback, through real providers and the real relying party
 * (openid-client): a replayed code, a crossed `state`, a callback without this browser's attempt,
 * and ID tokens that are forged, expired, for another nonce, or without a verified e-mail. For the
 * tokens, a second oidc-provider runs in this process as the configured STAFF_OIDC_ISSUER, behind
 * a small HTTP proxy that rewrites its token response the way an attacker in the middle would.
 */
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { sessions } from "../../db/schema";
import { DEV_CLIENTS } from "../../app/auth/oidc/paths";
import { createDevIdentityProvider, devProviderHandler, generateSigningKeys } from "../../server/dev-identity-provider";
import { setupPortal } from "../support/portal";
import { textOf } from "../support/visitor";
import { browserOf, choosePerson, finishSignIn, personPickerFor, signInAs } from "../support/oidc";

const portal = setupPortal();
const ATTEMPT_COOKIE = "iop_oidc_staff";
const CALLBACK_COOKIE_PATH = "/logga-in/stad/klar";

async function sessionCount() {
  const [row] = await portal.db.select({ n: sql<number>`count(*)::int` }).from(sessions);
  return row!.n;
}

/** A callback URL from a real sign-in at the provider, the attempt cookie still in the jar. */
async function callbackFor(email: string) {
  const visitor = portal.visitor();
  const picker = await personPickerFor(visitor, "staff");
  const callback = await choosePerson(visitor, picker, email);
  return { visitor, callback };
}

describe("the SSO callback, against the development provider", () => {
  it("refuses a replayed authorization code, even with the attempt cookie kept", async () => {
    const { visitor, callback } = await callbackFor("handlaggare@demo.example");
    const attempt = browserOf(visitor).get(ATTEMPT_COOKIE)!;
    const first = await finishSignIn(visitor, callback);
    expect(first.headers.get("location")).toBe("/forvaltning/rk");
    // An attacker who saw the callback URL and the cookie tries the code again in a fresh browser.
    const attacker = portal.visitor();
    browserOf(attacker).store(new URL(portal.server.origin), [`${ATTEMPT_COOKIE}=${attempt}; Path=${CALLBACK_COOKIE_PATH}`]);
    const before = await sessionCount();
    const replay = await finishSignIn(attacker, callback);
    expect(replay.headers.get("location")).toBe("/logga-in?meddelande=inloggning-ogiltig");
    expect(attacker.cookie).toBe("");
    expect(await sessionCount()).toBe(before);
  });

  it("refuses a callback whose state is not this browser's attempt", async () => {
    const { visitor, callback } = await callbackFor("handlaggare@demo.example");
    const tampered = callback.replace(/state=[^&]+/u, "state=someone-elses-state");
    const response = await finishSignIn(visitor, tampered);
    expect(response.headers.get("location")).toBe("/logga-in?meddelande=inloggning-ogiltig");
    expect(visitor.cookie).toBe("");
  });

  it("refuses another browser's callback (a login planted by someone else)", async () => {
    const { callback } = await callbackFor("admin@demo.example");
    const victim = portal.visitor();
    await personPickerFor(victim, "staff"); // the victim's own attempt, with its own state
    const response = await finishSignIn(victim, callback);
    expect(response.headers.get("location")).toBe("/logga-in?meddelande=inloggning-ogiltig");
    expect(victim.cookie).toBe("");
  });

  it("refuses a callback without the attempt cookie, and says to start again", async () => {
    const { visitor, callback } = await callbackFor("handlaggare@demo.example");
    const response = await finishSignIn(visitor, callback, { withAttemptCookie: false });
    expect(response.headers.get("location")).toBe("/logga-in?meddelande=inloggning-gick-ut");
    expect(visitor.cookie).toBe("");
    const page = textOf(await (await visitor.get("/logga-in?meddelande=inloggning-gick-ut")).text());
    expect(page).toContain("Inloggningen hann gå ut");
  });

  it("refuses a tampered attempt cookie", async () => {
    const { visitor, callback } = await callbackFor("handlaggare@demo.example");
    const attempt = browserOf(visitor).get(ATTEMPT_COOKIE)!;
    const flipped = `${attempt.slice(0, 20)}${attempt[20] === "A" ? "B" : "A"}${attempt.slice(21)}`;
    browserOf(visitor).store(new URL(portal.server.origin), [`${ATTEMPT_COOKIE}=${flipped}; Path=${CALLBACK_COOKIE_PATH}`]);
    const response = await finishSignIn(visitor, callback);
    expect(response.headers.get("location")).toBe("/logga-in?meddelande=inloggning-gick-ut");
  });
});

// ---------------------------------------------------------------------------------------------
// A configured SSO (STAFF_OIDC_ISSUER) whose token responses pass through a rewriting proxy.

type Claims = Record<string, unknown>;
/** provider: re-signed with the provider's own key · forger: another key under the provider's key id · forger-own-kid: another key, its own id. */
type Signer = "provider" | "forger" | "forger-own-kid";
let rewrite: ((claims: Claims) => { claims: Claims; key: Signer }) | null = null;
const providerKeys = generateSigningKeys();
const forgerKeys = generateSigningKeys();
const servers: http.Server[] = [];

function base64url(value: string | Buffer) {
  return Buffer.from(value).toString("base64url");
}

/** Signs like the provider does (RS256, the staff client's algorithm), with the given key set. */
function signIdToken(claims: Claims, keys: { keys: crypto.JsonWebKey[] }, kid: string): string {
  const jwk = keys.keys.find((k) => (k as { alg?: string }).alg === "RS256")!;
  const header = base64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid }));
  const payload = base64url(JSON.stringify(claims));
  const signature = crypto.sign("sha256", Buffer.from(`${header}.${payload}`), crypto.createPrivateKey({ key: jwk, format: "jwk" }));
  return `${header}.${payload}.${base64url(signature)}`;
}

function rewriteTokenResponse(body: string): string {
  if (!rewrite) return body;
  const json = JSON.parse(body) as { id_token?: string };
  if (!json.id_token) return body;
  const [headerPart, payloadPart] = json.id_token.split(".");
  const { kid } = JSON.parse(Buffer.from(headerPart!, "base64url").toString()) as { kid: string };
  const changed = rewrite(JSON.parse(Buffer.from(payloadPart!, "base64url").toString()) as Claims);
  // The forger uses the provider's key id, so the portal looks up the real key and the signature fails.
  const keys = changed.key === "provider" ? providerKeys : forgerKeys;
  const keyId = changed.key === "forger-own-kid" ? (keys.keys[0] as { kid: string }).kid : kid;
  json.id_token = signIdToken(changed.claims, keys, keyId);
  return JSON.stringify(json);
}

function listen(server: http.Server): Promise<number> {
  servers.push(server);
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

const savedEnv: Record<string, string | undefined> = {};
function setEnv(values: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(values)) {
    if (!(key in savedEnv)) savedEnv[key] = process.env[key];
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}

describe("ID tokens from a configured SSO", () => {
  beforeAll(async () => {
    let upstreamPort = 0;
    const proxy = http.createServer((req, res) => {
      const upstream = http.request(
        { host: "127.0.0.1", port: upstreamPort, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          if (!req.url?.startsWith("/sso/token")) {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
            return;
          }
          const chunks: Buffer[] = [];
          answer.on("data", (c: Buffer) => chunks.push(c));
          answer.on("end", () => {
            const body = rewriteTokenResponse(Buffer.concat(chunks).toString("utf8"));
            const headers = { ...answer.headers, "content-length": String(Buffer.byteLength(body)) };
            res.writeHead(answer.statusCode ?? 502, headers);
            res.end(body);
          });
        },
      );
      req.pipe(upstream);
    });
    const proxyPort = await listen(proxy);
    const issuer = `http://127.0.0.1:${proxyPort}/sso`;
    const provider = await createDevIdentityProvider({ kind: "staff", issuer, portalOrigin: portal.server.origin, jwks: providerKeys });
    const app = express();
    app.use("/sso", devProviderHandler("staff", () => Promise.resolve(provider)));
    upstreamPort = await listen(http.createServer(app));
    setEnv({
      STAFF_OIDC_ISSUER: issuer,
      STAFF_OIDC_CLIENT_ID: DEV_CLIENTS.staff.clientId,
      STAFF_OIDC_CLIENT_SECRET: DEV_CLIENTS.staff.clientSecret,
      STAFF_OIDC_EMAIL_VERIFIED: undefined,
    });
  });
  afterAll(async () => {
    for (const [key, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });

  async function signInThrough(edit: typeof rewrite, email = "handlaggare@demo.example") {
    rewrite = edit;
    try {
      const visitor = portal.visitor();
      const response = await signInAs(visitor, "staff", email);
      return { visitor, location: response.headers.get("location") };
    } finally {
      rewrite = null;
    }
  }

  it("signs in through the configured SSO when nothing is changed on the way", async () => {
    const { visitor, location } = await signInThrough(null);
    expect(location).toBe("/forvaltning/rk");
    expect((await visitor.get("/forvaltning/rk")).status).toBe(200);
  });

  it("passes the token through the proxy untouched when re-signed with the provider's own key", async () => {
    // Shows the rewriting itself is sound, so the refusals below are about what was changed.
    const { location } = await signInThrough((claims) => ({ claims, key: "provider" }));
    expect(location).toBe("/forvaltning/rk");
  });

  it("refuses an ID token signed by a key not in the provider's JWKS", async () => {
    const before = await sessionCount();
    const { visitor, location } = await signInThrough((claims) => ({ claims: { ...claims, email: "admin@demo.example" }, key: "forger" }));
    expect(location).toBe("/logga-in?meddelande=inloggning-ogiltig");
    expect(visitor.cookie).toBe("");
    expect(await sessionCount()).toBe(before);
  });

  it("refuses an ID token signed by a key the provider never published, under its own key id", async () => {
    const { visitor, location } = await signInThrough((claims) => ({ claims, key: "forger-own-kid" }));
    expect(location).toBe("/logga-in?meddelande=inloggning-ogiltig");
    expect(visitor.cookie).toBe("");
  });

  it("refuses an expired ID token, though its signature is the provider's", async () => {
    const now = Math.floor(Date.now() / 1000);
    const { visitor, location } = await signInThrough((claims) => ({ claims: { ...claims, iat: now - 3600, exp: now - 1800 }, key: "provider" }));
    expect(location).toBe("/logga-in?meddelande=inloggning-ogiltig");
    expect(visitor.cookie).toBe("");
  });

  it("refuses an ID token for another sign-in attempt (its nonce)", async () => {
    const { location } = await signInThrough((claims) => ({ claims: { ...claims, nonce: "another-attempt" }, key: "provider" }));
    expect(location).toBe("/logga-in?meddelande=inloggning-ogiltig");
  });

  it("refuses an ID token for another client (its audience)", async () => {
    const { location } = await signInThrough((claims) => ({ claims: { ...claims, aud: "another-client" }, key: "provider" }));
    expect(location).toBe("/logga-in?meddelande=inloggning-ogiltig");
  });

  it("refuses an e-mail the SSO does not say it has verified", async () => {
    const { visitor, location } = await signInThrough((claims) => ({ claims: { ...claims, email_verified: false }, key: "provider" }));
    expect(location).toBe("/logga-in?meddelande=stad-epost-ej-bekraftad");
    expect(visitor.cookie).toBe("");
    const page = textOf(await (await visitor.get(location!)).text());
    expect(page).toContain("bekräftade inte din e-postadress");
  });

  it("trusts the organisation's e-mail without the claim when STAFF_OIDC_EMAIL_VERIFIED=true (Entra ID)", async () => {
    const withoutClaim = (claims: Claims) => {
      const { email_verified: _dropped, ...rest } = claims;
      return { claims: rest, key: "provider" as const };
    };
    expect((await signInThrough(withoutClaim)).location).toBe("/logga-in?meddelande=stad-epost-ej-bekraftad");
    setEnv({ STAFF_OIDC_EMAIL_VERIFIED: "true" });
    try {
      expect((await signInThrough(withoutClaim)).location).toBe("/forvaltning/rk");
    } finally {
      setEnv({ STAFF_OIDC_EMAIL_VERIFIED: undefined });
    }
  });

  it("leaves the development SSO out of the way while a real one is configured", async () => {
    expect((await portal.visitor().get("/dev/stads-sso/.well-known/openid-configuration")).status).toBe(404);
    expect((await portal.visitor().get("/dev/stads-sso/auth")).status).toBe(404);
  });
});
