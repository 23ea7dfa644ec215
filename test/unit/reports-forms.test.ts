import { describe, expect, it } from "vitest";
import {
  financialFromForm,
  finalContentFromForm,
  finalSubmissionProblems,
  periodContentFromForm,
  periodSubmissionProblems,
  parseReportRowIntent,
  withReportRowIntent,
} from "../../app/association/report-forms";
import { finalReportFormSchema, financialFormSchema, periodReportFormSchema, signAgreementSchema } from "../../app/association/schemas";
import { FIGURE_MESSAGE } from "../../app/domain/figures";

const activity = (overrides: Record<string, string> = {}) => ({
  name: "Läxhjälp",
  sessions: "40",
  women: "",
  men: "",
  other: "",
  ageGroup: "",
  comment: "",
  ...overrides,
});

describe("participant figures", () => {
  it.each(["12", "4–12", "4-12", "4 - 12", ""])("accepts %j", (value) => {
    expect(periodReportFormSchema.safeParse({ activities: [activity({ women: value })] }).success).toBe(true);
  });

  it.each(["många", "12-4", "ca 10", "1,5"])("refuses %j with the message at that field", (value) => {
    const result = periodReportFormSchema.safeParse({ activities: [activity(), activity({ men: value })] });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path: ["activities", 1, "men"], message: FIGURE_MESSAGE });
  });

  it("stores ranges with an en dash, drops blank rows and numbers goals by their place in the agreement", () => {
    const content = periodContentFromForm({
      narrative: "Bra år",
      activities: [activity({ women: "4 - 12", men: "7" }), activity({ name: "", sessions: "" })],
      goals: [
        { outcome: "70 %", comment: "" },
        { outcome: "", comment: "" },
      ],
    });
    expect(content.activities).toEqual([activity({ women: "4–12", men: "7" })]);
    expect(content.goals).toEqual([
      { goalIndex: 0, outcome: "70 %", comment: "" },
      { goalIndex: 1, outcome: "", comment: "" },
    ]);
  });

  it("needs a narrative and a named activity before the report can go in", () => {
    expect(periodSubmissionProblems({ narrative: " ", activities: [] })).toEqual({
      narrative: "Berätta kort vad ni har gjort och hur det har gått.",
      "activities.0.name": "Fyll i minst en aktivitet.",
    });
    expect(periodSubmissionProblems({ narrative: "Bra", activities: [activity()] })).toEqual({});
  });

  it("adds and removes rows by intent from what was posted, the other fields as typed", () => {
    const posted = { narrative: "Nytt", activities: [activity({ name: "Läxhjälp, ändrad" }), activity({ name: "Fotboll" })] };
    const added = withReportRowIntent(posted, parseReportRowIntent("add-row:activities", "activities"));
    expect(added.narrative).toBe("Nytt");
    expect(added.activities).toEqual([activity({ name: "Läxhjälp, ändrad" }), activity({ name: "Fotboll" }), activity({ name: "", sessions: "" })]);
    const removed = withReportRowIntent(posted, parseReportRowIntent("remove-row:activities:0", "activities"));
    expect(removed.activities).toEqual([activity({ name: "Fotboll" })]);
    // Another form's list, or no row button at all, changes nothing.
    expect(parseReportRowIntent("add-row:lines", "activities")).toBeNull();
    expect(withReportRowIntent(posted, null)).toBe(posted);
  });
});

describe("amounts in the financial report", () => {
  it("reads amounts typed Swedish style as whole kronor", () => {
    const form = financialFormSchema.parse({
      lines: [
        { description: "Personal", budget: "1 800 000", outcome: "1800000 kr" },
        { description: "", budget: "", outcome: "" },
      ],
    });
    expect(financialFromForm(form)).toEqual({
      ok: true,
      report: { lines: [{ description: "Personal", budget: 1_800_000, outcome: 1_800_000 }], comment: "" },
    });
  });

  it("refuses decimals and words at the field, and asks for both amounts", () => {
    const typed = financialFormSchema.safeParse({ lines: [{ description: "Hyra", budget: "100,50", outcome: "hundra" }] });
    expect(typed.error!.issues.map((i) => i.path.join("."))).toEqual(["lines.0.budget", "lines.0.outcome"]);
    const missing = financialFromForm({ lines: [{ description: "Hyra", budget: "100 000", outcome: "" }] });
    expect(missing).toEqual({ ok: false, errors: { "lines.0.outcome": "Skriv utfallet för posten, i hela kronor." } });
    expect(financialFromForm({ lines: [] })).toMatchObject({ ok: false, errors: { "lines.0.description": expect.any(String) } });
    expect(financialFromForm({ lines: [{ description: "Stort", budget: "1000000000", outcome: "1" }] })).toEqual({
      ok: false,
      errors: { "lines.0.budget": "Beloppet får vara högst 999 999 999 kr." },
    });
  });
});

describe("commitments in the final report", () => {
  it("accepts ja, delvis, nej or not answered yet, and nothing else", () => {
    for (const value of ["yes", "partly", "no", "", null, undefined]) {
      expect(finalReportFormSchema.safeParse({ associationCommitmentsMet: value }).success).toBe(true);
    }
    const wrong = finalReportFormSchema.safeParse({ administrationCommitmentsMet: "kanske" });
    expect(wrong.error!.issues[0]).toMatchObject({ path: ["administrationCommitmentsMet"], message: "Välj ja, delvis eller nej." });
  });

  it("keeps an unanswered question unanswered and asks for it before sending in", () => {
    const content = finalContentFromForm({ goalFulfilment: "Nådde målen", associationCommitmentsMet: "", administrationCommitmentsMet: "no", send: "yes" });
    expect(content).toEqual({ goalFulfilment: "Nådde målen", administrationCommitmentsMet: "no" });
    expect(Object.keys(finalSubmissionProblems(content))).toEqual(["associationCommitmentsMet", "lessonsLearned"]);
  });
});

describe("signing confirmation", () => {
  it("needs the box ticked, from a plain post or from the browser", () => {
    expect(signAgreementSchema.safeParse({ confirm: "yes" }).success).toBe(true);
    expect(signAgreementSchema.safeParse({ confirm: true }).success).toBe(true);
    expect(signAgreementSchema.safeParse({ confirm: false }).success).toBe(false);
    expect(signAgreementSchema.safeParse({}).success).toBe(false);
  });
});
