/**
 * Rows and autosave with JavaScript: what was typed in a row stays when another row is added, and a
 * refused autosave does not make the next save a false conflict.
 */
import { describe, expect, it } from "vitest";
import { setupPortal } from "../support/portal";
import { hasChromium, useBrowser, waitForHeading } from "../support/browser";
import { button, field } from "../support/forening-journey";
import { latestVersion, saveStep, startApplication } from "../support/forening-application";
import { caseAfter, stepIndex } from "../support/forvaltning-agreement";
import { eq } from "drizzle-orm";
import { agreements, reports } from "../../db/schema";
import { fryshusetCase } from "../support/forening-after-decision";

describe.skipIf(!hasChromium)("application rows and autosave with JavaScript", () => {
  const portal = setupPortal();
  const browser = useBrowser();

  it("keeps an edited budget row when a row is added, and saves it", async () => {
    const visitor = portal.visitor();
    await visitor.logIn("forening@demo.example");
    const caseId = await startApplication(portal, visitor);
    await saveStep(portal, visitor, caseId, "budget", {
      "budgetLines.0.description": "Lokalhyra",
      "budgetLines.0.associationAmount": "10 000",
      "budgetLines.0.administrationAmount": "20 000",
    });
    const page = await browser.signedIn(portal.server.origin, "forening@demo.example");
    await page.goto(`${portal.server.origin}/forening/arenden/${caseId}/ansokan/budget`);
    await waitForHeading(page, "Budget");
    await page.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined);
    await field(page, "budgetLines.0.description").fill("Lokalhyra för läxhjälpen");
    await page.getByRole("button", { name: /Lägg till rad/ }).first().click();
    await field(page, "budgetLines.1.description").waitFor();
    await expect(field(page, "budgetLines.0.description").inputValue()).resolves.toBe("Lokalhyra för läxhjälpen");
    await field(page, "budgetLines.1.description").fill("Material");
    await field(page, "budgetLines.1.associationAmount").fill("500");
    await button(page, "Spara").click();
    await page.getByText(/Sparat \d\d:\d\d/).waitFor();
    await expect(field(page, "budgetLines.0.description").inputValue()).resolves.toBe("Lokalhyra för läxhjälpen");
    const content = (await latestVersion(portal, caseId)).content as { budgetLines: { description: string }[] };
    expect(content.budgetLines.map((l) => l.description)).toEqual(["Lokalhyra för läxhjälpen", "Material"]);
  });

  it("reports a refused autosave at the field, and the corrected value saves without a conflict", async () => {
    const visitor = portal.visitor();
    await visitor.logIn("forening@demo.example");
    const caseId = await startApplication(portal, visitor);
    const page = await browser.signedIn(portal.server.origin, "forening@demo.example");
    await page.goto(`${portal.server.origin}/forening/arenden/${caseId}/ansokan/budget`);
    await waitForHeading(page, "Budget");
    await page.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined);
    await field(page, "otherContributions").fill("Ideella läxhjälpare");
    await field(page, "budgetLines.0.description").fill("Lön för samordnare");
    await field(page, "budgetLines.0.associationAmount").fill("1,5");
    await field(page, "budgetLines.0.administrationAmount").focus();
    await page.locator("#field-budgetLines-0-associationAmount-error").waitFor();
    await page.getByText(/utom det som är markerat nedan/).waitFor();
    await field(page, "budgetLines.0.associationAmount").fill("15");
    await field(page, "budgetLines.0.administrationAmount").fill("300 000");
    await button(page, "Spara").click();
    await page.getByText(/^Sparat \d\d:\d\d$/).waitFor();
    await expect(page.getByText("Någon annan har ändrat ansökan").count()).resolves.toBe(0);
    await page.reload();
    await waitForHeading(page, "Budget");
    await expect(field(page, "budgetLines.0.associationAmount").inputValue()).resolves.toBe("15");
    await expect(field(page, "otherContributions").inputValue()).resolves.toBe("Ideella läxhjälpare");
  });

  it("keeps an edited goal in the agreement when a goal row is added, and saves both", async () => {
    const world = { organisationIds: portal.organisationIds, districtIds: portal.districtIds };
    const { caseId } = await caseAfter(portal.db, world, stepIndex("send for signing"));
    const page = await browser.signedIn(portal.server.origin, "handlaggare@demo.example");
    await page.goto(`${portal.server.origin}/forvaltning/rk/arenden/${caseId}/overenskommelse`);
    await waitForHeading(page, "Överenskommelse");
    await page.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined);
    await field(page, "goals.0.description").fill("Fler unga i skolan");
    await page.getByRole("button", { name: "Lägg till rad för ett mål till" }).click();
    await field(page, "goals.1.description").waitFor();
    await expect(page.evaluate(() => document.activeElement?.getAttribute("name"))).resolves.toBe("goals.1.description");
    await expect(field(page, "goals.0.description").inputValue()).resolves.toBe("Fler unga i skolan");
    await field(page, "goals.1.description").fill("Fler föräldrar deltar");
    await page.getByRole("button", { name: "Spara utkastet" }).click();
    await page.getByText("Utkastet är sparat.").waitFor();
    const [row] = await portal.db.select().from(agreements).where(eq(agreements.caseId, caseId));
    expect((row!.content as { goals?: { description: string }[] }).goals?.map((g) => g.description)).toEqual(["Fler unga i skolan", "Fler föräldrar deltar"]);
  });

  it("keeps an edited activity in the yearly report when a row is added, and saves both", async () => {
    const { caseId } = await fryshusetCase(portal.db, portal, { through: "chef signs" });
    const page = await browser.signedIn(portal.server.origin, "forening@demo.example");
    await page.goto(`${portal.server.origin}/forening/arenden/${caseId}/rapport`);
    await waitForHeading(page, "Rapport om verksamheten");
    await page.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined);
    await field(page, "narrative").fill("Vi har haft öppet fyra kvällar i veckan.");
    await field(page, "activities.0.name").fill("Öppen verksamhet");
    await field(page, "activities.1.name").fill("Läxhjälp");
    await page.getByRole("button", { name: "Lägg till rad för en aktivitet" }).click();
    await field(page, "activities.2.name").waitFor();
    await expect(page.evaluate(() => document.activeElement?.getAttribute("name"))).resolves.toBe("activities.2.name");
    await expect(field(page, "activities.0.name").inputValue()).resolves.toBe("Öppen verksamhet");
    await field(page, "activities.2.name").fill("Föräldraträff");
    // Take away the second row: the third moves up with what was typed in it.
    await page.getByRole("button", { name: "Ta bort aktivitet 2" }).click();
    await expect(field(page, "activities.1.name").inputValue()).resolves.toBe("Föräldraträff");
    await button(page, "Spara").click();
    await page.getByText("Utkastet är sparat.").waitFor();
    await expect(field(page, "activities.0.name").inputValue()).resolves.toBe("Öppen verksamhet");
    const [row] = await portal.db.select().from(reports).where(eq(reports.caseId, caseId));
    expect((row!.content as { activities?: { name: string }[] }).activities?.map((a) => a.name)).toEqual(["Öppen verksamhet", "Föräldraträff"]);
  });
});
