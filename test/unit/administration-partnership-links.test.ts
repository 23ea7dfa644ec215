import { describe, expect, it } from "vitest";
import { partnershipLinks } from "../../app/administration/partnership-links";

describe("links from the staff case page to the partnership's pages", () => {
  it("shows the agreement, follow-up and final report pages from the stage where they exist", () => {
    expect(partnershipLinks("review.assessment", ["caseworker"], "/x")).toEqual([]);
    expect(partnershipLinks("agreement.drafting", ["caseworker"], "/x").map((l) => l.label)).toEqual(["Överenskommelse"]);
    expect(partnershipLinks("finalReport.due", ["caseworker"], "/x").map((l) => l.href)).toEqual([
      "/x/overenskommelse",
      "/x/uppfoljning",
      "/x/slutrapport",
    ]);
  });

  it("leaves out pages the role cannot use", () => {
    expect(partnershipLinks("followUp.reportDue", ["registrar"], "/x").map((l) => l.label)).toEqual([]);
    expect(partnershipLinks("followUp.reportDue", ["coordinator"], "/x").map((l) => l.label)).toEqual(["Uppföljning"]);
  });
});
