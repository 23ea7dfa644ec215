/**
 * FORENING_PASSWORD_LOGIN=false: a kommun with its e-ID broker turns passwords off for föreningar.
 * A förening's person cannot sign in, reset or register with a password and is pointed to
 * e-legitimation; staff sign in as before. The setting is read per request, so one server shows both.
 */
import { afterEach, describe, expect, it } from "vitest";
import { linkIn, setupPortal } from "../support/portal";
import { textOf } from "../support/visitor";

const portal = setupPortal();
const FORENING = "forening@demo.example";
const STAFF = "handlaggare@demo.example";
const POINTS_TO_EID = "Föreningar loggar in med e-legitimation (BankID eller Freja eID), inte med lösenord.";

const passwordsOff = () => (process.env.FORENING_PASSWORD_LOGIN = "false");
afterEach(() => delete process.env.FORENING_PASSWORD_LOGIN);

describe("with passwords off for föreningar", () => {
  it("a förening's person with the right password is refused and pointed to e-legitimation, with no session", async () => {
    passwordsOff();
    const visitor = portal.visitor();
    const response = await visitor.logIn(FORENING);
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain(POINTS_TO_EID);
    expect((await visitor.get("/forening")).headers.get("location")).toMatch(/^\/logga-in/);
  });

  it("a wrong password gets the usual answer: the refusal says nothing to someone without the password", async () => {
    passwordsOff();
    const response = await portal.visitor().logIn(FORENING, "fel lösenord helt och hållet");
    const text = textOf(await response.text());
    expect(text).toContain("Fel e-postadress eller lösenord");
    expect(text).not.toContain(POINTS_TO_EID);
  });

  it("staff sign in with their password as before", async () => {
    passwordsOff();
    const visitor = portal.visitor();
    expect((await visitor.logIn(STAFF)).status).toBe(302);
    expect((await visitor.get("/forvaltning/rk")).status).toBe(200);
  });

  it("a förening's person gets no reset link (the page answers as for anyone), staff do", async () => {
    passwordsOff();
    const before = await portal.lastEmailTo(FORENING);
    const page = await portal.visitor().post("/glomt-losenord", { email: FORENING });
    expect(textOf(await page.text())).toContain("Om det finns ett konto med den adressen");
    expect((await portal.lastEmailTo(FORENING))?.id).toBe(before?.id);
    await portal.visitor().post("/glomt-losenord", { email: STAFF });
    expect((await portal.lastEmailTo(STAFF))?.template).toBe("password_reset");
  });

  it("the reset page tells föreningar they have no password to reset", async () => {
    passwordsOff();
    expect(textOf(await (await portal.visitor().get("/glomt-losenord")).text())).toContain(
      "Företräder du en förening? Då loggar du in med e-legitimation",
    );
  });

  it("a reset link sent before passwords were turned off no longer sets one", async () => {
    await portal.visitor().post("/glomt-losenord", { email: "iogt@demo.example" });
    const link = linkIn((await portal.lastEmailTo("iogt@demo.example"))!.textBody, "/aterstall-losenord/");
    passwordsOff();
    expect(textOf(await (await portal.visitor().get(link)).text())).not.toContain("Välj ett nytt lösenord för ditt konto");
    const saved = await portal.visitor().post(link, { password: "ett nytt lösenord för ingrid" });
    expect(saved.status).toBe(400);
    expect((await portal.visitor().logIn("iogt@demo.example", "ett nytt lösenord för ingrid")).status).toBe(400);
  });

  it("a new förening registers with e-legitimation, not with a password", async () => {
    passwordsOff();
    const page = textOf(await (await portal.visitor().get("/registrera")).text());
    expect(page).toContain("Du registrerar föreningen med din e-legitimation");
    expect(page).not.toContain("Välj lösenord");
    const response = await portal.visitor().post("/registrera", {
      organisationName: "Lösenordsföreningen", organisationNumber: "802461-9168", organisationEmail: "info@losen.example",
      contactName: "Lo Sen", email: "lo@losen.example", password: "ett långt lösenord här",
    });
    expect(response.status).toBe(400);
    expect(await portal.lastEmailTo("lo@losen.example")).toBeUndefined();
  });
});

describe("an invitation from a förening with passwords off", () => {
  it("is answered with e-legitimation: no password to choose, and a posted one is refused", async () => {
    const contact = portal.visitor();
    expect((await contact.logIn(FORENING)).status).toBe(302);
    const fryshuset = portal.organisationIds.get("Fryshuset")!;
    const invited = await contact.post(`/forening/${fryshuset}/personer`, {
      intent: "invite", name: "Ny Person", email: "ny@inbjuden.example", roles: ["contact_person"],
    });
    expect(invited.status).toBe(302);
    const link = linkIn((await portal.lastEmailTo("ny@inbjuden.example"))!.textBody, "/forening-inbjudan/");
    passwordsOff();
    const html = await (await portal.visitor().get(link)).text();
    expect(html).not.toContain('type="password"');
    expect(textOf(html)).toContain("Tacka ja med e-legitimation");
    const posted = await portal.visitor().post(link, { password: "ett långt lösenord för ny" });
    expect(posted.status).toBe(400);
  });
});

describe("by default (the demo and the tests)", () => {
  it("a förening's person signs in with the password", async () => {
    expect((await portal.visitor().logIn(FORENING)).status).toBe(302);
  });
});
