/**
 * Forms on a slow phone: a person may type before the page's scripts have loaded. What they typed
 * stays in the fields, and once the scripts run the sums the portal computes count it.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { setupPortal } from "../support/portal";
import { hasChromium, useBrowser, waitForHeading } from "../support/browser";
import { field } from "../support/forening-journey";
import { startApplication } from "../support/forening-application";
import { caseAfter, stepIndex } from "../support/forvaltning-agreement";

describe.skipIf(!hasChromium)("sums typed before the scripts have loaded", () => {
  const portal = setupPortal();
  const browser = useBrowser();

  /** Signs in, then opens `path` with its scripts held back until `type` has run, as on a slow connection. */
  async function typeBeforeScripts(email: string, path: string, heading: string, type: (page: Page) => Promise<void>) {
    const page = await browser.signedIn(portal.server.origin, email);
    let releaseScripts!: () => void;
    const scriptsMayLoad = new Promise<void>((resolve) => (releaseScripts = resolve));
    await page.route(
      (url) => url.pathname.startsWith("/build/"),
      async (route) => {
        await scriptsMayLoad;
        await route.continue();
      },
    );
    await page.goto(`${portal.server.origin}${path}`, { waitUntil: "commit" });
    await waitForHeading(page, heading);
    await type(page);
    releaseScripts();
    return page;
  }

  it("counts a förening's budget amounts once the scripts run", async () => {
    const visitor = portal.visitor();
    await visitor.logIn("forening@demo.example");
    const caseId = await startApplication(portal, visitor);
    const page = await typeBeforeScripts(
      "forening@demo.example",
      `/forening/arenden/${caseId}/ansokan/budget`,
      "Budget",
      async (page) => {
        await field(page, "budgetLines.0.description").fill("Lön för samordnare");
        await field(page, "budgetLines.0.associationAmount").fill("100 000");
        await field(page, "budgetLines.0.administrationAmount").fill("300 000");
        await page.getByRole("row", { name: /^Totalt 0 kr/ }).waitFor();
      },
    );
    await page.getByRole("row", { name: /Totalt 400 000 kr/ }).waitFor();
    await page.getByRole("row", { name: /Förvaltningens bidrag 300 000 kr 75 %/ }).waitFor();
    await expect(field(page, "budgetLines.0.administrationAmount").inputValue()).resolves.toBe("300 000");
    // An amount the server would refuse gives no sum at all, never a rounded or huge one.
    for (const refused of ["1,5", "1 000 000 000 000 000 000"]) {
      await field(page, "budgetLines.0.associationAmount").fill(refused);
      await page.getByText("Summorna räknas ut när alla belopp är skrivna i hela kronor").waitFor();
      await expect(page.getByRole("row", { name: /^Totalt/ }).count()).resolves.toBe(0);
    }
    await field(page, "budgetLines.0.associationAmount").fill("100 000");
    await page.getByRole("row", { name: /Totalt 400 000 kr/ }).waitFor();
  });

  it("counts the handläggare's yearly amounts in the agreement once the scripts run", async () => {
    const world = { organisationIds: portal.organisationIds, districtIds: portal.districtIds };
    const { caseId } = await caseAfter(portal.db, world, stepIndex("send for signing"));
    const page = await typeBeforeScripts(
      "handlaggare@demo.example",
      `/forvaltning/rk/arenden/${caseId}/overenskommelse`,
      "Överenskommelse",
      async (page) => {
        await page.getByLabel("Belopp i kronor, rad 1").fill("300 000");
        await page.locator(".total").getByText("250 000 kr").waitFor();
      },
    );
    await page.locator(".total").getByText("300 000 kr").waitFor();
    await expect(page.getByLabel("Belopp i kronor, rad 1").inputValue()).resolves.toBe("300 000");
  });
});
