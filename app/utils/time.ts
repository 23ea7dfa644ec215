/**
 * Time as the förvaltning lives it: Stockholm's calendar. The workflow reads the day from the first
 * ten characters of an event's timestamp, so events carry local time with its offset, not UTC.
 */
const FORMAT = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

export function stockholmIsoString(date: Date): string {
  const part = (type: string) => FORMAT.formatToParts(date).find((p) => p.type === type)!.value;
  const local = `${part("year")}-${part("month")}-${part("day")}T${part("hour")}:${part("minute")}:${part("second")}`;
  const offsetMinutes = Math.round((Date.parse(`${local}Z`) - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMinutes >= 0 ? "+" : "-";
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${local}.${String(date.getMilliseconds()).padStart(3, "0")}${offset}`;
}

/** Today's date in Stockholm, YYYY-MM-DD. */
export const stockholmDate = (date: Date) => stockholmIsoString(date).slice(0, 10);
