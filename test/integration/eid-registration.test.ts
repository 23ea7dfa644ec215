/**
 * A person whose e-legitimation has no account registers a förening with it, through the real
 * development provider: the verified identity waits in a sealed cookie (not in the address), the
 * form makes the account without a password, and the person is signed in. The personnummer is in
 * no table and no log line, only its keyed hash and the masked form.
 */
import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { accountEvents, organisationMemberships, userIdentities, users } from "../../db/schema";
import { linkIn, setupPortal } from "../support/portal";
import { fieldErrorOf, textOf, type Visitor } from "../support/visitor";
import { captureOutput } from "../support/output";
import { atProvider, browserOf, browserRequest, choosePerson, finishSignIn, signInAs } from "../support/oidc";

const portal = setupPortal();
const NORA = "200001010156";
const REGISTRATION = "/registrera/e-legitimation";

const form = (fields: Partial<Record<string, string>> = {}) => ({
  intent: "register",
  organisationName: "Noras Läsecirkel",
  organisationNumber: "802478-8542",
  organisationEmail: "info@lasecirkel.example",
  email: "nora@lasecirkel.example",
  ...fields,
});

/** Nora at the portal after the broker: on the registration form. */
async function noraAtRegistration(): Promise<{ visitor: Visitor; response: Response }> {
  const visitor = portal.visitor();
  const response = await signInAs(visitor, "eid", "nora");
  return { visitor, response };
}

/** Every row of every table, as text. */
async function wholeDatabase(): Promise<string> {
  const tables = (await portal.db.execute(sql`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'`)) as unknown as { rows?: { name: string }[] } & { name: string }[];
  const selects = (tables.rows ?? tables).map((t) => `select '${t.name}' || ':' || coalesce(string_agg(r::text, '|'), '') as dump from "${t.name}" r`);
  const result = (await portal.db.execute(sql.raw(selects.join(" union all ")))) as unknown as { rows?: { dump: string }[] } & { dump: string }[];
  return (result.rows ?? result).map((r) => r.dump).join("\n");
}

/** The ways the personnummer could be written. */
const WRITTEN = [NORA, NORA.slice(2), `${NORA.slice(0, 8)}-${NORA.slice(8)}`, `${NORA.slice(2, 8)}-${NORA.slice(8)}`];

describe("registering with e-legitimation", () => {
  it("an identity with no account goes to the registration form, carrying nothing in the address", async () => {
    const { visitor, response } = await noraAtRegistration();
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(REGISTRATION);
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith("iop_eid_registration="))!;
    expect(setCookie).toContain(`Path=${REGISTRATION}`);
    expect(setCookie).toContain("Max-Age=900");
    expect(setCookie).toContain("HttpOnly");
    for (const written of [...WRITTEN, "Nora", "20000101"]) expect(setCookie).not.toContain(written);
    expect(visitor.cookie, "not signed in yet").toBe("");

    const html = await (await browserRequest(visitor, REGISTRATION)).text();
    expect(html, "no password to choose").not.toContain('type="password"');
    const page = textOf(html);
    expect(page).toContain("Nora Nyström");
    expect(page).toContain("20000101-XXXX");
    expect(page).toContain("Freja eID");
    expect(page).toContain("Har du redan ett konto med lösenord? Logga in med lösenordet och koppla e-legitimationen");
  });

  it("without a fresh e-ID sign-in there is no form: the person is asked to sign in again", async () => {
    const response = await portal.visitor().get(REGISTRATION);
    expect(response.headers.get("location")).toBe("/logga-in/e-legitimation?meddelande=registrering-utgangen");
    const forged = await fetch(`${portal.server.origin}${REGISTRATION}`, {
      redirect: "manual",
      headers: { cookie: "iop_eid_registration=eyJwZXJzb25hbE51bWJlckhhc2giOiJ4In0" },
    });
    expect(forged.headers.get("location")).toMatch(/registrering-utgangen$/);
    const posted = await portal.visitor().post(REGISTRATION, form());
    expect(posted.headers.get("location")).toMatch(/registrering-utgangen$/);
    const page = textOf(await (await portal.visitor().get("/logga-in/e-legitimation?meddelande=registrering-utgangen")).text());
    expect(page).toContain("Det tog för lång tid att registrera");
  });

  it("the form checks its fields like the password registration, and refuses a taken förening or address", async () => {
    const { visitor } = await noraAtRegistration();
    const empty = await browserRequest(visitor, REGISTRATION, { method: "POST", form: form({ organisationName: "", email: "inte-en-adress" }) });
    expect(empty.status).toBe(400);
    const html = await empty.text();
    expect(fieldErrorOf(html, "organisationName")).toBe("Skriv föreningens namn.");
    expect(fieldErrorOf(html, "email")).toBe("Skriv en e-postadress i formatet namn@exempel.se.");

    // Fryshuset's number (seed): already registered.
    const takenOrganisation = await browserRequest(visitor, REGISTRATION, { method: "POST", form: form({ organisationNumber: "899900-0303" }) });
    expect(takenOrganisation.status).toBe(400);
    expect(fieldErrorOf(await takenOrganisation.text(), "organisationNumber")).toContain("redan registrerad");
    const takenAddress = await browserRequest(visitor, REGISTRATION, { method: "POST", form: form({ email: "forening@demo.example" }) });
    expect(takenAddress.status).toBe(400);
    expect(fieldErrorOf(await takenAddress.text(), "email")).toContain("Logga in med lösenordet och koppla e-legitimationen");
    expect(await portal.db.select().from(userIdentities).where(eq(userIdentities.personalNumberMasked, "20000101-XXXX"))).toEqual([]);
  });

  it("makes the account without a password, with the identity linked, signs the person in, and keeps the personnummer out of every table and log line", async () => {
    let visitor!: Visitor;
    const output = await captureOutput(async () => {
      const previous = process.env.LOG_REQUESTS;
      process.env.LOG_REQUESTS = "true";
      try {
        ({ visitor } = await noraAtRegistration());
        const response = await browserRequest(visitor, REGISTRATION, { method: "POST", form: form() });
        expect(response.status).toBe(302);
        expect(response.headers.get("location")).toBe("/forening");
      } finally {
        process.env.LOG_REQUESTS = previous;
      }
    });
    expect(browserOf(visitor).get("iop_eid_registration"), "the pending identity is cleared").toBeUndefined();
    const home = textOf(await (await browserRequest(visitor, "/forening")).text());
    expect(home).toContain("Välkommen, Nora Nyström");
    expect(home).toContain("Noras Läsecirkel");
    expect(textOf(await (await browserRequest(visitor, "/konto")).text())).toContain("Inloggad med Freja eID");

    const [user] = await portal.db.select().from(users).where(eq(users.email, "nora@lasecirkel.example"));
    expect(user).toMatchObject({ name: "Nora Nyström", passwordHash: null });
    const [membership] = await portal.db.select().from(organisationMemberships).where(eq(organisationMemberships.userId, user!.id));
    expect(membership).toMatchObject({ role: "contact_person" });
    expect(membership!.acceptedAt).not.toBeNull();
    const [identity] = await portal.db.select().from(userIdentities).where(eq(userIdentities.userId, user!.id));
    expect(identity).toMatchObject({ personalNumberMasked: "20000101-XXXX", givenName: "Nora", familyName: "Nyström" });
    expect(identity!.personalNumberHash).toMatch(/^[0-9a-f]{64}$/);
    const events = await portal.db.select().from(accountEvents).where(eq(accountEvents.userId, user!.id));
    expect(events.map((e) => [e.kind, e.signInMethod, e.personalNumberMasked])).toEqual([["registered_with_eid", "freja", "20000101-XXXX"]]);
    expect((await portal.lastEmailTo("nora@lasecirkel.example"))?.template).toBe("eid_registration");

    const everything = await wholeDatabase();
    expect(everything).toContain("20000101-XXXX");
    for (const written of WRITTEN) {
      expect(everything, `the database holds ${written}`).not.toContain(written);
      expect(output, `the log holds ${written}`).not.toContain(written);
    }
    expect(output).toContain("eid callback outcome=no-account");
  });

  it("next time Nora signs in with e-ID straight to her förening", async () => {
    const visitor = portal.visitor();
    const response = await signInAs(visitor, "eid", "nora");
    expect(response.headers.get("location")).toBe("/forening");
    expect(textOf(await (await browserRequest(visitor, "/forening")).text())).toContain("Noras Läsecirkel");
  });
});

describe("answering a förening's invitation with e-legitimation", () => {
  it("links the identity to the invited account, accepts the roles and signs the person in; the link is then spent", async () => {
    const fatima = portal.visitor();
    expect((await fatima.logIn("forening@demo.example")).status).toBe(302);
    const fryshuset = portal.organisationIds.get("Fryshuset")!;
    const invited = await fatima.post(`/forening/${fryshuset}/personer`, {
      intent: "invite", name: "Olle Olsson", email: "olle@inbjuden.example", roles: ["contact_person"],
    });
    expect(invited.status).toBe(302);
    const link = linkIn((await portal.lastEmailTo("olle@inbjuden.example"))!.textBody, "/forening-inbjudan/");

    const olle = portal.visitor();
    expect(textOf(await (await browserRequest(olle, link)).text())).toContain("Tacka ja med e-legitimation");
    const started = await browserRequest(olle, link, { method: "POST", form: { intent: "eid" } });
    expect(started.status).toBe(302);
    const step = await atProvider(olle, started.headers.get("location")!);
    const response = await finishSignIn(olle, step.kind === "page" ? await choosePerson(olle, step, "olle") : step.url);
    expect(response.headers.get("location")).toBe("/forening");
    expect(textOf(await (await browserRequest(olle, "/forening")).text())).toContain("Fryshuset");
    const account = textOf(await (await browserRequest(olle, "/konto")).text());
    expect(account).toContain("Inloggad med BankID");
    expect(account).toContain("Olle Olsson, 19651230-XXXX");
    expect(account).toContain("olle@inbjuden.example");

    const [user] = await portal.db.select().from(users).where(eq(users.email, "olle@inbjuden.example"));
    expect(user!.passwordHash).toBeNull();
    expect(user!.emailVerifiedAt).not.toBeNull();
    const [membership] = await portal.db.select().from(organisationMemberships).where(eq(organisationMemberships.userId, user!.id));
    expect(membership!.acceptedAt).not.toBeNull();
    expect(textOf(await (await portal.visitor().get(link)).text())).toContain("Länken fungerar inte");
    // From now on Olle signs in with e-ID, into the invited account.
    expect((await signInAs(portal.visitor(), "eid", "olle")).headers.get("location")).toBe("/forening");
  });
});
