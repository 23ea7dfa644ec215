/**
 * Date rules without a clock: the only "now" is the event's `at`.
 * Calendar dates are compared as "YYYY-MM-DD" strings, which sort correctly.
 */
import type { CalendarDate } from "./types";

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== "string" || !CALENDAR_DATE.test(value)) return false;
  // Round-trip through UTC so that 2025-02-30 is refused, not rolled over.
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

export function isTimestamp(value: unknown): value is string {
  return typeof value === "string" && TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * The day of an event, as written in its timestamp. The server sends `at`
 * with the Swedish offset (e.g. "2025-03-01T09:00:00+01:00") so that this is
 * the local date; a UTC "Z" timestamp is off by up to two hours at midnight.
 */
export function dayOf(at: string): CalendarDate {
  return at.slice(0, 10);
}

export function isNonEmptyText(value: unknown): value is string {
  return typeof value === "string" && value.trim().length > 0;
}

/** Strictly ascending and all valid. */
export function isAscendingDates(values: readonly unknown[]): values is CalendarDate[] {
  return values.every(
    (value, index) => isCalendarDate(value) && (index === 0 || String(values[index - 1]) < value),
  );
}
