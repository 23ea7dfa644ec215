/** Mon–Fri days, for "waiting more than five working days". Holidays are not counted out. */

const dayNumber = (isoDate: string) => Math.floor(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / 86_400_000);

/** Working days after `from` up to and including `to`: Friday → next Monday is 1. */
export function workingDaysBetween(from: string, to: string): number {
  const start = dayNumber(from);
  const end = dayNumber(to);
  let count = 0;
  for (let d = start + 1; d <= end; d++) {
    // 1970-01-01 (day 0) was a Thursday: day % 7 gives 0 Thu, 1 Fri, 2 Sat, 3 Sun, 4 Mon …
    const weekday = ((d % 7) + 7) % 7;
    if (weekday !== 2 && weekday !== 3) count++;
  }
  return count;
}

/** YYYY-MM-DD plus `days` calendar days. */
export function addDays(isoDate: string, days: number): string {
  return new Date((dayNumber(isoDate) + days) * 86_400_000).toISOString().slice(0, 10);
}
