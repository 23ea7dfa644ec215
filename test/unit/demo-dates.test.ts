import { describe, expect, it } from "vitest";
import { demoCalls } from "../../seed/demo-data";

describe("the demo call", () => {
  it.each(["2026-12-02", "2027-03-15", "2031-01-31"])("is open on %s and for months after", (today) => {
    const [call] = demoCalls(today);
    expect(call!.opensOn < today).toBe(true);
    expect(call!.closesOn > today).toBe(true);
    const inTwoMonths = new Date(new Date(`${today}T00:00:00Z`).getTime() + 60 * 86_400_000).toISOString().slice(0, 10);
    expect(call!.closesOn > inTwoMonths).toBe(true);
    expect(call!.periodEarliestStart > today).toBe(true);
    expect(call!.periodLatestEnd > call!.periodEarliestStart).toBe(true);
    expect(call!.title).toContain(call!.periodEarliestStart.slice(0, 4));
  });
});
