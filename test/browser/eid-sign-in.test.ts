/**
 * A förening's people with e-legitimation in a real browser, against the portal as `npm start` runs
 * the demo (the development e-legitimation at /dev/e-legitimation): a linked demo person signs in and
 * sees how; a person with no account registers a förening with e-ID; with and without JavaScript.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { accessibilityViolations, hasChromium, startPortalProcess, useBrowser, waitForHeading, type PortalProcess } from "../support/browser";

describe.skipIf(!hasChromium)("e-legitimation for föreningar", () => {
  let portal: PortalProcess;
  const browser = useBrowser();
  beforeAll(async () => {
    portal = await startPortalProcess({ DEV_IDENTITY_PROVIDER: "true" });
  });
  afterAll(async () => {
    await portal?.stop();
  });

  async function atBroker(page: Page, person: string, landing: (url: URL) => boolean) {
    await page.goto(`${portal.origin}/logga-in`);
    await page.getByRole("button", { name: "Logga in med e-legitimation" }).click();
    await waitForHeading(page, "Legitimera dig med e-legitimation");
    await page.getByRole("radio", { name: person }).check();
    await Promise.all([page.waitForURL(landing), page.getByRole("button", { name: "Legitimera" }).click()]);
  }

  it("a linked demo person signs in and Ditt konto says with what", async () => {
    const page = await browser.newPage();
    await atBroker(page, "Fatima Förening, 19850712-9297, BankID", (url) => url.pathname === "/forening");
    await waitForHeading(page, "Välkommen, Fatima Förening");
    await page.getByRole("link", { name: /Ditt konto: Fatima Förening/ }).click();
    await waitForHeading(page, "Ditt konto");
    await expect(page.getByText("Inloggad med BankID").isVisible()).resolves.toBe(true);
    await expect(page.getByText(/Fatima Förening, 19850712-XXXX/).isVisible()).resolves.toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  const people = [
    { javaScriptEnabled: true, person: "Nora Nyström, 20000101-0156, Freja eID", name: "Nora Nyström", method: "Freja eID", number: "802478-8542", org: "Noras Läsecirkel" },
    { javaScriptEnabled: false, person: "Olle Olsson, 19651230-7072, BankID", name: "Olle Olsson", method: "BankID", number: "802479-5836", org: "Olles Schackklubb" },
  ];
  for (const p of people) {
    it(`a person with no account registers a förening with e-ID (JavaScript ${p.javaScriptEnabled ? "on" : "off"})`, async () => {
      const page = await browser.newPage({ javaScriptEnabled: p.javaScriptEnabled });
      await atBroker(page, p.person, (url) => url.pathname === "/registrera/e-legitimation").catch(async (e) => {
          throw e;
      });
      await waitForHeading(page, "Registrera förening med e-legitimation");
      await expect(page.getByText(p.name, { exact: true }).isVisible()).resolves.toBe(true);
      // axe runs as a script in the page.
      if (p.javaScriptEnabled) expect(await accessibilityViolations(page)).toEqual([]);

      await page.getByLabel("Föreningens namn").fill(p.org);
      await page.getByLabel("Organisationsnummer").fill(p.number);
      await page.getByLabel("Föreningens e-postadress").fill(`info@${p.number}.example`);
      await page.getByLabel("Din e-postadress").fill(`kontakt@${p.number}.example`);
      await Promise.all([page.waitForURL((url) => url.pathname === "/forening"), page.getByRole("button", { name: "Registrera" }).click()]);
      await waitForHeading(page, `Välkommen, ${p.name}`);
      await expect(page.getByRole("heading", { name: p.org }).isVisible()).resolves.toBe(true);
      await page.goto(`${portal.origin}/konto`);
      await expect(page.getByText(`Inloggad med ${p.method}`).isVisible()).resolves.toBe(true);
      await page.context().close();
    });
  }
});
