/** The yearly report: drafts, figures as typed, sending in, the bokslut later, completion, earlier periods. */
import { beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { cases, reports } from "../../db/schema";
import { createOrganisationUser } from "../../seed/factories";
import { transitionCase } from "../../app/cases/transition.server";
import { FIGURE_MESSAGE } from "../../app/domain/figures";
import { stockholmDate } from "../../app/utils/time";
import { setupPortal } from "../support/portal";
import { textOf, type Visitor } from "../support/visitor";
import { fryshusetCase } from "../support/forening-after-decision";

const portal = setupPortal();
const visitors = {} as Record<"contact" | "iogt" | "staff" | "anonymous" | "signatoryOnly", Visitor>;

async function loggedIn(email: string) {
  const visitor = portal.visitor();
  expect((await visitor.logIn(email)).status).toBe(302);
  return visitor;
}

beforeAll(async () => {
  visitors.anonymous = portal.visitor();
  visitors.contact = await loggedIn("forening@demo.example");
  visitors.iogt = await loggedIn("iogt@demo.example");
  visitors.staff = await loggedIn("handlaggare@demo.example");
  await createOrganisationUser(portal.db, {
    organisationId: portal.organisationIds.get("Fryshuset")!,
    roles: ["signatory"],
    email: "firmatecknare.rapport@test.example",
  });
  visitors.signatoryOnly = await loggedIn("firmatecknare.rapport@test.example");
});

const periodRows = async (caseId: string, periodIndex = 0) =>
  portal.db
    .select()
    .from(reports)
    .where(and(eq(reports.caseId, caseId), eq(reports.kind, "period"), eq(reports.periodIndex, periodIndex)))
    .orderBy(asc(reports.version));
const stateOf = async (caseId: string) => (await portal.db.select().from(cases).where(eq(cases.id, caseId)))[0]!.state;

const REPORT = {
  narrative: "Vi har haft öppet fyra kvällar i veckan.",
  "activities.0.name": "Öppen verksamhet",
  "activities.0.sessions": "120",
  "activities.0.women": "4-12",
  "activities.0.men": "10 – 15",
  "activities.0.other": "",
  "activities.0.ageGroup": "13–22 år",
  "activities.0.comment": "Per kväll",
  "goals.0.outcome": "70 %",
  "goals.0.comment": "",
  "goals.1.outcome": "210 aktiviteter",
  "goals.1.comment": "Fler än planerat",
};

describe("who may use the report pages", () => {
  it("refuses other föreningar, staff, visitors who are not logged in and a firmatecknare without contact rights", async () => {
    const { caseId } = await fryshusetCase(portal.db, portal, { through: "second report approved" });
    const base = `/forening/arenden/${caseId}/rapport`;
    for (const path of [base, `${base}/ekonomi`, `${base}/0`]) {
      expect((await visitors.iogt.get(path)).status).toBe(404); // another förening's case: as if unknown
      expect((await visitors.staff.get(path)).status).toBe(403);
      expect((await visitors.anonymous.get(path)).headers.get("location")).toMatch(/^\/logga-in\?redirectTo=/);
    }
    for (const path of [base, `${base}/ekonomi`]) {
      // Outside the case's förening: 404 as if unknown; a firmatecknare without contact rights: 403.
      expect((await visitors.iogt.post(path, { narrative: "x" })).status).toBe(404);
      expect((await visitors.staff.post(path, { narrative: "x" })).status).toBe(404);
      expect((await visitors.signatoryOnly.post(path, { narrative: "x" })).status).toBe(403);
      expect((await visitors.anonymous.post(path, { narrative: "x" })).status).toBe(302);
      expect((await visitors.signatoryOnly.get(path)).status).toBe(403);
    }
    expect(await periodRows(caseId)).toHaveLength(0);
  });
});

describe("the yearly report", () => {
  it("refuses a NUL byte in the report's text at the field, never a 500, and shows what was typed", async () => {
    const { caseId } = await fryshusetCase(portal.db, portal, { through: "chef signs" });
    const path = `/forening/arenden/${caseId}/rapport`;
    const bad = await visitors.contact.post(path, { ...REPORT, narrative: "Vi har haft\u0000 öppet." });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(textOf(html)).toContain("Texten innehåller tecken som inte går att spara");
    expect(html).toContain("Vi har haft");
    expect(await periodRows(caseId)).toHaveLength(0);
  });

  it("keeps a draft with range figures as typed, and shows a bad figure at its field without losing anything", async () => {
    const { caseId } = await fryshusetCase(portal.db, portal, { through: "chef signs" });
    const path = `/forening/arenden/${caseId}/rapport`;
    const form = textOf(await (await visitors.contact.get(path)).text());
    expect(form).toContain("Rapport 1 av 2 · Ska vara inskickad senast 2025-09-30");
    expect(form).toContain("Mål 1: Andel deltagare som är flickor");
    expect(form).toContain("Målvärde: 55 %");

    const bad = await visitors.contact.post(path, { ...REPORT, "activities.0.women": "många" });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(textOf(html)).toContain(FIGURE_MESSAGE);
    expect(html).toMatch(/id="field-activities-0-women"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="field-activities-0-women"/);
    expect(html).toContain('value="många"');
    expect(html).toContain("Vi har haft öppet fyra kvällar i veckan.");
    expect(await periodRows(caseId)).toHaveLength(0);

    expect((await visitors.contact.post(path, REPORT)).headers.get("location")).toBe(`${path}?sparad=1`);
    const [draft] = await periodRows(caseId);
    expect(draft).toMatchObject({ status: "draft", version: 1 });
    expect(draft!.content).toMatchObject({
      activities: [{ name: "Öppen verksamhet", sessions: "120", women: "4–12", men: "10–15", other: "" }],
      goals: [
        { goalIndex: 0, outcome: "70 %" },
        { goalIndex: 1, outcome: "210 aktiviteter", comment: "Fler än planerat" },
      ],
    });
    const again = await (await visitors.contact.get(path)).text();
    expect(again).toContain('value="4–12"');
    expect(await stateOf(caseId)).toBe("followUp.reportDue");
  });

  it("adds and removes activity rows with plain posts (no JavaScript): an edited row keeps its new text and is saved", async () => {
    const { caseId } = await fryshusetCase(portal.db, portal, { through: "chef signs" });
    const path = `/forening/arenden/${caseId}/rapport`;
    expect((await visitors.contact.post(path, REPORT)).status).toBe(302);
    const form = await (await visitors.contact.get(path)).text();
    expect(form).toContain('value="add-row:activities"');
    const revision = /name="reportRevision" value="(\d+)"/.exec(form)![1]!;

    // The saved row is edited, then "Lägg till rad": the page shows the edited text and a new empty row.
    const edited = { ...REPORT, "activities.0.name": "Öppen verksamhet på kvällarna", reportRevision: revision };
    const added = await visitors.contact.post(path, { ...edited, intent: "add-row:activities" });
    expect(added.status).toBe(200);
    const html = await added.text();
    expect(html).toContain('value="Öppen verksamhet på kvällarna"');
    expect(html).not.toContain('value="Öppen verksamhet"');
    expect(html).toMatch(/name="activities\.1\.name"(?![^>]*value="[^"])/);
    expect((await periodRows(caseId))[0]!.content).toMatchObject({ activities: [{ name: "Öppen verksamhet på kvällarna" }] });

    // The next save from that page is not taken for someone else's, and stores both rows.
    const next = /name="reportRevision" value="(\d+)"/.exec(html)![1]!;
    const two = { ...edited, reportRevision: next, "activities.1.name": "Läxhjälp", "activities.1.sessions": "30" };
    for (const f of ["women", "men", "other", "ageGroup", "comment"]) (two as Record<string, string>)[`activities.1.${f}`] = "";
    expect((await visitors.contact.post(path, two)).headers.get("location")).toBe(`${path}?sparad=1`);
    expect(((await periodRows(caseId))[0]!.content as { activities: { name: string }[] }).activities.map((a) => a.name)).toEqual([
      "Öppen verksamhet på kvällarna",
      "Läxhjälp",
    ]);

    // "Ta bort" on the first row: saved without it, the other row as typed.
    const again = /name="reportRevision" value="(\d+)"/.exec(await (await visitors.contact.get(path)).text())![1]!;
    const removed = await visitors.contact.post(path, { ...two, reportRevision: again, "activities.1.name": "Läxhjälp i Husby", intent: "remove-row:activities:0" });
    expect(removed.status).toBe(200);
    const removedHtml = await removed.text();
    expect(removedHtml).toContain('value="Läxhjälp i Husby"');
    expect(removedHtml).not.toContain('name="activities.1.name"');
    expect(((await periodRows(caseId))[0]!.content as { activities: { name: string }[] }).activities.map((a) => a.name)).toEqual(["Läxhjälp i Husby"]);
    expect(await stateOf(caseId)).toBe("followUp.reportDue");
  });

  it("sends the report in: the version and the case change together", async () => {
    const { caseId } = await fryshusetCase(portal.db, portal, { through: "chef signs" });
    const path = `/forening/arenden/${caseId}/rapport`;
    const incomplete = await visitors.contact.post(path, { ...REPORT, narrative: "", send: "yes" });
    expect(incomplete.status).toBe(400);
    expect(textOf(await incomplete.text())).toContain("Utkastet är sparat, men rapporten kan inte skickas in");
    expect(await stateOf(caseId)).toBe("followUp.reportDue");
    expect((await periodRows(caseId))[0]!.status).toBe("draft");

    const sent = await visitors.contact.post(path, { ...REPORT, send: "yes" });
    expect(sent.headers.get("location")).toBe(`${path}?inskickad=1`);
    expect(await stateOf(caseId)).toBe("followUp.reportSubmitted");
    const [row] = await periodRows(caseId);
    expect(row).toMatchObject({ status: "submitted", version: 1 });
    expect(row!.submittedAt).not.toBeNull();
    const page = textOf(await (await visitors.contact.get(`${path}?inskickad=1`)).text());
    expect(page).toContain("Rapporten är inskickad");
    expect(page).toContain("Öppen verksamhet 120 4–12 10–15");
    // Nothing sent in can be changed.
    expect((await visitors.contact.post(path, { ...REPORT, narrative: "Ändrat" })).status).toBe(400);
    expect((await periodRows(caseId))[0]!.content).toMatchObject({ narrative: REPORT.narrative });
  });

  it("takes the financial part after the activity part, with computed totals", async () => {
    const { caseId } = await fryshusetCase(portal.db, portal, { through: "chef signs" });
    await visitors.contact.post(`/forening/arenden/${caseId}/rapport`, { ...REPORT, send: "yes" });
    const path = `/forening/arenden/${caseId}/rapport/ekonomi`;
    const bad = await visitors.contact.post(path, {
      intent: "save",
      "lines.0.description": "Personal",
      "lines.0.budget": "400 000",
      "lines.0.outcome": "fyrahundra",
    });
    expect(bad.status).toBe(400);
    expect(textOf(await bad.text())).toContain("Skriv beloppet i hela kronor, till exempel 250 000.");

    const saved = await visitors.contact.post(path, {
      intent: "save",
      "lines.0.description": "Personal",
      "lines.0.budget": "400 000",
      "lines.0.outcome": "430 000",
      "lines.1.description": "Lokalhyra",
      "lines.1.budget": "100000",
      "lines.1.outcome": "90 000 kr",
      "lines.2.description": "",
      "lines.2.budget": "",
      "lines.2.outcome": "",
      comment: "Fler timmar personal än planerat.",
      send: "yes",
    });
    expect(saved.status).toBe(302);
    const [row] = await periodRows(caseId);
    expect(row!.status).toBe("submitted");
    expect(row!.financialSubmittedAt).not.toBeNull();
    expect(row!.financial).toEqual({
      lines: [
        { description: "Personal", budget: 400_000, outcome: 430_000 },
        { description: "Lokalhyra", budget: 100_000, outcome: 90_000 },
      ],
      comment: "Fler timmar personal än planerat.",
    });
    const page = textOf(await (await visitors.contact.get(path)).text());
    expect(page).toContain("Totalt 500 000 kr 520 000 kr +20 000 kr (över budget)");
    expect((await visitors.contact.post(path, { intent: "save", "lines.0.description": "Ny", "lines.0.budget": "1", "lines.0.outcome": "1" })).status).toBe(400);
  });

  it("adds a post to the financial report with a plain post (no JavaScript), keeping an edited post's new text", async () => {
    const { caseId } = await fryshusetCase(portal.db, portal, { through: "chef signs" });
    const path = `/forening/arenden/${caseId}/rapport/ekonomi`;
    const line = { "lines.0.description": "Personal", "lines.0.budget": "400 000", "lines.0.outcome": "430 000" };
    expect((await visitors.contact.post(path, { ...line, intent: "save" })).status).toBe(302);
    const form = await (await visitors.contact.get(path)).text();
    expect(form).toContain('value="add-row:lines"');
    const revision = /name="reportRevision" value="(\d+)"/.exec(form)![1]!;
    const added = await visitors.contact.post(path, { ...line, "lines.0.description": "Personal, fritidsledare", reportRevision: revision, intent: "add-row:lines" });
    expect(added.status).toBe(200);
    const html = await added.text();
    expect(html).toContain('value="Personal, fritidsledare"');
    expect(html).toMatch(/name="lines\.1\.description"(?![^>]*value="[^"])/);
    const [row] = await periodRows(caseId);
    expect(row!.financial).toMatchObject({ lines: [{ description: "Personal, fritidsledare", budget: 400_000, outcome: 430_000 }] });
    expect(row!.financialSubmittedAt).toBeNull();
    const next = /name="reportRevision" value="(\d+)"/.exec(html)![1]!;
    const saved = await visitors.contact.post(path, {
      ...line,
      intent: "save",
      "lines.0.description": "Personal, fritidsledare",
      "lines.1.description": "Lokalhyra",
      "lines.1.budget": "100 000",
      "lines.1.outcome": "90 000",
      reportRevision: next,
    });
    expect(saved.status).toBe(302);
    expect(((await periodRows(caseId))[0]!.financial as { lines: unknown[] }).lines).toHaveLength(2);
  });

  it("answers a financial report form that is not the page's own with a plain 400 and saves nothing", async () => {
    const { caseId } = await fryshusetCase(portal.db, portal, { through: "chef signs" });
    const path = `/forening/arenden/${caseId}/rapport/ekonomi`;
    const line = { "lines.0.description": "Personal", "lines.0.budget": "400 000", "lines.0.outcome": "430 000" };
    for (const body of <Record<string, string>[]>[
      line,
      { ...line, intent: "publish" },
      { ...line, intent: "save", reportRevision: "inte ett nummer" },
    ]) {
      const response = await visitors.contact.post(path, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(textOf(await response.text())).toContain("Formuläret kunde inte läsas");
    }
    expect((await periodRows(caseId))[0]?.financial ?? null).toBeNull();
  });

  it("shows the handläggare's request for completion, and a new version goes in with RESUBMIT_REPORT", async () => {
    const { caseId, cast } = await fryshusetCase(portal.db, portal, { through: "chef signs" });
    const path = `/forening/arenden/${caseId}/rapport`;
    await visitors.contact.post(path, { ...REPORT, send: "yes" });
    const dueDate = stockholmDate(new Date(Date.now() + 14 * 86_400_000));
    const asked = await transitionCase({
      caseId,
      command: { type: "REQUEST_REPORT_COMPLETION", message: "Dela upp deltagarna på ålder också.", dueDate },
      actor: cast.caseworker,
    });
    expect(asked.ok).toBe(true);
    const page = textOf(await (await visitors.contact.get(path)).text());
    expect(page).toContain("Förvaltningen vill att ni kompletterar rapporten");
    expect(page).toContain("Dela upp deltagarna på ålder också.");
    expect(page).toContain(`senast ${dueDate}`);

    const sent = await visitors.contact.post(path, { ...REPORT, "activities.0.ageGroup": "13–15 år: 30, 16–22 år: 40", send: "yes" });
    expect(sent.status).toBe(302);
    expect(await stateOf(caseId)).toBe("followUp.reportSubmitted");
    const rows = await periodRows(caseId);
    expect(rows.map((r) => [r.version, r.status])).toEqual([
      [1, "submitted"],
      [2, "submitted"],
    ]);
    expect(rows[0]!.content).toMatchObject({ activities: [{ ageGroup: "13–22 år" }] });
    expect(rows[1]!.content).toMatchObject({ activities: [{ ageGroup: "13–15 år: 30, 16–22 år: 40" }] });

    // Approved: the next period starts, and the first report stays readable with both versions.
    expect((await transitionCase({ caseId, command: { type: "APPROVE_REPORT" }, actor: cast.caseworker })).ok).toBe(true);
    const next = textOf(await (await visitors.contact.get(path)).text());
    expect(next).toContain("Rapport 2 av 2");
    expect(next).toContain("Tidigare rapporter");
    const earlier = textOf(await (await visitors.contact.get(`${path}/0`)).text());
    expect(earlier).toContain("13–15 år: 30, 16–22 år: 40");
    expect(earlier).toContain("Version 1, inskickad");
    expect((await visitors.contact.get(`${path}/1`)).status).toBe(404);
  });
});
