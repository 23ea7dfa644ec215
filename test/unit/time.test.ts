import { describe, expect, it } from "vitest";
import { stockholmDate, stockholmIsoString } from "../../app/utils/time";

describe("Stockholm time", () => {
  it("gives the Swedish day for a moment just after midnight in Sweden", () => {
    // 23:30 UTC on 31 December is 00:30 on New Year's Day in Stockholm (UTC+1).
    expect(stockholmIsoString(new Date("2025-12-31T23:30:00Z"))).toBe("2026-01-01T00:30:00.000+01:00");
    expect(stockholmDate(new Date("2025-12-31T23:30:00Z"))).toBe("2026-01-01");
  });
  it("uses summer time in summer", () => {
    expect(stockholmIsoString(new Date("2025-06-30T22:15:00.250Z"))).toBe("2025-07-01T00:15:00.250+02:00");
  });
  it("names the same instant", () => {
    const now = new Date("2025-03-30T01:30:00Z");
    expect(new Date(stockholmIsoString(now)).getTime()).toBe(now.getTime());
  });
});
