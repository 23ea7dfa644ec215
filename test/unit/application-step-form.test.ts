/** One step's post → what may be saved, what is wrong, and what to show again. */
import { describe, expect, it } from "vitest";
import { contentToFormValues, parseStep, parseStepRowIntent } from "../../app/applications/step-form";
import { findStep, stepOfPath } from "../../app/applications/steps";

const step = (slug: string) => findStep(slug)!;

describe("parseStep", () => {
  it("saves the good fields of a step and reports the bad ones by dotted path", () => {
    const parsed = parseStep(
      step("budget"),
      {
        budgetLines: [
          { description: "Lön", associationAmount: "100 000", administrationAmount: "-1" },
          { description: "Lokal", associationAmount: "12,50", administrationAmount: "0" },
        ],
        otherContributions: "Ideella timmar",
      },
      null,
    );
    expect(parsed.patch).toEqual({ otherContributions: "Ideella timmar" });
    expect(parsed.errors).toEqual({
      "budgetLines.0.administrationAmount": "Beloppet kan inte vara negativt.",
      "budgetLines.1.associationAmount": "Ange beloppet i hela kronor, utan ören.",
    });
    expect(parsed.values.budgetLines).toHaveLength(2);
  });

  it("refuses dates that do not exist and an end before the start, keeping the rest", () => {
    const parsed = parseStep(step("grund"), { title: "Namn", periodStart: "2027-02-30", periodEnd: "2026-01-01" }, null);
    expect(parsed.patch).toEqual({ title: "Namn" });
    expect(Object.keys(parsed.errors)).toEqual(["periodStart", "periodEnd"]);
    const reversed = parseStep(step("grund"), { periodStart: "2027-05-01", periodEnd: "2027-04-01" }, null);
    expect(reversed.errors.periodEnd).toBe("Slutdatumet måste vara efter startdatumet.");
    expect(reversed.patch).toEqual({ periodStart: "2027-05-01" });
  });

  it("saves what was typed when a row button is pressed, never an empty row, and shows the list after the button", () => {
    const posted = { targetGroups: [{ description: "Unga", ageFrom: "12", ageTo: "" }, { description: "", ageFrom: "", ageTo: "" }] };
    expect(parseStep(step("malgrupp"), posted, null).patch.targetGroups).toEqual([{ description: "Unga", ageFrom: 12, ageTo: null }]);
    const added = parseStep(step("malgrupp"), posted, parseStepRowIntent("add-row:targetGroups"));
    expect(added.patch.targetGroups).toEqual([{ description: "Unga", ageFrom: 12, ageTo: null }]);
    expect(added.values.targetGroups).toHaveLength(3);
    expect((added.values.targetGroups as Record<string, string>[])[0]!.description).toBe("Unga");
    const removed = parseStep(step("malgrupp"), posted, parseStepRowIntent("remove-row:targetGroups:0"));
    expect(removed.patch.targetGroups).toEqual([]);
    expect(removed.values.targetGroups).toEqual([{ description: "", ageFrom: "", ageTo: "" }]);
  });

  it("keeps an edited row as typed when a row is added after it", () => {
    const posted = { budgetLines: [{ description: "Lokalhyra för läxhjälpen", associationAmount: "10 000", administrationAmount: "20 000" }] };
    const added = parseStep(step("budget"), posted, parseStepRowIntent("add-row:budgetLines"));
    expect(added.patch.budgetLines).toEqual([{ description: "Lokalhyra för läxhjälpen", associationAmount: 10_000, administrationAmount: 20_000 }]);
    expect(added.values.budgetLines).toEqual([posted.budgetLines[0], { description: "", associationAmount: "", administrationAmount: "" }]);
  });

  it("leaves a list alone when the post has none of its rows", () => {
    expect(parseStep(step("aktiviteter"), { cooperation: "Möten" }, null).patch).toEqual({ cooperation: "Möten" });
  });

  it("ignores row buttons it does not know", () => {
    expect(parseStepRowIntent("add-row:users")).toBeNull();
    expect(parseStepRowIntent("remove-row:budgetLines:x")).toBeNull();
    expect(parseStepRowIntent("save")).toBeNull();
  });
});

describe("form values and steps", () => {
  it("shows amounts Swedish style and finds the step of a problem's field", () => {
    const values = contentToFormValues({ budgetLines: [{ description: "Lön", associationAmount: 1_800_000, administrationAmount: 0 }] });
    expect(values.budgetLines).toEqual([{ description: "Lön", associationAmount: "1 800 000", administrationAmount: "0" }]);
    expect(stepOfPath("budgetLines.0.description").slug).toBe("budget");
    expect(stepOfPath("otherContributions").slug).toBe("budget");
    expect(stepOfPath("periodEnd").slug).toBe("grund");
  });
});
