/**
 * The förvaltning's side of a partnership in Chromium: the agreement is drafted, sent for signing,
 * signed by the förening's firmatecknare and then by a chef; a yearly report is
 * reviewed and approved; the final report is assessed, attested by both chefer and approved by the
 * nämnd (registered by the registrator), which opens the renegotiated case. axe checks every page on
 * the way.
 */
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { cases, reports } from "../../db/schema";
import { setupPortal } from "../support/portal";
import { accessibilityViolations, hasChromium, useBrowser, waitForHeading } from "../support/browser";
import {
  AGREEMENT,
  caseAfter,
  caseWithSubmittedFinalReport,
  insertPeriodReport,
  run,
  stepIndex,
} from "../support/forvaltning-agreement";
import { stockholmDate } from "../../app/utils/time";

describe.skipIf(!hasChromium)("the förvaltning's partnership pages in the browser", () => {
  const portal = setupPortal();
  const browser = useBrowser();

  const world = () => ({ organisationIds: portal.organisationIds, districtIds: portal.districtIds });
  const stateOf = async (caseId: string) => (await portal.db.select().from(cases).where(eq(cases.id, caseId)))[0]!.state;

  const signedIn = (email: string) => browser.signedIn(portal.server.origin, email);

  it("drafts the agreement, sends it for signing, and a chef signs after the förening", async () => {
    const { caseId } = await caseAfter(portal.db, world(), stepIndex("send for signing"));
    const path = `${portal.server.origin}/forvaltning/rk/arenden/${caseId}/overenskommelse`;

    const caseworker = await signedIn("handlaggare@demo.example");
    await caseworker.goto(path);
    await waitForHeading(caseworker, "Överenskommelse");
    expect(await accessibilityViolations(caseworker)).toEqual([]);
    await expect(caseworker.getByLabel("Syfte och mål").inputValue()).resolves.toContain("läxhjälp och idrott");
    await expect(caseworker.locator(".total").textContent()).resolves.toContain("250 000 kr");

    await caseworker.getByLabel("Mål 1", { exact: true }).fill("Andel deltagare som upplever en ökad framtidstro");
    await caseworker.getByLabel("Målvärde för mål 1").fill("55 %");
    await caseworker.getByLabel("Rapport 1 lämnas senast").fill("2025-09-30");
    await caseworker.getByRole("button", { name: "Lägg till rad för ett rapportdatum till" }).click();
    await caseworker.getByLabel("Rapport 2 lämnas senast").fill("2026-03-31");
    // What was typed before the row was added is still there.
    await expect(caseworker.getByLabel("Målvärde för mål 1").inputValue()).resolves.toBe("55 %");
    await caseworker.getByRole("radio", { name: "Ja" }).check();
    await caseworker.getByLabel("Belopp i kronor, rad 1").fill("300 000");
    await caseworker.locator(".total").getByText("300 000 kr").waitFor();
    await caseworker.getByRole("button", { name: "Spara utkastet" }).click();
    await caseworker.getByText("Utkastet är sparat.").waitFor();
    expect(await accessibilityViolations(caseworker)).toEqual([]);

    await caseworker.getByRole("button", { name: "Skicka för underskrift" }).click();
    await caseworker.getByText("Överenskommelsen är skickad för underskrift.").waitFor();
    expect(await stateOf(caseId)).toBe("agreement.signing");
    expect(await accessibilityViolations(caseworker)).toEqual([]);

    // The förening's firmatecknare signs first, on the förening's side of the portal.
    const signatory = await signedIn("firmatecknare@demo.example");
    await signatory.goto(`${portal.server.origin}/forening/arenden/${caseId}/overenskommelse`);
    await signatory.getByRole("link", { name: "Skriv under för föreningen" }).click();
    await waitForHeading(signatory, "Skriv under överenskommelsen");
    expect(await accessibilityViolations(signatory)).toEqual([]);
    await signatory.getByLabel("Jag har läst överenskommelsen och skriver under för föreningen").check();
    await signatory.getByRole("button", { name: "Skriv under" }).click();
    await signatory.getByText("Tack! Du har skrivit under överenskommelsen för Fryshuset.").waitFor();
    expect(await accessibilityViolations(signatory)).toEqual([]);
    await signatory.context().close();

    const chef = await signedIn("avdelningschef@demo.example");
    await chef.goto(path);
    await waitForHeading(chef, "Överenskommelse");
    expect(await accessibilityViolations(chef)).toEqual([]);
    await chef.getByRole("button", { name: "Skriv under" }).click();
    await chef.getByText("Kryssa i att du har läst överenskommelsen").first().waitFor();
    await chef.getByLabel("Jag har läst överenskommelsen och skriver under den för förvaltningen.").check();
    await chef.getByRole("button", { name: "Skriv under" }).click();
    await chef.getByText("Båda parter har skrivit under och överenskommelsen gäller.").waitFor();
    await chef.getByText("Underskrivet av Alva Avdelningschef, Avdelningschef", { exact: false }).waitFor();
    expect(await accessibilityViolations(chef)).toEqual([]);
    expect(await stateOf(caseId)).toBe("followUp.reportDue");
    await caseworker.context().close();
    await chef.context().close();
  });

  it("reviews and approves a yearly report with the förvaltning's view of the mervärde", async () => {
    const { caseId, cast } = await caseAfter(portal.db, world(), stepIndex("first report"), { agreement: AGREEMENT });
    await insertPeriodReport(portal.db, caseId, 0);
    await run(caseId, { type: "SUBMIT_REPORT" }, cast.applicant, "2025-09-25");

    const caseworker = await signedIn("handlaggare@demo.example");
    await caseworker.goto(`${portal.server.origin}/forvaltning/rk/arenden/${caseId}/uppfoljning`);
    await waitForHeading(caseworker, "Uppföljning");
    expect(await accessibilityViolations(caseworker)).toEqual([]);
    await caseworker.getByRole("button", { name: "Godkänn rapporten" }).click();
    await caseworker.getByText("Skriv förvaltningens bedömning av mervärdet.").first().waitFor();
    await caseworker.getByLabel("Förvaltningens bedömning av mervärdet").fill("Föreningen når unga som vi inte når.");
    await caseworker.getByRole("button", { name: "Godkänn rapporten" }).click();
    await caseworker.getByText("Rapporten är godkänd.").waitFor();
    expect(await accessibilityViolations(caseworker)).toEqual([]);
    expect(await stateOf(caseId)).toBe("followUp.reportDue");
    const [report] = await portal.db.select().from(reports).where(and(eq(reports.caseId, caseId), eq(reports.periodIndex, 0)));
    expect(report!.review).toEqual({ addedValue: "Föreningen når unga som vi inte når." });

    await caseworker.goto(`${portal.server.origin}/forvaltning/rk/arenden/${caseId}/slutrapport`);
    await waitForHeading(caseworker, "Slutrapport");
    expect(await accessibilityViolations(caseworker)).toEqual([]);
    await caseworker.context().close();
  });

  it("assesses the final report; both chefer attest, the registrator records the approval and the renegotiation opens", async () => {
    const { caseId } = await caseWithSubmittedFinalReport(portal.db, world());
    const caseUrl = `${portal.server.origin}/forvaltning/rk/arenden/${caseId}`;
    const clean = async (page: Page) => expect(await accessibilityViolations(page)).toEqual([]);

    const caseworker = await signedIn("handlaggare@demo.example");
    await caseworker.goto(`${caseUrl}/slutrapport`);
    await waitForHeading(caseworker, "Slutrapport");
    await caseworker.getByText("Målet om ökad framtidstro nåddes: 70 % mot 55 %.").waitFor();
    await clean(caseworker);
    await caseworker.getByRole("button", { name: "Börja bedöma" }).click();
    await caseworker.getByText("Du har börjat bedöma slutrapporten.").waitFor();
    await clean(caseworker);
    await caseworker.getByRole("link", { name: "Tjänsteutlåtande om slutrapporten" }).click();
    await caseworker.getByRole("heading", { level: 1, name: /^Tjänsteutlåtande om slutrapporten/ }).waitFor();
    await clean(caseworker);
    await caseworker.getByLabel("Ja, partnerskapet ska omförhandlas").check();
    await caseworker.getByLabel("Förvaltningens synpunkter och förslag").fill("Målen är nådda. Förvaltningen föreslår ett nytt partnerskap.");
    await caseworker.getByRole("button", { name: "Spara utkast" }).click();
    await caseworker.getByText("Utlåtandet är sparat.").waitFor();
    await caseworker.getByRole("button", { name: "Skicka till attestering" }).click();
    await caseworker.getByText("Utlåtandet är skickat till attestering.").waitFor();
    await clean(caseworker);
    expect(await stateOf(caseId)).toBe("finalReport.attestation.awaitingHeadOfUnit");

    for (const [email, done] of [
      ["avdelningschef@demo.example", "Stadsdelsdirektören får ett meddelande."],
      ["direktor@demo.example", "Det är nu klart för nämnden."],
    ] as const) {
      const chef = await signedIn(email);
      await chef.goto(`${caseUrl}/attestering`);
      await chef.getByText("Förvaltningen föreslår ett nytt partnerskap.").waitFor();
      await clean(chef);
      await chef.getByRole("button", { name: "Attestera" }).click();
      await chef.getByText(done).waitFor();
      await clean(chef);
      await chef.context().close();
    }
    expect(await stateOf(caseId)).toBe("finalReport.awaitingBoard");

    const registrar = await signedIn("registrator@demo.example");
    await registrar.goto(`${caseUrl}/beslut`);
    await registrar.getByRole("heading", { level: 2, name: "Registrera nämndens beslut om slutrapporten" }).waitFor();
    await registrar.getByText("Förvaltningens förslag om omförhandling: ja.").waitFor();
    await clean(registrar);
    await registrar.getByLabel("Sammanträdets datum").fill(stockholmDate(new Date()));
    await registrar.getByLabel("Paragraf (§) i protokollet").fill("§ 21");
    await registrar.getByRole("button", { name: "Registrera beslutet" }).click();
    await registrar.getByText("Nämndens beslut om slutrapporten är registrerat. Ärendet är avslutat.").waitFor();
    await clean(registrar);
    expect(await stateOf(caseId)).toBe("closed");

    await caseworker.goto(`${caseUrl}/slutrapport`);
    await caseworker.getByText(`Nämnden godkände slutrapporten ${stockholmDate(new Date())}, § 21.`).waitFor();
    await caseworker.getByText("Partnerskapet ska omförhandlas.").waitFor();
    await clean(caseworker);
    const [next] = await portal.db.select().from(cases).where(eq(cases.previousCaseId, caseId));
    await caseworker.getByRole("link", { name: /^Det nya ärendet/ }).click();
    await caseworker.waitForURL(`${caseUrl.replace(caseId, next!.id)}`);
    await clean(caseworker);
    await caseworker.context().close();
    await registrar.context().close();
  });

  it("has no axe violations on the calls page", async () => {
    const admin = await signedIn("admin@demo.example");
    await admin.goto(`${portal.server.origin}/forvaltning/rk/utlysningar`);
    await waitForHeading(admin, "Utlysningar och prioriterade områden");
    expect(await accessibilityViolations(admin)).toEqual([]);
    await admin.goto(`${portal.server.origin}/forvaltning/rk/personal`);
    await waitForHeading(admin, "Personal och roller");
    expect(await accessibilityViolations(admin)).toEqual([]);
    await admin.context().close();
  });
});
