/**
 * Page driving for the förening's browser journey (test/browser/forening-journey.test.ts): an axe
 * check that also works where scripts are off and remembers which pages it has seen, the
 * registration, and the application's steps as a volunteer fills them in.
 */
import { applicationPeriod, demoCall } from "./dates";
import { expect } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { PHONE, accessibilityViolations, waitForHeading as waitForH1 } from "./browser";

export { PHONE };

/** On a miss, say where the page was and what it showed. */
export async function waitForHeading(page: Page, text: string) {
  await waitForH1(page, text).catch(async (error: Error) => {
    throw new Error(`${error.message}\nat ${page.url()}:\n${await page.locator("main").innerText().catch(() => "")}`);
  });
}

export const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);
export const button = (page: Page, name: string) => page.getByRole("button", { name, exact: true });

/** The page fits the phone's width: nothing to scroll sideways. */
export const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

/**
 * axe (WCAG 2.1 A/AA) on every page of a journey. It listens to the pages' navigations, so the test
 * can assert at the end that no page went unchecked.
 *
 * axe is a script and never finishes in a page whose scripts are off. There the exact markup the
 * person got (scripts stripped, so nothing hydrates and changes it) is served under the same URL to
 * a scripted page, with the site's real stylesheets, and checked there.
 */
export class AxeTour {
  private readonly visited = new Set<string>();
  private readonly checked = new Set<string>();
  private checker: BrowserContext | null = null;

  constructor(
    private readonly browser: Browser,
    private readonly javaScriptEnabled: boolean,
  ) {}

  /** Remembers every page `page` shows from now on, client-side navigations included. */
  follow(page: Page) {
    page.on("framenavigated", (frame) => {
      if (frame !== page.mainFrame() || !frame.url().startsWith("http")) return;
      this.visited.add(new URL(frame.url()).pathname);
    });
  }

  async check(page: Page) {
    if (process.env.JOURNEY_TRACE) console.log(new Date().toISOString(), "axe", page.url());
    const violations = this.javaScriptEnabled ? await accessibilityViolations(page) : await this.checkMarkup(page);
    expect(violations, `axe on ${page.url()}`).toEqual([]);
    this.checked.add(new URL(page.url()).pathname);
  }

  private async checkMarkup(page: Page): Promise<string[]> {
    const url = page.url();
    const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
    this.checker ??= await this.browser.newContext({ viewport: PHONE });
    const copy = await this.checker.newPage();
    try {
      await copy.route(
        (u) => u.href === url,
        (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }),
      );
      await copy.goto(url);
      return await accessibilityViolations(copy);
    } finally {
      await copy.close();
    }
  }

  /** Paths the journey showed that axe never looked at. */
  unchecked(): string[] {
    return [...this.visited].filter((p) => !this.checked.has(p));
  }

  get pagesChecked(): number {
    return this.checked.size;
  }

  async close() {
    await this.checker?.close();
  }
}

export interface Registration {
  organisationName: string;
  organisationNumber: string;
  organisationEmail: string;
  contactName: string;
  email: string;
  password: string;
}

export async function register(page: Page, tour: AxeTour, origin: string, form: Registration) {
  await page.goto(`${origin}/registrera`);
  await waitForHeading(page, "Registrera förening");
  await tour.check(page);
  await page.getByLabel("Föreningens namn").fill(form.organisationName);
  await page.getByLabel("Organisationsnummer").fill(form.organisationNumber);
  await page.getByLabel("Föreningens e-postadress").fill(form.organisationEmail);
  await page.getByLabel("Ditt namn").fill(form.contactName);
  await page.getByLabel("Din e-postadress").fill(form.email);
  await page.getByLabel("Välj lösenord").fill(form.password);
  await button(page, "Registrera").click();
  await waitForHeading(page, "Bekräfta din e-postadress");
  await page.getByText("Vi har skickat ett meddelande till din e-postadress.").waitFor();
  await tour.check(page);
}

/** Fills the login form and waits for the page it leads to (any page but the login page). */
export async function logIn(page: Page, email: string, password: string) {
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith("/logga-in")), button(page, "Logga in").click()]);
}

/** From the förening's home to the first step of a new application to Rinkeby-Kista's open call. */
export async function startApplication(page: Page, tour: AxeTour, organisationName: string, title: string) {
  await page.getByRole("link", { name: `Ny ansökan för ${organisationName}` }).click();
  await waitForHeading(page, "Ny ansökan");
  await tour.check(page);
  await page.getByLabel("Rinkeby-Kista").check();
  await button(page, "Fortsätt").click();
  await page.getByText("Söker ni inom en utlysning?").waitFor();
  await tour.check(page);
  await page.getByLabel(demoCall().title).check();
  await page.getByLabel("Prioriterat område (frivilligt)").selectOption({ label: "Förebyggande stöd och tidiga insatser" });
  await page.getByLabel("Namn på ansökan").fill(title);
  await button(page, "Börja skriva ansökan").click();
  await waitForHeading(page, "Grunduppgifter");
  await tour.check(page);
}

/** Steps 1–3, ending on step 4 (Aktiviteter och samverkan), which is left empty. */
export async function fillFirstSteps(page: Page, tour: AxeTour) {
  await field(page, "periodStart").fill(applicationPeriod().periodStart);
  await field(page, "periodEnd").fill(applicationPeriod().periodEnd);
  await button(page, "Spara och fortsätt").click();
  await waitForHeading(page, "Syfte och samhällsutmaning");
  await tour.check(page);
  await page.getByLabel("Syfte").fill("Fler unga klarar skolan.");
  await page.getByLabel("Samhällsutmaning").fill("Många lämnar grundskolan utan behörighet.");
  await page.getByLabel("Koppling till politiskt program eller plan").fill("Stockholms stads program för barn och unga.");
  await button(page, "Spara och fortsätt").click();
  await waitForHeading(page, "Målgrupper");
  await tour.check(page);
  await field(page, "targetGroups.0.description").fill("Elever i årskurs 7–9");
  await field(page, "targetGroups.0.ageFrom").fill("13");
  await field(page, "targetGroups.0.ageTo").fill("16");
  // A second row: with scripts it appears at once, without them the page comes back with it.
  await page.getByRole("button", { name: "Lägg till rad för en målgrupp" }).click();
  await field(page, "targetGroups.1.description").waitFor();
  await expect(field(page, "targetGroups.0.description").inputValue()).resolves.toBe("Elever i årskurs 7–9");
  await field(page, "targetGroups.1.description").fill("Deras föräldrar");
  await button(page, "Spara och fortsätt").click();
  await waitForHeading(page, "Aktiviteter och samverkan");
  await tour.check(page);
}

/** Steps 4–6 and the review page, from step 4; the application is complete at the end. */
export async function finishSteps(page: Page, tour: AxeTour, js: boolean) {
  await field(page, "activities.0.name").fill("Läxhjälp");
  await field(page, "activities.0.description").fill("Två kvällar i veckan.");
  await page.getByLabel("Vilka av förvaltningens verksamheter kompletterar ni?").fill("Fritidsgårdens kvällar.");
  await page.getByLabel("Hur ska ni och förvaltningen samverka?").fill("Styrgrupp fyra gånger om året.");
  await button(page, "Spara och fortsätt").click();
  await waitForHeading(page, "Budget");
  await field(page, "budgetLines.0.description").fill("Lön för samordnare");
  await field(page, "budgetLines.0.associationAmount").fill("100 000");
  await field(page, "budgetLines.0.administrationAmount").fill("300 000");
  // With scripts the totals follow what is typed, before any save; without, after the save.
  if (js) await page.getByRole("row", { name: /Totalt 400 000 kr/ }).waitFor();
  await tour.check(page);
  await button(page, "Spara och fortsätt").click();
  await waitForHeading(page, "Bilagor");
  await tour.check(page);
  await page.getByLabel("Välj fil").setInputFiles({
    name: "budget.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n%%EOF\n"),
  });
  await button(page, "Ladda upp").click();
  await page.getByText("Filen ”budget.pdf” är uppladdad.").waitFor();
  await tour.check(page);
  await page.getByRole("link", { name: "Fortsätt till granskning" }).click();
  await waitForHeading(page, "Granska och skicka in");
  await page.getByText("Ansökan är komplett.").waitFor();
  await tour.check(page);
}
