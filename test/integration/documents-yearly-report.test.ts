/**
 * Golden case from seed 001 (Rinkeby-Kista, 2019): the nine IOPs' amounts entered as data reproduce
 * each amount in the generated report, and the total is the computed sum, 11 576 000 kr, not the
 * document's own stated 11 586 000 kr.
 */
import { describe, expect, it } from "vitest";
import { agreements, reports } from "../../db/schema";
import { createCast, createDraftCase } from "../../seed/case-factory";
import { buildYearlyReport, yearlyReportTotal } from "../../app/documents/yearly-report";
import { loadYearlyReportIops } from "../../app/documents/yearly-report-data.server";
import { renderDocx } from "../../app/documents/docx.server";
import { renderPdf } from "../../app/documents/pdf.server";
import { setupPortal } from "../support/portal";
import { docxText, pdfText } from "../support/documents-read-back";

const portal = setupPortal();

const SEED_001_2019: [string, number][] = [
  ["Folkets Husby", 1_800_000],
  ["Fryshuset", 4_200_000],
  ["Husby Konst & Hantverksförening", 190_000],
  ["Kista Sports Club", 500_000],
  ["Löparakademin", 350_000],
  ["Rinkeby Folkets Hus", 1_800_000],
  ["Shanta IF", 200_000],
  ["Somaliska Mediaföreningen", 900_000],
  ["Studiefrämjandet", 1_636_000],
];

const FRYSHUSET_GOALS = [
  ["Andel unga upplever att deras möjligheter att skaffa sig ett extra timjobb har ökat.", "55 %", "70 %"],
  ["Andel deltagare som upplever en ökad framtidstro.", "55 %", "58 %"],
  ["Antal genomförda aktiviteter inom Ungdomskultur under året", "190", "263"],
] as const;

async function enterSeed001() {
  const districtId = portal.districtIds.get("RK")!;
  for (const [name, amount] of SEED_001_2019) {
    const parties = { organisationId: portal.organisationIds.get(name)!, districtId };
    const cast = await createCast(portal.db, parties);
    const caseId = await createDraftCase(parties, cast, `IOP med ${name}`);
    const yearlyAmounts = [{ year: 2019, amount }];
    // Somaliska Mediaföreningen also had 75 000 kr for January 2020 (seed 001).
    if (name === "Somaliska Mediaföreningen") yearlyAmounts.push({ year: 2020, amount: 75_000 });
    const isFryshuset = name === "Fryshuset";
    await portal.db.insert(agreements).values({
      caseId,
      content: {
        purposeAndGoals: `Verksamhet med ${name}.`,
        startDate: "2019-01-01",
        endDate: "2020-12-31",
        yearlyAmounts,
        reportDueDates: ["2020-01-31", "2021-01-31"],
        goals: isFryshuset ? FRYSHUSET_GOALS.map(([description, target]) => ({ description, target })) : [],
      },
    });
    if (isFryshuset) {
      await portal.db.insert(reports).values({
        caseId,
        kind: "period",
        periodIndex: 0,
        status: "submitted",
        submittedAt: new Date("2020-01-20T10:00:00Z"),
        content: {
          narrative: "Varje månad har mellan 60 och 96 aktiviteter genomförts.",
          activities: [
            { name: "Aktiviteter totalt", sessions: "940", women: "1359", men: "3354", other: "", ageGroup: "12–25 år", comment: "" },
          ],
          goals: FRYSHUSET_GOALS.map(([, , outcome], goalIndex) => ({ goalIndex, outcome, comment: "" })),
        },
        review: { addedValue: "Överenskommelsen indikerar ett mervärde utifrån ett ökat utbyte och en utvecklad samverkan." },
      });
    }
  }
  return districtId;
}

const narrative = {
  summary: "Förvaltningen har begärt en redovisning av varje IOP-förening av den verksamhet de har genomfört under 2019.",
  views: "Förvaltningen konstaterar att överenskommelserna om IOP skiljer sig åt vad gäller verksamhet och omfattning.",
  genderAnalysis: "Alla IOP-föreningar ska föra könsuppdelad statistik.",
};

describe("the yearly IOP report to the nämnd", () => {
  it("reproduces seed 001's 2019 amounts per IOP and computes the total from the rows, in PDF and DOCX", async () => {
    const districtId = await enterSeed001();
    const iops = await loadYearlyReportIops(districtId, 2019);
    expect(iops.map((i) => [i.organisationName, i.funding]).sort()).toEqual([...SEED_001_2019].sort());
    expect(yearlyReportTotal(iops)).toBe(11_576_000);

    const document = buildYearlyReport({
      boardName: "Rinkeby-Kista stadsdelsnämnd",
      administrationName: "Rinkeby-Kista stadsdelsförvaltning",
      year: 2019,
      caseworker: { name: "Hanna Handläggare", phone: "08-508 01 522" },
      date: "2020-02-13",
      diaryNumber: "RK 2020/31",
      narrative,
      iops,
      attestations: [
        { name: "Dan Direktör", title: "Stadsdelsdirektör", date: "2020-02-07" },
        { name: "Alva Avdelningschef", title: "Avdelningschef", date: "2020-02-06" },
      ],
    });

    const docx = docxText(await renderDocx(document));
    for (const [name, amount] of SEED_001_2019) {
      const row = docx.split("\n").find((line) => line.startsWith(`${name}\t`));
      expect(row, name).toBeDefined();
      expect(row).toContain(`\t${new Intl.NumberFormat("sv-SE").format(amount).replace(/\s/g, " ")} kr\t`);
    }
    expect(docx).toContain("Totalt\t\t\t11 576 000 kr\t");
    expect(docx).not.toContain("11 586 000");
    expect(docx).toContain("Andel deltagare som upplever en ökad framtidstro.\t55 %\t58 %\t");
    expect(docx).toContain("Aktiviteter totalt\t940\t1359\t3354\t");
    expect(docx).toContain("Överenskommelsen indikerar ett mervärde");
    expect(docx.indexOf("Förvaltningens förslag till beslut")).toBeLessThan(docx.indexOf("Jämställdhetsanalys"));
    expect(docx).toContain("Dan Direktör, Stadsdelsdirektör\t2020-02-07\t");

    const pdf = await pdfText(await renderPdf(document));
    expect(pdf).toContain("11 576 000 kr");
    expect(pdf).not.toContain("11 586 000");
    for (const [name] of SEED_001_2019) expect(pdf).toContain(name);
    expect(pdf.indexOf("Attesterat av")).toBeGreaterThan(pdf.indexOf("Jämställdhetsanalys"));
  });

  it("counts only the IOPs funded in the year asked for", async () => {
    const districtId = portal.districtIds.get("RK")!;
    const iops = await loadYearlyReportIops(districtId, 2020);
    expect(iops.map((i) => [i.organisationName, i.funding])).toEqual([["Somaliska Mediaföreningen", 75_000]]);
  });
});
