/**
 * The förvaltning's slutrapport to the nämnd (seeds 000 and 003), generated from a finished case:
 * agreement facts and the computed total, goals against each year's outcome, the förening's final
 * report, the assessment and the renegotiation, the nämnd's decision and the "Attesterat av" table
 * from the workflow's attestations. Downloaded as PDF and Word by the district's staff only.
 */
import { describe, expect, it } from "vitest";
import { agreements, caseNotes, reports, statements } from "../../db/schema";
import { setupPortal } from "../support/portal";
import { textOf } from "../support/visitor";
import { docxText, pdfText } from "../support/documents-read-back";
import { FINAL_REPORT_SECTIONS } from "../../app/documents/final-report-document";
import { OUTSIDERS, caseAt, loggedIn, through, userIdOf } from "../support/forvaltning";

const portal = setupPortal();
const fileOf = (caseId: string, format: string) => `/forvaltning/rk/arenden/${caseId}/slutrapport.${format}`;

const GOALS = [
  { description: "Andel deltagare som upplever ökad framtidstro", target: "55 %" },
  { description: "Antal genomförda aktiviteter", target: "190" },
];

/** A partnership driven to its close, with the documents the förening and the förvaltning wrote on the way. */
async function finishedCase() {
  const { caseId, cast } = await caseAt(portal, through("nämnd approves final report"));
  await portal.db.insert(agreements).values({
    caseId,
    content: {
      startDate: "2025-05-01",
      endDate: "2026-04-30",
      yearlyAmounts: [
        { year: 2026, amount: 300_000 },
        { year: 2025, amount: 600_000 },
      ],
      reportDueDates: ["2025-09-30", "2026-03-31"],
      goals: GOALS,
    },
  });
  const period = (periodIndex: number, version: number, outcomes: string[]) => ({
    caseId,
    kind: "period",
    periodIndex,
    version,
    status: "submitted" as const,
    submittedAt: new Date("2025-09-25T10:00:00Z"),
    content: { narrative: "", activities: [], goals: outcomes.map((outcome, goalIndex) => ({ goalIndex, outcome, comment: "" })) },
  });
  await portal.db.insert(reports).values([
    period(0, 1, ["40 %", "80"]),
    // The komplettering's version replaces the first one.
    period(0, 2, ["48 %", "95"]),
    period(1, 1, ["61 %", "204"]),
    {
      caseId,
      kind: "final",
      status: "submitted",
      submittedAt: new Date("2026-06-15T10:00:00Z"),
      content: {
        goalFulfilment: "Målen har uppfyllts utifrån en sammanvägd bedömning.",
        timeDeviations: "Inga avvikelser i tid.",
        budgetDeviations: "Lokalhyran blev 20 000 kr lägre.",
        associationCommitmentsMet: "yes",
        associationCommitmentsComment: "Mötesplatsen har varit öppen som planerat.",
        administrationCommitmentsMet: "partly",
        administrationCommitmentsComment: "Personalomsättningen försvårade samverkan.",
        lessonsLearned: "En gemensam workshop våren 2026 lyfte utmaningar och framgångsfaktorer.",
      },
    },
  ]);
  await portal.db.insert(statements).values({
    caseId,
    stage: "finalReport",
    version: 1,
    status: "submitted",
    authorId: cast.caseworker.kind === "user" ? cast.caseworker.id : null,
    submittedAt: new Date("2026-08-01T09:00:00Z"),
    content: {
      summary: "Fryshuset och Rinkeby-Kista stadsdelsnämnd har samverkat i ett IOP.",
      views: "Samhällsutmaningen kvarstår och samverkan har varit fruktsam.",
      renegotiate: true,
    },
  });
  await portal.db.insert(caseNotes).values({ caseId, authorId: await userIdOf(portal, "handlaggare@demo.example"), body: "INTERN-SLUT-7781 bara för oss" });
  return caseId;
}

describe("the förvaltning's final report document", () => {
  it("has the sections in order, the computed figures, each year's outcomes and the attestations, as PDF and Word", async () => {
    const caseId = await finishedCase();
    const visitor = await loggedIn(portal, "handlaggare@demo.example");
    const page = textOf(await (await visitor.get(`/forvaltning/rk/arenden/${caseId}/slutrapport`)).text());
    expect(page).toContain("Förvaltningens slutrapport till nämnden: Ladda ner som PDF eller Word");

    const pdf = await visitor.get(fileOf(caseId, "pdf"));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toMatch(/attachment; filename="slutrapport-RK-\d{4}-\d+\.pdf"/);
    const docx = await visitor.get(fileOf(caseId, "docx"));
    expect(docx.status).toBe(200);

    const texts = {
      pdf: await pdfText(Buffer.from(await pdf.arrayBuffer())),
      docx: docxText(Buffer.from(await docx.arrayBuffer())),
    };
    for (const [format, text] of Object.entries(texts)) {
      let at = -1;
      for (const heading of FINAL_REPORT_SECTIONS) {
        const next = text.indexOf(heading, at + 1);
        expect(next, `${format}: ${heading}`).toBeGreaterThan(at);
        at = next;
      }
      expect(text).toContain("Slutrapport om idéburet offentligt partnerskap (IOP) – Fryshuset");
      expect(text).toContain("Hanna Handläggare");
      // 600 000 + 300 000, computed; the years in order.
      expect(text).toContain("Förvaltningen har sammanlagt bidragit med 900 000 kr.");
      expect(text.indexOf("600 000 kr")).toBeLessThan(text.indexOf("300 000 kr"));
      expect(text).toContain("2025-05-01 – 2026-04-30");
      // Goal against outcome in each year's report; the completed version of the first report counts.
      for (const value of ["Utfall 2025-09-30", "Utfall 2026-03-31", "55 %", "48 %", "61 %", "190", "95", "204"]) expect(text, `${format}: ${value}`).toContain(value);
      expect(text).not.toContain("40 %");
      expect(text).toContain("Lokalhyran blev 20 000 kr lägre.");
      expect(text).toContain("Fryshuset har uppfyllt sina åtaganden. Mötesplatsen har varit öppen som planerat.");
      expect(text).toContain("Rinkeby-Kista stadsdelsnämnd har delvis uppfyllt sina åtaganden.");
      expect(text).toContain("En gemensam workshop våren 2026");
      expect(text).toContain("Förvaltningen bedömer att partnerskapet ska omförhandlas.");
      expect(text).toContain("2026-09-15, § 7");
      // The workflow recorded the avdelningschef's attestation 2026-08-03 and the director's 2026-08-05; last first.
      const director = text.indexOf("Dan Direktör, Stadsdelsdirektör");
      const head = text.indexOf("Alva Avdelningschef, Avdelningschef");
      expect(director).toBeGreaterThan(text.indexOf("Attesterat av"));
      expect(head).toBeGreaterThan(director);
      expect(text.slice(director, director + 60)).toContain("2026-08-05");
      expect(text.slice(head, head + 60)).toContain("2026-08-03");
      expect(text).not.toContain("INTERN-SLUT-7781");
    }
  });

  it("answers 404 with an explanation before the förening has sent in its final report", async () => {
    const { caseId } = await caseAt(portal, through("agreement period over"));
    const response = await (await loggedIn(portal, "handlaggare@demo.example")).get(fileOf(caseId, "pdf"));
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Föreningen har inte lämnat slutrapporten än");
  });

  it.each([...OUTSIDERS, "admin@demo.example"])("refuses %s both files", async (email) => {
    const caseId = await finishedCase();
    const visitor = await loggedIn(portal, email);
    // Outside the case's district: 404, as for an unknown case; admin without the role: 403.
    const refused = email === "admin@demo.example" ? 403 : 404;
    for (const format of ["pdf", "docx"]) expect((await visitor.get(fileOf(caseId, format))).status).toBe(refused);
    if (email === "handlaggare.jarva@demo.example") {
      expect((await visitor.get(`/forvaltning/ja/arenden/${caseId}/slutrapport.pdf`)).status).toBe(404);
    }
  });

  it("sends a logged-out visitor to the login page", async () => {
    const caseId = await finishedCase();
    const response = await portal.visitor().get(fileOf(caseId, "pdf"));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/logga-in/);
  });
});
