/**
 * Nothing typed is lost: an autosave that refuses a field leaves the stored revision alone, so the next
 * save from the same page goes through (no false "someone else changed it"), and a row button saves
 * what was typed and shows it again with the row added or removed (the no-JavaScript post).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { cases } from "../../db/schema";
import { transitionCase } from "../../app/cases/transition.server";
import { applicationPeriod } from "../support/dates";
import { setupPortal } from "../support/portal";
import { textOf, Visitor } from "../support/visitor";
import { actorFor, fillComplete, latestVersion, startApplication, submit } from "../support/forening-application";

const portal = setupPortal();
let fatima: Visitor;

beforeAll(async () => {
  fatima = portal.visitor();
  expect((await fatima.logIn("forening@demo.example")).status).toBe(302);
});

const CONFLICT = "Någon annan har ändrat ansökan";
const stepUrl = (caseId: string, step: string) => `/forening/arenden/${caseId}/ansokan/${step}`;
const revisionIn = (html: string) => Number(/name="revision" value="(\d+)"/.exec(html)?.[1]);
const valueOf = (html: string, name: string) => new RegExp(`name="${name.replace(/\./g, "\\.")}"[^>]*value="([^"]*)"`).exec(html)?.[1];

/** The page as a person opens it: its HTML and the revision it was built from. */
async function open(caseId: string, step: string) {
  const response = await fatima.get(stepUrl(caseId, step));
  expect(response.status).toBe(200);
  const html = await response.text();
  return { html, revision: revisionIn(html) };
}

describe("a refused autosave", () => {
  it("on the budget step does not turn the next save into a conflict, and the corrected values survive a reload", async () => {
    const caseId = await startApplication(portal, fatima);
    const page = await open(caseId, "budget");
    const row = { "budgetLines.0.description": "Lön för samordnare", "budgetLines.0.administrationAmount": "300 000" };
    // Leaving the amount field sends an autosave; "1,5" is not whole kronor and is refused at the field.
    const refused = await fatima.post(stepUrl(caseId, "budget"), {
      revision: String(page.revision),
      intent: "autosave",
      ...row,
      "budgetLines.0.associationAmount": "1,5",
    });
    expect(refused.status).toBe(400);
    expect((await latestVersion(portal, caseId)).revision).toBe(page.revision);
    // The person corrects it and presses Spara on the same page.
    const saved = await fatima.post(stepUrl(caseId, "budget"), {
      revision: String(page.revision),
      intent: "save",
      ...row,
      "budgetLines.0.associationAmount": "15",
    });
    const text = textOf(await saved.text());
    expect(saved.status, text).toBe(200);
    expect(text).not.toContain(CONFLICT);
    const reloaded = await open(caseId, "budget");
    expect(valueOf(reloaded.html, "budgetLines.0.associationAmount")).toBe("15");
    expect(valueOf(reloaded.html, "budgetLines.0.description")).toBe("Lön för samordnare");
  });

  it("of a date on Grunduppgifter does the same", async () => {
    const caseId = await startApplication(portal, fatima);
    const period = applicationPeriod();
    const page = await open(caseId, "grund");
    const refused = await fatima.post(stepUrl(caseId, "grund"), {
      revision: String(page.revision),
      intent: "autosave",
      title: "Läxhjälp i Husby",
      periodStart: `${period.periodStart.slice(0, 4)}-02-30`,
      periodEnd: "",
      callId: "",
      priorityAreaId: "",
    });
    expect(refused.status).toBe(400);
    const saved = await fatima.post(stepUrl(caseId, "grund"), {
      revision: String(page.revision),
      intent: "save",
      title: "Läxhjälp i Husby",
      ...period,
      callId: "",
      priorityAreaId: "",
    });
    const text = textOf(await saved.text());
    expect(saved.status, text).toBe(200);
    expect(text).not.toContain(CONFLICT);
    expect((await latestVersion(portal, caseId)).content).toMatchObject(period);
  });

  it("that also saved a good field answers with the new revision, and the page holds it", async () => {
    const caseId = await startApplication(portal, fatima);
    const page = await open(caseId, "budget");
    const refused = await fatima.post(stepUrl(caseId, "budget"), {
      revision: String(page.revision),
      intent: "save",
      otherContributions: "Ideella läxhjälpare",
      "budgetLines.0.description": "Lön",
      "budgetLines.0.associationAmount": "1,5",
      "budgetLines.0.administrationAmount": "0",
    });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('id="field-budgetLines-0-associationAmount-error"');
    const stored = await latestVersion(portal, caseId);
    expect(stored.revision).toBe(page.revision + 1);
    expect(stored.content.otherContributions).toBe("Ideella läxhjälpare");
    expect(revisionIn(html)).toBe(stored.revision);
    const again = await fatima.post(stepUrl(caseId, "budget"), {
      revision: String(revisionIn(html)),
      intent: "save",
      otherContributions: "Ideella läxhjälpare",
      "budgetLines.0.description": "Lön",
      "budgetLines.0.associationAmount": "2",
      "budgetLines.0.administrationAmount": "0",
    });
    expect(again.status).toBe(200);
  });
});

describe("rows by intent without JavaScript", () => {
  it("keeps an edited budget row when a row is added, saves it, and stores no empty row", async () => {
    const caseId = await startApplication(portal, fatima);
    let page = await open(caseId, "budget");
    const first = await fatima.post(stepUrl(caseId, "budget"), {
      revision: String(page.revision),
      intent: "save",
      "budgetLines.0.description": "Lokalhyra",
      "budgetLines.0.associationAmount": "10 000",
      "budgetLines.0.administrationAmount": "20 000",
    });
    expect(first.status).toBe(200);
    page = await open(caseId, "budget");
    const added = await fatima.post(stepUrl(caseId, "budget"), {
      revision: String(page.revision),
      intent: "add-row:budgetLines",
      "budgetLines.0.description": "Lokalhyra för läxhjälpen",
      "budgetLines.0.associationAmount": "10 000",
      "budgetLines.0.administrationAmount": "25 000",
    });
    expect(added.status).toBe(200);
    const html = await added.text();
    expect(valueOf(html, "budgetLines.0.description")).toBe("Lokalhyra för läxhjälpen");
    expect(valueOf(html, "budgetLines.0.administrationAmount")).toBe("25 000");
    expect(valueOf(html, "budgetLines.1.description")).toBe("");
    expect((await latestVersion(portal, caseId)).content.budgetLines).toEqual([
      { description: "Lokalhyra för läxhjälpen", associationAmount: 10_000, administrationAmount: 25_000 },
    ]);
    const saved = await fatima.post(stepUrl(caseId, "budget"), {
      revision: String(revisionIn(html)),
      intent: "save",
      "budgetLines.0.description": "Lokalhyra för läxhjälpen",
      "budgetLines.0.associationAmount": "10 000",
      "budgetLines.0.administrationAmount": "25 000",
      "budgetLines.1.description": "Material",
      "budgetLines.1.associationAmount": "500",
      "budgetLines.1.administrationAmount": "",
    });
    expect(saved.status, textOf(await saved.text())).toBe(200);
    expect((await latestVersion(portal, caseId)).content.budgetLines).toEqual([
      { description: "Lokalhyra för läxhjälpen", associationAmount: 10_000, administrationAmount: 25_000 },
      { description: "Material", associationAmount: 500, administrationAmount: 0 },
    ]);
  });

  it("removes the chosen row and keeps the edits in the others", async () => {
    const caseId = await startApplication(portal, fatima);
    const page = await open(caseId, "aktiviteter");
    const removed = await fatima.post(stepUrl(caseId, "aktiviteter"), {
      revision: String(page.revision),
      intent: "remove-row:activities:0",
      "activities.0.name": "Läxhjälp",
      "activities.0.description": "Tisdagar",
      "activities.1.name": "Matlagning",
      "activities.1.description": "Torsdagar, ändrat",
    });
    expect(removed.status).toBe(200);
    const html = await removed.text();
    expect(valueOf(html, "activities.0.name")).toBe("Matlagning");
    expect(html).toContain("Torsdagar, ändrat");
    expect(html).not.toContain('name="activities.1.name"');
    expect((await latestVersion(portal, caseId)).content.activities).toEqual([{ name: "Matlagning", description: "Torsdagar, ändrat" }]);
  });

  it("keeps a corrected row in a komplettering when a row is added", async () => {
    const caseId = await startApplication(portal, fatima);
    await fillComplete(portal, fatima, caseId);
    expect((await submit(portal, fatima, caseId)).status).toBe(302);
    const caseworker = await actorFor(portal, "handlaggare@demo.example");
    expect((await transitionCase({ caseId, command: { type: "TAKE" }, actor: caseworker })).ok).toBe(true);
    const requested = await transitionCase({
      caseId,
      command: { type: "REQUEST_COMPLETION", message: "Rätta budgeten.", dueDate: "2099-12-31" },
      actor: caseworker,
    });
    expect(requested.ok).toBe(true);
    expect((await fatima.post(`/forening/arenden/${caseId}/komplettera`, {})).status).toBe(302);
    const page = await open(caseId, "budget");
    const added = await fatima.post(stepUrl(caseId, "budget"), {
      revision: String(page.revision),
      intent: "add-row:budgetLines",
      "budgetLines.0.description": "Lön för samordnare, halvtid",
      "budgetLines.0.associationAmount": "50 000",
      "budgetLines.0.administrationAmount": "150 000",
      otherContributions: "Ideella läxhjälpare.",
    });
    const html = await added.text();
    expect(valueOf(html, "budgetLines.0.description")).toBe("Lön för samordnare, halvtid");
    const saved = await fatima.post(stepUrl(caseId, "budget"), {
      revision: String(revisionIn(html)),
      intent: "save",
      "budgetLines.0.description": "Lön för samordnare, halvtid",
      "budgetLines.0.associationAmount": "50 000",
      "budgetLines.0.administrationAmount": "150 000",
      "budgetLines.1.description": "Lokal",
      "budgetLines.1.associationAmount": "0",
      "budgetLines.1.administrationAmount": "20 000",
      otherContributions: "Ideella läxhjälpare.",
    });
    expect(saved.status, textOf(await saved.text())).toBe(200);
    expect((await submit(portal, fatima, caseId)).headers.get("location")).toBe(`/forening/arenden/${caseId}/kvitto`);
    const version = await latestVersion(portal, caseId);
    expect(version).toMatchObject({ version: 2, status: "submitted" });
    expect(version.content.budgetLines).toEqual([
      { description: "Lön för samordnare, halvtid", associationAmount: 50_000, administrationAmount: 150_000 },
      { description: "Lokal", associationAmount: 0, administrationAmount: 20_000 },
    ]);
    const [row] = await portal.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row!.state).toBe("review.assigned");
  });
});
