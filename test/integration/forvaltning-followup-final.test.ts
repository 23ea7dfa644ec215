/** The slutrapport on the förvaltning's side: read it, start the assessment, see the outcome. */
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { cases } from "../../db/schema";
import { LIFECYCLE } from "../../seed/case-factory";
import { setupPortal } from "../support/portal";
import { signedIn } from "../support/signed-in";
import { textOf } from "../support/visitor";
import { caseWithSubmittedFinalReport, run, stepIndex } from "../support/forvaltning-agreement";

const portal = setupPortal();
const LOGINS = {
  caseworker: "handlaggare@demo.example",
  coordinator: "samordnare@demo.example",
  association: "forening@demo.example",
  otherDistrict: "handlaggare.jarva@demo.example",
} as const;
const as = signedIn(portal, LOGINS);

const page = (caseId: string) => `/forvaltning/rk/arenden/${caseId}/slutrapport`;
const caseRow = async (caseId: string) => (await portal.db.select().from(cases).where(eq(cases.id, caseId)))[0]!;

const submittedFinalReport = () =>
  caseWithSubmittedFinalReport(portal.db, { organisationIds: portal.organisationIds, districtIds: portal.districtIds });

describe("the final report page", () => {
  let caseId: string;
  beforeAll(async () => {
    ({ caseId } = await submittedFinalReport());
  });

  it.each([
    ["anonymous", 302],
    // The district's pages refuse people outside the district as a whole (ADR 0004).
    ["association", 403],
    ["otherDistrict", 403],
    ["coordinator", 200],
    ["caseworker", 200],
  ] as const)("GET by %s answers %i", async (who, status) => {
    expect((await as[who].get(page(caseId))).status).toBe(status);
  });

  it.each(["association", "otherDistrict", "coordinator"] as const)("refuses START_FINAL_ASSESSMENT posted by %s", async (who) => {
    const before = await caseRow(caseId);
    // Outside the district the case does not exist; the district's coordinator is refused.
    expect((await as[who].post(page(caseId), { intent: "startFinalAssessment", expectedRevision: String(before.revision) })).status).toBe(who === "coordinator" ? 403 : 404);
    expect((await caseRow(caseId)).state).toBe("finalReport.submitted");
  });

  it.each([
    ["without the button's intent", { expectedRevision: "REV" }],
    ["with a revision that is not a number", { intent: "startFinalAssessment", expectedRevision: "tre" }],
  ])("answers a form that is not the page's own (%s) with a plain message, not as someone else's change", async (_, form) => {
    const before = await caseRow(caseId);
    const body = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, v === "REV" ? String(before.revision) : v]));
    const answer = await as.caseworker.post(page(caseId), body);
    expect(answer.status).toBe(400);
    const text = textOf(await answer.text());
    expect(text).toContain("Formuläret kunde inte läsas. Ladda om sidan och försök igen.");
    expect(text).not.toContain("Någon annan");
    expect((await caseRow(caseId)).revision).toBe(before.revision);
    expect((await caseRow(caseId)).state).toBe("finalReport.submitted");
  });

  it("shows the report read-only and starts the assessment, then links to the statement", async () => {
    const text = textOf(await (await as.caseworker.get(page(caseId))).text());
    expect(text).toContain("Målet om ökad framtidstro nåddes: 70 % mot 55 %.");
    expect(text).toContain("Har förvaltningen uppfyllt sina åtaganden? Delvis. Samordnaren byttes ut under året.");
    expect(text).toContain("Gemensam workshop gav nya idéer.");
    const started = await as.caseworker.post(page(caseId), { intent: "startFinalAssessment", expectedRevision: String((await caseRow(caseId)).revision) });
    expect(started.status).toBe(200);
    expect((await caseRow(caseId)).state).toBe("finalReport.assessment");
    const html = await (await as.caseworker.get(page(caseId))).text();
    expect(html).toContain(`/forvaltning/rk/arenden/${caseId}/utlatande?skede=slutrapport`);
  });

  it("shows the nämnd's approval and links to the renegotiated case", async () => {
    const { caseId: id, cast, caseworker } = await submittedFinalReport();
    await run(id, { type: "START_FINAL_ASSESSMENT" }, caseworker, "2026-06-20");
    await run(id, { type: "SUBMIT_FOR_ATTESTATION", renegotiate: true }, caseworker, "2026-08-01");
    for (const step of LIFECYCLE.slice(stepIndex("head of unit attests final"))) await run(id, step.command, cast[step.actor], step.day);
    expect((await caseRow(id)).state).toBe("closed");
    const [next] = await portal.db.select().from(cases).where(eq(cases.previousCaseId, id));
    const html = await (await as.caseworker.get(page(id))).text();
    expect(textOf(html)).toContain("Nämnden godkände slutrapporten 2026-09-15, § 7.");
    expect(textOf(html)).toContain("Partnerskapet ska omförhandlas.");
    expect(html).toContain(`/forvaltning/rk/arenden/${next!.id}`);
  });
});
