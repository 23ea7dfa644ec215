/** The tjänsteutlåtande generated from a case's statement and its recorded attestations (seed 004's layout). */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { statements, users } from "../../db/schema";
import { LIFECYCLE, createCast, createDraftCase, driveCase } from "../../seed/case-factory";
import { buildStatementDocument } from "../../app/documents/statement-document";
import { loadStatementDocumentInput } from "../../app/documents/statement-data.server";
import { renderDocx } from "../../app/documents/docx.server";
import { renderPdf } from "../../app/documents/pdf.server";
import { setupPortal } from "../support/portal";
import { docxText, pdfText } from "../support/documents-read-back";

const portal = setupPortal();

const SECTIONS_IN_ORDER = [
  "Förvaltningens förslag till beslut",
  "Sammanfattning",
  "Bakgrund",
  "Ärendet",
  "Ärendets beredning",
  "Förvaltningens synpunkter och förslag",
  "Jämställdhetsanalys",
  "Barnrättsperspektiv",
  "Bilagor",
  "Attesterat av",
];

describe("the tjänsteutlåtande document", () => {
  it("has the seeds' sections in order and the attestations' names, titles and dates", async () => {
    const parties = { organisationId: portal.organisationIds.get("Stockholms Stadsmission")!, districtId: portal.districtIds.get("RK")! };
    const cast = await createCast(portal.db, parties);
    for (const [role, name, title] of [
      ["headOfUnit", "Adrian Göransson", "Tf. avdelningschef"],
      ["director", "Toni Mellblom", "Stadsdelsdirektör"],
      ["caseworker", "Elin Törnblom Duthu", "Handläggare"],
    ] as const) {
      const actor = cast[role];
      if (actor.kind === "user") await portal.db.update(users).set({ name, title, phone: "08-508 02 178" }).where(eq(users.id, actor.id));
    }
    const caseId = await createDraftCase(parties, cast, "Stöd till barn och unga");
    const untilAttested = LIFECYCLE.findIndex((s) => s.name === "director attests") + 1;
    await driveCase(caseId, cast, LIFECYCLE.slice(0, untilAttested));
    await portal.db.insert(statements).values({
      caseId,
      stage: "application",
      version: 2,
      status: "submitted",
      authorId: cast.caseworker.kind === "user" ? cast.caseworker.id : null,
      submittedAt: new Date("2025-03-03T09:00:00Z"),
      content: {
        summary: "Stadsmissionen har inkommit med en ansökan om att ingå i ett IOP.",
        background: "Stadsmissionen har visat intresse för att inleda ett IOP.",
        matter: "Syftet är att stötta barn och unga med tidiga insatser.",
        preparation: "Ärendet har beretts av avdelningen för stadsutveckling.",
        views: "Förvaltningen bedömer att aktiviteterna inte kompletterar förvaltningens ordinarie verksamhet.",
        genderAnalysis: "Verksamheten riktar sig till flickor och pojkar.",
        childRights: "Barns rätt till en meningsfull fritid har beaktats.",
        proposal: "reject",
      },
    });

    const input = await loadStatementDocumentInput(caseId, "application");
    expect(input).not.toBeNull();
    const document = buildStatementDocument(input!);
    expect(document.title).toBe("Ansökan om idéburet offentligt partnerskap (IOP) från Stockholms Stadsmission");

    for (const text of [docxText(await renderDocx(document)), await pdfText(await renderPdf(document))]) {
      let at = -1;
      for (const heading of SECTIONS_IN_ORDER) {
        const next = text.indexOf(heading, at + 1);
        expect(next, heading).toBeGreaterThan(at);
        at = next;
      }
      expect(text).toContain("Rinkeby-Kista stadsdelsnämnd avslår Stockholms Stadsmissions ansökan om idéburet offentligt partnerskap (IOP).");
      expect(text).toContain("Elin Törnblom Duthu");
      // The workflow recorded the head of unit's attestation on 2025-03-04 and the director's on 2025-03-05.
      const director = text.indexOf("Toni Mellblom, Stadsdelsdirektör");
      const head = text.indexOf("Adrian Göransson, Tf. avdelningschef");
      expect(director).toBeGreaterThan(text.indexOf("Attesterat av"));
      expect(head).toBeGreaterThan(director);
      expect(text.slice(director, director + 60)).toContain("2025-03-05");
      expect(text.slice(head, head + 60)).toContain("2025-03-04");
    }
  });
});
