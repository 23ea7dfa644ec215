/** The slutrapport: a draft that can be continued, what it needs to go in, and who may write it. */
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { cases, reports } from "../../db/schema";
import { createOrganisationUser } from "../../seed/factories";
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
    email: "firmatecknare.slut@test.example",
  });
  visitors.signatoryOnly = await loggedIn("firmatecknare.slut@test.example");
});

const finalRows = (caseId: string) =>
  portal.db.select().from(reports).where(and(eq(reports.caseId, caseId), eq(reports.kind, "final")));
const stateOf = async (caseId: string) => (await portal.db.select().from(cases).where(eq(cases.id, caseId)))[0]!.state;

const FINAL = {
  goalFulfilment: "Vi nådde båda målen: 70 % flickor och 210 aktiviteter.",
  timeDeviations: "Starten blev en månad senare.",
  budgetDeviations: "",
  associationCommitmentsMet: "yes",
  associationCommitmentsComment: "",
  administrationCommitmentsMet: "partly",
  administrationCommitmentsComment: "Lokalen var stängd i juli.",
  lessonsLearned: "Tidiga kvällar passar yngre deltagare bäst.",
};

describe("the final report", () => {
  it("refuses other föreningar, staff, visitors who are not logged in and a firmatecknare without contact rights", async () => {
    const { caseId } = await fryshusetCase(portal.db, portal, { through: "agreement period over" });
    const path = `/forening/arenden/${caseId}/slutrapport`;
    // Another förening's case is a 404 as if unknown; staff get the förening side's 403 for a page.
    expect((await visitors.iogt.get(path)).status).toBe(404);
    expect((await visitors.iogt.post(path, FINAL)).status).toBe(404);
    expect((await visitors.staff.get(path)).status).toBe(403);
    expect((await visitors.staff.post(path, FINAL)).status).toBe(404);
    expect((await visitors.signatoryOnly.get(path)).status).toBe(403);
    expect((await visitors.signatoryOnly.post(path, FINAL)).status).toBe(403);
    expect((await visitors.anonymous.get(path)).headers.get("location")).toMatch(/^\/logga-in\?redirectTo=/);
    expect((await visitors.anonymous.post(path, FINAL)).status).toBe(302);
    expect(await finalRows(caseId)).toHaveLength(0);
  });

  it("saves a draft, asks for what is missing, then sends it in with the case", async () => {
    const { caseId } = await fryshusetCase(portal.db, portal, { through: "agreement period over" });
    const path = `/forening/arenden/${caseId}/slutrapport`;
    expect(textOf(await (await visitors.contact.get(path)).text())).toContain("ska vara inskickad senast 2026-06-30");

    const { administrationCommitmentsMet: _unanswered, ...rest } = FINAL;
    const draft = { ...rest, lessonsLearned: "" };
    expect((await visitors.contact.post(path, draft)).headers.get("location")).toBe(`${path}?sparad=1`);
    const continued = await (await visitors.contact.get(path)).text();
    expect(continued).toContain("Starten blev en månad senare.");

    const incomplete = await visitors.contact.post(path, { ...draft, send: "yes" });
    expect(incomplete.status).toBe(400);
    const text = textOf(await incomplete.text());
    expect(text).toContain("Svara om förvaltningen har gjort det den lovade.");
    expect(text).toContain("Skriv vad ni har lärt er.");
    expect(await stateOf(caseId)).toBe("finalReport.due");

    const bad = await visitors.contact.post(path, { ...FINAL, associationCommitmentsMet: "kanske" });
    expect(bad.status).toBe(400);
    expect(textOf(await bad.text())).toContain("Välj ja, delvis eller nej.");

    expect((await visitors.contact.post(path, { ...FINAL, send: "yes" })).headers.get("location")).toBe(`${path}?inskickad=1`);
    expect(await stateOf(caseId)).toBe("finalReport.submitted");
    const [row] = await finalRows(caseId);
    expect(row).toMatchObject({ status: "submitted", version: 1 });
    expect(row!.content).toMatchObject({ associationCommitmentsMet: "yes", administrationCommitmentsMet: "partly" });
    const page = textOf(await (await visitors.contact.get(path)).text());
    expect(page).toContain("Delvis. Lokalen var stängd i juli.");
    expect((await visitors.contact.post(path, FINAL)).status).toBe(400);
  });

  it("is not open before the agreement period is over", async () => {
    const { caseId } = await fryshusetCase(portal.db, portal, { through: "chef signs" });
    const path = `/forening/arenden/${caseId}/slutrapport`;
    expect(textOf(await (await visitors.contact.get(path)).text())).toContain("Det är inte dags för slutrapporten än");
    expect((await visitors.contact.post(path, FINAL)).status).toBe(400);
    expect(await finalRows(caseId)).toHaveLength(0);
  });
});
