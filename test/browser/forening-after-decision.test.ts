/**
 * After the decision, in Chromium at phone width: the firmatecknare signs the agreement, a yearly
 * report goes in, and the final report goes in. The server runs in-process on the test's database,
 * so the förvaltning's steps are driven with the real runtime in between. axe on every page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { eq } from "drizzle-orm";
import { cases } from "../../db/schema";
import { transitionCase } from "../../app/cases/transition.server";
import { DEFAULT_TEST_PASSWORD } from "../../db/factories";
import { accessibilityViolations, hasChromium, launchBrowser, logInThroughForm, waitForHeading } from "../support/browser";
import { setupPortal } from "../support/portal";
import { fryshusetCase } from "../integration/forening-after-decision-fixture";

const portal = setupPortal();

describe.skipIf(!hasChromium)("the förening after the decision, in the browser", () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function loggedInPage(email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    await logInThroughForm(page, portal.server.origin, email, DEFAULT_TEST_PASSWORD);
    return page;
  }
  const stateOf = async (caseId: string) => (await portal.db.select().from(cases).where(eq(cases.id, caseId)))[0]!.state;
  const noHorizontalScroll = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

  it("the firmatecknare reads and signs the agreement; it is in force when the förvaltning has signed", async () => {
    const { caseId, cast } = await fryshusetCase(portal.db, portal, { through: "send for signing" });
    const page = await loggedInPage("firmatecknare@demo.example");
    await page.goto(`${portal.server.origin}/forening/arenden/${caseId}/overenskommelse`);
    await waitForHeading(page, "Överenskommelse");
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await noHorizontalScroll(page)).toBe(true);

    await page.getByRole("link", { name: "Skriv under för föreningen" }).click();
    await waitForHeading(page, "Skriv under överenskommelsen");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Skriv under" }).click();
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").textContent()).toContain("Kryssa i rutan");
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel("Jag har läst överenskommelsen och skriver under för föreningen").check();
    await page.getByRole("button", { name: "Skriv under" }).click();
    await waitForHeading(page, "Överenskommelse");
    await page.getByText("Tack! Du har skrivit under överenskommelsen").waitFor();
    expect(await page.getByText(/Underskriven av Filip Firmatecknare/).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await stateOf(caseId)).toBe("agreement.signing");

    expect((await transitionCase({ caseId, command: { type: "SIGN" }, actor: cast.headOfUnit })).ok).toBe(true);
    expect(await stateOf(caseId)).toBe("followUp.reportDue");
  });

  it("a contact person writes the yearly report with a range figure and sends it in", async () => {
    const { caseId } = await fryshusetCase(portal.db, portal, { through: "chef signs" });
    const page = await loggedInPage("forening@demo.example");
    await page.goto(`${portal.server.origin}/forening/arenden/${caseId}/rapport`);
    await waitForHeading(page, "Rapport om verksamheten");
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await noHorizontalScroll(page)).toBe(true);

    await page.getByLabel("Berätta om perioden").fill("Vi har haft öppet fyra kvällar i veckan.");
    const first = page.getByRole("group", { name: "Aktivitet 1" });
    await first.getByLabel("Vad heter aktiviteten?").fill("Öppen verksamhet");
    await first.getByLabel("Antal tillfällen").fill("120");
    await first.getByLabel("Kvinnor och flickor").fill("4-12");
    await first.getByLabel("Män och pojkar").fill("många");
    await page.getByRole("group", { name: /Mål 1:/ }).getByLabel("Utfall").fill("70 %");
    await page.getByLabel("Rapporten är klar. Skicka in den till förvaltningen.").check();
    await page.getByRole("button", { name: "Spara" }).click();
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").textContent()).toContain("Skriv ett antal");
    expect(await accessibilityViolations(page)).toEqual([]);

    await first.getByLabel("Män och pojkar").fill("10");
    await page.getByRole("button", { name: "Spara" }).click();
    await page.getByText("Tack! Rapporten är inskickad.").waitFor();
    expect(await page.getByRole("cell", { name: "4–12" }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await stateOf(caseId)).toBe("followUp.reportSubmitted");

    await page.getByRole("link", { name: "Fyll i den ekonomiska redovisningen" }).click();
    await waitForHeading(page, "Ekonomisk redovisning");
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("a contact person sends in the final report", async () => {
    const { caseId } = await fryshusetCase(portal.db, portal, { through: "agreement period over" });
    const page = await loggedInPage("forening@demo.example");
    await page.goto(`${portal.server.origin}/forening/arenden/${caseId}/slutrapport`);
    await waitForHeading(page, "Slutrapport");
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await noHorizontalScroll(page)).toBe(true);

    await page.getByLabel("Måluppfyllelse").fill("Vi nådde båda målen.");
    await page.getByRole("group", { name: "Har föreningen gjort det den lovade i överenskommelsen?" }).getByLabel("Ja").check();
    await page
      .getByRole("group", { name: "Har förvaltningen gjort det den lovade i överenskommelsen?" })
      .getByLabel("Delvis")
      .check();
    await page.getByLabel("Lärdomar").fill("Tidiga kvällar passar yngre deltagare bäst.");
    await page.getByLabel("Slutrapporten är klar. Skicka in den till förvaltningen.").check();
    await page.getByRole("button", { name: "Spara" }).click();
    await page.getByText("Tack! Slutrapporten är inskickad.").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await stateOf(caseId)).toBe("finalReport.submitted");
  });
});
