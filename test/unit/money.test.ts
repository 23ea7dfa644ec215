/** One reading of a typed amount, for every form and every live total. */
import { describe, expect, it } from "vitest";
import { readKronor, readTypedAmounts, typedTotal, formatKronor } from "../../app/domain/money";

describe("readKronor", () => {
  it.each([
    ["250 000", 250_000],
    ["250000", 250_000],
    ["250000 kr", 250_000],
    ["250 000 kr", 250_000],
    ["1\u00a0800\u00a0000", 1_800_000],
    ["1\u202f800\u202f000 kr", 1_800_000],
    ["1 800 000:-", 1_800_000],
    ["  42  ", 42],
    ["0", 0],
    ["500,00", 500],
    ["999 999 999", 999_999_999],
    ["007", 7],
  ])("reads %j as %d", (input, expected) => {
    expect(readKronor(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["1,5", "Ange beloppet i hela kronor, utan ören."],
    ["1.5", "Ange beloppet i hela kronor, utan ören."],
    ["12 500,50 kr", "Ange beloppet i hela kronor, utan ören."],
    ["1 000 000 000", "Beloppet får vara högst 999 999 999 kr."],
    ["1 000 000 000 000 000 000", "Beloppet får vara högst 999 999 999 kr."],
    ["99999999999999999999999999", "Beloppet får vara högst 999 999 999 kr."],
    ["-5", "Beloppet kan inte vara negativt."],
    ["\u22125 000", "Beloppet kan inte vara negativt."],
    ["tusen", "Skriv beloppet i hela kronor, till exempel 250 000."],
    ["1e6", "Skriv beloppet i hela kronor, till exempel 250 000."],
    ["12 kr 50", "Skriv beloppet i hela kronor, till exempel 250 000."],
  ])("refuses %j: %s", (input, message) => {
    expect(readKronor(input)).toEqual({ ok: false, message });
  });

  it("says when nothing was typed, so each form decides what a blank means", () => {
    expect(readKronor("  ")).toMatchObject({ ok: false, blank: true });
  });

  it("reads a negative amount where one is allowed", () => {
    expect(readKronor("-5 000", { allowNegative: true })).toEqual({ ok: true, value: -5000 });
  });
});

describe("the live total", () => {
  it.each([
    [["250 000", "", "50 000 kr"], 300_000],
    [["1,5", "100"], null],
    [["1 000 000 000 000 000 000"], null],
    [["-1"], null],
    [[], 0],
  ])("of %j is %j", (inputs, expected) => {
    expect(typedTotal(inputs)).toBe(expected);
  });

  it("never shows a number the server would refuse", () => {
    // The budget page reads each line's two amounts this way before it shows the sums.
    expect(readTypedAmounts(["1,5", "0"])).toBeNull();
    expect(readTypedAmounts(["", "250 000"])).toEqual([0, 250_000]);
    expect(formatKronor(typedTotal(["999 999 999"])!)).toBe("999 999 999 kr");
  });
});
