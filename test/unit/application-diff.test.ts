import { describe, expect, it } from "vitest";
import { diffApplications, fieldText } from "../../app/applications/diff";

describe("what changed between application versions", () => {
  const first = {
    title: "Läxhjälp i Husby",
    purpose: "Fler unga klarar skolan.",
    budgetLines: [{ description: "Lokalhyra", associationAmount: 50_000, administrationAmount: 150_000 }],
  };

  it("names each changed field with its Swedish label, before and after, and nothing unchanged", () => {
    const second = {
      ...first,
      budgetLines: [
        ...first.budgetLines,
        { description: "Material", associationAmount: 0, administrationAmount: 25_000 },
      ],
    };
    const changes = diffApplications(first, second);
    expect(changes.map((c) => c.label)).toEqual(["Budget"]);
    expect(changes[0]!.after).toContain("Material: föreningen 0 kr, förvaltningen 25 000 kr");
    expect(changes[0]!.after).toContain("Totalt 225 000 kr (föreningen 22 %, förvaltningen 78 %)");
    expect(changes[0]!.before).toContain("Totalt 200 000 kr");
  });

  it("reports nothing for identical versions", () => {
    expect(diffApplications(first, structuredClone(first))).toEqual([]);
  });

  it("shows age ranges of target groups", () => {
    expect(fieldText({ targetGroups: [{ description: "Unga", ageFrom: 12, ageTo: 25 }] }, "targetGroups")).toBe("Unga (12–25 år)");
  });
});
