/**
 * The invite form's role boxes, with JavaScript: moving from one box to the next is not leaving the
 * group, so no message may appear (and push the next box away) between pressing and releasing it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, startPortalProcess, useBrowser, type PortalProcess } from "../support/browser";

describe.skipIf(!hasChromium)("inviting a person to the förening", () => {
  let portal: PortalProcess;
  const browser = useBrowser();
  beforeAll(async () => {
    portal = await startPortalProcess();
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it("offers Kontaktperson only: unticking it asks for a role at the field, and no box makes anyone firmatecknare", async () => {
    const page = await browser.signedIn(portal.origin, "forening@demo.example");
    await page.goto(`${portal.origin}/forening`);
    await page.getByRole("link", { name: "Om föreningen" }).first().click();
    await page.getByRole("link", { name: "Se och ändra vilka som finns i portalen för föreningen" }).click();
    const invite = page.locator("form", { has: page.getByRole("button", { name: "Skicka inbjudan" }) });
    await invite.getByLabel("Namn").fill("Sam Ny");
    await invite.getByLabel("E-postadress").fill("sam.ny@test.example");
    const contact = invite.getByRole("checkbox", { name: "Kontaktperson" });
    await expect(contact.isChecked()).resolves.toBe(true);
    await expect(page.getByRole("checkbox", { name: "Firmatecknare" }).count()).resolves.toBe(0);
    // Firmatecknare are confirmed by the förvaltning from the protokoll (ADR 0028); the page says where.
    await page.getByRole("link", { name: "Verifiera föreningen" }).first().waitFor();
    // The rule still holds when the person leaves the group with no role ticked.
    await contact.click();
    await invite.getByLabel("Namn").click();
    await expect(invite.locator("fieldset").textContent()).resolves.toMatch(/roll/i);
  });

});
