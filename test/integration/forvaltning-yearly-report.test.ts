/**
 * The yearly report to the nämnd as a persisted, attested document: the handläggare writes the
 * narrative (never the figures), avdelningschef then stadsdelsdirektör attest or return it, and the
 * registrator records that the nämnd laid it "till handlingarna". The files carry all of it.
 */
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { agreements, districtReportEvents, districtReports, emailOutbox } from "../../db/schema";
import { createCast, createDraftCase } from "../../seed/case-factory";
import { addDistrictRoles, createUser } from "../../seed/factories";
import { stockholmDate } from "../../app/utils/time";
import { STALE_REPORT } from "../../app/district-reports/district-reports.server";
import { districtReportRefusal } from "../../workflows";
import { setupPortal } from "../support/portal";
import { textOf, type Visitor } from "../support/visitor";
import { docxText, pdfText } from "../support/documents-read-back";
import { loggedIn } from "../support/forvaltning";

const portal = setupPortal();
const LIST = "/forvaltning/rk/arsrapporter";
const pageOf = (year: number) => `${LIST}/${year}`;

const FUNDING: [string, number][] = [
  ["Fryshuset", 4_200_000],
  ["Folkets Husby", 1_800_000],
  ["Shanta IF", 200_000],
];

async function fund(year: number) {
  const districtId = portal.districtIds.get("RK")!;
  for (const [name, amount] of FUNDING) {
    const parties = { organisationId: portal.organisationIds.get(name)!, districtId };
    const cast = await createCast(portal.db, parties);
    const caseId = await createDraftCase(parties, cast, `IOP med ${name} ${year}`);
    await portal.db.insert(agreements).values({
      caseId,
      content: { purposeAndGoals: `Verksamhet med ${name}.`, startDate: `${year}-01-01`, endDate: `${year}-12-31`, yearlyAmounts: [{ year, amount }], reportDueDates: [`${year + 1}-01-31`] },
    });
  }
}

async function reportRow(year: number) {
  const [row] = await portal.db
    .select()
    .from(districtReports)
    .where(and(eq(districtReports.districtId, portal.districtIds.get("RK")!), eq(districtReports.year, year)));
  return row!;
}
const revisionOf = async (year: number) => String((await reportRow(year)).revision);

const NARRATIVE = {
  proposal: "Stadsdelsnämnden lägger redovisningen till handlingarna.",
  summary: "Förvaltningen har följt upp varje IOP under året och ser ett tydligt mervärde.",
  background: "Nämnden har ingått långsiktiga samarbeten med föreningar.",
  preparation: "Ärendet har beretts av administrativa avdelningen.",
  views: "Förvaltningens samlade bedömning är att partnerskapen når fler unga.",
  genderAnalysis: "Fler pojkar än flickor deltar; föreningarna arbetar för att nå fler flickor.",
};

async function post(visitor: Visitor, year: number, fields: Record<string, string>) {
  const response = await visitor.post(pageOf(year), { revision: await revisionOf(year), ...fields });
  return { status: response.status, text: textOf(await response.text()) };
}

async function mailsTo(address: string, template: string) {
  return portal.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.recipientEmail, address), eq(emailOutbox.template, template)));
}

describe("the yearly report to the nämnd", () => {
  it("goes from draft through a return and both attestations to the nämnd, and the files carry text, attestations, total and decision", async () => {
    const year = 2019;
    await fund(year);
    const caseworker = await loggedIn(portal, "handlaggare@demo.example");
    expect(textOf(await (await caseworker.get(LIST)).text())).toContain("Det finns inga årsrapporter än.");
    expect(await (await caseworker.get("/forvaltning/rk")).text()).toContain(`href="${LIST}"`);

    // Creating opens the report; a second click (double submit) makes nothing twice.
    for (let i = 0; i < 2; i++) {
      const created = await caseworker.post(LIST, { intent: "create", year: String(year) });
      expect(created.status).toBe(302);
      expect(created.headers.get("location")).toBe(pageOf(year));
    }
    expect((await portal.db.select().from(districtReports)).filter((r) => r.year === year)).toHaveLength(1);
    const fresh = textOf(await (await caseworker.get(pageOf(year))).text());
    expect(fresh).toContain("Utkast");
    expect(fresh).toContain("Alla IOP-föreningar ska föra könsuppdelad statistik.");
    expect(fresh).toContain("3 IOP med sammanlagt 6 200 000 kr under 2019.");
    expect(textOf(await (await caseworker.get(LIST)).text())).toContain("Årsrapport 2019 Utkast");

    // Save, then a save from a stale page is refused and changes nothing.
    const staleRevision = await revisionOf(year);
    const saved = await post(caseworker, year, { intent: "save", ...NARRATIVE, summary: "Första utkastet." });
    expect(saved.text).toContain("Årsrapporten är sparad.");
    const stale = await caseworker.post(pageOf(year), { intent: "save", revision: staleRevision, ...NARRATIVE, summary: "Från en gammal flik." });
    expect(stale.status).toBe(400);
    const staleText = textOf(await stale.text());
    expect(staleText).toContain(STALE_REPORT);
    expect(staleText).toContain("Från en gammal flik.");
    expect((await reportRow(year)).narrative.summary).toBe("Första utkastet.");

    const sent = await post(caseworker, year, { intent: "submit" });
    expect(sent.text).toContain("Årsrapporten är skickad till attestering.");
    let row = await reportRow(year);
    expect(row.state).toBe("attestation.awaitingHeadOfUnit");
    expect(row.figures).toHaveLength(3);
    expect(await mailsTo("avdelningschef@demo.example", "district_report_ready_for_attestation")).toHaveLength(1);
    // No longer editable.
    expect(await (await caseworker.get(pageOf(year))).text()).not.toContain(">Spara utkast</button>");
    expect((await post(caseworker, year, { intent: "save", ...NARRATIVE })).status).toBe(400);

    // The avdelningschef returns it with a comment; the author is told and can edit again.
    const chef = await loggedIn(portal, "avdelningschef@demo.example");
    expect(await (await chef.get(pageOf(year))).text()).toContain(">Attestera</button>");
    const noComment = await post(chef, year, { intent: "return", comment: " " });
    expect(noComment.status).toBe(400);
    expect(noComment.text).toContain("Skriv en kommentar om varför du skickar tillbaka årsrapporten.");
    const returned = await post(chef, year, { intent: "return", comment: "Skriv en riktig sammanfattning." });
    expect(returned.text).toContain("Årsrapporten är skickad tillbaka till handläggaren.");
    row = await reportRow(year);
    expect(row.state).toBe("draft");
    expect(row.figures).toBeNull();
    const [returnMail] = await mailsTo("handlaggare@demo.example", "district_report_returned");
    expect(returnMail?.textBody).toContain("Skriv en riktig sammanfattning.");
    expect(returnMail?.textBody).toContain(`/forvaltning/rk/arsrapporter/${year}`);
    expect(textOf(await (await caseworker.get(pageOf(year))).text())).toContain("Rapporten skickades tillbaka från attesteringen");

    expect((await post(caseworker, year, { intent: "save", ...NARRATIVE })).text).toContain("Årsrapporten är sparad.");
    expect((await post(caseworker, year, { intent: "submit" })).status).toBe(200);

    const first = await post(chef, year, { intent: "attest" });
    expect(first.text).toContain("Du har attesterat årsrapporten. Stadsdelsdirektören får ett meddelande.");
    expect(await mailsTo("direktor@demo.example", "district_report_ready_for_attestation")).toHaveLength(1);
    const director = await loggedIn(portal, "direktor@demo.example");
    const second = await post(director, year, { intent: "attest" });
    expect(second.text).toContain("Den är nu klar för nämnden");
    expect((await reportRow(year)).state).toBe("awaitingBoard");
    expect(await mailsTo("registrator@demo.example", "district_report_attested")).toHaveLength(1);
    expect(await mailsTo("handlaggare@demo.example", "district_report_attested")).toHaveLength(1);

    const today = stockholmDate(new Date());
    const registrar = await loggedIn(portal, "registrator@demo.example");
    const future = await post(registrar, year, { intent: "file", meetingDate: "2099-01-01", paragraph: "§ 14" });
    expect(future.status).toBe(400);
    expect(future.text).toContain(districtReportRefusal.meetingDateInFuture);
    const filed = await post(registrar, year, { intent: "file", meetingDate: today, paragraph: "§ 14" });
    expect(filed.text).toContain("Det är registrerat att nämnden har lagt årsrapporten till handlingarna.");
    expect((await reportRow(year)).state).toBe("filed");
    expect(await mailsTo("handlaggare@demo.example", "district_report_filed")).toHaveLength(1);

    const page = textOf(await (await caseworker.get(pageOf(year))).text());
    expect(page).toContain("Lagd till handlingarna");
    // The page's own "Attesterat av" section, before the printed document (which lists them too).
    const attested = page.slice(page.indexOf("Attesteringar i den här omgången"), page.indexOf("Rapporten som den skrivs ut"));
    expect(attested).toContain(`Alva Avdelningschef, Avdelningschef ${today}`);
    expect(attested).toContain(`Dan Direktör, Stadsdelsdirektör ${today}`);
    expect(page).toContain("Skickad tillbaka från attesteringen – Alva Avdelningschef");
    expect(page).toContain(`Registrerad som lagd till handlingarna (sammanträdet ${today}, § 14)`);
    const events = await portal.db.select().from(districtReportEvents).where(eq(districtReportEvents.reportId, row.id));
    expect(events.map((e) => e.eventType)).toEqual(["CREATE", "SAVE", "SUBMIT_FOR_ATTESTATION", "RETURN", "SAVE", "SUBMIT_FOR_ATTESTATION", "ATTEST", "ATTEST", "FILE"]);

    const docxResponse = await caseworker.get(`${pageOf(year)}.docx`);
    expect(docxResponse.status).toBe(200);
    expect(docxResponse.headers.get("content-disposition")).toContain(`arsrapport-iop-rk-${year}.docx`);
    const docx = docxText(Buffer.from(await docxResponse.arrayBuffer()));
    for (const text of Object.values(NARRATIVE)) expect(docx).toContain(text);
    expect(docx).toContain(`Alva Avdelningschef, Avdelningschef\t${today}\t`);
    expect(docx).toContain(`Dan Direktör, Stadsdelsdirektör\t${today}\t`);
    const amounts = FUNDING.map(([name]) => docx.split("\n").find((line) => line.startsWith(`${name}\t`))!.split("\t")[3]!);
    const parsed = amounts.map((a) => Number(a.replace(/\D/g, "")));
    const total = parsed.reduce((a, b) => a + b, 0);
    expect(total).toBe(6_200_000);
    expect(docx).toContain("Totalt\t\t\t6 200 000 kr\t");
    expect(docx).toContain(`Rinkeby-Kista stadsdelsnämnd beslutade vid sammanträdet ${today}, § 14, att lägga redovisningen till handlingarna.`);
    const order = ["Förvaltningens förslag till beslut", "Sammanfattning", "Bakgrund", "Ärendets beredning", "Förvaltningens synpunkter och förslag", "Jämställdhetsanalys", "Attesterat av", "Nämndens beslut"];
    const positions = order.map((t) => docx.indexOf(t));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    const pdfResponse = await caseworker.get(`${pageOf(year)}.pdf`);
    expect(pdfResponse.headers.get("content-type")).toBe("application/pdf");
    const pdf = (await pdfText(Buffer.from(await pdfResponse.arrayBuffer()))).replace(/\s+/g, " ");
    expect(pdf).toContain(NARRATIVE.views);
    expect(pdf).toContain("6 200 000 kr");
    expect(pdf).toContain(`Alva Avdelningschef, Avdelningschef ${today}`);
    expect(pdf).toContain(`Dan Direktör, Stadsdelsdirektör ${today}`);
    expect(pdf).toContain(`beslutade vid sammanträdet ${today}, § 14`);

    // Filed is final.
    expect((await post(registrar, year, { intent: "file", meetingDate: today, paragraph: "§ 15" })).text).toContain(districtReportRefusal.closed);
  });

  it("never lets the person who sent the report attest it, even with the avdelningschef's role", async () => {
    const year = 2020;
    const both = await createUser(portal.db, { email: "dubbel.ar@test.example", name: "Dora Dubbelroll", title: "Handläggare" });
    await addDistrictRoles(portal.db, both.id, portal.districtIds.get("RK")!, ["caseworker", "head_of_unit"]);
    const author = await loggedIn(portal, "dubbel.ar@test.example");
    await author.post(LIST, { intent: "create", year: String(year) });
    expect((await post(author, year, { intent: "save", ...NARRATIVE })).status).toBe(200);
    expect((await post(author, year, { intent: "submit" })).status).toBe(200);

    const html = await (await author.get(pageOf(year))).text();
    expect(textOf(html)).toContain("Du skickade rapporten till attestering och kan därför inte attestera den");
    expect(html).not.toContain(">Attestera</button>");
    const forged = await post(author, year, { intent: "attest" });
    expect(forged.status).toBe(400);
    expect(forged.text).toContain(districtReportRefusal.authorCannotAttest);
    expect((await post(author, year, { intent: "return", comment: "Själv" })).text).toContain(districtReportRefusal.authorCannotReturn);
    expect((await reportRow(year)).state).toBe("attestation.awaitingHeadOfUnit");
  });

  it("wants the narrative written before it can be sent", async () => {
    const year = 2021;
    const caseworker = await loggedIn(portal, "handlaggare@demo.example");
    await caseworker.post(LIST, { intent: "create", year: String(year) });
    const cleared = await post(caseworker, year, { intent: "save", ...NARRATIVE, views: "" });
    expect(cleared.status).toBe(200);
    const refused = await post(caseworker, year, { intent: "submit" });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("Skriv förvaltningens synpunkter och förslag innan du skickar rapporten.");
    expect((await reportRow(year)).state).toBe("draft");
    const badYear = await caseworker.post(LIST, { intent: "create", year: "1999" });
    expect(badYear.status).toBe(400);
    expect(textOf(await badYear.text())).toContain("Välj ett år mellan 2000 och");
  });

  describe("who may do what", () => {
    const year = 2022;
    const routes = [LIST, pageOf(year), `${pageOf(year)}.pdf`, `${pageOf(year)}.docx`];

    it("sends a logged-out visitor to the login page, by URL and by post", async () => {
      const caseworker = await loggedIn(portal, "handlaggare@demo.example");
      await caseworker.post(LIST, { intent: "create", year: String(year) });
      const visitor = portal.visitor();
      for (const path of routes) {
        const response = await visitor.get(path);
        expect(response.status, path).toBe(302);
        expect(response.headers.get("location")).toContain("/logga-in");
      }
      for (const [path, fields] of [
        [LIST, { intent: "create", year: "2023" }],
        [pageOf(year), { intent: "save", revision: "1", ...NARRATIVE }],
      ] as const) {
        const response = await visitor.post(path, fields);
        expect(response.status, path).toBe(302);
        expect(response.headers.get("location")).toContain("/logga-in");
      }
      expect(await reportRow(2023).catch(() => undefined)).toBeUndefined();
    });

    it.each([
      ["a förening's user", "forening@demo.example"],
      ["staff of another district", "handlaggare.jarva@demo.example"],
      ["an administrator without documents.generate", "admin@demo.example"],
    ])("refuses %s every page, file and post", async (_who, email) => {
      const visitor = await loggedIn(portal, email);
      for (const path of routes) expect((await visitor.get(path)).status, path).toBe(403);
      expect((await visitor.post(LIST, { intent: "create", year: "2024" })).status).toBe(403);
      for (const intent of ["save", "submit", "attest", "file"]) {
        const response = await visitor.post(pageOf(year), { intent, revision: await revisionOf(year), ...NARRATIVE, meetingDate: "2022-01-01", paragraph: "§ 1" });
        expect(response.status, intent).toBe(403);
      }
      expect((await reportRow(year)).narrative.summary).not.toBe(NARRATIVE.summary);
    });

    it("does not show another district's report under one's own district", async () => {
      const jarva = await loggedIn(portal, "handlaggare.jarva@demo.example");
      expect((await jarva.get(`/forvaltning/ja/arsrapporter/${year}`)).status).toBe(404);
      expect((await jarva.get(`/forvaltning/ja/arsrapporter/${year}.pdf`)).status).toBe(404);
    });

    it("refuses each action to the roles without its permission", async () => {
      const registrar = await loggedIn(portal, "registrator@demo.example");
      // The registrator may read and download …
      expect((await registrar.get(pageOf(year))).status).toBe(200);
      expect((await registrar.get(`${pageOf(year)}.pdf`)).status).toBe(200);
      // … but not write, create or attest.
      expect((await registrar.post(LIST, { intent: "create", year: "2024" })).status).toBe(403);
      expect((await post(registrar, year, { intent: "save", ...NARRATIVE })).status).toBe(403);
      expect((await post(registrar, year, { intent: "submit" })).status).toBe(403);
      expect((await post(registrar, year, { intent: "attest" })).status).toBe(403);
      const chef = await loggedIn(portal, "avdelningschef@demo.example");
      expect((await post(chef, year, { intent: "save", ...NARRATIVE })).status).toBe(403);
      expect((await post(chef, year, { intent: "file", meetingDate: "2022-01-01", paragraph: "§ 1" })).status).toBe(403);
      const caseworker = await loggedIn(portal, "handlaggare@demo.example");
      expect((await post(caseworker, year, { intent: "attest" })).status).toBe(403);
      expect((await post(caseworker, year, { intent: "return", comment: "x" })).status).toBe(403);
      expect((await post(caseworker, year, { intent: "file", meetingDate: "2022-01-01", paragraph: "§ 1" })).status).toBe(403);
      expect((await reportRow(year)).state).toBe("draft");
      // The nav shows the link only to those who may open the reports.
      const admin = await loggedIn(portal, "admin@demo.example");
      expect(await (await admin.get("/forvaltning/rk")).text()).not.toContain(`href="${LIST}"`);
    });
  });
});
