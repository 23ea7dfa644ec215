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

  it("unticking Kontaktperson, then one click on Firmatecknare ticks it", async () => {
    const page = await browser.signedIn(portal.origin, "forening@demo.example");
    await page.goto(`${portal.origin}/forening`);
    await page.getByRole("link", { name: "Om föreningen" }).first().click();
    await page.getByRole("link", { name: "Se och ändra vilka som finns i portalen för föreningen" }).click();
    const invite = page.locator("form", { has: page.getByRole("button", { name: "Skicka inbjudan" }) });
    await invite.getByLabel("Namn").fill("Sam Ny");
    await invite.getByLabel("E-postadress").fill("sam.ny@test.example");
    const contact = invite.getByRole("checkbox", { name: "Kontaktperson" });
    const signatory = invite.getByRole("checkbox", { name: "Firmatecknare" });
    await contact.click();
    await expect(contact.isChecked()).resolves.toBe(false);
    await signatory.click();
    await expect(signatory.isChecked()).resolves.toBe(true);
    // The rule still holds when the person leaves the group with no role ticked.
    await signatory.click();
    await invite.getByLabel("Namn").click();
    await expect(invite.locator("fieldset").textContent()).resolves.toMatch(/roll/i);
  });
});
