/**
 * One förening's whole way through the portal in Chromium at phone width, as its volunteer meets it:
 * register the förening, confirm the address from the e-mail, write the application over several
 * sittings, send it in, answer a komplettering, take the firmatecknare role and sign the agreement,
 * report on the first year and send in the final report; the nämnd decides to renegotiate, and the
 * förening goes from the old case to the new one, finds its application carried over and sends it in.
 * The förvaltning's steps in between run server-side with the real use cases and runtime on the same
 * database as the in-process server. axe checks every page the person sees, and the test fails if one
 * went unchecked.
 *
 * Then the same journey with JavaScript off: the application up to the receipt in the browser, the
 * partnership server-side, and the renegotiated case's application in the browser again.
 *
 * Every date is counted from today, so the journey passes in any year.
 */
import { currentAgreementVersion } from "../../app/signing/versions.server";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { and, eq } from "drizzle-orm";
import { cases, emailOutbox, organisationVerifications, sessions, userIdentities, users } from "../../db/schema";
import { loadUser } from "../../app/auth/current-user.server";
import { loadCaseRow } from "../../app/cases/access.server";
import { userActor } from "../../app/cases/case-roles";
import { transitionCase, type CaseActor, type CaseCommand } from "../../app/cases/transition.server";
import { saveStatement, submitStatement } from "../../app/administration/statements.server";
import {
  loadAgreementDraft,
  saveAgreementDraft,
  sendAgreementForSigning,
  signAgreementForDistrict,
} from "../../app/partnership/agreement.server";
import { approveReport } from "../../app/partnership/follow-up.server";
import { decideVerification, requestVerification } from "../../app/organisations/verification.server";
import { maskedPersonalNumber, personalNumberHash } from "../../app/auth/personnummer.server";
import { withCheckDigit } from "../../app/domain/organisation-number";
import { stockholmDate } from "../../app/utils/time";
import { hasChromium, launchBrowser } from "../support/browser";
import { applicationPeriod, dayBefore, firstOfMonth } from "../support/dates";
import { linkIn, setupPortal } from "../support/portal";
import {
  AxeTour,
  PHONE,
  button,
  field,
  fillFirstSteps,
  finishSteps,
  logIn,
  noHorizontalScroll,
  register,
  startApplication,
  waitForHeading,
  type Registration,
} from "../support/forening-journey";

// The in-process server stores uploads here, not in the working copy's data/.
const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-browser-uploads-"));
process.env.UPLOAD_DIR = uploadDir;
afterAll(() => fs.rmSync(uploadDir, { recursive: true, force: true }));

const portal = setupPortal();

/** Fictitious but valid organisationsnummer (the 8999 series is the demo data's fictitious range). */
const WITH_SCRIPTS: Registration = {
  organisationName: "Husby Läxhjälpsförening",
  organisationNumber: withCheckDigit("899977001"),
  organisationEmail: "info@husbylaxhjalp.example",
  contactName: "Sara Lind",
  email: "sara.lind@husbylaxhjalp.example",
  password: "ett långt och bra lösenord",
};
const WITHOUT_SCRIPTS: Registration = {
  organisationName: "Akalla Sommarkollo",
  organisationNumber: withCheckDigit("899977002"),
  organisationEmail: "info@akallakollo.example",
  contactName: "Omar Nilsson",
  email: "omar@akallakollo.example",
  password: "ett annat långt lösenord",
};

/** The contact persons' personnummer (invented, valid Luhn): the protokoll names them by it. */
const PERSONAL_NUMBER: Record<string, string> = {
  [WITH_SCRIPTS.email]: "199004152386",
  [WITHOUT_SCRIPTS.email]: "198811023459",
};
/** A minimal PDF standing in for the protokollsutdrag. */
const PROTOKOLL_PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

const FAR_DUE_DATE = "2099-12-31";

// The applied period is the demo call's first two years. The agreement is signed as having begun a
// year before it (a report can only be sent in once its period has begun), so it runs 36 months.
const APPLIED = applicationPeriod();
const AGREEMENT_START = firstOfMonth(APPLIED.periodStart, -12);
const REPORT_DUE = dayBefore(firstOfMonth(APPLIED.periodStart, 13));
const FINAL_REPORT_DUE = dayBefore(firstOfMonth(APPLIED.periodStart, 27));
const PERIOD_OVER = new Date(`${firstOfMonth(APPLIED.periodStart, 24)}T06:00:00Z`);
// The renegotiated period starts the day after the old agreement ends and is as long (36 months).
const RENEGOTIATED = {
  periodStart: firstOfMonth(APPLIED.periodStart, 24),
  periodEnd: dayBefore(firstOfMonth(APPLIED.periodStart, 60)),
};
const GOAL = { description: "Andel deltagare som får gymnasiebehörighet", target: "80 %" };

describe.skipIf(!hasChromium)("a new förening's whole journey in the browser", () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const origin = () => portal.server.origin;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
  });

  /** A fresh browser (no cookies), as when the person comes back another day. */
  async function sitting(tour: AxeTour, javaScriptEnabled: boolean): Promise<Page> {
    for (const c of contexts.splice(0)) await c.close();
    const context = await browser.newContext({ javaScriptEnabled, viewport: PHONE });
    contexts.push(context);
    const page = await context.newPage();
    tour.follow(page);
    return page;
  }

  async function logInFromStart(page: Page, tour: AxeTour, form: Registration) {
    await page.goto(`${origin()}/logga-in`);
    await waitForHeading(page, "Logga in");
    await tour.check(page);
    await logIn(page, form.email, form.password);
    await waitForHeading(page, `Välkommen, ${form.contactName}`);
    await tour.check(page);
  }

  /** Registration, the refused early login, the link from the e-mail, and the first login. */
  async function registerAndConfirm(page: Page, tour: AxeTour, form: Registration) {
    await register(page, tour, origin(), form);

    await page.goto(`${origin()}/logga-in`);
    await logInForm(page, form);
    await page.getByRole("alert").filter({ hasText: "Du behöver bekräfta din e-postadress" }).waitFor();
    await tour.check(page);

    const email = await portal.lastEmailTo(form.email);
    expect(email?.subject).toBe("Bekräfta din e-postadress – IOP-portalen");
    await page.goto(`${origin()}${linkIn(email!.textBody, "/bekrafta-epost/")}`);
    await waitForHeading(page, "Logga in");
    await page.getByRole("status").filter({ hasText: "Din e-postadress är bekräftad. Nu kan du logga in." }).waitFor();
    await tour.check(page);
    await logIn(page, form.email, form.password);
    await waitForHeading(page, `Välkommen, ${form.contactName}`);
    const home = page.getByRole("region", { name: form.organisationName });
    await home.getByText(`Organisationsnummer ${form.organisationNumber} · Din roll: Kontaktperson`).waitFor();
    await home.getByText("Föreningen har inga ärenden ännu.").waitFor();
    await tour.check(page);
  }

  async function logInForm(page: Page, form: Registration) {
    await page.getByLabel("E-postadress").fill(form.email);
    await page.getByLabel("Lösenord").fill(form.password);
    await button(page, "Logga in").click();
  }

  async function logOut(page: Page, tour: AxeTour) {
    await Promise.all([page.waitForURL((url) => url.pathname === "/"), button(page, "Logga ut").click()]);
    await waitForHeading(page, "Samverka med stadsdelsförvaltningen genom IOP");
    await tour.check(page);
  }

  async function openCase(page: Page, tour: AxeTour, form: Registration, title: string) {
    await page.getByRole("region", { name: form.organisationName }).getByRole("link", { name: title }).click();
    await waitForHeading(page, title);
    await tour.check(page);
  }

  const statusOnCasePage = (page: Page) => page.locator("dt:text-is('Status') + dd");
  const caseRow = async (caseId: string) => (await portal.db.select().from(cases).where(eq(cases.id, caseId)))[0]!;
  // The case as a record check loads it, for the use cases that take the loaded case.
  const loadedCase = async (caseId: string) => (await loadCaseRow(caseId))!;

  /** The receipt: its diarienummer is the one the case got. */
  async function expectReceipt(page: Page, tour: AxeTour, caseId: string, heading: string) {
    await waitForHeading(page, heading);
    const { diaryNumber } = await caseRow(caseId);
    expect(diaryNumber).toMatch(/^RK \d{4}\/\d+$/);
    await page.getByRole("status").getByText(`Diarienummer: ${diaryNumber}`).waitFor();
    await tour.check(page);
    return diaryNumber!;
  }

  // The förvaltning: Rinkeby-Kista's demo staff, acting through the same use cases as their pages.
  async function staff(email: string) {
    const [row] = await portal.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    const user = (await loadUser(row!.id))!;
    return { user, actor: userActor(user) };
  }
  async function run(caseId: string, command: CaseCommand, actor: CaseActor, now?: Date) {
    const result = await transitionCase({ caseId, command, actor, now });
    expect(result, command.type).toMatchObject({ ok: true });
  }

  const caseIdIn = (url: string) => /arenden\/([0-9a-f-]{36})/.exec(url)![1]!;

  /**
   * The förvaltning assesses, writes and sends the tjänsteutlåtande, attests; the nämnd grants; the
   * handläggare writes the agreement from the application (with one goal) and sends it for signing.
   */
  async function grantAndWriteAgreement(caseId: string): Promise<number> {
    const handlaggare = await staff("handlaggare@demo.example");
    await run(caseId, { type: "START_ASSESSMENT" }, handlaggare.actor);
    const saved = await saveStatement({
      user: handlaggare.user,
      districtParam: "rk",
      caseId,
      skede: null,
      values: {
        statementVersion: "0",
        statementRevision: "0",
        summary: "Föreningen ger läxhjälp i Husby i samverkan med skolan.",
        proposal: "approve",
      },
    });
    expect(saved).toMatchObject({ ok: true });
    const sent = await submitStatement({
      user: handlaggare.user,
      districtParam: "rk",
      caseId,
      skede: null,
      values: { statementVersion: "1", statementRevision: "1", caseRevision: String((await caseRow(caseId)).revision) },
    });
    expect(sent).toMatchObject({ ok: true });
    await run(caseId, { type: "ATTEST" }, (await staff("avdelningschef@demo.example")).actor);
    await run(caseId, { type: "ATTEST" }, (await staff("direktor@demo.example")).actor);
    await run(
      caseId,
      { type: "REGISTER_DECISION", meetingDate: stockholmDate(new Date()), paragraph: "§ 14", outcome: "approved" },
      (await staff("registrator@demo.example")).actor,
    );
    const draft = await loadAgreementDraft(caseId);
    expect(draft.prefilled).toBe(true);
    expect(draft.content.goals).toEqual([]);
    const written = await saveAgreementDraft({
      caseId,
      userId: handlaggare.user.id,
      expectedRevision: 0,
      content: {
        ...draft.content,
        administrationResources: "Lokal på fritidsgården två kvällar i veckan.",
        // The partnership has begun (a report can only be sent in once its period has), so the
        // förening can report today; it ends as applied.
        startDate: AGREEMENT_START,
        extensionAllowed: false,
        reportDueDates: [REPORT_DUE],
        finalReportDueDate: FINAL_REPORT_DUE,
        goals: [GOAL],
      },
    });
    expect(written).toMatchObject({ ok: true });
    return written.ok ? written.revision : -1;
  }

  async function sendForSigning(caseId: string, agreementRevision: number) {
    const handlaggare = await staff("handlaggare@demo.example");
    const forSigning = await sendAgreementForSigning({
      user: handlaggare.user,
      found: await loadedCase(caseId),
      expectedRevision: (await caseRow(caseId)).revision,
      agreementRevision,
    });
    expect(forSigning).toMatchObject({ ok: true, state: "agreement.signing" });
  }

  /**
   * The förvaltning's side of the verification (ADR 0028), server-side like the other staff steps:
   * the person has proven her identity with e-legitimation (her account carries it), the förening has
   * sent its protokollsutdrag naming her (in the browser, or here when `send`), and the handläggare
   * confirms it, which makes her the förening's firmatecknare.
   */
  async function verifyForening(caseId: string, person: { email: string; fullName: string; personalNumber: string }, send: boolean) {
    const [account] = await portal.db.select({ id: users.id }).from(users).where(eq(users.email, person.email));
    await portal.db.insert(userIdentities).values({
      userId: account!.id,
      personalNumberHash: personalNumberHash(person.personalNumber),
      personalNumberMasked: maskedPersonalNumber(person.personalNumber),
      givenName: person.fullName.split(" ")[0]!,
      familyName: person.fullName.split(" ").slice(1).join(" "),
    });
    const organisationId = (await caseRow(caseId)).organisationId;
    if (send) {
      const requested = await requestVerification({
        user: (await loadUser(account!.id))!,
        organisationId,
        file: { fileName: "protokoll.pdf", bytes: new Uint8Array(PROTOKOLL_PDF) },
        form: { intent: "request", signatories: [{ fullName: person.fullName, personalNumber: person.personalNumber }] },
      });
      expect(requested).toEqual({ ok: true });
    }
    const [pending] = await portal.db
      .select({ id: organisationVerifications.id })
      .from(organisationVerifications)
      .where(and(eq(organisationVerifications.organisationId, organisationId), eq(organisationVerifications.status, "pending")));
    const handlaggare = await staff("handlaggare@demo.example");
    const [rk] = await portal.db.select({ id: cases.districtId }).from(cases).where(eq(cases.id, caseId));
    expect(
      await decideVerification({ user: handlaggare.user, districtId: rk!.id, organisationId, decision: { intent: "confirm", verificationId: pending!.id } }),
    ).toEqual({ ok: true });
  }

  /**
   * After the final report: the handläggare proposes to renegotiate, the chefer attest and the nämnd
   * approves. The new case the decision opens, and the renegotiation e-mail to the förening.
   */
  async function renegotiate(caseId: string, forening: Registration) {
    const handlaggare = await staff("handlaggare@demo.example");
    await run(caseId, { type: "START_FINAL_ASSESSMENT" }, handlaggare.actor);
    const values = { statementVersion: "0", statementRevision: "0", summary: "Partnershipet har gett resultat.", renegotiate: "yes" };
    expect(await saveStatement({ user: handlaggare.user, districtParam: "rk", caseId, skede: "slutrapport", values })).toMatchObject({ ok: true });
    const sent = await submitStatement({
      user: handlaggare.user,
      districtParam: "rk",
      caseId,
      skede: "slutrapport",
      values: { statementVersion: "1", statementRevision: "1", caseRevision: String((await caseRow(caseId)).revision) },
    });
    expect(sent).toMatchObject({ ok: true });
    await run(caseId, { type: "ATTEST" }, (await staff("avdelningschef@demo.example")).actor);
    await run(caseId, { type: "ATTEST" }, (await staff("direktor@demo.example")).actor);
    await run(
      caseId,
      { type: "REGISTER_FINAL_APPROVAL", meetingDate: stockholmDate(new Date()), paragraph: "§ 21" },
      (await staff("registrator@demo.example")).actor,
    );
    const [next] = await portal.db.select().from(cases).where(eq(cases.previousCaseId, caseId));
    expect(next, "the renegotiation case").toBeDefined();
    const [mail] = await portal.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.recipientEmail, forening.email), eq(emailOutbox.template, "renegotiation_opened")));
    expect(mail?.subject).toContain("Ny överenskommelse kan förhandlas");
    // The e-mail leads to the new case, where the work goes on.
    expect(linkIn(mail!.textBody, "/forening/arenden/")).toBe(`/forening/arenden/${next!.id}`);
    return next!.id;
  }

  /**
   * The förening comes back: from the old, closed case to the new one, whose application is the old one
   * carried over with the period after the old agreement. It edits the purpose and sends it in; the
   * förvaltning's first agreement draft in the new case keeps the old agreement's goal.
   */
  async function continueInNewCase(page: Page, tour: AxeTour, form: Registration, title: string, ids: { oldId: string; newId: string }, js: boolean) {
    await logInFromStart(page, tour, form);
    const home = page.getByRole("region", { name: form.organisationName });
    await home.getByRole("listitem").filter({ hasText: "Avslutad" }).getByRole("link", { name: title }).click();
    await waitForHeading(page, title);
    await expect(statusOnCasePage(page).textContent()).resolves.toBe("Avslutad");
    await tour.check(page);
    const oldDiaryNumber = (await caseRow(ids.oldId)).diaryNumber!;
    await page.getByRole("navigation", { name: "Omförhandling" }).getByRole("link", { name: title, exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/forening/arenden/${ids.newId}`);
    await waitForHeading(page, title);
    await expect(statusOnCasePage(page).textContent()).resolves.toBe("Utkast");
    await page
      .getByRole("navigation", { name: "Omförhandling" })
      .getByRole("link", { name: `${title} (${oldDiaryNumber})` })
      .waitFor();
    await tour.check(page);

    await page.getByRole("link", { name: "Fortsätt skriva ansökan" }).click();
    await waitForHeading(page, "Grunduppgifter");
    await expect(page.getByLabel("Namn på ansökan").inputValue()).resolves.toBe(title);
    await expect(page.getByLabel("Verksamheten börjar").inputValue()).resolves.toBe(RENEGOTIATED.periodStart);
    await expect(page.getByLabel("Verksamheten slutar").inputValue()).resolves.toBe(RENEGOTIATED.periodEnd);
    await tour.check(page);
    await button(page, "Spara och fortsätt").click();
    await waitForHeading(page, "Syfte och samhällsutmaning");
    await expect(page.getByLabel("Syfte").inputValue()).resolves.toBe("Fler unga klarar skolan.");
    await tour.check(page);
    await page.getByLabel("Syfte").fill("Fler unga klarar skolan, och deras föräldrar kan stötta dem.");
    await button(page, "Spara och fortsätt").click();
    await waitForHeading(page, "Målgrupper");
    await expect(field(page, "targetGroups.1.description").inputValue()).resolves.toBe("Deras föräldrar");
    await tour.check(page);
    await page.getByRole("button", { name: "5. Budget" }).click();
    await waitForHeading(page, "Budget");
    await expect(field(page, "budgetLines.0.administrationAmount").inputValue()).resolves.toBe("300 000");
    if (js) await page.getByRole("row", { name: /Totalt 400 000 kr/ }).waitFor();
    await tour.check(page);
    await page.getByRole("button", { name: "7. Granska och skicka in" }).click();
    await waitForHeading(page, "Granska och skicka in");
    await page.getByText("Ansökan är komplett.").waitFor();
    await page.getByText("Fler unga klarar skolan, och deras föräldrar kan stötta dem.").waitFor();
    await page.getByText("Fritidsgårdens kvällar.").first().waitFor();
    await tour.check(page);
    await button(page, "Skicka in ansökan").click();
    const diaryNumber = await expectReceipt(page, tour, ids.newId, "Ansökan är inskickad");
    expect(diaryNumber).not.toBe(oldDiaryNumber);
    await page.getByRole("link", { name: "Gå till ärendet" }).click();
    await waitForHeading(page, title);
    await expect(statusOnCasePage(page).textContent()).resolves.toBe("Inskickad");
    await tour.check(page);

    // The förvaltning's first draft of the new agreement: the new application's period, the old goal.
    const agreement = await loadAgreementDraft(ids.newId);
    expect(agreement).toMatchObject({ prefilled: true, content: { startDate: RENEGOTIATED.periodStart, goals: [GOAL] } });
  }

  it(
    "registers, applies over several sittings, answers a komplettering, signs, reports, sends the final report and applies again in the renegotiated case (JavaScript on)",
    { timeout: 600_000 },
    async () => {
      const form = WITH_SCRIPTS;
      const title = "Läxhjälp i Husby";
      const tour = new AxeTour(browser, true);
      try {
        // Sitting 1: register, confirm, log in, start writing.
        let page = await sitting(tour, true);
        await registerAndConfirm(page, tour, form);
        await startApplication(page, tour, form.organisationName, title);
        const caseId = caseIdIn(page.url());
        // Save on blur: leaving a field saves the draft and says so.
        await page.getByLabel("Verksamheten börjar").fill(APPLIED.periodStart);
        await page.getByLabel("Verksamheten slutar").focus();
        await page.getByRole("status").filter({ hasText: /Sparat \d\d:\d\d/ }).waitFor();
        await fillFirstSteps(page, tour);

        // The session ends while typing: after logging in again, the person is back on the step with the text.
        await field(page, "activities.0.name").fill("Läxhjälp");
        const [sara] = await portal.db.select().from(users).where(eq(users.email, form.email));
        await portal.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.userId, sara!.id));
        await field(page, "activities.0.description").focus();
        await page.waitForURL((url) => url.pathname === "/logga-in");
        await waitForHeading(page, "Logga in");
        await tour.check(page);
        await logInForm(page, form);
        await waitForHeading(page, "Aktiviteter och samverkan");
        await page.getByRole("status").filter({ hasText: "ifyllt igen" }).waitFor();
        await expect(field(page, "activities.0.name").inputValue()).resolves.toBe("Läxhjälp");
        await tour.check(page);
        await logOut(page, tour);

        // Sitting 2, another day in a fresh browser: the draft is there; finish and send it in.
        page = await sitting(tour, true);
        await logInFromStart(page, tour, form);
        await page.getByRole("region", { name: form.organisationName }).getByText("Utkast").waitFor();
        await openCase(page, tour, form, title);
        await expect(statusOnCasePage(page).textContent()).resolves.toBe("Utkast");
        await page.getByRole("link", { name: "Fortsätt skriva ansökan" }).click();
        await waitForHeading(page, "Grunduppgifter");
        await expect(page.getByLabel("Verksamheten slutar").inputValue()).resolves.toBe(APPLIED.periodEnd);
        await page.getByRole("button", { name: "3. Målgrupper" }).click();
        await waitForHeading(page, "Målgrupper");
        await expect(field(page, "targetGroups.1.description").inputValue()).resolves.toBe("Deras föräldrar");
        await page.getByRole("button", { name: "4. Aktiviteter och samverkan" }).click();
        await waitForHeading(page, "Aktiviteter och samverkan");
        await finishSteps(page, tour, true);
        await button(page, "Skicka in ansökan").click();
        const diaryNumber = await expectReceipt(page, tour, caseId, "Ansökan är inskickad");

        // The förvaltning takes the case and asks for a komplettering.
        const handlaggare = await staff("handlaggare@demo.example");
        await run(caseId, { type: "TAKE" }, handlaggare.actor);
        await run(
          caseId,
          { type: "REQUEST_COMPLETION", message: "Beskriv hur ni samarbetar med skolan.", dueDate: FAR_DUE_DATE },
          handlaggare.actor,
        );

        // Sitting 3: the komplettering, seen on the case and answered.
        page = await sitting(tour, true);
        await logInFromStart(page, tour, form);
        await openCase(page, tour, form, title);
        await expect(statusOnCasePage(page).textContent()).resolves.toBe("Komplettering behövs");
        await page
          .getByRole("region", { name: "Förvaltningen ber er komplettera ansökan" })
          .getByText("Beskriv hur ni samarbetar med skolan.")
          .waitFor();
        await button(page, "Komplettera ansökan").click();
        await waitForHeading(page, "Grunduppgifter");
        await page.getByRole("button", { name: "4. Aktiviteter och samverkan" }).click();
        await waitForHeading(page, "Aktiviteter och samverkan");
        await page.getByLabel("Hur ska ni och förvaltningen samverka?").fill("Vi träffar skolans rektor varje månad.");
        await button(page, "Spara och fortsätt").click();
        await waitForHeading(page, "Budget");
        await page.getByRole("button", { name: "7. Granska och skicka in" }).click();
        await waitForHeading(page, "Granska och skicka in");
        await tour.check(page);
        await button(page, "Skicka in kompletteringen").click();
        expect(await expectReceipt(page, tour, caseId, "Kompletteringen är inskickad")).toBe(diaryNumber);
        await page.getByRole("link", { name: "Gå till ärendet" }).click();
        await waitForHeading(page, title);
        await expect(statusOnCasePage(page).textContent()).resolves.toBe("Handläggs");
        await page.getByRole("link", { name: "Version 2", exact: true }).click();
        await waitForHeading(page, "Ansökan, version 2");
        await page.getByText("Ändrat sedan version 1").waitFor();
        await page.getByText("Vi träffar skolans rektor varje månad.").first().waitFor();
        await tour.check(page);

        // The förvaltning assesses, writes and sends the tjänsteutlåtande, attests; the nämnd grants;
        // the handläggare writes the agreement from the application. A förening registered in the
        // portal is not verified yet, so the agreement cannot go out for signing.
        const agreementRevision = await grantAndWriteAgreement(caseId);
        expect(
          await sendAgreementForSigning({
            user: (await staff("handlaggare@demo.example")).user,
            found: await loadedCase(caseId),
            expectedRevision: (await caseRow(caseId)).revision,
            agreementRevision,
          }),
        ).toMatchObject({ ok: false, message: expect.stringContaining("Föreningen är inte verifierad") });

        // Sitting 4: the förening proves who signs for it. The contact person is its firmatecknare by
        // the styrelse's protokoll; she sends the protokollsutdrag naming her, the handläggare confirms
        // it, and she signs.
        page = await sitting(tour, true);
        await logInFromStart(page, tour, form);
        await page.getByRole("region", { name: form.organisationName }).getByRole("link", { name: "Om föreningen" }).click();
        await waitForHeading(page, form.organisationName);
        await page.getByText("Föreningen är inte verifierad.", { exact: false }).waitFor();
        await tour.check(page);
        await page.getByRole("link", { name: "Verifiera föreningen" }).click();
        await waitForHeading(page, "Verifiera föreningen");
        await tour.check(page);
        await page.getByLabel("Protokollsutdrag").setInputFiles({ name: "protokoll.pdf", mimeType: "application/pdf", buffer: PROTOKOLL_PDF });
        const named = page.getByRole("group", { name: "Firmatecknare 1" });
        await named.getByLabel("Namn").fill(form.contactName);
        await named.getByLabel("Personnummer").fill(PERSONAL_NUMBER[form.email]!);
        await button(page, "Skicka till förvaltningen").click();
        await page.getByRole("status").filter({ hasText: "Protokollsutdraget är skickat." }).waitFor();
        await page.getByText(`${PERSONAL_NUMBER[form.email]!.slice(0, 8)}-XXXX`).first().waitFor();
        await tour.check(page);

        await verifyForening(caseId, { email: form.email, fullName: form.contactName, personalNumber: PERSONAL_NUMBER[form.email]! }, false);
        await sendForSigning(caseId, agreementRevision);

        await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Förening" }).click();
        await waitForHeading(page, `Välkommen, ${form.contactName}`);
        await page.getByRole("region", { name: form.organisationName }).getByText("Kontaktperson, Firmatecknare").waitFor();
        await openCase(page, tour, form, title);
        await page.getByRole("link", { name: "Överenskommelsen" }).click();
        await waitForHeading(page, "Överenskommelse");
        expect(await noHorizontalScroll(page)).toBe(true);
        await page.getByRole("link", { name: "Skriv under för föreningen" }).click();
        await waitForHeading(page, "Skriv under överenskommelsen");
        const signingDate = (await page.locator("dt:text-is('Datum') + dd").textContent())!;
        expect(signingDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        await expect(page.locator("dt:text-is('Namn') + dd").textContent()).resolves.toBe(form.contactName);
        await expect(page.locator("dt:text-is('Period') + dd").textContent()).resolves.toBe(`${AGREEMENT_START} – ${APPLIED.periodEnd}`);
        await tour.check(page);
        await button(page, "Skriv under").click();
        await page.getByRole("alert").filter({ hasText: "Kryssa i" }).waitFor();
        await tour.check(page);
        await page.getByLabel("Jag har läst överenskommelsen och skriver under för föreningen").check();
        await button(page, "Skriv under").click();
        await waitForHeading(page, "Överenskommelse");
        await page.getByText(`Tack! Du har skrivit under överenskommelsen för ${form.organisationName}.`).waitFor();
        await page.getByText(`Underskriven av ${form.contactName} ${signingDate}`).waitFor();
        await expect(page.getByText("Inte underskriven än").count()).resolves.toBe(1);
        await tour.check(page);
        expect((await caseRow(caseId)).state).toBe("agreement.signing");

        // The avdelningschef signs for the förvaltning: the agreement is in force and the first report is due.
        const chef = await staff("avdelningschef@demo.example");
        expect(
          await signAgreementForDistrict({
            user: chef.user,
            found: await loadedCase(caseId),
            expectedRevision: (await caseRow(caseId)).revision,
            documentSha256: (await currentAgreementVersion(caseId))?.sha256,
          }),
        ).toMatchObject({ ok: true, state: "followUp.reportDue" });

        // Sitting 5: the yearly report (activities, participants by gender, goals) and the finances.
        page = await sitting(tour, true);
        await logInFromStart(page, tour, form);
        await openCase(page, tour, form, title);
        await expect(statusOnCasePage(page).textContent()).resolves.toBe("Pågår – rapport ska lämnas");
        await page.getByRole("link", { name: "Rapportera hur arbetet går" }).click();
        await waitForHeading(page, "Rapport om verksamheten");
        await page.getByText(`Rapport 1 av 1 · Ska vara inskickad senast ${REPORT_DUE}`).waitFor();
        expect(await noHorizontalScroll(page)).toBe(true);
        await tour.check(page);
        await page.getByLabel("Berätta om perioden").fill("Läxhjälpen har varit öppen två kvällar i veckan hela året.");
        const first = page.getByRole("group", { name: "Aktivitet 1" });
        await first.getByLabel("Vad heter aktiviteten?").fill("Läxhjälp");
        await first.getByLabel("Antal tillfällen").fill("80");
        await first.getByLabel("Kvinnor och flickor").fill("4-12");
        await first.getByLabel("Män och pojkar").fill("många");
        await first.getByLabel("Åldersgrupp").fill("13–16 år");
        const second = page.getByRole("group", { name: "Aktivitet 2" });
        await second.getByLabel("Vad heter aktiviteten?").fill("Föräldraträff");
        await second.getByLabel("Antal tillfällen").fill("4");
        await second.getByLabel("Kvinnor och flickor").fill("15");
        await second.getByLabel("Män och pojkar").fill("9");
        await page.getByRole("group", { name: /Mål 1: Andel deltagare som får gymnasiebehörighet/ }).getByLabel("Utfall").fill("72 %");
        await page.getByLabel("Rapporten är klar. Skicka in den till förvaltningen.").check();
        await button(page, "Spara").click();
        await page.getByRole("alert").filter({ hasText: "Skriv ett antal" }).waitFor();
        await tour.check(page);
        await first.getByLabel("Män och pojkar").fill("10");
        await button(page, "Spara").click();
        await page.getByText("Tack! Rapporten är inskickad.").waitFor();
        // Figures as written (the range kept), per activity, split by gender.
        const activities = page.getByRole("region", { name: "Aktiviteter och deltagare", exact: true });
        const rowOf = (name: string) =>
          activities.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) }).getByRole("cell");
        await expect(rowOf("Läxhjälp").allTextContents()).resolves.toEqual(["80", "4–12", "10", "–", "13–16 år", "–"]);
        await expect(rowOf("Föräldraträff").allTextContents()).resolves.toEqual(["4", "15", "9", "–", "–", "–"]);
        await page.getByRole("region", { name: "Mål och utfall", exact: true }).getByRole("cell", { name: "72 %" }).waitFor();
        await tour.check(page);

        await page.getByRole("link", { name: "Fyll i den ekonomiska redovisningen" }).click();
        await waitForHeading(page, "Ekonomisk redovisning");
        await tour.check(page);
        const post = page.getByRole("group", { name: "Post 1" });
        await post.getByLabel("Vad gäller posten?").fill("Lön för samordnare");
        await post.getByLabel("Budget (kr)").fill("300 000");
        await post.getByLabel("Utfall (kr)").fill("287 500");
        await page.getByLabel("Redovisningen är klar. Skicka in den till förvaltningen.").check();
        await button(page, "Spara").click();
        await page.getByText("Tack! Den ekonomiska redovisningen är inskickad.").waitFor();
        await page.getByRole("region", { name: "Ekonomisk redovisning", exact: true }).getByRole("cell", { name: "287 500 kr" }).first().waitFor();
        await tour.check(page);
        await page.getByRole("link", { name: "Till rapporten om verksamheten" }).click();
        await waitForHeading(page, "Rapport om verksamheten");
        await page.getByText(/^Inskickad \d{4}-\d{2}-\d{2}\. Förvaltningen går igenom rapporten\./).waitFor();
        expect((await caseRow(caseId)).state).toBe("followUp.reportSubmitted");

        // The handläggare approves the report; the agreement's period runs out (the scheduler's event).
        expect(
          await approveReport({
            user: handlaggare.user,
            found: await loadedCase(caseId),
            expectedRevision: (await caseRow(caseId)).revision,
            periodIndex: 0,
            addedValue: "Fler elever i Husby har fått behörighet.",
          }),
        ).toMatchObject({ ok: true });
        await run(caseId, { type: "PERIOD_ELAPSED" }, { kind: "system" }, PERIOD_OVER);

        // Sitting 6: the final report.
        page = await sitting(tour, true);
        await logInFromStart(page, tour, form);
        await openCase(page, tour, form, title);
        await expect(statusOnCasePage(page).textContent()).resolves.toBe("Slutrapport ska lämnas");
        await page.getByRole("link", { name: "Slutrapporten" }).click();
        await waitForHeading(page, "Slutrapport");
        await page.getByText(`Överenskommelsen gällde ${AGREEMENT_START} – ${APPLIED.periodEnd}.`, { exact: false }).waitFor();
        expect(await noHorizontalScroll(page)).toBe(true);
        await tour.check(page);
        await page.getByLabel("Måluppfyllelse").fill("72 % fick gymnasiebehörighet; målet var 80 %.");
        await page.getByRole("group", { name: "Har föreningen gjort det den lovade i överenskommelsen?" }).getByLabel("Ja").check();
        await page
          .getByRole("group", { name: "Har förvaltningen gjort det den lovade i överenskommelsen?" })
          .getByLabel("Delvis")
          .check();
        await page.getByLabel("Lärdomar").fill("Föräldraträffarna gjorde mest skillnad.");
        await page.getByLabel("Slutrapporten är klar. Skicka in den till förvaltningen.").check();
        await button(page, "Spara").click();
        await page.getByText("Tack! Slutrapporten är inskickad.").waitFor();
        await page.getByText(/^Inskickad \d{4}-\d{2}-\d{2}\.$/).waitFor();
        await page.getByText("Föräldraträffarna gjorde mest skillnad.").waitFor();
        await tour.check(page);
        await page.getByRole("link", { name: "Tillbaka till ärendet" }).click();
        await waitForHeading(page, title);
        await expect(statusOnCasePage(page).textContent()).resolves.toBe("Slutrapport inlämnad");
        await expect(page.locator("dt:text-is('Diarienummer') + dd").textContent()).resolves.toBe(diaryNumber);
        expect((await caseRow(caseId)).state).toBe("finalReport.submitted");

        // The nämnd decides to renegotiate. Sitting 7: on to the new case and its application.
        const newId = await renegotiate(caseId, form);
        page = await sitting(tour, true);
        await continueInNewCase(page, tour, form, title, { oldId: caseId, newId }, true);

        expect(tour.unchecked()).toEqual([]);
        expect(tour.pagesChecked).toBeGreaterThan(20);
      } finally {
        await tour.close();
      }
    },
  );

  it("registers and applies over two sittings without JavaScript, and applies again in the renegotiated case", { timeout: 600_000 }, async () => {
    const form = WITHOUT_SCRIPTS;
    const title = "Sommarkollo i Akalla";
    const tour = new AxeTour(browser, false);
    try {
      let page = await sitting(tour, false);
      await registerAndConfirm(page, tour, form);
      await startApplication(page, tour, form.organisationName, title);
      const caseId = caseIdIn(page.url());
      await fillFirstSteps(page, tour);
      await logOut(page, tour);

      page = await sitting(tour, false);
      await logInFromStart(page, tour, form);
      await openCase(page, tour, form, title);
      await page.getByRole("link", { name: "Fortsätt skriva ansökan" }).click();
      await waitForHeading(page, "Grunduppgifter");
      await expect(page.getByLabel("Verksamheten slutar").inputValue()).resolves.toBe(APPLIED.periodEnd);
      await page.getByRole("button", { name: "4. Aktiviteter och samverkan" }).click();
      await waitForHeading(page, "Aktiviteter och samverkan");
      await finishSteps(page, tour, false);
      await button(page, "Skicka in ansökan").click();
      await expectReceipt(page, tour, caseId, "Ansökan är inskickad");
      await page.getByRole("link", { name: "Gå till ärendet" }).click();
      await waitForHeading(page, title);
      await expect(statusOnCasePage(page).textContent()).resolves.toBe("Inskickad");
      await tour.check(page);

      // The partnership, server-side: granted and signed by both (Omar takes the firmatecknare role),
      // one report, the period over, the final report, and the nämnd's decision to renegotiate.
      const handlaggare = await staff("handlaggare@demo.example");
      await run(caseId, { type: "TAKE" }, handlaggare.actor);
      const revision = await grantAndWriteAgreement(caseId);
      await verifyForening(caseId, { email: form.email, fullName: form.contactName, personalNumber: PERSONAL_NUMBER[form.email]! }, true);
      await sendForSigning(caseId, revision);
      const [omar] = await portal.db.select({ id: users.id }).from(users).where(eq(users.email, form.email));
      const applicant = userActor((await loadUser(omar!.id))!);
      await run(caseId, { type: "SIGN" }, applicant);
      const chef = await staff("avdelningschef@demo.example");
      expect(
        await signAgreementForDistrict({
            user: chef.user,
            found: await loadedCase(caseId),
            expectedRevision: (await caseRow(caseId)).revision,
            documentSha256: (await currentAgreementVersion(caseId))?.sha256,
          }),
      ).toMatchObject({ ok: true, state: "followUp.reportDue" });
      await run(caseId, { type: "SUBMIT_REPORT" }, applicant);
      await run(caseId, { type: "APPROVE_REPORT" }, handlaggare.actor);
      await run(caseId, { type: "PERIOD_ELAPSED" }, { kind: "system" }, PERIOD_OVER);
      await run(caseId, { type: "SUBMIT_FINAL_REPORT" }, applicant);
      const newId = await renegotiate(caseId, form);

      page = await sitting(tour, false);
      await continueInNewCase(page, tour, form, title, { oldId: caseId, newId }, false);

      expect(tour.unchecked()).toEqual([]);
    } finally {
      await tour.close();
    }
  });
});
