/**
 * A förvaltning caseworker signs in with "stadens inloggning" in a real browser: the login page, the
 * development SSO's page (server/dev-identity-provider.ts, as `npm start` runs it), the district's
 * home; and logs out at both ends. With and without JavaScript.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { accessibilityViolations, hasChromium, startPortalProcess, useBrowser, waitForHeading, type PortalProcess } from "../support/browser";

describe.skipIf(!hasChromium)("signing in with the city's SSO", () => {
  let portal: PortalProcess;
  const browser = useBrowser();
  beforeAll(async () => {
    // As `npm start` runs the demo: production, with the development identity providers asked for.
    portal = await startPortalProcess({ DEV_IDENTITY_PROVIDER: "true" });
  });
  afterAll(async () => {
    await portal?.stop();
  });

  async function signIn(page: Page, person: string) {
    await page.goto(`${portal.origin}/logga-in`);
    await page.getByRole("button", { name: "Logga in med stadens inloggning" }).click();
    await waitForHeading(page, "Logga in med stadens inloggning");
    expect(new URL(page.url()).pathname).toMatch(/^\/dev\/stads-sso\/interaction\//);
    await page.getByRole("radio", { name: person }).check();
    await Promise.all([page.waitForURL((url) => url.pathname.startsWith("/forvaltning")), page.getByRole("button", { name: "Logga in", exact: true }).click()]);
  }

  for (const javaScriptEnabled of [true, false]) {
    it(`lands on the district's home and logs out at both ends (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const page = await browser.newPage({ javaScriptEnabled });
      await signIn(page, "Hanna Handläggare, handlaggare@demo.example");
      expect(new URL(page.url()).pathname).toBe("/forvaltning/rk");
      await expect(page.getByRole("link", { name: /Hanna Handläggare/ }).count()).resolves.toBeGreaterThan(0);

      await page.getByRole("button", { name: "Logga ut" }).click();
      await waitForHeading(page, "Logga ut från stadens inloggning");
      await page.getByRole("button", { name: "Ja, logga ut" }).click();
      await page.waitForURL((url) => url.pathname === "/logga-in");
      await expect(page.getByText("Du är utloggad.").isVisible()).resolves.toBe(true);

      // The SSO forgot the person too: it asks again.
      await page.getByRole("button", { name: "Logga in med stadens inloggning" }).click();
      await waitForHeading(page, "Logga in med stadens inloggning");
      await page.context().close();
    });
  }

  it("has no WCAG 2.1 AA violations on the login page and the SSO's page", async () => {
    const page = await browser.newPage();
    await page.goto(`${portal.origin}/logga-in`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Logga in med stadens inloggning" }).click();
    await waitForHeading(page, "Logga in med stadens inloggning");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("shows why when the person cancels at the SSO", async () => {
    const page = await browser.newPage();
    await page.goto(`${portal.origin}/logga-in`);
    await page.getByRole("button", { name: "Logga in med stadens inloggning" }).click();
    await waitForHeading(page, "Logga in med stadens inloggning");
    await page.getByRole("button", { name: "Avbryt" }).click();
    await page.waitForURL((url) => url.pathname === "/logga-in");
    await expect(page.getByText("Du avbröt inloggningen").isVisible()).resolves.toBe(true);
    await page.context().close();
  });
});
