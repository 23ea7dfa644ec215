import { describe, expect, it } from "vitest";
import {
  addRow,
  formValuesFromContent,
  formValuesFromPost,
  prefillFromApplication,
  readAgreementForm,
  removeRow,
  signingTerms,
} from "../../app/partnership/agreement-form";

describe("the agreement form", () => {
  it("reads typed amounts as whole kronor and leaves empty rows out", () => {
    const values = formValuesFromPost({
      yearlyAmounts: [{ year: "2026", amount: "1 800 000" }, { year: "", amount: "" }],
      reportDueDates: ["2026-09-30", ""],
      goals: [{ description: "Andel deltagare som upplever en ökad framtidstro", target: "55 %" }],
      extensionAllowed: "no",
    });
    const read = readAgreementForm(values);
    expect(read).toMatchObject({
      ok: true,
      content: {
        yearlyAmounts: [{ year: 2026, amount: 1_800_000 }],
        reportDueDates: ["2026-09-30"],
        extensionAllowed: false,
        goals: [{ description: "Andel deltagare som upplever en ökad framtidstro", target: "55 %" }],
      },
    });
  });

  it("names each problem at its field and row", () => {
    const read = readAgreementForm(
      formValuesFromPost({
        yearlyAmounts: [{ year: "26", amount: "12,50" }, { year: "2027", amount: "10" }, { year: "2027", amount: "5" }],
        startDate: "2026-05-01",
        endDate: "2026-04-01",
        reportDueDates: ["30/9"],
        goals: [{ description: "", target: "55 %" }],
      }),
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors).toMatchObject({
      "yearlyAmounts.0.year": expect.stringContaining("fyra siffror"),
      "yearlyAmounts.0.amount": expect.stringContaining("hela kronor"),
      "yearlyAmounts.2.year": "Året 2027 finns redan på en annan rad.",
      endDate: "Slutdatumet måste vara efter startdatumet.",
      "reportDueDates.0": expect.stringContaining("ÅÅÅÅ-MM-DD"),
      "goals.0.description": "Skriv målet, eller ta bort raden.",
    });
  });

  it("adds and removes rows without touching the others", () => {
    const values = formValuesFromContent({ goals: [{ description: "A", target: "1" }, { description: "B", target: "2" }] });
    expect(addRow(values, "goals").goals).toHaveLength(3);
    expect(removeRow(values, "goals", 0).goals).toEqual([{ description: "B", target: "2" }]);
  });

  it("asks for the dates the workflow needs before signing", () => {
    expect(signingTerms({ startDate: "2026-01-01" })).toEqual({
      ok: false,
      errors: {
        endDate: "Skriv när överenskommelsen slutar gälla.",
        "reportDueDates.0": "Skriv minst ett datum då föreningen ska lämna rapport.",
        extensionAllowed: "Välj om överenskommelsen får förlängas.",
      },
    });
    expect(
      signingTerms({ startDate: "2026-01-01", endDate: "2026-12-31", reportDueDates: ["2026-09-30"], extensionAllowed: false }),
    ).toEqual({
      ok: true,
      terms: { startDate: "2026-01-01", endDate: "2026-12-31", reportDueDates: ["2026-09-30"], extensionAllowed: false },
    });
  });

  it("prefills the agreement years from the application's budget for the whole period", () => {
    const content = prefillFromApplication({
      purpose: "Syftet",
      periodStart: "2025-01-01",
      periodEnd: "2026-12-31",
      targetGroups: [{ description: "Unga", ageFrom: 13, ageTo: 22 }],
      budgetLines: [{ description: "Personal", associationAmount: 10, administrationAmount: 400_000 }],
    });
    expect(content).toMatchObject({
      purposeAndGoals: "Syftet",
      targetGroup: "Unga (13–22 år)",
      startDate: "2025-01-01",
      endDate: "2026-12-31",
      yearlyAmounts: [
        { year: 2025, amount: 200_000 },
        { year: 2026, amount: 200_000 },
      ],
    });
  });

  it("keeps an 800 000 kr three-year application at 800 000 kr in total", () => {
    const content = prefillFromApplication({
      periodStart: "2025-01-01",
      periodEnd: "2027-12-31",
      budgetLines: [
        { description: "Personal", associationAmount: 100_000, administrationAmount: 500_000 },
        { description: "Lokaler", associationAmount: 0, administrationAmount: 300_000 },
      ],
    });
    const amounts = content.yearlyAmounts ?? [];
    expect(amounts.map((y) => y.year)).toEqual([2025, 2026, 2027]);
    expect(amounts.reduce((s, y) => s + y.amount, 0)).toBe(800_000);
  });
});
