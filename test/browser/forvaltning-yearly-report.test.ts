/**
 * The yearly report to the nämnd in Chromium at 360 px, with axe on every page: a handläggare opens
 * it from the nav, writes and saves the narrative with JavaScript on, sends it, and the
 * avdelningschef sees it with the buttons for attestering.
 */
import { describe, expect, it } from "vitest";
import { accessibilityViolations, hasChromium, useBrowser, waitForHeading } from "../support/browser";
import { setupPortal } from "../support/portal";

const portal = setupPortal();

describe.skipIf(!hasChromium)("the yearly report in the browser", () => {
  const { signedIn } = useBrowser();

  it("is written, saved and sent by the handläggare and reaches the avdelningschef", async () => {
    const origin = portal.server.origin;
    const page = await signedIn(origin, "handlaggare@demo.example");
    await page.goto(`${origin}/forvaltning/rk`);
    await page.getByRole("link", { name: "Årsrapporter" }).click();
    await waitForHeading(page, "Årsrapporter om IOP till nämnden");
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel("År", { exact: true }).fill("2025");
    await page.getByRole("button", { name: "Börja på rapporten" }).click();
    await waitForHeading(page, "Årsrapport om IOP 2025");
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel("Förvaltningens synpunkter och förslag", { exact: true }).fill("Partnerskapen når fler unga än förvaltningen når ensam.");
    await page.getByRole("button", { name: "Spara utkast" }).click();
    await page.getByText("Årsrapporten är sparad.").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Skicka till attestering" }).click();
    await page.getByText("Årsrapporten är skickad till attestering.").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    const chef = await signedIn(origin, "avdelningschef@demo.example");
    await chef.goto(`${origin}/forvaltning/rk/arsrapporter/2025`);
    await chef.getByRole("button", { name: "Attestera" }).waitFor();
    expect(await chef.getByText("Partnerskapen når fler unga än förvaltningen når ensam.").count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(chef)).toEqual([]);
  });
});
