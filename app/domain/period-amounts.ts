/**
 * Spreading an amount that covers a whole period over the agreement's years. An application's budget is
 * for the whole applied period, while an agreement states an amount per year, so the total must be
 * divided, never repeated.
 */

export type YearAmount = { year: number; amount: number };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days from `from` to `to`, both included; dates are ÅÅÅÅ-MM-DD and read as UTC so DST cannot shift them. */
function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** The date `years` years after `date` (ÅÅÅÅ-MM-DD, UTC), a day earlier when that day does not exist. */
function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  const month = d.getUTCMonth();
  d.setUTCFullYear(d.getUTCFullYear() + years);
  if (d.getUTCMonth() !== month) d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
}

/**
 * `total` whole kronor shared over the agreement's years (twelve months each from the start date, the
 * last one cut at the end date, each named by the calendar year it starts in, as the agreement form's
 * rows are) by their number of days. Rounding uses the largest remainder, so the years always add up to
 * exactly `total`. Without a usable end date (or with an impossible date) everything lands in the start
 * year.
 */
export function spreadOverAgreementYears(total: number, start: string, end: string | null): YearAmount[] {
  const firstYear = Number(start.slice(0, 4));
  if (!end || end <= start || Number.isNaN(Date.parse(`${start}T00:00:00Z`)) || Number.isNaN(Date.parse(`${end}T00:00:00Z`))) {
    return [{ year: firstYear, amount: total }];
  }
  const spans: { from: string; to: string }[] = [];
  for (let i = 0; spans.length < 200; i += 1) {
    const from = addYears(start, i);
    if (from > end) break;
    const next = dayBefore(addYears(start, i + 1));
    spans.push({ from, to: next < end ? next : end });
  }
  const years = spans.map((s) => Number(s.from.slice(0, 4)));
  const days = spans.map((s) => daysInclusive(s.from, s.to));
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
