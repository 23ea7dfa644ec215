/**
 * The förvaltning's queue and case page in Chromium, with axe on every page. The server runs
 * in-process on the test's database, so the case can be prepared with the real runtime.
 * Then the rest of the beredning: assessment, tjänsteutlåtande, a return and two attestations, and
 * the registrar's decision.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { accessibilityViolations, hasChromium, useBrowser, waitForHeading } from "../support/browser";
import { setupPortal } from "../support/portal";
import { caseAt, through } from "../support/forvaltning";
import { stockholmDate } from "../../app/utils/time";

const portal = setupPortal();

describe.skipIf(!hasChromium)("a handläggare works a new case in the browser", () => {
  const { signedIn } = useBrowser();

  it("finds the case in the queue, takes it and asks for completion", async () => {
    const { caseId } = await caseAt(portal, through("submit"));
    const origin = portal.server.origin;
    const page = await signedIn(origin, "handlaggare@demo.example");
    await page.goto(`${origin}/forvaltning/rk/arenden?ko=ny`);
    await waitForHeading(page, "Ärenden");
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole("link", { name: /RK 2025\/1/ }).click();
    await page.getByRole("button", { name: "Ta ärendet" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Ta ärendet" }).click();
    await page.getByText("Du har tagit ärendet.").waitFor();

    await page.getByLabel("Vad ska föreningen komplettera?").fill("Bifoga föreningens stadgar.");
    await page.getByRole("button", { name: "Skicka begäran till föreningen" }).click();
    await page.getByRole("alert").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel("Sista dag att komplettera").fill("2099-01-31");
    await page.getByRole("button", { name: "Skicka begäran till föreningen" }).click();
    await page.getByText("Begäran om komplettering är skickad till föreningen.").waitFor();
    await page.getByText("Status: Väntar på komplettering").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(page.url()).toContain(caseId);
  });

  it("after the completion: assessed, written, returned once, attested by both chefer and decided", async () => {
    const { caseId } = await caseAt(portal, through("resubmit"));
    const origin = portal.server.origin;
    const caseUrl = `${origin}/forvaltning/rk/arenden/${caseId}`;
    const clean = async (page: Page) => expect(await accessibilityViolations(page)).toEqual([]);

    const caseworker = await signedIn(origin, "handlaggare@demo.example");
    await caseworker.goto(caseUrl);
    await caseworker.getByRole("button", { name: "Börja bedöma" }).click();
    await caseworker.getByText("Bedömningen är påbörjad.").waitFor();
    await caseworker.getByRole("link", { name: "Bedömning" }).click();
    await caseworker.getByRole("heading", { level: 1, name: /^Bedömning/ }).waitFor();
    await clean(caseworker);
    for (let i = 0; i < 7; i++) await caseworker.locator(`#field-criteria-${i}-verdict-met`).check();
    await caseworker.getByLabel("Kompletterar förvaltningens verksamhet").check();
    await caseworker.getByLabel("Jämställdhetsanalys").fill("Lika många flickor som pojkar deltar.");
    await caseworker.getByLabel("Barnrättsperspektiv").fill("Barnen har fått säga sitt om verksamheten.");
    await caseworker.getByRole("button", { name: "Spara bedömningen" }).click();
    await caseworker.getByText("Bedömningen är sparad.").waitFor();
    await clean(caseworker);

    await caseworker.goto(caseUrl);
    await caseworker.getByRole("link", { name: "Skriv tjänsteutlåtande" }).click();
    await caseworker.getByRole("heading", { level: 1, name: /^Tjänsteutlåtande om ansökan/ }).waitFor();
    expect(await caseworker.getByLabel("Barnrättsperspektiv").inputValue()).toBe("Barnen har fått säga sitt om verksamheten.");
    await clean(caseworker);
    await caseworker.getByLabel("Avslag").check();
    await caseworker.getByRole("button", { name: "Spara utkast" }).click();
    await caseworker.getByRole("alert").waitFor();
    await caseworker.getByText("Skriv motiveringen till förslaget om avslag.").first().waitFor();
    await clean(caseworker);
    await caseworker.getByLabel("Bifall").check();
    await caseworker.getByLabel("Ärendets beredning").fill("Ärendet har beretts av avdelningen för stadsutveckling.");
    await caseworker.getByRole("button", { name: "Spara utkast" }).click();
    await caseworker.getByText("Utlåtandet är sparat.").waitFor();
    await caseworker.getByRole("button", { name: "Skicka till attestering" }).click();
    await caseworker.getByText("Utlåtandet är skickat till attestering.").waitFor();
    await clean(caseworker);

    const chef = await signedIn(origin, "avdelningschef@demo.example");
    await chef.goto(`${caseUrl}/attestering`);
    await chef.getByRole("heading", { level: 1, name: /^Attestering av tjänsteutlåtande/ }).waitFor();
    await chef.getByText("Ärendet har beretts av avdelningen för stadsutveckling.").waitFor();
    await clean(chef);
    await chef.getByRole("button", { name: "Skicka tillbaka" }).click();
    await chef.getByRole("alert").waitFor();
    await clean(chef);
    await chef.getByLabel("Vad behöver ändras?").fill("Utveckla jämställdhetsanalysen.");
    await chef.getByRole("button", { name: "Skicka tillbaka" }).click();
    await chef.getByText("Utlåtandet är skickat tillbaka till handläggaren.").waitFor();
    await clean(chef);

    await caseworker.goto(`${caseUrl}/utlatande?skede=ansokan`);
    await caseworker.getByText("Utveckla jämställdhetsanalysen.").waitFor();
    await clean(caseworker);
    await caseworker.getByLabel("Jämställdhetsanalys").fill("Lika många flickor som pojkar deltar, och ledarna är hälften kvinnor.");
    await caseworker.getByRole("button", { name: "Spara utkast" }).click();
    await caseworker.getByText("Utlåtandet är sparat som ny version (version 2).").waitFor();
    await caseworker.getByRole("button", { name: "Skicka till attestering" }).click();
    await caseworker.getByText("Utlåtandet är skickat till attestering.").waitFor();

    await chef.goto(`${caseUrl}/attestering`);
    await chef.getByText("ledarna är hälften kvinnor").waitFor();
    await chef.getByRole("button", { name: "Attestera" }).click();
    await chef.getByText("Du har attesterat utlåtandet.").waitFor();
    await clean(chef);

    const director = await signedIn(origin, "direktor@demo.example");
    await director.goto(`${caseUrl}/attestering`);
    await director.getByRole("cell", { name: "Alva Avdelningschef, Avdelningschef" }).waitFor();
    await clean(director);
    await director.getByRole("button", { name: "Attestera" }).click();
    await director.getByText("Det är nu klart för nämnden.").waitFor();
    await director.getByRole("cell", { name: "Dan Direktör, Stadsdelsdirektör" }).waitFor();
    await clean(director);

    const registrar = await signedIn(origin, "registrator@demo.example");
    await registrar.goto(caseUrl);
    await registrar.getByRole("link", { name: "Registrera nämndens beslut" }).click();
    await registrar.getByRole("heading", { level: 1, name: /^Nämndens beslut/ }).waitFor();
    await clean(registrar);
    await registrar.getByLabel("Sammanträdets datum").fill(stockholmDate(new Date()));
    await registrar.getByLabel("Paragraf (§) i protokollet").fill("§ 12");
    await registrar.getByLabel("Bifall").check();
    await registrar.getByRole("button", { name: "Registrera beslutet" }).click();
    await registrar.getByText("Beslutet om bifall är registrerat.").waitFor();
    await clean(registrar);
  });
});
