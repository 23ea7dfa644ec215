/**
 * The one rule for a typed date (ÅÅÅÅ-MM-DD): a real calendar day, in a year a partnership can have
 * (2000–2100), and for a period an end after its start. Every form with a date uses it, so
 * "2026-02-30" is always "Datumet finns inte" and never "Skriv datumet" as if the field were empty.
 * Pure: "today" is passed in (Stockholm's date), so the rule is tested without a clock.
 */
import * as z from "zod/mini";

export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

export const DATE_FORMAT_MESSAGE = "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-01-31.";
export const NO_SUCH_DATE_MESSAGE = "Datumet finns inte. Kontrollera dag och månad.";
export const YEAR_OUT_OF_RANGE_MESSAGE = `Kontrollera året. Skriv ett datum mellan år ${FIRST_YEAR} och ${LAST_YEAR}.`;
export const END_NOT_AFTER_START_MESSAGE = "Slutdatumet måste vara efter startdatumet.";
export const PERIOD_IN_THE_PAST_MESSAGE = "Perioden har redan passerat. Slutdatumet kan inte vara före dagens datum.";

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type DateReading = { ok: true; value: string } | { ok: false; message: string; blank?: true };

/** What a person typed in a date field, trimmed: the date, or why it is not one. */
export function readDate(input: string): DateReading {
  const value = input.trim();
  if (value === "") return { ok: false, message: DATE_FORMAT_MESSAGE, blank: true };
  const match = SHAPE.exec(value);
  if (!match) return { ok: false, message: DATE_FORMAT_MESSAGE };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < FIRST_YEAR || year > LAST_YEAR) return { ok: false, message: YEAR_OUT_OF_RANGE_MESSAGE };
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, message: NO_SUCH_DATE_MESSAGE };
  }
  return { ok: true, value };
}

/** A date that is already known to be well formed and real. */
export const isDate = (value: string) => readDate(value).ok;

/**
 * A period's problems by side: the end must come after the start, and where `today` is given (an
 * application's period) the period may not be wholly in the past.
 */
export function periodProblems(start: string | null | undefined, end: string | null | undefined, today?: string): { start?: string; end?: string } {
  // Compared as typed when written as ÅÅÅÅ-MM-DD, so an end before a mistyped start (2027-02-30) is still caught.
  const from = start && SHAPE.test(start.trim()) ? start.trim() : null;
  const to = end && isDate(end) ? end.trim() : null;
  if (from && to && to <= from) return { end: END_NOT_AFTER_START_MESSAGE };
  if (today && to && to < today) return { end: PERIOD_IN_THE_PAST_MESSAGE };
  return {};
}

const dateCheck = (emptyMessage: string | null) =>
  z.superRefine<string>((value, ctx) => {
    const reading = readDate(value);
    if (reading.ok) return;
    if (reading.blank && emptyMessage === null) return;
    ctx.addIssue({ code: "custom", message: reading.blank ? emptyMessage! : reading.message, input: value });
  });

/** A required date field of a form schema; `emptyMessage` says what to write when it is left empty. */
export const dateField = (emptyMessage: string) => z.string(emptyMessage).check(z.trim(), dateCheck(emptyMessage));

/** An optional date field of a form schema: empty, or a date by the rule. */
export const optionalDateField = z.optional(z.string().check(z.trim(), dateCheck(null)));

/** A stored date (already trimmed): the same rule, for content schemas. */
export const storedDate = z.string().check(dateCheck(DATE_FORMAT_MESSAGE));
