/**
 * The dashboards: the figures in the tables equal the seeded data, the lead-time medians are right
 * for a known set, the förening sees only its own figures, and only the right people get in.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadYearlyReportIops } from "../../app/documents/yearly-report-data.server";
import { yearlyReportTotal } from "../../app/documents/yearly-report";
import { stockholmDate } from "../../app/utils/time";
import { setupPortal } from "../support/portal";
import { signedIn } from "../support/signed-in";
import { textOf } from "../support/visitor";
import { buildDashboardWorld, tableByCaption, type DashboardWorld } from "../support/dashboards-fixture";

const portal = setupPortal();
let world: DashboardWorld;

const LOGINS = {
  caseworker: "handlaggare@demo.example",
  coordinator: "samordnare@demo.example",
  chef: "avdelningschef@demo.example",
  director: "direktor@demo.example",
  registrar: "registrator@demo.example",
  admin: "admin@demo.example",
  fryshuset: "forening@demo.example",
  fryshusetSignatory: "firmatecknare@demo.example",
  iogt: "iogt@demo.example",
  jarva: "handlaggare.jarva@demo.example",
} as const;
type Who = keyof typeof LOGINS;
const as = signedIn(portal, LOGINS);

beforeAll(async () => {
  world = await buildDashboardWorld(portal.db, portal);
});

const STAFF_PAGE = "/forvaltning/rk/oversikt?fran=2024&till=2026";
const fryshusetPage = () => `/forening/${portal.organisationIds.get("Fryshuset")}/oversikt`;

async function html(who: Who, path: string) {
  const response = await as[who].get(path);
  expect(response.status).toBe(200);
  return response.text();
}

describe("the förvaltning's dashboard", () => {
  it("shows funding per IOP and year as seeded, with computed totals that agree with the yearly report", async () => {
    const page = await html("caseworker", STAFF_PAGE);
    expect(tableByCaption(page, "Bidrag per IOP och år, 2024–2026")).toEqual([
      ["IOP", "2024", "2025", "2026", "Summa"],
      ["Fryshuset RK 2025/1", "–", "250 000 kr", "100 000 kr", "350 000 kr"],
      ["IOGT-NTO Spånga RK 2025/2", "–", "400 000 kr", "–", "400 000 kr"],
      ["Totalt", "0 kr", "650 000 kr", "100 000 kr", "750 000 kr"],
    ]);
    // Järva's IOP (Fryshuset, 75 000 kr in 2024) is another district's.
    expect(page).not.toContain("75 000 kr");
    const rk = portal.districtIds.get("RK")!;
    expect(yearlyReportTotal(await loadYearlyReportIops(rk, 2025))).toBe(650_000);
    expect(yearlyReportTotal(await loadYearlyReportIops(rk, 2026))).toBe(100_000);
  });

  it("sums participants by gender and sessions from the newest submitted report of each year, ranges kept", async () => {
    const page = await html("coordinator", STAFF_PAGE);
    expect(tableByCaption(page, "Deltagare per kön och år, 2024–2026")).toEqual([
      ["År", "Kvinnor och flickor", "Män och pojkar", "Annat eller ej angivet", "Tillfällen"],
      ["2024", "0", "0", "0", "0"],
      ["2025", "22", "15–19", "1", "62"],
      ["2026", "20", "18", "2", "30"],
    ]);
  });

  it("counts the cases submitted in the period by the stage they are in now", async () => {
    const page = await html("chef", STAFF_PAGE);
    expect(tableByCaption(page, "Ärenden per steg, inlämnade 2024–2026")).toEqual([
      ["Steg", "Antal ärenden"],
      ["Beredning", "1"],
      ["Beslut", "0"],
      ["Överenskommelse", "1"],
      ["Uppföljning", "2"],
      ["Slutrapport", "0"],
      ["Avslutat", "0"],
      ["Totalt", "4"],
    ]);
    const none = await html("chef", "/forvaltning/rk/oversikt?fran=2020&till=2023");
    expect(tableByCaption(none, "Ärenden per steg, inlämnade 2020–2023").at(-1)).toEqual(["Totalt", "0"]);
  });

  it("computes the median lead times from the audit trail: 49 days to decision, 19.5 days to a signed agreement", async () => {
    const page = await html("director", STAFF_PAGE);
    expect(tableByCaption(page, "Handläggningstider, median i dagar, 2024–2026")).toEqual([
      ["Steg", "Antal ärenden", "Median, dagar"],
      ["Från inlämnad ansökan till nämndens beslut", "3", "49"],
      ["Från beslut till undertecknad överenskommelse", "2", "19,5"],
    ]);
    // The decisions were in 2025: a period without them has no lead times.
    const earlier = await html("director", "/forvaltning/rk/oversikt?fran=2024&till=2024");
    expect(tableByCaption(earlier, "Handläggningstider, median i dagar, 2024")[1]).toEqual([
      "Från inlämnad ansökan till nämndens beslut",
      "0",
      "–",
    ]);
  });

  it("lists the reports whose deadline has passed, oldest first, linking to the case", async () => {
    const page = await html("registrar", STAFF_PAGE);
    const today = Date.parse(`${stockholmDate(new Date())}T00:00:00Z`);
    const late = String(Math.round((today - Date.parse("2025-09-30T00:00:00Z")) / 86_400_000));
    expect(textOf(page)).toContain("2 rapporter är försenade.");
    expect(tableByCaption(page, "Försenade rapporter, äldst först")).toEqual([
      ["Förening", "Diarienummer", "Vad", "Skulle lämnas senast", "Dagar sen"],
      ["Fryshuset", "RK 2025/1", "Rapport", "2025-09-30", late.replace(/\B(?=(\d{3})+(?!\d))/g, " ")],
      ["IOGT-NTO Spånga", "RK 2025/2", "Rapport", "2025-09-30", late.replace(/\B(?=(\d{3})+(?!\d))/g, " ")],
    ]);
    expect(page).toContain(`href="/forvaltning/rk/arenden/${world.a}"`);
  });

  it("keeps the period in the address and falls back to the last five years with a message for a bad one", async () => {
    const page = await html("admin", "/forvaltning/rk/oversikt?fran=abc&till=2026");
    expect(textOf(page)).toContain("Skriv år mellan 2000 och 2100.");
    const thisYear = Number(stockholmDate(new Date()).slice(0, 4));
    expect(textOf(page)).toContain(`Bidrag per IOP och år, ${thisYear - 4}–${thisYear}`);
    // A reversed range is read the right way round.
    const reversed = await html("admin", "/forvaltning/rk/oversikt?fran=2026&till=2025");
    expect(textOf(reversed)).toContain("Bidrag per IOP och år, 2025–2026");
    expect(page).toMatch(/<form method="get"[^>]*action="\/forvaltning\/rk\/oversikt/);
  });

  it("is linked from the district's navigation", async () => {
    const page = await html("caseworker", "/forvaltning/rk");
    expect(page).toContain('href="/forvaltning/rk/oversikt"');
  });
});

describe("the förening's dashboard", () => {
  it("shows its own funding across years and districts, and no other förening's", async () => {
    const page = await html("fryshuset", fryshusetPage());
    expect(tableByCaption(page, "Bidrag per år")).toEqual([
      ["År", "Antal överenskommelser", "Bidrag"],
      ["2024", "1", "75 000 kr"],
      ["2025", "1", "250 000 kr"],
      ["2026", "1", "100 000 kr"],
      ["Totalt", "", "425 000 kr"],
    ]);
    expect(page).not.toContain("400 000 kr");
    expect(page).not.toContain("IOGT");
  });

  it("shows its participants by gender, sessions, and each goal against the outcome reported", async () => {
    const page = await html("fryshusetSignatory", fryshusetPage());
    expect(tableByCaption(page, "Deltagare per kön och år")).toEqual([
      ["År", "Kvinnor och flickor", "Män och pojkar", "Annat eller ej angivet"],
      ["2024", "0", "0", "0"],
      ["2025", "15", "6–10", "1"],
      ["2026", "20", "18", "2"],
    ]);
    expect(tableByCaption(page, "Tillfällen per år")).toEqual([
      ["År", "Tillfällen"],
      ["2024", "0"],
      ["2025", "50"],
      ["2026", "30"],
    ]);
    expect(tableByCaption(page, "Mål, målvärde och utfall per år")).toEqual([
      ["Mål", "År", "Överenskommelse", "Målvärde", "Utfall"],
      ["Andel unga som fått ett extrajobb", "2025", "RK 2025/1", "55 %", "70 %"],
      ["Antal aktiviteter under året", "2025", "RK 2025/1", "190", "263"],
      ["Andel unga som fått ett extrajobb", "2026", "RK 2025/1", "55 %", "Inte rapporterat"],
      ["Antal aktiviteter under året", "2026", "RK 2025/1", "190", "Inte rapporterat"],
    ]);
  });

  it("shows another förening its own figures and none of Fryshuset's", async () => {
    const page = await html("iogt", `/forening/${portal.organisationIds.get("IOGT-NTO Spånga")}/oversikt`);
    expect(tableByCaption(page, "Bidrag per år")).toEqual([
      ["År", "Antal överenskommelser", "Bidrag"],
      ["2025", "1", "400 000 kr"],
      ["Totalt", "", "400 000 kr"],
    ]);
    expect(page).not.toContain("Fryshuset");
  });

  it("is linked from the förening's pages", async () => {
    const id = portal.organisationIds.get("Fryshuset");
    expect(await html("fryshuset", "/forening")).toContain(`href="/forening/${id}/oversikt"`);
    expect(await html("fryshuset", `/forening/${id}`)).toContain(`href="/forening/${id}/oversikt"`);
  });
});

describe("who may open the dashboards", () => {
  it("lets every staff role of the district open its dashboard, and refuses everyone else", async () => {
    for (const who of ["caseworker", "coordinator", "chef", "director", "registrar", "admin"] as const) {
      expect((await as[who].get(STAFF_PAGE)).status, who).toBe(200);
    }
    expect((await as.jarva.get(STAFF_PAGE)).status).toBe(403);
    expect((await as.fryshuset.get(STAFF_PAGE)).status).toBe(403);
    expect((await as.fryshusetSignatory.get(STAFF_PAGE)).status).toBe(403);
    const anonymous = await as.anonymous.get(STAFF_PAGE);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/logga-in\?redirectTo=/);
    // Järva's own dashboard does not show Rinkeby-Kista's IOPs.
    const jarva = await (await as.jarva.get("/forvaltning/ja/oversikt?fran=2024&till=2026")).text();
    expect(tableByCaption(jarva, "Bidrag per IOP och år, 2024–2026")).toEqual([
      ["IOP", "2024", "2025", "2026", "Summa"],
      ["Fryshuset", "75 000 kr", "–", "–", "75 000 kr"],
      ["Totalt", "75 000 kr", "0 kr", "0 kr", "75 000 kr"],
    ]);
  });

  it("lets only the förening's own people open its dashboard", async () => {
    const path = fryshusetPage();
    expect((await as.fryshuset.get(path)).status).toBe(200);
    expect((await as.fryshusetSignatory.get(path)).status).toBe(200);
    expect((await as.iogt.get(path)).status).toBe(403);
    for (const who of ["caseworker", "chef", "admin", "jarva"] as const) {
      expect((await as[who].get(path)).status, who).toBe(403);
    }
    const anonymous = await as.anonymous.get(path);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/logga-in\?redirectTo=/);
    expect((await as.fryshuset.get("/forening/inte-ett-id/oversikt")).status).toBe(404);
  });

  it("has nothing to post to: a form post changes nothing and is refused", async () => {
    expect((await as.caseworker.post(STAFF_PAGE, { intent: "x" })).status).toBe(405);
    expect((await as.fryshuset.post(fryshusetPage(), { intent: "x" })).status).toBe(405);
  });
});
