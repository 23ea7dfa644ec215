/**
 * Staff password sign-in needs a second factor (ADR 0027): the app set up at first sign-in from a QR
 * code or the secret typed by hand, a code at every later sign-in (each once), ten single-use
 * recovery codes, wrong codes throttled, an admin who sees who has it and resets it. Föreningar's
 * people are not asked.
 */
import { afterEach, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import QRCode from "qrcode";
import { accountEvents, sessions, staffRecoveryCodes, staffSecondFactors, users } from "../../db/schema";
import { createStaffUser, DEFAULT_TEST_PASSWORD } from "../../seed/factories";
import { MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS } from "../../app/auth/throttle.server";
import { otpauthUri, timeStep, totpCodeAt } from "../../app/auth/totp.server";
import { setupPortal } from "../support/portal";
import { signedIn } from "../support/signed-in";
import { recoveryCodesFromPage, secretFromSetUpPage, SECOND_FACTOR_PATHS } from "../support/second-factor";
import { fieldErrorOf, textOf, type Visitor } from "../support/visitor";

const portal = setupPortal();
const as = signedIn(portal, { admin: "admin@demo.example" });
const rk = () => portal.districtIds.get("RK")!;

const codeNow = (secret: string) => totpCodeAt(secret, timeStep(Date.now()));
const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]!);

/** A code that is none of the three the portal would take now. */
function wrongCode(secret: string) {
  const step = timeStep(Date.now());
  const taken = new Set([-1, 0, 1].map((d) => totpCodeAt(secret, step + d)));
  let code = "000000";
  while (taken.has(code)) code = String(Number(code) + 1).padStart(6, "0");
  return code;
}

/** The app's next code after the one last used: a later step, still inside the window the portal takes. */
function codeAfter(secret: string, lastStep: number) {
  return totpCodeAt(secret, Math.max(timeStep(Date.now()) - 1, lastStep + 1));
}

async function newStaff(name: string) {
  return createStaffUser(portal.db, { districtId: rk(), roles: ["caseworker"], name, email: `${name.toLowerCase().replace(/\s/g, ".")}@stad.example` });
}

/** First sign-in of a new member of staff, through the set-up page; the secret and recovery codes. */
async function setUp(visitor: Visitor, email: string) {
  const login = await visitor.post("/logga-in", { email, password: DEFAULT_TEST_PASSWORD });
  expect(login.headers.get("location")).toBe(SECOND_FACTOR_PATHS.setUp);
  const page = await visitor.get(SECOND_FACTOR_PATHS.setUp);
  const secret = secretFromSetUpPage(await page.text());
  const step = timeStep(Date.now());
  const confirmed = await visitor.post(SECOND_FACTOR_PATHS.setUp, { intent: "confirm", code: totpCodeAt(secret, step) });
  expect(confirmed.status).toBe(302);
  const shown = await fetch(`${portal.server.origin}${SECOND_FACTOR_PATHS.recoveryCodes}`, {
    redirect: "manual",
    headers: { cookie: cookiesOf(confirmed).join("; ") },
  });
  return { secret, step, recoveryCodes: recoveryCodesFromPage(await shown.text()) };
}

async function passwordStep(email: string) {
  const visitor = portal.visitor();
  const login = await visitor.post("/logga-in", { email, password: DEFAULT_TEST_PASSWORD });
  expect(login.headers.get("location")).toBe(SECOND_FACTOR_PATHS.code);
  return visitor;
}

describe("setting up the second factor at the first sign-in", () => {
  it("shows a QR code and the secret for typing, confirms with a code, then shows ten recovery codes once", async () => {
    const person = await newStaff("Sara Start");
    const visitor = portal.visitor();
    const login = await visitor.post("/logga-in", { email: person.email, password: DEFAULT_TEST_PASSWORD });
    expect(login.status).toBe(302);
    expect(login.headers.get("location")).toBe(SECOND_FACTOR_PATHS.setUp);
    expect(login.headers.get("set-cookie")).not.toMatch(/iop_session=/);

    const html = await (await visitor.get(SECOND_FACTOR_PATHS.setUp)).text();
    expect(textOf(html)).toContain("Ställ in tvåstegsverifiering");
    const secret = secretFromSetUpPage(html);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // The QR code is the otpauth address of exactly the secret shown for typing.
    const img = /<img[^>]*src="data:image\/svg\+xml;base64,([^"]+)"[^>]*alt="([^"]+)"/.exec(html);
    expect(img?.[2]).toContain("QR-kod som lägger till IOP-portalen");
    const expectedSvg = await QRCode.toString(otpauthUri(secret, person.email), { type: "svg", margin: 2, errorCorrectionLevel: "M" });
    expect(Buffer.from(img![1]!, "base64").toString("utf8")).toBe(expectedSvg);
    expect(otpauthUri(secret, person.email)).toMatch(/^otpauth:\/\/totp\/IOP-portalen:.*secret=/);
    // Reloading the page keeps the secret: the person may be halfway through scanning it.
    expect(secretFromSetUpPage(await (await visitor.get(SECOND_FACTOR_PATHS.setUp)).text())).toBe(secret);

    const wrong = await visitor.post(SECOND_FACTOR_PATHS.setUp, { intent: "confirm", code: wrongCode(secret) });
    expect(wrong.status).toBe(400);
    expect(fieldErrorOf(await wrong.text(), "code")).toBe("Koden stämmer inte. Skriv de sex siffrorna som appen visar just nu.");

    const confirmed = await visitor.post(SECOND_FACTOR_PATHS.setUp, { intent: "confirm", code: codeNow(secret) });
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("location")).toBe(SECOND_FACTOR_PATHS.recoveryCodes);
    const cookies = cookiesOf(confirmed).join("; ");
    const shown = await fetch(`${portal.server.origin}${SECOND_FACTOR_PATHS.recoveryCodes}`, { redirect: "manual", headers: { cookie: cookies } });
    const shownHtml = await shown.text();
    const codes = recoveryCodesFromPage(shownHtml);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(textOf(shownHtml)).toContain("Jag har sparat koderna – fortsätt");
    // Once: the page clears the cookie that carried them, and only their hashes are stored.
    expect(shown.headers.get("set-cookie")).toMatch(/iop_recovery_codes=;.*Max-Age=0/);
    const again = await visitor.get(SECOND_FACTOR_PATHS.recoveryCodes);
    expect(recoveryCodesFromPage(await again.text())).toEqual([]);
    const stored = await portal.db.select().from(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, person.id));
    expect(stored).toHaveLength(10);
    for (const code of codes) expect(stored.map((s) => s.codeHash).join(" ")).not.toContain(code.replace("-", ""));
    const [factor] = await portal.db.select().from(staffSecondFactors).where(eq(staffSecondFactors.userId, person.id));
    expect(factor?.confirmedAt).not.toBeNull();
    expect(factor?.secretCiphertext).not.toContain(secret);

    // Signed in by the confirmation, with the method on the session.
    expect((await visitor.get("/forvaltning/rk")).status).toBe(200);
    const [session] = await portal.db.select().from(sessions).where(eq(sessions.userId, person.id));
    expect(session?.signInMethod).toBe("password_totp");
    const events = await portal.db.select().from(accountEvents).where(eq(accountEvents.userId, person.id)).orderBy(accountEvents.id);
    expect(events.map((e) => e.kind)).toEqual(["second_factor_set_up"]);
  });
});

describe("signing in with the second factor", () => {
  it("gives no session for the password alone: the pending cookie opens no page", async () => {
    const person = await newStaff("Pia Paus");
    await setUp(portal.visitor(), person.email);
    const visitor = await passwordStep(person.email);
    for (const path of ["/forvaltning/rk", "/forvaltning", "/meddelanden", "/forening"]) {
      const response = await visitor.get(path);
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location"), path).toMatch(/^\/logga-in\?redirectTo=/);
    }
    const page = await visitor.get(SECOND_FACTOR_PATHS.code);
    expect(page.status).toBe(200);
    expect(textOf(await page.text())).toContain("Skriv koden från appen");
    // Without the pending cookie the second step is not open at all.
    const stranger = await portal.visitor().get(SECOND_FACTOR_PATHS.code);
    expect(stranger.headers.get("location")).toBe("/logga-in?meddelande=inloggning-avbruten");
    const forged = portal.visitor();
    forged.cookie = "iop_second_factor=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    expect((await forged.post(SECOND_FACTOR_PATHS.code, { intent: "code", code: "123456" })).headers.get("location")).toBe(
      "/logga-in?meddelande=inloggning-avbruten",
    );
  });

  it("asks for the code, refuses a wrong one at the field, lets the right one in, and refuses it a second time", async () => {
    const person = await newStaff("Kim Kod");
    const { secret, step } = await setUp(portal.visitor(), person.email);

    const visitor = await passwordStep(person.email);
    const wrong = await visitor.post(SECOND_FACTOR_PATHS.code, { intent: "code", code: wrongCode(secret) });
    expect(wrong.status).toBe(400);
    const wrongHtml = await wrong.text();
    expect(fieldErrorOf(wrongHtml, "code")).toContain("Koden stämmer inte.");
    expect(wrongHtml).toContain('aria-invalid="true"');

    const code = codeAfter(secret, step);
    const right = await visitor.post(SECOND_FACTOR_PATHS.code, { intent: "code", code });
    expect(right.status).toBe(302);
    expect(right.headers.get("location")).toBe("/forvaltning/rk");
    expect((await visitor.get("/forvaltning/rk")).status).toBe(200);

    // Someone who saw the code over the shoulder, with the password too, cannot use it again.
    const replay = await passwordStep(person.email);
    const replayed = await replay.post(SECOND_FACTOR_PATHS.code, { intent: "code", code });
    expect(replayed.status).toBe(400);
    expect(fieldErrorOf(await replayed.text(), "code")).toBe("Koden har redan använts. Vänta tills appen visar en ny kod och skriv den.");
    expect((await replay.get("/forvaltning/rk")).status).toBe(302);
  });

  it("keeps where the person was going through the second step", async () => {
    const person = await newStaff("Rut Riktning");
    const { secret, step } = await setUp(portal.visitor(), person.email);
    const visitor = portal.visitor();
    await visitor.post("/logga-in", { email: person.email, password: DEFAULT_TEST_PASSWORD, redirectTo: "/forvaltning/rk/arenden" });
    const right = await visitor.post(SECOND_FACTOR_PATHS.code, { intent: "code", code: codeAfter(secret, step) });
    expect(right.headers.get("location")).toBe("/forvaltning/rk/arenden");
  });

  it("pauses the second step after repeated wrong codes, even for the right code and a new password sign-in", async () => {
    const person = await newStaff("Gissa Gustavsson");
    const { secret, step } = await setUp(portal.visitor(), person.email);
    const visitor = await passwordStep(person.email);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
      expect((await visitor.post(SECOND_FACTOR_PATHS.code, { intent: "code", code: wrongCode(secret) })).status).toBe(400);
    }
    const paused = await visitor.post(SECOND_FACTOR_PATHS.code, { intent: "code", code: codeAfter(secret, step) });
    expect(paused.status).toBe(400);
    expect(fieldErrorOf(await paused.text(), "code")).toBe("För många felaktiga koder. Vänta 15 minuter och försök igen.");
    // The right password again does not wipe the count of wrong codes.
    const again = await passwordStep(person.email);
    const stillPaused = await again.post(SECOND_FACTOR_PATHS.code, { intent: "code", code: codeAfter(secret, step) });
    expect(fieldErrorOf(await stillPaused.text(), "code")).toContain("För många felaktiga koder");
    expect((await again.get("/forvaltning/rk")).status).toBe(302);
  });

  it("takes a recovery code instead of the app's, once", async () => {
    const person = await newStaff("Rolf Reserv");
    const { recoveryCodes } = await setUp(portal.visitor(), person.email);
    const [first] = recoveryCodes;
    const visitor = await passwordStep(person.email);
    // Typed as people type it: capitals and a space instead of the dash.
    const used = await visitor.post(SECOND_FACTOR_PATHS.code, { intent: "code", code: first!.toUpperCase().replace("-", " ") });
    expect(used.status).toBe(302);
    expect((await visitor.get("/forvaltning/rk")).status).toBe(200);

    const twice = await passwordStep(person.email);
    const refused = await twice.post(SECOND_FACTOR_PATHS.code, { intent: "code", code: first! });
    expect(refused.status).toBe(400);
    expect(fieldErrorOf(await refused.text(), "code")).toContain("Koden stämmer inte.");
    const left = await portal.db
      .select()
      .from(staffRecoveryCodes)
      .where(and(eq(staffRecoveryCodes.userId, person.id), isNull(staffRecoveryCodes.usedAt)));
    expect(left).toHaveLength(9);
  });

  it("does not ask a förening's person for a second factor", async () => {
    const visitor = portal.visitor();
    const login = await visitor.post("/logga-in", { email: "forening@demo.example", password: DEFAULT_TEST_PASSWORD });
    expect(login.headers.get("location")).toBe("/forening");
    expect((await visitor.get("/forening")).status).toBe(200);
    const [user] = await portal.db.select().from(users).where(eq(users.email, "forening@demo.example"));
    expect(await portal.db.select().from(staffSecondFactors).where(eq(staffSecondFactors.userId, user!.id))).toEqual([]);
  });
});

describe("the admin and the second factor", () => {
  it("shows who has set it up, resets it with an e-mail to the person, who then sets it up again", async () => {
    const person = await newStaff("Tove Tappad");
    const notYet = await newStaff("Ulf Utan");
    const phone = portal.visitor();
    const { secret } = await setUp(phone, person.email);
    expect((await phone.get("/forvaltning/rk")).status).toBe(200);

    const page = await (await as.admin.get("/forvaltning/rk/personal")).text();
    const rowOf = (html: string, name: string) => textOf((html.split("<tr").find((r) => r.includes(name)) ?? "").split("</tr>")[0]!);
    expect(rowOf(page, "Tove Tappad")).toContain("Inställd");
    expect(rowOf(page, "Ulf Utan")).toContain("Inte inställd");
    expect(textOf(page)).toContain("Återställ tvåstegsverifiering för Tove Tappad");
    expect(textOf(page)).not.toContain("Återställ tvåstegsverifiering för Ulf Utan");
    expect(notYet.id).toBeDefined();

    const reset = await as.admin.post("/forvaltning/rk/personal", { intent: "reset-second-factor", userId: person.id });
    expect(reset.status).toBe(200);
    expect(textOf(await reset.text())).toContain("Tvåstegsverifieringen för Tove Tappad är återställd.");
    const mail = await portal.lastEmailTo(person.email);
    expect(mail?.template).toBe("second_factor_reset");
    expect(mail?.subject).toBe("Din tvåstegsverifiering är återställd – IOP-portalen");
    expect(mail?.textBody).toContain("ställa in tvåstegsverifieringen igen");
    const events = await portal.db.select().from(accountEvents).where(eq(accountEvents.userId, person.id)).orderBy(accountEvents.id);
    expect(events.map((e) => e.kind)).toEqual(["second_factor_set_up", "second_factor_reset"]);
    const [admin] = await portal.db.select().from(users).where(eq(users.email, "admin@demo.example"));
    expect(events[1]!.actorUserId).toBe(admin!.id);
    // The person's sessions end (the phone may be in someone else's hands), and the old codes are gone.
    expect((await phone.get("/forvaltning/rk")).status).toBe(302);
    expect(textOf(await (await as.admin.get("/forvaltning/rk/personal")).text())).not.toContain("Återställ tvåstegsverifiering för Tove Tappad");

    const next = await portal.visitor().post("/logga-in", { email: person.email, password: DEFAULT_TEST_PASSWORD });
    expect(next.headers.get("location")).toBe(SECOND_FACTOR_PATHS.setUp);
    const { secret: fresh } = await setUp(portal.visitor(), person.email);
    expect(fresh).not.toBe(secret);
  });

  it("does not let an admin reset their own second factor", async () => {
    const [admin] = await portal.db.select().from(users).where(eq(users.email, "admin@demo.example"));
    const response = await as.admin.post("/forvaltning/rk/personal", { intent: "reset-second-factor", userId: admin!.id });
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain("Du kan inte återställa din egen tvåstegsverifiering.");
  });
});

describe("where the city's SSO is configured", () => {
  const saved = { issuer: process.env.STAFF_OIDC_ISSUER, passwords: process.env.STAFF_PASSWORD_LOGIN };
  afterEach(() => {
    for (const [name, value] of [["STAFF_OIDC_ISSUER", saved.issuer], ["STAFF_PASSWORD_LOGIN", saved.passwords]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it("refuses staff passwords when STAFF_PASSWORD_LOGIN=false, and still lets föreningar in", async () => {
    process.env.STAFF_OIDC_ISSUER = "https://sso.stad.example";
    process.env.STAFF_PASSWORD_LOGIN = "false";
    const refused = await portal.visitor().post("/logga-in", { email: "handlaggare@demo.example", password: DEFAULT_TEST_PASSWORD });
    expect(refused.status).toBe(400);
    expect(textOf(await refused.text())).toContain("Personal i förvaltningen loggar in med stadens inloggning.");
    expect(refused.headers.get("set-cookie")).toBeNull();
    const association = await portal.visitor().post("/logga-in", { email: "forening@demo.example", password: DEFAULT_TEST_PASSWORD });
    expect(association.headers.get("location")).toBe("/forening");
  });

  it("keeps staff passwords, with the second factor, unless they are turned off", async () => {
    process.env.STAFF_OIDC_ISSUER = "https://sso.stad.example";
    delete process.env.STAFF_PASSWORD_LOGIN;
    const login = await portal.visitor().post("/logga-in", { email: "samordnare@demo.example", password: DEFAULT_TEST_PASSWORD });
    expect([SECOND_FACTOR_PATHS.setUp, SECOND_FACTOR_PATHS.code]).toContain(login.headers.get("location"));
  });
});
