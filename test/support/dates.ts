/** Dates for tests, relative to today as the demo's are (db/demo-dates.ts), so no test goes stale. */
import { demoCallDates } from "../../db/demo-dates";
import { stockholmDate } from "../../app/utils/time";

export const today = () => stockholmDate(new Date());

/** The seeded demo call as of today. */
export function demoCall() {
  const dates = demoCallDates(today());
  return { ...dates, title: `IOP ${dates.startYear}–${dates.endYear} i Rinkeby-Kista` };
}
