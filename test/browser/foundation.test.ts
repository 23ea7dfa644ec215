/**
 * The foundation as a person meets it in Chromium: every demo role logs in and lands on its own page,
 * the pages pass axe (WCAG 2.1 AA), and a bad organisationsnummer is explained at the field.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DEMO_ORGANISATION_USERS, DEMO_PASSWORD, DEMO_STAFF } from "../../seed/demo-data";
import {
  accessibilityViolations,
  hasChromium,
  launchBrowser,
  logInThroughForm,
  waitForHeading,
  startPortalProcess,
  type PortalProcess,
} from "../support/browser";

describe.skipIf(!hasChromium)("foundation in the browser", () => {
  let portal: PortalProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ ...options, viewport: { width: 360, height: 800 } });
    contexts.push(context);
    return context.newPage();
  }

  beforeAll(async () => {
    [portal, browser] = await Promise.all([startPortalProcess(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  const homes = [
    ...DEMO_STAFF.map((s) => ({
      email: s.email,
      path: `/forvaltning/${s.district.toLowerCase()}`,
      heading: { RK: "Rinkeby-Kista", JA: "Järva", EAV: "Enskede-Årsta-Vantör" }[s.district],
    })),
    ...DEMO_ORGANISATION_USERS.map((p) => ({ email: p.email, path: "/forening", heading: `Välkommen, ${p.name}` })),
  ];

  it.each(homes)("$email logs in and lands on $path", async ({ email, path, heading }) => {
    const page = await newPage();
    await logInThroughForm(page, portal.origin, email, DEMO_PASSWORD);
    await waitForHeading(page, heading!);
    expect(new URL(page.url()).pathname).toBe(path);
    await page.context().close();
  });

  it.each([
    ["start page", "/", null],
    ["login page", "/logga-in", null],
    ["registration page", "/registrera", null],
    ["förening home", "/forening", "forening@demo.example"],
    ["förvaltning home", "/forvaltning/rk", "handlaggare@demo.example"],
    ["staff admin page", "/forvaltning/rk/personal", "admin@demo.example"],
  ] as const)("axe finds no WCAG 2.1 AA violations on the %s", async (_name, path, email) => {
    const page = await newPage();
    if (email) await logInThroughForm(page, portal.origin, email, DEMO_PASSWORD);
    await page.goto(`${portal.origin}${path}`);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`shows a bad organisationsnummer at the field and keeps what was typed (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const page = await newPage({ javaScriptEnabled });
      await page.goto(`${portal.origin}/registrera`);
      await page.getByLabel("Föreningens namn").fill("Convictus Test");
      await page.getByLabel("Organisationsnummer").fill("8002012-1581");
      await page.getByLabel("Föreningens e-postadress").fill("info@convictus.example");
      await page.getByLabel("Ditt namn").fill("Kim Test");
      await page.getByLabel("Din e-postadress").fill("kim@convictus.example");
      await page.getByLabel("Välj lösenord").fill("ett långt lösenord");
      await page.getByRole("button", { name: "Registrera" }).click();
      await page.getByRole("alert").waitFor();

      const field = page.getByLabel("Organisationsnummer");
      await expect(field.getAttribute("aria-invalid")).resolves.toBe("true");
      const describedBy = (await field.getAttribute("aria-describedby")) ?? "";
      const message = page.locator(`[id="${describedBy.split(" ").find((id) => id.endsWith("-error"))}"]`);
      await expect(message.textContent()).resolves.toContain("ska ha tio siffror");
      await expect(page.getByRole("alert").textContent()).resolves.toContain("ska ha tio siffror");
      await expect(field.inputValue()).resolves.toBe("8002012-1581");
      await expect(page.getByLabel("Föreningens namn").inputValue()).resolves.toBe("Convictus Test");
      await expect(page.getByLabel("Din e-postadress").inputValue()).resolves.toBe("kim@convictus.example");
      if (javaScriptEnabled) {
        // axe runs as a script in the page, so only where scripts run; the markup is the same.
        expect(await accessibilityViolations(page)).toEqual([]);
        // Focus goes to the summary, and its link takes you to the field.
        await expect(page.evaluate(() => document.activeElement?.classList.contains("error-summary"))).resolves.toBe(true);
      }
    });
  }

  it.each([320, 390])("nothing scrolls sideways at %i px: the long Swedish words of the headings wrap", async (width) => {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    for (const path of ["/", "/logga-in", "/registrera", "/glomt-losenord"]) {
      await page.goto(`${portal.origin}${path}`);
      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        headings: [...document.querySelectorAll("h1, h2")]
          .filter((h) => h.scrollWidth > h.clientWidth || h.getBoundingClientRect().right > document.documentElement.clientWidth)
          .map((h) => h.textContent),
      }));
      expect({ path, ...overflow }).toEqual({ path, page: 0, headings: [] });
    }
    // The soft hyphen that lets the heading break is not part of what a screen reader reads.
    await page.goto(`${portal.origin}/`);
    await waitForHeading(page, "Samverka med stadsdelsförvaltningen genom IOP");
  });

  it("offers a skip link as the first thing to tab to", async () => {
    const page = await newPage();
    await page.goto(`${portal.origin}/`);
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Hoppa till innehållet");
  });
});
