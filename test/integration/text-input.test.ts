/** Control characters and line breaks in typed text: a message at the field, never a 500, and what was typed is shown again. */
import { beforeAll, describe, expect, it } from "vitest";
import { setupPortal } from "../support/portal";
import { textOf, Visitor } from "../support/visitor";
import { latestVersion, saveStep, startApplication } from "../support/forening-application";

const portal = setupPortal();
let fatima: Visitor;

beforeAll(async () => {
  fatima = portal.visitor();
  expect((await fatima.logIn("forening@demo.example")).status).toBe(302);
});

const registration = {
  organisationName: "Husby Läxhjälp",
  organisationNumber: "802478-8542",
  organisationEmail: "info@laxhjalp.example",
  contactName: "Sara Lind",
  email: "sara.nul@laxhjalp.example",
  password: "ett långt och bra lösenord",
};

describe("text that cannot be stored", () => {
  it("refuses a NUL byte in registration at the field and keeps the rest of what was typed", async () => {
    const response = await portal.visitor().post("/registrera", { ...registration, organisationName: "Husby\u0000 Läxhjälp" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(textOf(html)).toContain("Texten innehåller tecken som inte går att spara");
    expect(html).toMatch(/id="field-organisationName"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="field-organisationName"/);
    expect(html).toContain('value="sara.nul@laxhjalp.example"');
  });

  it("refuses a name on two lines and trims one that only has spaces around it", async () => {
    const response = await portal.visitor().post("/registrera", { ...registration, contactName: "Sara\nLind" });
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain("Skriv det här på en rad, utan radbrytningar.");
  });

  it("refuses a NUL byte in an application step at the field, saves the good fields and shows the typed text", async () => {
    const caseId = await startApplication(portal, fatima, "Text med styrtecken");
    const response = await saveStep(portal, fatima, caseId, "syfte", {
      purpose: "Fler unga\u0000 klarar skolan.",
      societalChallenge: "Många lämnar skolan\r\nutan behörighet.",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(textOf(html)).toContain("Texten innehåller tecken som inte går att spara");
    expect(html).toContain("Fler unga");
    const version = await latestVersion(portal, caseId);
    expect(version.content).toMatchObject({ societalChallenge: "Många lämnar skolan\r\nutan behörighet." });
    expect((version.content as { purpose?: string }).purpose ?? "").not.toContain("Fler unga");
  });

  it("refuses a title on two lines on Grunduppgifter", async () => {
    const caseId = await startApplication(portal, fatima, "En rad");
    const response = await saveStep(portal, fatima, caseId, "grund", { title: "Två\nrader" });
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain("Skriv det här på en rad");
    expect((await latestVersion(portal, caseId)).content).toMatchObject({ title: "En rad" });
  });
});
