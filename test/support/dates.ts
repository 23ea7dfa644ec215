/** Dates for tests, relative to today as the demo's are (seed/demo-dates.ts), so no test goes stale. */
import { demoCallDates } from "../../seed/demo-dates";
import { stockholmDate } from "../../app/utils/time";

export const today = () => stockholmDate(new Date());

/** The seeded demo call as of today. */
export function demoCall() {
  const dates = demoCallDates(today());
  return { ...dates, title: `IOP ${dates.startYear}–${dates.endYear} i Rinkeby-Kista` };
}

/** The first of the month `months` after (before, when negative) the month `day` is in. */
export function firstOfMonth(day: string, months = 0): string {
  const [year, month] = day.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1 + months, 1)).toISOString().slice(0, 10);
}

/** The first of the month `months` from this month (`monthsFromNow(1)` is the first of next month). */
export const monthsFromNow = (months: number) => firstOfMonth(today(), months);

export const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** A two-year application period inside the demo call: from its earliest start, 24 whole months. */
export function applicationPeriod(): { periodStart: string; periodEnd: string } {
  const periodStart = demoCall().periodEarliestStart;
  return { periodStart, periodEnd: dayBefore(firstOfMonth(periodStart, 24)) };
}
