/**
 * A member of staff's first password sign-in in a real browser (ADR 0027): the set-up page with its QR
 * code and key, the recovery codes, then a later sign-in with the app's code; with and without
 * JavaScript, and every page clean under axe (WCAG 2.1 AA).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, hasChromium, startPortalProcess, useBrowser, waitForHeading, type PortalProcess } from "../support/browser";
import { nextSignInCode, rememberSecret, setUpCode } from "../support/second-factor";
import { DEMO_PASSWORD } from "../../seed/demo-data";

describe.skipIf(!hasChromium)("staff two-step verification in the browser", () => {
  let portal: PortalProcess;
  const browser = useBrowser();
  beforeAll(async () => {
    portal = await startPortalProcess();
  });
  afterAll(async () => {
    await portal?.stop();
  });

  async function passwordStep(javaScriptEnabled: boolean, email: string) {
    const page = await browser.newPage({ javaScriptEnabled });
    await page.goto(`${portal.origin}/logga-in`);
    await page.getByLabel("E-postadress").fill(email);
    await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
    await Promise.all([page.waitForURL((url) => url.pathname !== "/logga-in"), page.getByRole("button", { name: "Logga in", exact: true }).click()]);
    return page;
  }

  it.each([true, false])("sets up the app, shows the recovery codes and signs in with a code later (JavaScript %s)", async (javaScriptEnabled) => {
    const email = javaScriptEnabled ? "samordnare@demo.example" : "avdelningschef@demo.example";
    const page = await passwordStep(javaScriptEnabled, email);
    expect(new URL(page.url()).pathname).toBe("/logga-in/tvastegsverifiering");
    await waitForHeading(page, "Ställ in tvåstegsverifiering");
    const qr = page.getByRole("img", { name: /QR-kod som lägger till IOP-portalen/ });
    await expect(qr.isVisible()).resolves.toBe(true);
    // axe runs as a script in the page, so only where the page may run scripts.
    if (javaScriptEnabled) {
      await expect(qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).resolves.toBe(true);
      expect(await accessibilityViolations(page)).toEqual([]);
    }

    // A wrong code: the message at the field, the field marked.
    await page.getByLabel("Kod från appen").fill("12");
    await page.getByRole("button", { name: "Bekräfta och logga in" }).click();
    await expect(page.locator("#field-code-error").textContent({ timeout: 15_000 })).resolves.toMatch(/Koden stämmer inte|sex siffror/);

    const secret = (await page.locator("#totp-secret").innerText()).replace(/\s+/gu, "");
    const { code, step } = await setUpCode(secret);
    await page.getByLabel("Kod från appen").fill(code);
    await Promise.all([
      page.waitForURL((url) => url.pathname === "/logga-in/aterstallningskoder"),
      page.getByRole("button", { name: "Bekräfta och logga in" }).click(),
    ]);
    await waitForHeading(page, "Spara dina återställningskoder");
    expect(await page.locator(".recovery-codes code").allInnerTexts()).toHaveLength(10);
    if (javaScriptEnabled) expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Jag har sparat koderna – fortsätt" }).click();
    await page.waitForURL((url) => url.pathname === "/forvaltning/rk");
    await page.context().close();

    // The next sign-in asks for the app's code.
    rememberSecret(portal.origin, email, secret, step);
    const later = await passwordStep(javaScriptEnabled, email);
    expect(new URL(later.url()).pathname).toBe("/logga-in/kod");
    await waitForHeading(later, "Skriv koden från appen");
    if (javaScriptEnabled) expect(await accessibilityViolations(later)).toEqual([]);
    await later.getByLabel("Kod", { exact: true }).fill(await nextSignInCode(portal.origin, email));
    await Promise.all([later.waitForURL((url) => url.pathname === "/forvaltning/rk"), later.getByRole("button", { name: "Logga in", exact: true }).click()]);
    await later.context().close();
  });
});
