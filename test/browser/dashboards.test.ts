/**
 * The dashboards in Chromium at 360 px: with JavaScript the charts are drawn (an image with a summary
 * in words, bars with patterns and values) above the tables, and axe finds nothing; without JavaScript
 * the tables carry the same figures.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { setupPortal } from "../support/portal";
import { accessibilityViolations, hasChromium, useBrowser, waitForHeading } from "../support/browser";
import { buildDashboardWorld } from "../support/dashboards-fixture";

describe.skipIf(!hasChromium)("the dashboards in the browser", () => {
  const portal = setupPortal();
  const browser = useBrowser();
  beforeAll(async () => {
    await buildDashboardWorld(portal.db, portal);
  });

  const signedIn = (email: string, javaScriptEnabled = true) =>
    browser.signedIn(portal.server.origin, email, { javaScriptEnabled });

  const staffPath = () => `${portal.server.origin}/forvaltning/rk/oversikt?fran=2024&till=2026`;
  const foreningPath = () => `${portal.server.origin}/forening/${portal.organisationIds.get("Fryshuset")}/oversikt`;

  it("draws the förvaltning's charts as described images above the tables, and passes axe", async () => {
    const page = await signedIn("handlaggare@demo.example");
    await page.getByRole("link", { name: "Nyckeltal" }).click();
    await waitForHeading(page, "Nyckeltal för Rinkeby-Kista");
    await page.goto(staffPath());
    await waitForHeading(page, "Nyckeltal för Rinkeby-Kista");
    const funding = page.getByRole("img", { name: /förvaltningens bidrag totalt per år/ });
    await funding.waitFor();
    expect(await funding.getAttribute("aria-label")).toContain("2025: 650 000 kr");
    // Four charts: funding, participants, stages, lead times; each one an SVG with bars.
    await expect(page.locator(".chart-image .recharts-wrapper > svg.recharts-surface").count()).resolves.toBe(4);
    await expect(page.locator(".chart-image .recharts-bar-rectangle").count()).resolves.toBeGreaterThan(0);
    // The second series is told apart by its pattern, not by colour alone.
    const participants = page.getByRole("img", { name: /deltagare per kön och år/ });
    await expect(participants.locator("pattern").count()).resolves.toBeGreaterThan(0);
    await expect(participants.locator(".recharts-legend-item-text").allTextContents()).resolves.toEqual([
      "Kvinnor och flickor",
      "Män och pojkar",
      "Annat eller ej angivet",
    ]);
    // The page itself does not scroll sideways at 360 px: only the chart frame does.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole("table", { name: "Bidrag per IOP och år, 2024–2026" }).waitFor();
    if (process.env.DASHBOARD_SCREENSHOT) {
      await page.screenshot({ path: "/tmp/dash-staff.png", fullPage: true });
      await page.setViewportSize({ width: 800, height: 800 });
      await participants.screenshot({ path: "/tmp/dash-participants.png" });
      await page.getByRole("img", { name: /ärenden per steg/ }).screenshot({ path: "/tmp/dash-stages.png" });
      await page.getByRole("img", { name: /handläggningstid/ }).screenshot({ path: "/tmp/dash-lead.png" });
      await page.setViewportSize({ width: 360, height: 800 });
    }
    expect(await accessibilityViolations(page)).toEqual([]);

    // The period form works as a plain GET form.
    await page.getByLabel("Från år").fill("2025");
    await page.getByLabel("Till och med år").fill("2025");
    await page.getByRole("button", { name: "Visa perioden" }).click();
    await page.getByRole("table", { name: "Bidrag per IOP och år, 2025" }).waitFor();
    expect(new URL(page.url()).search).toBe("?fran=2025&till=2025");
    await page.context().close();
  });

  it("draws the förening's charts and passes axe", async () => {
    const page = await signedIn("forening@demo.example");
    await page.goto(foreningPath());
    await waitForHeading(page, "Föreningens siffror");
    await page.getByRole("img", { name: /bidrag per år/ }).waitFor();
    await expect(page.locator(".chart-image .recharts-wrapper > svg.recharts-surface").count()).resolves.toBe(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    if (process.env.DASHBOARD_SCREENSHOT) await page.screenshot({ path: "/tmp/dash-forening.png", fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("gives the same figures as tables without JavaScript, and no charts", async () => {
    const staff = await signedIn("handlaggare@demo.example", false);
    await staff.goto(staffPath());
    await waitForHeading(staff, "Nyckeltal för Rinkeby-Kista");
    const funding = staff.getByRole("table", { name: "Bidrag per IOP och år, 2024–2026" });
    await expect(funding.getByRole("row").last().textContent()).resolves.toContain("750 000 kr");
    await staff.getByRole("table", { name: "Handläggningstider, median i dagar, 2024–2026" }).waitFor();
    await expect(staff.locator(".chart-image").count()).resolves.toBe(0);
    await staff.getByLabel("Från år").fill("2025");
    await staff.getByRole("button", { name: "Visa perioden" }).click();
    await staff.getByRole("table", { name: "Bidrag per IOP och år, 2025–2026" }).waitFor();
    await staff.context().close();

    const forening = await signedIn("forening@demo.example", false);
    await forening.goto(foreningPath());
    await waitForHeading(forening, "Föreningens siffror");
    await expect(forening.getByRole("table", { name: "Bidrag per år" }).textContent()).resolves.toContain("425 000 kr");
    await forening.getByRole("table", { name: "Mål, målvärde och utfall per år" }).waitFor();
    await forening.context().close();
  });
});
