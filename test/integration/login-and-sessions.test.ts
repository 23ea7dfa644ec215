import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { sessions, users } from "../../db/schema";
import { createUser } from "../../seed/factories";
import { MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS } from "../../app/auth/throttle.server";
import { setupPortal } from "../support/portal";
import { textOf } from "../support/visitor";

const portal = setupPortal();

async function sessionRowOf(cookie: string) {
  const id = cookie.split("=")[1]!;
  const [row] = await portal.db.select().from(sessions).where(eq(sessions.id, id));
  return row;
}

describe("login", () => {
  it("refuses a wrong password without saying whether the account exists", async () => {
    const wrongPassword = await portal.visitor().logIn("handlaggare@demo.example", "fel lösenord här");
    const unknownAccount = await portal.visitor().logIn("finns-inte@demo.example", "fel lösenord här");
    expect(wrongPassword.status).toBe(400);
    const message = "Fel e-postadress eller lösenord.";
    expect(textOf(await wrongPassword.text())).toContain(message);
    expect(textOf(await unknownAccount.text())).toContain(message);
  });

  it("pauses an account at the address that keeps failing, even for the right password, with a clear message", async () => {
    const user = await createUser(portal.db, { email: "throttled@test.example" });
    const visitor = portal.visitor();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
      expect((await visitor.logIn(user.email, "inte rätt lösenord")).status).toBe(400);
    }
    const blocked = await visitor.logIn(user.email);
    expect(blocked.status).toBe(400);
    expect(textOf(await blocked.text())).toContain("För många misslyckade inloggningsförsök. Vänta 15 minuter");
    // Another account from the same address is not locked out by this one's failures.
    expect((await visitor.logIn("samordnare@demo.example")).status).toBe(302);
  });

  it("gives a new session id at every login, as an HttpOnly SameSite=Lax cookie", async () => {
    const first = portal.visitor();
    const response = await first.logIn("samordnare@demo.example");
    const header = response.headers.get("set-cookie")!;
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    const second = portal.visitor();
    await second.logIn("samordnare@demo.example");
    expect(first.cookie).not.toBe(second.cookie);
  });

  it("sends a logged-in visitor away from the login page to their home page", async () => {
    const visitor = portal.visitor();
    await visitor.logIn("forening@demo.example");
    const response = await visitor.get("/logga-in");
    expect(response.headers.get("location")).toBe("/forening");
  });

  it("only follows a redirectTo that stays on the site", async () => {
    const visitor = portal.visitor();
    const response = await visitor.post("/logga-in", {
      email: "forening@demo.example",
      password: "Demo-losenord-2026",
      redirectTo: "//evil.example/phish",
    });
    expect(response.headers.get("location")).toBe("/forening");
  });
});

describe("sessions", () => {
  it("refuses the cookie of a logged-out session", async () => {
    const visitor = portal.visitor();
    await visitor.logIn("handlaggare@demo.example");
    const cookie = visitor.cookie;
    expect((await visitor.get("/forvaltning/rk")).status).toBe(200);
    await visitor.post("/logga-ut", {});
    visitor.cookie = cookie; // an attacker replaying the old cookie
    const response = await visitor.get("/forvaltning/rk");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/logga-in?redirectTo=%2Fforvaltning%2Frk");
  });

  it("refuses a session past its idle timeout", async () => {
    const visitor = portal.visitor();
    await visitor.logIn("handlaggare@demo.example");
    const row = await sessionRowOf(visitor.cookie);
    await portal.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.id, row!.id));
    expect((await visitor.get("/forvaltning/rk")).status).toBe(302);
  });

  it("refuses a session past its absolute lifetime even while it is in use", async () => {
    const visitor = portal.visitor();
    await visitor.logIn("handlaggare@demo.example");
    const row = await sessionRowOf(visitor.cookie);
    await portal.db
      .update(sessions)
      .set({ createdAt: new Date(Date.now() - 13 * 3_600_000) })
      .where(eq(sessions.id, row!.id));
    expect((await visitor.get("/forvaltning/rk")).status).toBe(302);
    expect(await sessionRowOf(visitor.cookie)).toBeUndefined();
  });

  it("refuses a disabled account's existing session", async () => {
    const user = await createUser(portal.db, { email: "leaver@test.example" });
    const { addDistrictRoles } = await import("../../seed/factories");
    await addDistrictRoles(portal.db, user.id, portal.districtIds.get("RK")!, ["caseworker"]);
    const visitor = portal.visitor();
    await visitor.logIn(user.email);
    expect((await visitor.get("/forvaltning/rk")).status).toBe(200);
    await portal.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect((await visitor.get("/forvaltning/rk")).status).toBe(302);
  });
});
