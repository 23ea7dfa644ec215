/** The one date rule: real calendar days, years 2000–2100, an end after the start, a period not wholly past. */
import { describe, expect, it } from "vitest";
import {
  DATE_FORMAT_MESSAGE,
  END_NOT_AFTER_START_MESSAGE,
  NO_SUCH_DATE_MESSAGE,
  PERIOD_IN_THE_PAST_MESSAGE,
  YEAR_OUT_OF_RANGE_MESSAGE,
  dateField,
  optionalDateField,
  periodProblems,
  readDate,
} from "../../app/domain/dates";
import { applicationPeriodProblems, submissionProblems } from "../../app/domain/application";

describe("readDate", () => {
  it.each(["2026-02-28", "2028-02-29", "2000-01-01", "2100-12-31", " 2027-06-30 "])("reads %j", (input) => {
    expect(readDate(input)).toEqual({ ok: true, value: input.trim() });
  });

  it.each([
    ["2026-02-30", NO_SUCH_DATE_MESSAGE],
    ["2026-02-29", NO_SUCH_DATE_MESSAGE],
    ["2027-04-31", NO_SUCH_DATE_MESSAGE],
    ["2027-13-01", NO_SUCH_DATE_MESSAGE],
    ["2027-00-10", NO_SUCH_DATE_MESSAGE],
    ["2027-01-00", NO_SUCH_DATE_MESSAGE],
    ["1900-01-01", YEAR_OUT_OF_RANGE_MESSAGE],
    ["1999-12-31", YEAR_OUT_OF_RANGE_MESSAGE],
    ["2101-01-01", YEAR_OUT_OF_RANGE_MESSAGE],
    ["9999-12-31", YEAR_OUT_OF_RANGE_MESSAGE],
    ["1/1/2027", DATE_FORMAT_MESSAGE],
    ["2027-1-1", DATE_FORMAT_MESSAGE],
    ["igår", DATE_FORMAT_MESSAGE],
  ])("refuses %j: %s", (input, message) => {
    expect(readDate(input)).toEqual({ ok: false, message });
  });

  it("says when nothing was typed, so a required field asks for it and an optional one lets it be", () => {
    expect(readDate(" ")).toMatchObject({ ok: false, blank: true });
    const required = dateField("Skriv när mötet hölls.");
    expect(required.safeParse("").error!.issues[0]!.message).toBe("Skriv när mötet hölls.");
    expect(required.safeParse("2026-02-30").error!.issues[0]!.message).toBe(NO_SUCH_DATE_MESSAGE);
    expect(optionalDateField.safeParse("").success).toBe(true);
    expect(optionalDateField.safeParse("9999-01-01").error!.issues[0]!.message).toBe(YEAR_OUT_OF_RANGE_MESSAGE);
  });
});

describe("a period", () => {
  const today = "2026-12-02";
  it.each([
    ["2027-01-01", "2027-12-31", undefined, {}],
    ["2027-01-01", "2027-01-01", undefined, { end: END_NOT_AFTER_START_MESSAGE }],
    ["2027-06-01", "2027-01-01", undefined, { end: END_NOT_AFTER_START_MESSAGE }],
    ["2025-01-01", "2026-06-30", undefined, {}],
    ["2025-01-01", "2026-06-30", today, { end: PERIOD_IN_THE_PAST_MESSAGE }],
    ["2025-01-01", "2026-12-02", today, {}],
    ["2026-01-01", "2027-12-31", today, {}],
    ["2027-02-30", "2026-01-01", undefined, { end: END_NOT_AFTER_START_MESSAGE }],
    ["2025-02-30", "2026-01-01", today, { end: PERIOD_IN_THE_PAST_MESSAGE }],
  ])("from %s to %s (today %s): %j", (start, end, day, expected) => {
    expect(periodProblems(start, end, day)).toEqual(expected);
  });

  it("of an application is checked field by field, as typed and before it is sent in", () => {
    expect(applicationPeriodProblems("2026-02-30", "9999-01-01", today)).toEqual({
      periodStart: NO_SUCH_DATE_MESSAGE,
      periodEnd: YEAR_OUT_OF_RANGE_MESSAGE,
    });
    const problems = submissionProblems({ periodStart: "2020-01-01", periodEnd: "2021-12-31" }, null, today);
    expect(problems).toContainEqual({ path: "periodEnd", message: PERIOD_IN_THE_PAST_MESSAGE });
  });
});
