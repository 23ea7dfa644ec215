/** The application's content rules: the draft schema and what must be in place to submit. */
import { describe, expect, it } from "vitest";
import { applicationDraftSchema, submissionProblems, type ApplicationContent } from "../../app/domain/application";

const complete: ApplicationContent = {
  title: "Läxhjälp i Husby",
  periodStart: "2027-01-01",
  periodEnd: "2028-12-31",
  purpose: "Fler unga klarar skolan.",
  societalChallenge: "Många lämnar skolan utan behörighet.",
  targetGroups: [{ description: "Elever i årskurs 7–9", ageFrom: 13, ageTo: 16 }],
  activities: [{ name: "Läxhjälp", description: "Två kvällar i veckan." }],
  policyLink: "Skolprogrammet.",
  complementsOperations: "Fritidsgården.",
  cooperation: "Styrgrupp.",
  budgetLines: [{ description: "Lön", associationAmount: 100_000, administrationAmount: 300_000 }],
};
const paths = (content: ApplicationContent, call?: Parameters<typeof submissionProblems>[1]) =>
  submissionProblems(content, call).map((p) => p.path);

describe("applicationDraftSchema", () => {
  it("accepts an empty draft and a complete one", () => {
    expect(applicationDraftSchema.safeParse({}).success).toBe(true);
    expect(applicationDraftSchema.safeParse(complete).success).toBe(true);
  });

  it.each([
    ["a negative amount", { budgetLines: [{ description: "x", associationAmount: -1, administrationAmount: 0 }] }, "Beloppet kan inte vara negativt."],
    ["öre", { budgetLines: [{ description: "x", associationAmount: 1.5, administrationAmount: 0 }] }, "utan ören"],
    ["an amount over 999 999 999 kr", { budgetLines: [{ description: "x", associationAmount: 1_000_000_000, administrationAmount: 0 }] }, "Beloppet får vara högst 999 999 999 kr."],
    ["a non-numeric amount", { budgetLines: [{ description: "x", associationAmount: Number.NaN, administrationAmount: 0 }] }, "hela kronor"],
    ["a title past its limit", { title: "x".repeat(151) }, "högst 150 tecken"],
    ["a purpose past its limit", { purpose: "x".repeat(4001) }, "högst 4000 tecken"],
    ["a date in another format", { periodStart: "1/1/2027" }, "ÅÅÅÅ-MM-DD"],
  ])("refuses %s with a Swedish message", (_name, content, message) => {
    const result = applicationDraftSchema.safeParse(content);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message).join(" ")).toContain(message);
  });

  it("keeps HTML as plain text (the pages escape it)", () => {
    const parsed = applicationDraftSchema.parse({ purpose: "<script>alert(1)</script>" });
    expect(parsed.purpose).toBe("<script>alert(1)</script>");
  });
});

describe("submissionProblems", () => {
  it("finds nothing in a complete application", () => {
    expect(submissionProblems(complete)).toEqual([]);
  });

  it("names every empty required field", () => {
    expect(paths({})).toEqual([
      "title",
      "periodStart",
      "periodEnd",
      "purpose",
      "societalChallenge",
      "targetGroups",
      "activities",
      "policyLink",
      "complementsOperations",
      "cooperation",
      "budgetLines",
    ]);
    expect(paths({ ...complete, purpose: "   " })).toEqual(["purpose"]);
  });

  it("refuses an end before the start and ages the wrong way round", () => {
    expect(paths({ ...complete, periodEnd: "2026-12-31" })).toEqual(["periodEnd"]);
    expect(paths({ ...complete, targetGroups: [{ description: "x", ageFrom: 16, ageTo: 13 }] })).toEqual(["targetGroups.0.ageTo"]);
  });

  it("refuses a period outside the call's", () => {
    const call = { title: "IOP 2027–2029", periodEarliestStart: "2027-01-01", periodLatestEnd: "2029-12-31" };
    expect(paths({ ...complete, periodStart: "2026-06-01", periodEnd: "2030-01-01" }, call)).toEqual(["periodStart", "periodEnd"]);
    expect(paths(complete, call)).toEqual([]);
  });

  it("wants both parties to contribute and a named budget line", () => {
    expect(paths({ ...complete, budgetLines: [{ description: "", associationAmount: 0, administrationAmount: 0 }] })).toEqual([
      "budgetLines.0.description",
      "budgetLines",
      "otherContributions",
    ]);
    expect(paths({ ...complete, budgetLines: [{ description: "Lön", associationAmount: 0, administrationAmount: 5 }], otherContributions: "Ideella timmar" })).toEqual([]);
  });
});
