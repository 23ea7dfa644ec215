/**
 * Amounts are whole kronor; totals are computed, never typed. Shown Swedish style: 1 800 000 kr.
 * `readKronor` is the one reading of a typed amount: every form that takes an amount and every live
 * total in the browser use it, so the page never shows a sum the server would refuse.
 */
import * as z from "zod/mini";

/** The largest amount anyone types: a single IOP is far below it, and it keeps sums exact. */
export const MAX_AMOUNT = 999_999_999;

export const AMOUNT_MESSAGE = "Skriv beloppet i hela kronor, till exempel 250 000.";
export const DECIMALS_MESSAGE = "Ange beloppet i hela kronor, utan ören.";
export const TOO_LARGE_MESSAGE = "Beloppet får vara högst 999 999 999 kr.";
export const NEGATIVE_MESSAGE = "Beloppet kan inte vara negativt.";

const grouping = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0, useGrouping: true });

/** "1 800 000 kr" with ordinary spaces (Intl gives non-breaking ones, which the documents don't use). */
export function formatKronor(amount: number): string {
  return `${grouping.format(amount).replace(/\u00a0|\u202f/g, " ")} kr`;
}

/** "1 800 000" as the form shows a stored amount again (no "kr": the field's label says it). */
export const kronorText = (amount: number) => formatKronor(amount).replace(/ kr$/, "");

export type KronorReading =
  | { ok: true; value: number }
  /** `blank` when nothing was typed, so each form decides what an empty field means. */
  | { ok: false; message: string; blank?: true };

/**
 * What a person typed as an amount: "1 800 000", "1800000", "1 800 000 kr", "250 000:-". Spaces of any
 * kind group thousands. Decimals, amounts above MAX_AMOUNT and (unless allowed) negative amounts are
 * refused, each with its own reason.
 */
export function readKronor(input: string, options: { allowNegative?: boolean } = {}): KronorReading {
  const cleaned = input
    .replace(/[\s\u00a0\u202f\u2009]/g, "")
    .replace(/(kr\.?|sek|:-)$/i, "")
    .replace(/^[\u2212\u2013]/, "-");
  if (cleaned === "") return { ok: false, message: AMOUNT_MESSAGE, blank: true };
  const match = /^(-?)(\d+)(?:[.,](\d*))?$/.exec(cleaned);
  if (!match) return { ok: false, message: AMOUNT_MESSAGE };
  const [, sign, whole, decimals] = match;
  if (decimals !== undefined && !/^0*$/.test(decimals)) return { ok: false, message: DECIMALS_MESSAGE };
  if (sign && !options.allowNegative) return { ok: false, message: NEGATIVE_MESSAGE };
  // Compared as digits, so "1 000 000 000 000 000 000" is too large rather than a rounded number.
  const digits = whole!.replace(/^0+(?=\d)/, "");
  if (digits.length > String(MAX_AMOUNT).length || Number(digits) > MAX_AMOUNT) return { ok: false, message: TOO_LARGE_MESSAGE };
  const value = Number(digits);
  return { ok: true, value: sign && value !== 0 ? -value : value };
}

/**
 * Typed amounts as a live total reads them: a blank is 0 kr, and one amount the server would refuse
 * makes the whole reading unknown (null), so the page shows a note rather than a wrong number.
 */
export function readTypedAmounts(inputs: readonly string[]): number[] | null {
  const values: number[] = [];
  for (const input of inputs) {
    const reading = readKronor(input);
    if (reading.ok) values.push(reading.value);
    else if (reading.blank) values.push(0);
    else return null;
  }
  return values;
}

/** The live total of typed amounts, or null while one of them would be refused. */
export function typedTotal(inputs: readonly string[]): number | null {
  const values = readTypedAmounts(inputs);
  return values === null ? null : sum(values);
}

/** A stored amount (a number): whole kronor, 0 to MAX_AMOUNT, worded as readKronor words it. */
export const kronorAmount = z
  .number(AMOUNT_MESSAGE)
  .check(z.int(DECIMALS_MESSAGE), z.minimum(0, NEGATIVE_MESSAGE), z.maximum(MAX_AMOUNT, TOO_LARGE_MESSAGE));

/** A typed amount (text) in a form schema: empty, or an amount readKronor accepts. */
export const kronorTextField = z.string().check(
  z.trim(),
  z.superRefine<string>((value, ctx) => {
    const reading = readKronor(value);
    if (!reading.ok && !reading.blank) ctx.addIssue({ code: "custom", message: reading.message, input: value });
  }),
);

export function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}

/** A share in whole per cent of a total; 0 when the total is 0. */
export function sharePercent(part: number, total: number): number {
  return total === 0 ? 0 : Math.round((part / total) * 100);
}
