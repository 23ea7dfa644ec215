/**
 * Förvaltning staff sign in with the city's SSO, here the real development provider at
 * /dev/stads-sso (server/dev-identity-provider.ts): the portal's login page, the provider's page,
 * the callback, the district's home. Logout ends both sessions.
 */
import http from "node:http";
import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { districts, sessions, users } from "../../db/schema";
import { createStaffUser } from "../../seed/factories";
import { setupPortal } from "../support/portal";
import { textOf } from "../support/visitor";
import { atProvider, cancelAtProvider, finishSignIn, personPickerFor, signInAs, signInWithStaffSso, signOut, startSignIn } from "../support/oidc";

const portal = setupPortal();

async function sessionOf(cookie: string) {
  const [row] = await portal.db.select().from(sessions).where(eq(sessions.id, cookie.split("=")[1] ?? ""));
  return row;
}

describe("signing in with the city's SSO", () => {
  it("offers both ways in above the password form", async () => {
    const html = textOf(await (await portal.visitor().get("/logga-in")).text());
    expect(html).toContain("Logga in med e-legitimation");
    expect(html).toContain("Logga in med stadens inloggning");
    expect(html).toContain("Lösenord");
    expect(html.indexOf("stadens inloggning")).toBeLessThan(html.indexOf("Lösenord"));
  });

  it("shows the staff members to choose from at the provider, in Swedish", async () => {
    const page = await personPickerFor(portal.visitor(), "staff");
    const text = textOf(page.kind === "page" ? page.html : "");
    expect(text).toContain("Logga in med stadens inloggning");
    expect(text).toContain("Hanna Handläggare, handlaggare@demo.example");
    expect(text).toContain("Avbryt");
  });

  it("lands a caseworker on their district's home, with a session that remembers the SSO", async () => {
    const visitor = await signInWithStaffSso(portal, "handlaggare@demo.example");
    const home = await visitor.get("/forvaltning/rk");
    expect(home.status).toBe(200);
    expect(textOf(await home.text())).toContain("Rinkeby-Kista");
    expect((await sessionOf(visitor.cookie))?.signInMethod).toBe("staff_sso");
  });

  it("lands where the person was going (redirectTo), if it is on the site", async () => {
    const visitor = portal.visitor();
    const response = await signInAs(visitor, "staff", "handlaggare@demo.example", { redirectTo: "/forvaltning/rk/arenden" });
    expect(response.headers.get("location")).toBe("/forvaltning/rk/arenden");
  });

  it("refuses an e-mail without a staff account, creating none", async () => {
    const before = await portal.db.select({ n: sql<number>`count(*)::int` }).from(users);
    const visitor = portal.visitor();
    const response = await signInAs(visitor, "staff", "okand.person@stad.example");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/logga-in?meddelande=stad-inget-konto");
    expect(visitor.cookie).toBe("");
    const page = textOf(await (await visitor.get(response.headers.get("location")!)).text());
    expect(page).toContain("har inget konto i IOP-portalen");
    expect(page).not.toContain("okand.person");
    const after = await portal.db.select({ n: sql<number>`count(*)::int` }).from(users);
    expect(after[0]!.n).toBe(before[0]!.n);
    const [row] = await portal.db.select().from(users).where(eq(users.email, "okand.person@stad.example"));
    expect(row).toBeUndefined();
  });

  it("signs in someone a district invited who never set a password, by the invited address", async () => {
    const admin = portal.visitor();
    expect((await admin.logIn("admin@demo.example")).status).toBe(302);
    const invited = await admin.post("/forvaltning/rk/personal", {
      intent: "invite",
      name: "Nadia Ny",
      email: "nadia.ny@stad.example",
      roles: "caseworker",
    });
    expect(invited.status).toBeLessThan(400);
    const [account] = await portal.db.select().from(users).where(eq(users.email, "nadia.ny@stad.example"));
    expect(account?.passwordHash).toBeNull();
    const visitor = portal.visitor();
    const response = await signInAs(visitor, "staff", "Nadia.Ny@stad.example");
    expect(response.headers.get("location")).toBe("/forvaltning/rk");
    expect((await visitor.get("/forvaltning/rk")).status).toBe(200);
  });

  it("refuses a deactivated staff member", async () => {
    const [district] = await portal.db.select().from(districts).where(eq(districts.code, "RK"));
    const user = await createStaffUser(portal.db, { districtId: district!.id, roles: ["caseworker"], email: "slutat@stad.example" });
    await portal.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    const response = await signInAs(portal.visitor(), "staff", "slutat@stad.example");
    expect(response.headers.get("location")).toBe("/logga-in?meddelande=stad-inget-konto");
  });

  it("refuses a förening member's e-mail: the SSO does not make anyone staff", async () => {
    const response = await signInAs(portal.visitor(), "staff", "forening@demo.example");
    expect(response.headers.get("location")).toBe("/logga-in?meddelande=stad-inget-konto");
  });

  it("says so when the person cancels at the provider", async () => {
    const visitor = portal.visitor();
    const page = await personPickerFor(visitor, "staff");
    const callback = await cancelAtProvider(visitor, page);
    expect(callback).toContain("error=access_denied");
    const response = await finishSignIn(visitor, callback);
    expect(response.headers.get("location")).toBe("/logga-in?meddelande=inloggning-avbruten");
    const text = textOf(await (await visitor.get("/logga-in?meddelande=inloggning-avbruten")).text());
    expect(text).toContain("Du avbröt inloggningen");
  });

  it("does not ask again while the provider's session lasts (single sign-on)", async () => {
    const visitor = await signInWithStaffSso(portal, "samordnare@demo.example");
    const step = await atProvider(visitor, await startSignIn(visitor, "staff"));
    expect(step.kind).toBe("callback");
    const response = await finishSignIn(visitor, step.kind === "callback" ? step.url : "");
    expect(response.headers.get("location")).toBe("/forvaltning/rk");
  });
});

describe("logging out", () => {
  it("ends the portal's session and the provider's: the next sign-in asks for the person again", async () => {
    const visitor = await signInWithStaffSso(portal, "handlaggare@demo.example");
    const oldCookie = visitor.cookie;
    const out = await signOut(visitor);
    expect(out.viaProvider).toBe(true);
    expect(out.location).toBe("/logga-in?meddelande=utloggad");
    expect(textOf(await (await visitor.get(out.location)).text())).toContain("Du är utloggad");
    expect(await sessionOf(oldCookie)).toBeUndefined();
    // The old cookie no longer signs anyone in.
    visitor.cookie = oldCookie;
    expect((await visitor.get("/forvaltning/rk")).headers.get("location")).toMatch(/^\/logga-in/);
    visitor.cookie = "";
    const step = await atProvider(visitor, await startSignIn(visitor, "staff"));
    expect(step.kind).toBe("page");
  });

  it("after a password login goes straight back to the start page", async () => {
    const visitor = portal.visitor();
    await visitor.logIn("handlaggare@demo.example");
    const out = await signOut(visitor);
    expect(out.viaProvider).toBe(false);
    expect(out.location).toBe("/");
  });
});

describe("the development provider itself", () => {
  function rawGet(path: string, headers: Record<string, string>): Promise<number> {
    const { port } = new URL(portal.server.origin);
    return new Promise((resolve, reject) => {
      const req = http.get({ host: "127.0.0.1", port, path, headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
    });
  }

  it("describes itself at the portal's origin, with PKCE and signed ID tokens", async () => {
    const response = await portal.visitor().get("/dev/stads-sso/.well-known/openid-configuration");
    expect(response.status).toBe(200);
    const metadata = (await response.json()) as Record<string, unknown>;
    expect(metadata.issuer).toBe(`${portal.server.origin}/dev/stads-sso`);
    expect(metadata.code_challenge_methods_supported).toEqual(["S256"]);
    expect(metadata.id_token_signing_alg_values_supported).toEqual(expect.arrayContaining(["RS256", "ES256"]));
    expect(metadata.end_session_endpoint).toBe(`${portal.server.origin}/dev/stads-sso/session/end`);
  });

  it("is not there for anyone but a visitor at this machine", async () => {
    const path = "/dev/stads-sso/.well-known/openid-configuration";
    expect(await rawGet(path, { host: new URL(portal.server.origin).host })).toBe(200);
    expect(await rawGet(path, { host: "iop.example.se" })).toBe(404);
    expect(await rawGet(path, { host: new URL(portal.server.origin).host, "x-forwarded-for": "203.0.113.9" })).toBe(404);
    expect(await rawGet("/dev/e-legitimation/.well-known/openid-configuration", { host: "iop.example.se" })).toBe(404);
  });

  it("answers an expired or unknown sign-in in Swedish, with the way back", async () => {
    const response = await portal.visitor().get("/dev/stads-sso/interaction/finns-inte");
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(textOf(html)).toContain("Inloggningen kunde inte genomföras");
    expect(html).toContain('href="/logga-in"');
  });

  it("steps aside when a real SSO is configured", async () => {
    process.env.STAFF_OIDC_ISSUER = "https://login.example.se/tenant/v2.0";
    try {
      expect((await portal.visitor().get("/dev/stads-sso/.well-known/openid-configuration")).status).toBe(404);
      expect((await portal.visitor().get("/dev/e-legitimation/.well-known/openid-configuration")).status).toBe(200);
    } finally {
      delete process.env.STAFF_OIDC_ISSUER;
    }
  });
});
