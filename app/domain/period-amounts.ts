/**
 * Spreading an amount that covers a whole period over the calendar years it touches. An application's
 * budget is for the whole applied period, while an agreement states an amount per calendar year, so the
 * total must be divided, never repeated.
 */

export type YearAmount = { year: number; amount: number };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days from `from` to `to`, both included; dates are ÅÅÅÅ-MM-DD and read as UTC so DST cannot shift them. */
function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/**
 * `total` whole kronor shared over each calendar year from start to end by its number of days in the
 * period. Rounding uses the largest remainder, so the years always add up to exactly `total`. Without a
 * usable end date (or with an impossible date) everything lands in the start year.
 */
export function spreadOverCalendarYears(total: number, start: string, end: string | null): YearAmount[] {
  const firstYear = Number(start.slice(0, 4));
  if (!end || end <= start) return [{ year: firstYear, amount: total }];
  const lastYear = Number(end.slice(0, 4));
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  const days = years.map((year) =>
    daysInclusive(year === firstYear ? start : `${year}-01-01`, year === lastYear ? end : `${year}-12-31`),
  );
  const allDays = days.reduce((s, d) => s + d, 0);
  // A saved draft may hold a date like 2026-13-40 (only the shape is checked); keep the total whole then.
  if (!Number.isFinite(allDays) || days.some((d) => d <= 0)) return [{ year: firstYear, amount: total }];
  const exact = days.map((d) => (total * d) / allDays);
  const amounts = exact.map(Math.floor);
  let left = total - amounts.reduce((s, a) => s + a, 0);
  // The kronor lost to rounding go to the years with the largest fractions, earliest first on ties.
  const byRemainder = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    amounts[i]! += 1;
    left -= 1;
  }
  return years.map((year, i) => ({ year, amount: amounts[i]! }));
}
