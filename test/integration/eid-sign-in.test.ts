/**
 * A förening's people sign in with e-legitimation, through the real development provider
 * (/dev/e-legitimation): a linked identity lands on its own account, sees only its own föreningar's
 * cases, and the session says how the person proved who they are. An account made with a password
 * links one e-legitimation, once; an identity already linked to someone else is refused.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, ne } from "drizzle-orm";
import { accountEvents, cases, sessions, userIdentities, users } from "../../db/schema";
import { seedDemoCases } from "../../seed/demo-cases";
import { createOrganisationUser } from "../../seed/factories";
import { stockholmDate } from "../../app/utils/time";
import { setupPortal } from "../support/portal";
import { textOf, type Visitor } from "../support/visitor";
import { atProvider, browserRequest, cancelAtProvider, choosePerson, finishSignIn, signInAs, signInWithEid, startSignIn } from "../support/oidc";

const portal = setupPortal();
let fryshuset: string;

beforeAll(async () => {
  await seedDemoCases({ districtIds: portal.districtIds, organisationIds: portal.organisationIds }, stockholmDate(new Date()));
  fryshuset = portal.organisationIds.get("Fryshuset")!;
});

const page = async (visitor: Visitor, path: string) => {
  const response = await browserRequest(visitor, path);
  expect(response.status, `GET ${path}`).toBe(200);
  return textOf(await response.text());
};
const userIdOf = async (email: string) => (await portal.db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
const identityOf = async (userId: string) =>
  (await portal.db.select().from(userIdentities).where(eq(userIdentities.userId, userId)))[0];
const eventsOf = async (userId: string) => portal.db.select().from(accountEvents).where(eq(accountEvents.userId, userId));

/** A förening's person with a password and no e-legitimation, signed in with the password. */
async function passwordUser(email: string): Promise<{ visitor: Visitor; userId: string }> {
  const { user } = await createOrganisationUser(portal.db, { organisationId: fryshuset, email, name: "Lösen Ordsson" });
  const visitor = portal.visitor();
  expect((await visitor.logIn(email)).status).toBe(302);
  return { visitor, userId: user.id };
}

/** "Koppla e-legitimation" on Ditt konto, the person chosen at the provider: the callback's answer. */
async function linkAs(visitor: Visitor, personKey: string): Promise<Response> {
  const started = await browserRequest(visitor, "/konto", { method: "POST", form: { intent: "linkEid" } });
  expect(started.status).toBe(302);
  const step = await atProvider(visitor, started.headers.get("location")!);
  return finishSignIn(visitor, step.kind === "page" ? await choosePerson(visitor, step, personKey) : step.url);
}

describe("signing in with e-legitimation", () => {
  it("a linked person lands on their förening's page and sees only their own förening's cases", async () => {
    const visitor = portal.visitor();
    const response = await signInAs(visitor, "eid", "fatima");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/forening");
    const home = await page(visitor, "/forening");
    expect(home).toContain("Välkommen, Fatima Förening");
    expect(home).toContain("Fryshuset");
    expect(home).not.toContain("IOGT-NTO Spånga");

    const [own] = await portal.db.select({ id: cases.id }).from(cases).where(eq(cases.organisationId, fryshuset)).limit(1);
    const [others] = await portal.db.select({ id: cases.id }).from(cases).where(ne(cases.organisationId, fryshuset)).limit(1);
    expect((await browserRequest(visitor, `/forening/arenden/${own!.id}`)).status).toBe(200);
    expect((await browserRequest(visitor, `/forening/arenden/${others!.id}`)).status).toBe(404);
    expect((await browserRequest(visitor, "/forvaltning/rk")).status).toBe(403);
  });

  it("the session says how the person signed in: BankID for Fatima, Freja eID for Ingrid", async () => {
    const fatima = await signInWithEid(portal, "fatima");
    const account = await page(fatima, "/konto");
    expect(account).toContain("Inloggad med BankID");
    expect(account).toContain("Fatima Förening, 19850712-XXXX");
    expect(account).not.toContain("Koppla e-legitimation");

    const ingrid = await signInWithEid(portal, "ingrid");
    expect(await page(ingrid, "/konto")).toContain("Inloggad med Freja eID");
    const ingridId = await userIdOf("iogt@demo.example");
    const methods = (await portal.db.select({ method: sessions.signInMethod }).from(sessions).where(eq(sessions.userId, ingridId))).map((s) => s.method);
    expect(methods).toContain("freja");

    // Signing in with the password is a password session, shown as such.
    const byPassword = portal.visitor();
    expect((await byPassword.logIn("iogt@demo.example")).status).toBe(302);
    expect(await page(byPassword, "/konto")).toContain("Inloggad med lösenord (demo)");
  });

  it("each e-ID sign-in is in the account's history with the method and the masked personnummer only", async () => {
    const filipId = await userIdOf("firmatecknare@demo.example");
    const filip = await signInWithEid(portal, "filip");
    const events = await eventsOf(filipId);
    expect(events.at(-1)).toMatchObject({ kind: "signed_in_eid", signInMethod: "bankid", personalNumberMasked: "19920303-XXXX" });
    expect(await page(filip, "/konto")).toMatch(/\d{4}-\d\d-\d\d kl\. \d\d:\d\d: Loggade in med e-legitimation \(BankID\)/);
  });

  it("the history cannot be changed or removed", async () => {
    await expect(portal.db.update(accountEvents).set({ signInMethod: "password" })).rejects.toThrow();
    await expect(portal.db.delete(accountEvents)).rejects.toThrow();
    expect((await portal.db.select().from(accountEvents)).every((e) => e.signInMethod !== "password")).toBe(true);
  });

  it("goes back where the person was going, but never off the portal", async () => {
    const visitor = portal.visitor();
    const back = await signInAs(visitor, "eid", "fatima", { redirectTo: "/meddelanden" });
    expect(back.headers.get("location")).toBe("/meddelanden");
    const away = await signInAs(portal.visitor(), "eid", "fatima", { redirectTo: "//evil.example/" });
    expect(away.headers.get("location")).toBe("/forening");
  });

  it("refreshes the names from the broker (the hash stays the match)", async () => {
    const fatimaId = await userIdOf("forening@demo.example");
    await portal.db.update(userIdentities).set({ givenName: "Gammalt" }).where(eq(userIdentities.userId, fatimaId));
    await signInWithEid(portal, "fatima");
    expect((await identityOf(fatimaId))!.givenName).toBe("Fatima");
  });

  it("a cancelled sign-in or a callback opened twice signs no one in and says why", async () => {
    const visitor = portal.visitor();
    const step = await atProvider(visitor, await startSignIn(visitor, "eid"));
    if (step.kind !== "page") throw new Error("expected the person picker");
    const cancelled = await finishSignIn(visitor, await cancelAtProvider(visitor, step));
    expect(cancelled.headers.get("location")).toBe("/logga-in?meddelande=cancelled");
    expect(visitor.cookie).toBe("");

    const other = portal.visitor();
    const callback = await choosePerson(other, await atProvider(other, await startSignIn(other, "eid")), "fatima");
    expect((await finishSignIn(other, callback)).headers.get("location")).toBe("/forening");
    const again = portal.visitor();
    const replayed = await finishSignIn(again, callback);
    expect(replayed.headers.get("location")).toMatch(/^\/logga-in\?meddelande=/);
    expect(again.cookie).toBe("");
  });

  it("a disabled account is not signed in, and the person is told", async () => {
    const { user } = await createOrganisationUser(portal.db, { organisationId: fryshuset, email: "avstangd@test.example" });
    const visitor = portal.visitor();
    const linked = await linkAsNew(visitor, "avstangd@test.example", "olle");
    expect(linked).toBe(true);
    await portal.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    const response = await signInAs(portal.visitor(), "eid", "olle");
    expect(response.headers.get("location")).toBe("/logga-in/e-legitimation?meddelande=konto-avstangt");
    expect(textOf(await (await portal.visitor().get("/logga-in/e-legitimation?meddelande=konto-avstangt")).text())).toContain(
      "Kontot som hör till din e-legitimation är avstängt",
    );
    // Olle's identity stays with that account: back to normal for the linking tests below.
    await portal.db.update(users).set({ disabledAt: null }).where(eq(users.id, user.id));
    await portal.db.delete(userIdentities).where(eq(userIdentities.userId, user.id));
  });
});

/** Logs in with the password and links the person's e-ID; whether it was linked. */
async function linkAsNew(visitor: Visitor, email: string, personKey: string): Promise<boolean> {
  expect((await visitor.logIn(email)).status).toBe(302);
  const response = await linkAs(visitor, personKey);
  return response.headers.get("location") === "/konto?meddelande=kopplad";
}

describe("linking an e-legitimation to an account made with a password", () => {
  it("is offered on Ditt konto, links once, and from then on the person signs in with e-ID", async () => {
    const { visitor, userId } = await passwordUser("lankas@test.example");
    const before = await page(visitor, "/konto");
    expect(before).toContain("Inloggad med lösenord (demo)");
    expect(before).toContain("Koppla e-legitimation");

    const response = await linkAs(visitor, "olle");
    expect(response.headers.get("location")).toBe("/konto?meddelande=kopplad");
    const after = await page(visitor, "/konto?meddelande=kopplad");
    expect(after).toContain("Din e-legitimation är kopplad till kontot");
    expect(after).toContain("Olle Olsson, 19651230-XXXX");
    // The person just proved who they are with BankID: the session they go on with says so.
    expect(after).toContain("Inloggad med BankID");
    expect(after).not.toContain("Koppla e-legitimation");
    expect(await identityOf(userId)).toMatchObject({ personalNumberMasked: "19651230-XXXX", givenName: "Olle" });
    expect((await eventsOf(userId)).map((e) => e.kind)).toEqual(["identity_linked"]);

    const olle = portal.visitor();
    expect((await signInAs(olle, "eid", "olle")).headers.get("location")).toBe("/forening");
    expect(await page(olle, "/konto")).toContain("lankas@test.example");
  });

  it("cannot be linked again, to the same or another identity", async () => {
    const visitor = portal.visitor();
    expect((await visitor.logIn("lankas@test.example")).status).toBe(302);
    const again = await browserRequest(visitor, "/konto", { method: "POST", form: { intent: "linkEid" } });
    expect(again.headers.get("location")).toBe("/konto?meddelande=already-linked");
    expect(await page(visitor, "/konto?meddelande=already-linked")).toContain("Kontot har redan en e-legitimation kopplad");
    const userId = await userIdOf("lankas@test.example");
    expect((await identityOf(userId))!.givenName).toBe("Olle");
  });

  it("an identity that belongs to another account is refused and nothing changes", async () => {
    for (const [email, person] of [["tredje@test.example", "olle"], ["fjarde@test.example", "fatima"]] as const) {
      const { visitor, userId } = await passwordUser(email);
      const response = await linkAs(visitor, person);
      expect(response.headers.get("location"), person).toBe("/konto?meddelande=identity-taken");
      expect(await page(visitor, "/konto?meddelande=identity-taken")).toContain("hör redan till ett annat konto");
      expect(await identityOf(userId)).toBeUndefined();
      expect(await eventsOf(userId)).toEqual([]);
    }
  });

  it("a link begun by one user is not finished for nobody: after logging out it is an ordinary sign-in", async () => {
    const { visitor, userId } = await passwordUser("utloggad@test.example");
    const started = await browserRequest(visitor, "/konto", { method: "POST", form: { intent: "linkEid" } });
    const step = await atProvider(visitor, started.headers.get("location")!);
    await browserRequest(visitor, "/logga-ut", { method: "POST" });
    const callback = await choosePerson(visitor, step, "nora");
    const response = await finishSignIn(visitor, callback);
    expect(response.headers.get("location")).toBe("/registrera/e-legitimation");
    expect(await identityOf(userId)).toBeUndefined();
  });

  it("staff accounts are not linked to a förening's e-legitimation", async () => {
    const staff = portal.visitor();
    expect((await staff.logIn("handlaggare@demo.example")).status).toBe(302);
    expect(await page(staff, "/konto")).not.toContain("Koppla e-legitimation");
    expect((await browserRequest(staff, "/konto", { method: "POST", form: { intent: "linkEid" } })).status).toBe(403);
    const staffId = await userIdOf("handlaggare@demo.example");
    expect(await identityOf(staffId)).toBeUndefined();
    // No identity event (the staff sign-in's second factor writes its own, ADR 0027).
    const identityEvents = await portal.db
      .select()
      .from(accountEvents)
      .where(and(eq(accountEvents.userId, staffId), inArray(accountEvents.kind, ["registered_with_eid", "identity_linked", "signed_in_eid"])));
    expect(identityEvents).toEqual([]);
  });
});
