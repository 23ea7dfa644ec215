/**
 * The förening's application as a volunteer meets it in Chromium (phone width): two sittings with a
 * logout between, save on blur, repeating rows, computed totals, an attachment, submission and receipt,
 * then a komplettering asked for by the handläggare and resubmitted; axe on every page. The same
 * journey up to submission with JavaScript off.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { eq } from "drizzle-orm";
import { cases, sessions, users } from "../../db/schema";
import { DEMO_PASSWORD } from "../../db/demo-data";
import { transitionCase } from "../../app/cases/transition.server";
import { accessibilityViolations, hasChromium, launchBrowser, logInThroughForm, waitForHeading as waitForH1 } from "../support/browser";
import { setupPortal } from "../support/portal";
import { actorFor } from "../integration/forening-application-helpers";

// The in-process server stores uploads here, not in the working copy's data/.
const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-browser-uploads-"));
process.env.UPLOAD_DIR = uploadDir;
afterAll(() => fs.rmSync(uploadDir, { recursive: true, force: true }));

const portal = setupPortal();

/** On a miss, say where the page was and what it showed. */
async function waitForHeading(page: Page, text: string) {
  await waitForH1(page, text).catch(async (error: Error) => {
    throw new Error(`${error.message}\nat ${page.url()}:\n${await page.locator("main").innerText().catch(() => "")}`);
  });
}

describe.skipIf(!hasChromium)("a förening applies in the browser", () => {
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

  async function newPage(javaScriptEnabled = true): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 360, height: 800 } });
    contexts.push(context);
    return context.newPage();
  }
  const axe = async (page: Page) => expect(await accessibilityViolations(page)).toEqual([]);
  const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);
  const button = (page: Page, name: string) => page.getByRole("button", { name, exact: true });

  async function startApplication(page: Page, title: string, js: boolean) {
    await page.goto(`${origin()}/forening`);
    if (js) await axe(page);
    await page.getByRole("link", { name: "Ny ansökan för Fryshuset" }).click();
    await waitForHeading(page, "Ny ansökan");
    if (js) await axe(page);
    await page.getByLabel("Rinkeby-Kista").check();
    await button(page, "Fortsätt").click();
    await page.getByText("Söker ni inom en utlysning?").waitFor();
    if (js) await axe(page);
    await page.getByLabel(/IOP 2027–2029 i Rinkeby-Kista/).check();
    await page.getByLabel("Prioriterat område (frivilligt)").selectOption({ label: "Förebyggande stöd och tidiga insatser" });
    await page.getByLabel("Namn på ansökan").fill(title);
    await button(page, "Börja skriva ansökan").click();
    await waitForHeading(page, "Grunduppgifter");
    if (js) await axe(page);
  }

  async function fillSteps(page: Page, js: boolean) {
    await field(page, "periodStart").fill("2027-01-01");
    await field(page, "periodEnd").fill("2028-12-31");
    await button(page, "Spara och fortsätt").click();
    await waitForHeading(page, "Syfte och samhällsutmaning");
    if (js) await axe(page);
    await page.getByLabel("Syfte").fill("Fler unga klarar skolan.");
    await page.getByLabel("Samhällsutmaning").fill("Många lämnar grundskolan utan behörighet.");
    await page.getByLabel("Koppling till politiskt program eller plan").fill("Stockholms stads program för barn och unga.");
    await button(page, "Spara och fortsätt").click();
    await waitForHeading(page, "Målgrupper");
    if (js) await axe(page);
    await field(page, "targetGroups.0.description").fill("Elever i årskurs 7–9");
    await field(page, "targetGroups.0.ageFrom").fill("13");
    await field(page, "targetGroups.0.ageTo").fill("16");
    await page.getByRole("button", { name: "Lägg till rad för en målgrupp" }).click();
    await field(page, "targetGroups.1.description").waitFor();
    await expect(field(page, "targetGroups.0.description").inputValue()).resolves.toBe("Elever i årskurs 7–9");
    await field(page, "targetGroups.1.description").fill("Deras föräldrar");
    await button(page, "Spara och fortsätt").click();
    await waitForHeading(page, "Aktiviteter och samverkan");
  }

  async function finishSteps(page: Page, js: boolean) {
    if (js) await axe(page);
    await field(page, "activities.0.name").fill("Läxhjälp");
    await field(page, "activities.0.description").fill("Två kvällar i veckan.");
    await page.getByLabel("Vilka av förvaltningens verksamheter kompletterar ni?").fill("Fritidsgårdens kvällar.");
    await page.getByLabel("Hur ska ni och förvaltningen samverka?").fill("Styrgrupp fyra gånger om året.");
    await button(page, "Spara och fortsätt").click();
    await waitForHeading(page, "Budget");
    await field(page, "budgetLines.0.description").fill("Lön för samordnare");
    await field(page, "budgetLines.0.associationAmount").fill("100 000");
    await field(page, "budgetLines.0.administrationAmount").fill("300 000");
    if (js) {
      // Totals follow what is typed, before any save.
      await page.getByRole("row", { name: /Totalt 400 000 kr/ }).waitFor();
      await axe(page);
    }
    await button(page, "Spara och fortsätt").click();
    await waitForHeading(page, "Bilagor");
    if (js) {
      await axe(page);
      await page.getByLabel("Välj fil").setInputFiles({ name: "budget.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
      await button(page, "Ladda upp").click();
      await page.getByText("Filen ”budget.pdf” är uppladdad.").waitFor();
    }
    await page.getByRole("link", { name: "Fortsätt till granskning" }).click();
    await waitForHeading(page, "Granska och skicka in");
    if (js) await axe(page);
    await page.getByText("Ansökan är komplett.").waitFor();
  }

  it("applies in two sittings with JavaScript, submits, and answers a komplettering", async () => {
    const page = await newPage();
    await logInThroughForm(page, origin(), "forening@demo.example", DEMO_PASSWORD);
    await startApplication(page, "Läxhjälp i Husby", true);
    // Save on blur: leaving a field saves the draft and says so.
    await page.getByLabel("Verksamheten börjar").fill("2027-01-01");
    await page.getByLabel("Verksamheten slutar").focus();
    await page.getByRole("status").filter({ hasText: /Sparat \d\d:\d\d/ }).waitFor();
    await fillSteps(page, true);
    const caseId = /arenden\/([0-9a-f-]{36})\//.exec(page.url())![1]!;

    // The session ends while typing: after logging in again, the person is back on the step with the text.
    await field(page, "activities.0.name").fill("Läxhjälp");
    const [fatima] = await portal.db.select().from(users).where(eq(users.email, "forening@demo.example"));
    await portal.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.userId, fatima!.id));
    await field(page, "activities.0.description").focus();
    await page.waitForURL((url) => url.pathname === "/logga-in");
    await page.getByLabel("E-postadress").fill("forening@demo.example");
    await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
    await button(page, "Logga in").click();
    await waitForHeading(page, "Aktiviteter och samverkan");
    await page.getByRole("status").filter({ hasText: "ifyllt igen" }).waitFor();
    await expect(field(page, "activities.0.name").inputValue()).resolves.toBe("Läxhjälp");

    await button(page, "Logga ut").click();
    await page.waitForURL((url) => !url.pathname.startsWith("/forening"));

    await logInThroughForm(page, origin(), "forening@demo.example", DEMO_PASSWORD);
    await page.goto(`${origin()}/forening`);
    await page.getByRole("link", { name: "Läxhjälp i Husby" }).click();
    await waitForHeading(page, "Läxhjälp i Husby");
    await axe(page);
    await page.getByRole("link", { name: "Fortsätt skriva ansökan" }).click();
    await waitForHeading(page, "Grunduppgifter");
    await expect(page.getByLabel("Verksamheten slutar").inputValue()).resolves.toBe("2028-12-31");
    await page.getByRole("button", { name: "4. Aktiviteter och samverkan" }).click();
    await waitForHeading(page, "Aktiviteter och samverkan");
    await finishSteps(page, true);
    await button(page, "Skicka in ansökan").click();
    await waitForHeading(page, "Ansökan är inskickad");
    await expect(page.getByText(/Diarienummer: RK \d{4}\/\d+/).isVisible()).resolves.toBe(true);
    await axe(page);

    const handlaggare = await actorFor(portal, "handlaggare@demo.example");
    expect((await transitionCase({ caseId, command: { type: "TAKE" }, actor: handlaggare })).ok).toBe(true);
    const requested = await transitionCase({
      caseId,
      command: { type: "REQUEST_COMPLETION", message: "Beskriv hur ni samarbetar med skolan.", dueDate: "2099-12-31" },
      actor: handlaggare,
    });
    expect(requested.ok).toBe(true);

    await page.getByRole("link", { name: "Gå till ärendet" }).click();
    await page.getByRole("region", { name: "Förvaltningen ber er komplettera ansökan" }).getByText("Beskriv hur ni samarbetar med skolan.").waitFor();
    await axe(page);
    await button(page, "Komplettera ansökan").click();
    await waitForHeading(page, "Grunduppgifter");
    await page.getByRole("button", { name: "4. Aktiviteter och samverkan" }).click();
    await waitForHeading(page, "Aktiviteter och samverkan");
    await page.getByLabel("Hur ska ni och förvaltningen samverka?").fill("Vi träffar skolans rektor varje månad.");
    await button(page, "Spara och fortsätt").click();
    await waitForHeading(page, "Budget");
    await page.getByRole("button", { name: "7. Granska och skicka in" }).click();
    await waitForHeading(page, "Granska och skicka in");
    await axe(page);
    await button(page, "Skicka in kompletteringen").click();
    await waitForHeading(page, "Kompletteringen är inskickad");
    const [row] = await portal.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row!.state).toBe("review.assigned");
    await page.getByRole("link", { name: "Gå till ärendet" }).click();
    await page.getByRole("link", { name: "Version 2" }).click();
    await waitForHeading(page, "Ansökan, version 2");
    await page.getByText("Ändrat sedan version 1").waitFor();
    await axe(page);
  });

  it("applies without JavaScript, up to the receipt", async () => {
    const page = await newPage(false);
    await logInThroughForm(page, origin(), "firmatecknare@demo.example", DEMO_PASSWORD);
    await startApplication(page, "Sommarkollo utan skript", false);
    await fillSteps(page, false);
    await finishSteps(page, false);
    await button(page, "Skicka in ansökan").click();
    await waitForHeading(page, "Ansökan är inskickad");
    await expect(page.getByText(/Diarienummer: RK \d{4}\/\d+/).isVisible()).resolves.toBe(true);
  });
});
