/**
 * The demo's dates, counted from today: a demo seeded any day has a call that is open (opened some
 * weeks ago, closes months ahead) and a partnership period that starts after it. Fixed dates went
 * stale (the first demo call closed 2027-01-31, and the apply journey with it). Pure: tests use it too.
 */

const DAY = 86_400_000;

const iso = (date: Date) => date.toISOString().slice(0, 10);
const parse = (day: string) => new Date(`${day}T00:00:00Z`);
const addDays = (day: string, days: number) => iso(new Date(parse(day).getTime() + days * DAY));

function addMonths(day: string, months: number) {
  const d = parse(day);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return iso(target);
}

export interface DemoCallDates {
  opensOn: string;
  closesOn: string;
  /** The first day of the month after today. */
  periodEarliestStart: string;
  /** 31 December two years after the earliest start: three calendar years at most. */
  periodLatestEnd: string;
  startYear: number;
  endYear: number;
}

/** `today` is a Stockholm date, YYYY-MM-DD. */
export function demoCallDates(today: string): DemoCallDates {
  const d = parse(today);
  const start = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  const startYear = start.getUTCFullYear();
  const endYear = startYear + 2;
  return {
    opensOn: addDays(today, -28),
    closesOn: addMonths(today, 3),
    periodEarliestStart: iso(start),
    periodLatestEnd: `${endYear}-12-31`,
    startYear,
    endYear,
  };
}
