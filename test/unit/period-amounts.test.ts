import { describe, expect, it } from "vitest";
import { spreadOverAgreementYears } from "../../app/domain/period-amounts";

const total = (rows: { amount: number }[]) => rows.reduce((s, r) => s + r.amount, 0);

describe("spreading a whole-period amount over the agreement's years", () => {
  it("keeps the whole amount in one year when the period is one calendar year", () => {
    expect(spreadOverAgreementYears(800_000, "2026-01-01", "2026-12-31")).toEqual([{ year: 2026, amount: 800_000 }]);
  });

  it("sums exactly to the total in whole kronor over three years", () => {
    const rows = spreadOverAgreementYears(800_000, "2025-01-01", "2027-12-31");
    expect(rows.map((r) => r.year)).toEqual([2025, 2026, 2027]);
    expect(total(rows)).toBe(800_000);
    for (const r of rows) expect(Number.isInteger(r.amount)).toBe(true);
  });

  it("keeps a twelve-month period that crosses new year in one agreement year", () => {
    expect(spreadOverAgreementYears(250_000, "2025-05-01", "2026-04-30")).toEqual([{ year: 2025, amount: 250_000 }]);
  });

  it("gives a shortened last agreement year its share by days", () => {
    // 2025-07-01–2026-12-31: 365 days in the first agreement year, 184 in the second.
    const rows = spreadOverAgreementYears(549_000, "2025-07-01", "2026-12-31");
    expect(rows).toEqual([
      { year: 2025, amount: 365_000 },
      { year: 2026, amount: 184_000 },
    ]);
  });

  it("still sums exactly when the shares do not divide evenly", () => {
    const rows = spreadOverAgreementYears(100, "2025-01-01", "2027-12-31");
    expect(total(rows)).toBe(100);
    expect(rows.every((r) => r.amount >= 33 && r.amount <= 34)).toBe(true);
  });

  it("puts everything in the start year when there is no usable end date", () => {
    expect(spreadOverAgreementYears(50_000, "2026-03-01", null)).toEqual([{ year: 2026, amount: 50_000 }]);
    expect(spreadOverAgreementYears(50_000, "2026-03-01", "2026-02-01")).toEqual([{ year: 2026, amount: 50_000 }]);
  });
});
