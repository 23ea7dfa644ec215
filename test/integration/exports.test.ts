/**
 * CSV and XLSX exports: a queue's filtered list (every row, the page's filters, capped with a message)
 * and a district's follow-up figures for a year (totals computed from the rows). Swedish-Excel CSV:
 * BOM, semicolons, quoting, formula injection defused. Never an internal note. Staff only, own district.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import ExcelJS from "exceljs";
import { agreements, calls, caseNotes, cases, reports } from "../../db/schema";
import { createCast, createDraftCase, driveCase, LIFECYCLE } from "../../seed/case-factory";
import { createOrganisation } from "../../seed/factories";
import { loadUser } from "../../app/auth/current-user.server";
import { listQueue } from "../../app/administration/queues.server";
import { QUEUE_EXPORT_HEADERS, queueExportTable } from "../../app/exports/queue-export.server";
import { FOLLOWUP_HEADERS } from "../../app/exports/followup-export.server";
import { setupPortal } from "../support/portal";
import { textOf } from "../support/visitor";
import { caseAt, loggedIn, through, userIdOf } from "../support/forvaltning";

const portal = setupPortal();
const SECRET = "INTERN-ANTECKNING-5521";
const FORMULA_NAME = '=HYPERLINK("http://evil.example";"Klicka")';
let formulaOrgNumber: string;
let takenDiary: string;
let callTitle: string;
const formulaCases: string[] = [];

/** Reads Swedish-Excel CSV: semicolons, double-quoted fields with "" for a quote, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ";") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

async function download(email: string, path: string) {
  const response = await (await loggedIn(portal, email)).get(path);
  expect(response.status, `${email} ${path}`).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

function csvRows(bytes: Uint8Array) {
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1));
}

async function xlsxSheets(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const rows: (string | number | null)[][] = [];
    sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (v === undefined || v === "" ? null : (v as string | number)))));
    return { name: sheet.name, rows, sheet };
  });
}

/** Every file inside the XLSX, unpacked: what a search for the secret would look through. */
const xlsxText = (bytes: Uint8Array) => Object.values(unzipSync(bytes)).map((f) => strFromU8(f)).join("\n");

beforeAll(async () => {
  const districtId = portal.districtIds.get("RK")!;
  const organisation = await createOrganisation(portal.db, { name: FORMULA_NAME });
  formulaOrgNumber = organisation.organisationNumber;
  const parties = { organisationId: organisation.id, districtId };
  const cast = await createCast(portal.db, parties);
  const author = await userIdOf(portal, "handlaggare@demo.example");
  // More than one page of the queue (25 rows): the export has them all.
  for (let i = 0; i < 28; i++) {
    const id = await createDraftCase(parties, cast, `Ärende ${i}`);
    await driveCase(id, cast, LIFECYCLE.slice(0, 1));
    formulaCases.push(id);
  }
  const [call] = await portal.db.select({ id: calls.id, title: calls.title }).from(calls).where(eq(calls.districtId, districtId)).limit(1);
  callTitle = call!.title;
  const taken = await caseAt(portal, through("take"), { content: { callId: call!.id } });
  const [takenRow] = await portal.db.select({ d: cases.diaryNumber }).from(cases).where(eq(cases.id, taken.caseId));
  takenDiary = takenRow!.d!;

  // The follow-up figures: two IOPs funded in 2025 with their yearly reports.
  const funded: [string, number, { sessions: string; women: string; men: string; other: string }][] = [
    ["Kista Sports Club", 400_000, { sessions: "40", women: "12", men: "8", other: "" }],
    ["Shanta IF", 250_000, { sessions: "10–12", women: "5", men: "7", other: "1" }],
  ];
  for (const [name, amount, figures] of funded) {
    const { caseId } = await caseAt(portal, through("chef signs"), { organisation: name });
    await portal.db.insert(agreements).values({
      caseId,
      content: {
        startDate: "2025-01-01",
        endDate: "2025-12-31",
        yearlyAmounts: [{ year: 2025, amount }, { year: 2026, amount: 1 }],
        reportDueDates: ["2026-01-31"],
        goals: [{ description: `Deltagare hos ${name}`, target: "50" }],
      },
    });
    await portal.db.insert(reports).values({
      caseId,
      kind: "period",
      periodIndex: 0,
      status: "submitted",
      submittedAt: new Date("2026-01-20T10:00:00Z"),
      content: {
        narrative: "Berättelsen hör inte hemma i exporten.",
        activities: [{ name: "Träning", ...figures, ageGroup: "7–15 år", comment: "" }],
        goals: [{ goalIndex: 0, outcome: "63", comment: "" }],
      },
    });
    formulaCases.push(caseId);
  }
  await portal.db.insert(caseNotes).values([...formulaCases, taken.caseId].map((caseId) => ({ caseId, authorId: author, body: `${SECRET} om ärendet` })));
});

describe("the queue export", () => {
  it("has every row of the filtered queue, with the page's filters, as CSV for Swedish Excel", async () => {
    const bytes = await download("samordnare@demo.example", `/forvaltning/rk/export/arenden.csv?ko=alla&sok=${formulaOrgNumber}&efter=zzz`);
    const rows = csvRows(bytes);
    expect(rows[0]).toEqual(QUEUE_EXPORT_HEADERS);
    const body = rows.slice(1);
    // All 28 submitted cases of the förening (the paging cursor in the URL is ignored), no other.
    expect(body).toHaveLength(28);
    const diaries = await portal.db.select({ d: cases.diaryNumber }).from(cases).where(inArray(cases.id, formulaCases.slice(0, 28)));
    expect(body.map((r) => r[0]).sort()).toEqual(diaries.map((d) => d.d).sort());
    for (const row of body) {
      // The förening's name is defused: Excel reads it as text, never as a formula.
      expect(row[1]).toBe(`'${FORMULA_NAME}`);
      expect(row[2]).toBe(formulaOrgNumber);
      expect(row[3]).toBe("Beredning");
      expect(row[5]).toBe("Ingen");
      expect(row[8]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const raw = new TextDecoder().decode(bytes);
    expect(raw.startsWith("Diarienummer;Förening;Organisationsnummer;Skede;")).toBe(true);
    expect(raw).toContain(`;"'=HYPERLINK(""http://evil.example"";""Klicka"")";`);
    expect(raw).toContain("\r\n");
    expect(raw).not.toContain(SECRET);
  });

  it("matches the queue page's rows for the same queue and filters, in CSV and in Excel", async () => {
    const user = (await loadUser(await userIdOf(portal, "handlaggare@demo.example")))!;
    const district = user.districts.find((d) => d.code === "RK")!;
    const expected = await listQueue({ userId: user.id, districtId: district.id, roles: district.roles }, "mina", {}, { pageSize: 1000 });
    const csv = csvRows(await download("handlaggare@demo.example", "/forvaltning/rk/export/arenden.csv?ko=mina")).slice(1);
    expect(csv.map((r) => r[0])).toEqual(expected.rows.map((r) => r.diaryNumber ?? ""));
    const taken = csv.find((r) => r[0] === takenDiary)!;
    expect(taken[3]).toBe("Beredning");
    expect(taken[5]).toBe("Hanna Handläggare");
    expect(taken[6]).toBe(callTitle);

    const xlsxBytes = await download("handlaggare@demo.example", "/forvaltning/rk/export/arenden.xlsx?ko=mina");
    const [sheet] = await xlsxSheets(xlsxBytes);
    expect(sheet!.rows[0]).toEqual(QUEUE_EXPORT_HEADERS);
    expect(sheet!.rows.slice(1).map((r) => r[0] ?? "")).toEqual(csv.map((r) => r[0]));
    expect(xlsxText(xlsxBytes)).not.toContain(SECRET);
  });

  it("keeps a formula-like name as text in Excel", async () => {
    const bytes = await download("samordnare@demo.example", `/forvaltning/rk/export/arenden.xlsx?ko=alla&sok=${formulaOrgNumber}`);
    const [sheet] = await xlsxSheets(bytes);
    const cell = sheet!.sheet.getRow(2).getCell(2);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(FORMULA_NAME);
  });

  it("says so when the list is cut at the cap", async () => {
    const user = (await loadUser(await userIdOf(portal, "samordnare@demo.example")))!;
    const district = user.districts.find((d) => d.code === "RK")!;
    const table = await queueExportTable(user, district, new URLSearchParams({ ko: "alla", sok: formulaOrgNumber }), { cap: 5 });
    expect(table.rows).toHaveLength(5);
    expect(table.note).toBe("Listan är avkortad: den visar de första 5 ärendena. Använd filtren för att få med resten.");
  });

  it("is linked from the queue page with the current filters", async () => {
    const html = await (await (await loggedIn(portal, "handlaggare@demo.example")).get("/forvaltning/rk/arenden?ko=alla&sok=Fryshuset")).text();
    expect(html).toContain('href="/forvaltning/rk/export/arenden.csv?ko=alla&amp;sok=Fryshuset"');
    expect(html).toContain('href="/forvaltning/rk/export/arenden.xlsx?ko=alla&amp;sok=Fryshuset"');
  });
});

describe("the follow-up figures export", () => {
  it("has one row per IOP funded that year and a total computed from the rows", async () => {
    const rows = csvRows(await download("handlaggare@demo.example", "/forvaltning/rk/export/uppfoljning.csv?ar=2025"));
    expect(rows[0]).toEqual(FOLLOWUP_HEADERS);
    const kista = rows.find((r) => r[0] === "Kista Sports Club")!;
    const shanta = rows.find((r) => r[0] === "Shanta IF")!;
    expect(kista.slice(4, 9)).toEqual(["400000", "40", "12", "8", ""]);
    expect(shanta.slice(4, 9)).toEqual(["250000", "10–12", "5", "7", "1"]);
    expect(kista[9]).toBe("Deltagare hos Kista Sports Club: målvärde 50, utfall 63");
    const total = rows.at(-1)!;
    expect(total[0]).toBe("Totalt");
    const iopRows = rows.slice(1, -1);
    expect(Number(total[4])).toBe(iopRows.reduce((sum, r) => sum + Number(r[4]), 0));
    expect(Number(total[4])).toBeGreaterThanOrEqual(650_000);
  });

  it("has the same figures in Excel, with a sheet of goals against outcomes, and no internal notes", async () => {
    const bytes = await download("avdelningschef@demo.example", "/forvaltning/rk/export/uppfoljning.xlsx?ar=2025");
    const [iops, goals] = await xlsxSheets(bytes);
    expect(iops!.name).toBe("Uppföljning 2025");
    const kista = iops!.rows.find((r) => r[0] === "Kista Sports Club")!;
    expect(kista[4]).toBe(400_000);
    const total = iops!.rows.at(-1)!;
    expect(total[4]).toBe(iops!.rows.slice(1, -1).reduce((sum, r) => sum + Number(r[4]), 0));
    expect(goals!.rows).toContainEqual(["Shanta IF", expect.any(String), "Deltagare hos Shanta IF", "50", "63"]);
    const text = xlsxText(bytes);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain("Berättelsen hör inte hemma i exporten.");
  });

  it("is linked from the district start page for staff who write documents, and refuses a bad year", async () => {
    const html = await (await (await loggedIn(portal, "handlaggare@demo.example")).get("/forvaltning/rk")).text();
    expect(html).toContain('action="/forvaltning/rk/export/uppfoljning.xlsx"');
    expect(textOf(html)).toContain("Uppföljningens siffror");
    const admin = await (await (await loggedIn(portal, "admin@demo.example")).get("/forvaltning/rk")).text();
    expect(admin).not.toContain("uppfoljning.xlsx");
    expect((await (await loggedIn(portal, "handlaggare@demo.example")).get("/forvaltning/rk/export/uppfoljning.csv?ar=20x5")).status).toBe(400);
  });
});

describe("who may download the exports", () => {
  const all = ["/forvaltning/rk/export/arenden.csv?ko=alla", "/forvaltning/rk/export/arenden.xlsx", "/forvaltning/rk/export/uppfoljning.csv?ar=2025", "/forvaltning/rk/export/uppfoljning.xlsx?ar=2025"];

  it.each(["forening@demo.example", "iogt@demo.example", "handlaggare.jarva@demo.example"])("refuses %s every export", async (email) => {
    const visitor = await loggedIn(portal, email);
    for (const path of all) expect((await visitor.get(path)).status, path).toBe(403);
  });

  it("refuses the admin the follow-up figures (no documents.generate) but not the queue", async () => {
    const visitor = await loggedIn(portal, "admin@demo.example");
    expect((await visitor.get(all[2]!)).status).toBe(403);
    expect((await visitor.get(all[3]!)).status).toBe(403);
    expect((await visitor.get(all[0]!)).status).toBe(200);
  });

  it("sends a logged-out visitor to the login page", async () => {
    for (const path of all) {
      const response = await portal.visitor().get(path);
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location")).toMatch(/^\/logga-in/);
    }
  });

  it("shows another district's staff nothing of Rinkeby-Kista under their own district's address", async () => {
    const rows = csvRows(await download("handlaggare.jarva@demo.example", `/forvaltning/ja/export/arenden.csv?ko=alla&sok=${formulaOrgNumber}`));
    expect(rows.slice(1)).toHaveLength(0);
    const followUp = csvRows(await download("handlaggare.jarva@demo.example", "/forvaltning/ja/export/uppfoljning.csv?ar=2025"));
    expect(followUp.map((r) => r[0])).not.toContain("Kista Sports Club");
  });
});
