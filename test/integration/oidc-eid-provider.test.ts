/**
 * The development e-legitimation provider (/dev/e-legitimation) as the föreningar meet it: the
 * demo persons with personnummer and BankID or Freja, an ID token the portal verifies, and a
 * fresh choice at every sign-in (as BankID asks every time).
 */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { sessions } from "../../db/schema";
import { setupPortal } from "../support/portal";
import { textOf } from "../support/visitor";
import { atProvider, personPickerFor, signInWithEid, signOut, startSignIn } from "../support/oidc";

// The demo persons are linked to their accounts by this key (seed), before the sign-in looks them up.
process.env.PERSONAL_NUMBER_HASH_SECRET ??= "test-personal-number-hash-key";
const portal = setupPortal();

async function methodOf(cookie: string) {
  const [row] = await portal.db.select().from(sessions).where(eq(sessions.id, cookie.split("=")[1] ?? ""));
  return row?.signInMethod;
}

describe("the development e-legitimation", () => {
  it("lists the demo persons with personnummer and their e-legitimation, in Swedish", async () => {
    const page = await personPickerFor(portal.visitor(), "eid");
    const text = textOf(page.kind === "page" ? page.html : "");
    expect(text).toContain("Legitimera dig med e-legitimation");
    expect(text).toContain("Fatima Förening, 19850712-9297, BankID");
    expect(text).toContain("Ingrid Spånga, 19781124-0402, Freja eID");
    expect(text).toContain("Testinloggning");
  });

  it("signs a linked person in with the method the broker names", async () => {
    const fatima = await signInWithEid(portal, "fatima");
    expect((await fatima.get("/forening")).status).toBe(200);
    expect(await methodOf(fatima.cookie)).toBe("bankid");
    const ingrid = await signInWithEid(portal, "ingrid");
    expect(await methodOf(ingrid.cookie)).toBe("freja");
  });

  it("asks who it is at every sign-in, also in a browser that just signed in", async () => {
    const visitor = await signInWithEid(portal, "filip");
    const step = await atProvider(visitor, await startSignIn(visitor, "eid"));
    expect(step.kind).toBe("page");
  });

  it("logs out at the broker too, and the old session cookie no longer works", async () => {
    const visitor = await signInWithEid(portal, "fatima");
    const oldCookie = visitor.cookie;
    const out = await signOut(visitor);
    expect(out.viaProvider).toBe(true);
    expect(out.location).toBe("/logga-in?meddelande=utloggad");
    visitor.cookie = oldCookie;
    expect((await visitor.get("/forening")).headers.get("location")).toMatch(/^\/logga-in/);
  });
});
