/**
 * Signing in through the real development identity providers over HTTP (server/dev-identity-provider.ts),
 * as a browser would: the portal's login button, the provider's pages, the callback. Nothing is
 * mocked: the portal's relying party redeems a real code and verifies a real ID token.
 *
 * A Visitor (test/support/visitor.ts) keeps one cookie, its portal session. A sign-in needs more
 * (the portal's attempt cookie on the callback path, the provider's interaction and session
 * cookies), so each Visitor gets a small cookie jar here (`browserOf(visitor)`), kept for the
 * Visitor's life: a provider session survives between sign-ins, as in a browser. After every step
 * the Visitor's own `cookie` is the portal session in the jar ("" when there is none).
 *
 * The whole thing:
 *   signInWithStaffSso(portal, email, { redirectTo? })  -> a Visitor signed in as that staff member
 *   signInWithEid(portal, personKey, { redirectTo? })   -> a Visitor after the e-ID callback (DEMO_EID_PERSONS key)
 *   signOut(visitor)                                    -> /logga-ut, the provider's logout confirmed, back at the portal
 * Each also exists with an existing Visitor: `signInAs(visitor, kind, person)` returns the callback's response.
 *
 * The steps, so a security test can tamper in between:
 *   startSignIn(visitor, kind, { redirectTo? })  -> the provider's authorization URL (the attempt cookie is in the jar)
 *   atProvider(visitor, url)                     -> { kind: "page", html, action } the person picker, or
 *                                                   { kind: "callback", url } when the provider needs no one chosen
 *   choosePerson(visitor, page, person)          -> the callback URL (a portal path with code, state, iss)
 *   cancelAtProvider(visitor, page)              -> the callback URL with error=access_denied
 *   finishSignIn(visitor, callbackUrl, { withAttemptCookie? }) -> the portal's response to the callback
 *   personPickerFor(visitor, kind)               -> startSignIn + atProvider, expecting the picker
 * `person` is a DEMO_EID_PERSONS key for "eid", an e-mail for "staff" (also one not in DEMO_STAFF_PERSONS).
 */
import { expect } from "vitest";
import { CALLBACK_PATHS, type IdentityKind } from "../../app/auth/oidc/paths";
import type { Portal } from "./portal";
import { Visitor } from "./visitor";

const SESSION_COOKIE = "iop_session";

interface StoredCookie {
  name: string;
  value: string;
  host: string;
  path: string;
}

/** Cookies as a browser keeps them: by host (not port) and path. */
export class CookieJar {
  private cookies: StoredCookie[] = [];

  store(url: URL, setCookies: string[]) {
    for (const header of setCookies) {
      const [pair = "", ...attributes] = header.split(";").map((p) => p.trim());
      const eq = pair.indexOf("=");
      if (eq < 1) continue;
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let path = url.pathname.replace(/\/[^/]*$/u, "") || "/";
      let expired = value === "";
      for (const attribute of attributes) {
        const [key = "", val = ""] = attribute.split("=");
        const lower = key.toLowerCase();
        if (lower === "path" && val.startsWith("/")) path = val;
        if (lower === "max-age" && Number(val) <= 0) expired = true;
        if (lower === "expires" && Date.parse(attribute.slice(8)) <= Date.now()) expired = true;
      }
      this.cookies = this.cookies.filter((c) => !(c.name === name && c.host === url.hostname && c.path === path));
      if (!expired) this.cookies.push({ name, value, host: url.hostname, path });
    }
  }

  header(url: URL): string {
    return this.cookies
      .filter((c) => c.host === url.hostname && (url.pathname === c.path || url.pathname.startsWith(c.path.endsWith("/") ? c.path : `${c.path}/`)))
      .sort((a, b) => b.path.length - a.path.length)
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
  }

  get(name: string): string | undefined {
    return this.cookies.find((c) => c.name === name)?.value;
  }

  remove(name: string) {
    this.cookies = this.cookies.filter((c) => c.name !== name);
  }

  names(): string[] {
    return this.cookies.map((c) => c.name);
  }
}

const jars = new WeakMap<Visitor, CookieJar>();

/** The Visitor's cookie jar for sign-ins (created on first use, with the Visitor's session in it). */
export function browserOf(visitor: Visitor): CookieJar {
  let jar = jars.get(visitor);
  if (!jar) {
    jar = new CookieJar();
    jars.set(visitor, jar);
  }
  return jar;
}

/** The Visitor's session cookie into the jar (a test may have set or replayed it by hand). */
function syncIn(visitor: Visitor, jar: CookieJar) {
  const origin = new URL(visitor.origin);
  jar.remove(SESSION_COOKIE);
  if (visitor.cookie.startsWith(`${SESSION_COOKIE}=`)) jar.store(origin, [`${visitor.cookie}; Path=/`]);
}

function syncOut(visitor: Visitor, jar: CookieJar) {
  const value = jar.get(SESSION_COOKIE);
  visitor.cookie = value ? `${SESSION_COOKIE}=${value}` : "";
}

/** One request as the browser: its cookies, Origin on posts, no redirect followed. */
export async function browserRequest(
  visitor: Visitor,
  target: string,
  init: { method?: "GET" | "POST"; form?: Record<string, string>; pageOrigin?: string; withCookies?: boolean } = {},
): Promise<Response> {
  const jar = browserOf(visitor);
  syncIn(visitor, jar);
  const url = new URL(target, visitor.origin);
  const headers: Record<string, string> = {};
  const cookie = jar.header(url);
  if (cookie && init.withCookies !== false) headers.cookie = cookie;
  let body: URLSearchParams | undefined;
  if (init.method === "POST") {
    headers.origin = init.pageOrigin ?? url.origin;
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(init.form ?? {});
  }
  const response = await fetch(url, { method: init.method ?? "GET", headers, body, redirect: "manual" });
  jar.store(url, response.headers.getSetCookie());
  syncOut(visitor, jar);
  return response;
}

function locationOf(response: Response, base: string): URL {
  const location = response.headers.get("location");
  if (!location) throw new Error(`expected a redirect, got ${response.status}`);
  return new URL(location, base);
}

/** The portal's sign-in button: the provider's authorization URL. */
export async function startSignIn(visitor: Visitor, kind: IdentityKind, options: { redirectTo?: string } = {}): Promise<string> {
  const path = kind === "eid" ? "/logga-in/e-legitimation" : "/logga-in/stad";
  const response = await browserRequest(visitor, path, {
    method: "POST",
    form: { intent: kind === "eid" ? "eid" : "staff-sso", redirectTo: options.redirectTo ?? "" },
    pageOrigin: visitor.origin,
  });
  expect(response.status, `POST ${path}`).toBe(302);
  return locationOf(response, visitor.origin).href;
}

export type ProviderStep = { kind: "page"; html: string; action: string } | { kind: "callback"; url: string };

function isPortalCallback(visitor: Visitor, url: URL): boolean {
  return url.origin === new URL(visitor.origin).origin && Object.values(CALLBACK_PATHS).includes(url.pathname);
}

/** Follows the provider's redirects until it shows a page or sends the browser back to the portal. */
export async function atProvider(visitor: Visitor, url: string): Promise<ProviderStep> {
  let current = new URL(url);
  for (let hop = 0; hop < 10; hop++) {
    if (isPortalCallback(visitor, current)) return { kind: "callback", url: `${current.pathname}${current.search}` };
    const response = await browserRequest(visitor, current.href);
    if (response.status >= 300 && response.status < 400) {
      current = locationOf(response, current.href);
      continue;
    }
    const html = await response.text();
    expect(response.status, `provider page ${current.pathname}: ${html.slice(0, 300)}`).toBe(200);
    const action = /<form method="post" action="([^"]+)"/u.exec(html)?.[1];
    if (!action) throw new Error(`no form on the provider's page ${current.pathname}`);
    return { kind: "page", html, action: new URL(action.replace(/&amp;/gu, "&"), current.href).href };
  }
  throw new Error("too many redirects at the provider");
}

async function submitAtProvider(visitor: Visitor, action: string, form: Record<string, string>): Promise<string> {
  const response = await browserRequest(visitor, action, { method: "POST", form, pageOrigin: new URL(action).origin });
  expect(response.status, `POST ${new URL(action).pathname}`).toBe(303);
  const step = await atProvider(visitor, locationOf(response, action).href);
  if (step.kind !== "callback") throw new Error("the provider did not send the browser back");
  return step.url;
}

/** Picks the person on the provider's page (a DEMO_EID_PERSONS key, or a staff e-mail). */
export function choosePerson(visitor: Visitor, page: ProviderStep, person: string): Promise<string> {
  if (page.kind !== "page") throw new Error("the provider showed no page to choose on");
  const listed = page.html.includes(`value="${person}"`);
  const form: Record<string, string> = listed ? { person } : { person: "annan", email: person };
  return submitAtProvider(visitor, page.action, form);
}

/** "Avbryt" on the provider's page. */
export function cancelAtProvider(visitor: Visitor, page: ProviderStep): Promise<string> {
  if (page.kind !== "page") throw new Error("the provider showed no page to cancel on");
  return submitAtProvider(visitor, `${page.action}/avbryt`, {});
}

/** The callback at the portal (the attempt cookie goes along unless withAttemptCookie is false). */
export function finishSignIn(visitor: Visitor, callbackUrl: string, options: { withAttemptCookie?: boolean } = {}): Promise<Response> {
  if (options.withAttemptCookie === false) {
    for (const name of browserOf(visitor).names()) if (name.startsWith("iop_oidc_")) browserOf(visitor).remove(name);
  }
  return browserRequest(visitor, callbackUrl);
}

/** Start, and expect the provider's person picker. */
export async function personPickerFor(visitor: Visitor, kind: IdentityKind, options: { redirectTo?: string } = {}): Promise<ProviderStep> {
  const step = await atProvider(visitor, await startSignIn(visitor, kind, options));
  expect(step.kind, "the provider asks who is signing in").toBe("page");
  return step;
}

/** A whole sign-in with an existing Visitor; the callback's response (302 home, or to /logga-in?meddelande=…). */
export async function signInAs(visitor: Visitor, kind: IdentityKind, person: string, options: { redirectTo?: string } = {}): Promise<Response> {
  const step = await atProvider(visitor, await startSignIn(visitor, kind, options));
  const callback = step.kind === "page" ? await choosePerson(visitor, step, person) : step.url;
  return finishSignIn(visitor, callback);
}

export async function signInWithStaffSso(portal: Portal, email: string, options: { redirectTo?: string } = {}): Promise<Visitor> {
  const visitor = portal.visitor();
  const response = await signInAs(visitor, "staff", email, options);
  expect(response.status).toBe(302);
  expect(response.headers.get("location"), "signed in, not refused").not.toMatch(/^\/logga-in/u);
  return visitor;
}

export async function signInWithEid(portal: Portal, personKey: string, options: { redirectTo?: string } = {}): Promise<Visitor> {
  const visitor = portal.visitor();
  const response = await signInAs(visitor, "eid", personKey, options);
  expect(response.status).toBe(302);
  return visitor;
}

/**
 * Logs out at the portal and, when the portal sends the browser on, confirms the provider's logout
 * too; the final response is the portal's page after logout (POST_LOGOUT_PATH or "/").
 */
export async function signOut(visitor: Visitor): Promise<{ location: string; viaProvider: boolean }> {
  const atPortal = (url: URL) => url.origin === new URL(visitor.origin).origin && !url.pathname.startsWith("/dev/");
  const response = await browserRequest(visitor, "/logga-ut", { method: "POST", pageOrigin: visitor.origin });
  expect(response.status).toBe(302);
  let location = locationOf(response, visitor.origin);
  const viaProvider = !atPortal(location);
  // At the provider: its confirmation page, then its own redirect back.
  for (let hop = 0; hop < 10 && !atPortal(location); hop++) {
    const page = await browserRequest(visitor, location.href);
    if (page.status >= 300 && page.status < 400) {
      location = locationOf(page, location.href);
      continue;
    }
    const html = await page.text();
    expect(page.status, html.slice(0, 300)).toBe(200);
    const action = /<form[^>]*action="([^"]+)"/u.exec(html)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/u.exec(html)?.[1];
    if (!action || !xsrf) throw new Error("no logout form at the provider");
    const confirmed = await browserRequest(visitor, new URL(action.replace(/&amp;/gu, "&"), location.href).href, {
      method: "POST",
      form: { xsrf, logout: "yes" },
      pageOrigin: location.origin,
    });
    expect(confirmed.status).toBe(303);
    location = locationOf(confirmed, location.href);
  }
  return { location: `${location.pathname}${location.search}`, viaProvider };
}
