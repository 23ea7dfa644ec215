/** The toolkit's two rules: rows by intent, and a revision that moves only when stored content changes. */
import { describe, expect, it } from "vitest";
import { addRowIntent, applyRowIntent, isBlankRow, parseRowIntent, removeRowIntent, rowsOrBlank } from "../../app/utils/form-rows";
import { revisionAfterSave, sameContent } from "../../app/utils/revision";

const LISTS = ["goals", "reportDueDates"];
const blank = () => ({ description: "", target: "" });

describe("rows by intent", () => {
  it("reads the row buttons it knows and nothing else", () => {
    expect(parseRowIntent(addRowIntent("goals"), LISTS)).toEqual({ kind: "add-row", list: "goals" });
    expect(parseRowIntent(removeRowIntent("reportDueDates", 2), LISTS)).toEqual({ kind: "remove-row", list: "reportDueDates", index: 2 });
    expect(parseRowIntent("add-row:users", LISTS)).toBeNull();
    expect(parseRowIntent("remove-row:goals:-1", LISTS)).toBeNull();
    expect(parseRowIntent("save", LISTS)).toBeNull();
    expect(parseRowIntent(null, LISTS)).toBeNull();
  });

  it("adds or removes one row and leaves what is typed in the others as it was", () => {
    const rows = [{ description: "Nytt mål", target: "55 %" }, { description: "Andra", target: "" }];
    expect(applyRowIntent(rows, "goals", parseRowIntent("add-row:goals", LISTS), blank)).toEqual([...rows, blank()]);
    expect(applyRowIntent(rows, "goals", parseRowIntent("remove-row:goals:0", LISTS), blank)).toEqual([rows[1]]);
    expect(applyRowIntent(rows, "goals", parseRowIntent("add-row:reportDueDates", LISTS), blank)).toEqual(rows);
    expect(applyRowIntent(rows, "goals", null, blank)).toEqual(rows);
  });

  it("knows a blank row, and always shows at least one", () => {
    expect(isBlankRow({ description: " ", target: "" })).toBe(true);
    expect(isBlankRow({ description: "x", target: "" })).toBe(false);
    expect(isBlankRow("  ")).toBe(true);
    expect(rowsOrBlank([], blank)).toEqual([blank()]);
    expect(rowsOrBlank(undefined, () => "", 2)).toEqual(["", ""]);
  });
});

describe("the revision rule", () => {
  it("keeps the revision when nothing stored changes, whatever the key order", () => {
    const before = { title: "Läxhjälp", budgetLines: [{ description: "Lön", associationAmount: 1, administrationAmount: 2 }] };
    const same = { budgetLines: [{ administrationAmount: 2, associationAmount: 1, description: "Lön" }], title: "Läxhjälp" };
    expect(sameContent(before, same)).toBe(true);
    expect(revisionAfterSave(4, before, same)).toBe(4);
    expect(revisionAfterSave(4, { title: "A" }, { title: "A", periodEnd: null })).toBe(4);
  });

  it("moves the revision on by one when something stored changes", () => {
    expect(revisionAfterSave(4, { title: "A" }, { title: "B" })).toBe(5);
    expect(revisionAfterSave(4, { title: "A" }, { title: "A", purpose: "" })).toBe(5);
    expect(revisionAfterSave(4, { rows: [1, 2] }, { rows: [2, 1] })).toBe(5);
  });
});
