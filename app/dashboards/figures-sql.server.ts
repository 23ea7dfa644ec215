/**
 * The SQL both dashboards share: which IOP is funded which year, and which report counts for that year.
 * The rules are the yearly report's (app/documents/yearly-report-data.server.ts) so that the dashboards
 * and the document to the nämnd never disagree: an IOP counts for a year when its agreement holds an
 * amount for that year, and the report for the year is the newest submitted version of the period
 * report whose due date is the first one after the year began and no later than 30 June the year after.
 * Everything is aggregated in the database; only the sums travel to JavaScript.
 */
import { sql, type SQL } from "drizzle-orm";
import { getDb } from "../../db/client";
import { rowsOf } from "../../db/rows";

/**
 * Runs one dashboard query with JIT compilation off. The planner guesses 100 rows for every
 * jsonb_array_elements, so these queries look expensive enough for PostgreSQL to JIT-compile them,
 * which costs more than the query itself (measured: 70 ms of JIT for a 130 ms query); `set local`
 * keeps the setting inside this transaction. PGlite has no JIT and accepts the setting.
 */
export async function runDashboardQuery(query: SQL) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return tx.execute(query);
  });
}

export type Scope = { districtId: string } | { organisationId: string };

/** A jsonb array field, or an empty array when the draft has none (drafts may be incomplete). */
const arrayOf = (json: SQL) => sql`(case when jsonb_typeof(${json}) = 'array' then ${json} else '[]'::jsonb end)`;

const scopeCondition = (scope: Scope) =>
  "districtId" in scope ? sql`c.district_id = ${scope.districtId}::text::uuid` : sql`c.organisation_id = ${scope.organisationId}::text::uuid`;

const yearCondition = (years: { from: number; to: number } | null) =>
  years ? sql`and (ya.value->>'year')::int between ${years.from}::int and ${years.to}::int` : sql``;

/**
 * One row per IOP and funded year with the period index of that year's report (null when none of the
 * due dates falls in the window). Due dates are compared as text in byte order (collate "C"): they are
 * always YYYY-MM-DD.
 */
export const iopYears = (scope: Scope, years: { from: number; to: number } | null) => sql`
  select c.id as case_id, c.title, c.diary_number, o.name as organisation_name, a.content as agreement,
    (ya.value->>'year')::int as year, (ya.value->>'amount')::bigint as amount,
    (select (d.ord - 1)::int from jsonb_array_elements_text(${arrayOf(sql`a.content->'reportDueDates'`)}) with ordinality as d(due, ord)
      where d.due collate "C" > (((ya.value->>'year')::int)::text || '-01-01') collate "C"
        and d.due collate "C" <= (((ya.value->>'year')::int + 1)::text || '-06-30') collate "C"
      order by d.ord limit 1) as period_index
  from agreements a
  join cases c on c.id = a.case_id
  join organisations o on o.id = c.organisation_id
  cross join lateral jsonb_array_elements(${arrayOf(sql`a.content->'yearlyAmounts'`)}) as ya(value)
  where ${scopeCondition(scope)} ${yearCondition(years)}`;

/** The report that counts for each IOP-year (see above), joined on. */
export const yearReports = sql`
  select iy.case_id, iy.year, r.content
  from iop_years iy
  join lateral (
    select rp.content from reports rp
    where rp.case_id = iy.case_id and rp.kind = 'period' and rp.status = 'submitted' and rp.period_index = iy.period_index
    order by rp.version desc limit 1
  ) r on true`;

const FIGURE = `'^\\s*\\d{1,7}\\s*([-–—]\\s*\\d{1,7}\\s*)?$'`;

/**
 * A reported figure ("12", "4–12" or empty, app/domain/figures.ts) as its low and high end. Empty or
 * unreadable counts as 0: the report form refuses anything else, so that only guards old drafts.
 */
export const figureLow = (field: string) =>
  sql.raw(`(case when coalesce(act->>'${field}', '') ~ ${FIGURE} then substring(act->>'${field}' from '\\d+')::int else 0 end)`);
export const figureHigh = (field: string) =>
  sql.raw(`(case when coalesce(act->>'${field}', '') ~ ${FIGURE} then substring(act->>'${field}' from '(\\d+)\\s*$')::int else 0 end)`);

export interface YearFigures {
  year: number;
  women: { low: number; high: number };
  men: { low: number; high: number };
  other: { low: number; high: number };
  sessions: { low: number; high: number };
}

/** Participants by gender and sessions per year, summed over every activity in the year's reports. */
export async function loadYearFigures(scope: Scope, years: { from: number; to: number } | null): Promise<YearFigures[]> {
  const result = await runDashboardQuery(sql`
    with iop_years as (${iopYears(scope, years)}),
    year_reports as (${yearReports})
    select yr.year,
      sum(${figureLow("women")}) as women_low, sum(${figureHigh("women")}) as women_high,
      sum(${figureLow("men")}) as men_low, sum(${figureHigh("men")}) as men_high,
      sum(${figureLow("other")}) as other_low, sum(${figureHigh("other")}) as other_high,
      sum(${figureLow("sessions")}) as sessions_low, sum(${figureHigh("sessions")}) as sessions_high
    from year_reports yr
    cross join lateral jsonb_array_elements(${arrayOf(sql`yr.content->'activities'`)}) as acts(act)
    group by yr.year
    order by yr.year`);
  const n = (v: unknown) => Number(v ?? 0);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    year: n(r.year),
    women: { low: n(r.women_low), high: n(r.women_high) },
    men: { low: n(r.men_low), high: n(r.men_high) },
    other: { low: n(r.other_low), high: n(r.other_high) },
    sessions: { low: n(r.sessions_low), high: n(r.sessions_high) },
  }));
}

/** Funding per IOP and year, summed in the database. */
export async function loadFunding(scope: Scope, years: { from: number; to: number } | null) {
  const result = await runDashboardQuery(sql`
    with iop_years as (${iopYears(scope, years)})
    select case_id, title, diary_number, organisation_name, year, sum(amount) as amount
    from iop_years
    group by case_id, title, diary_number, organisation_name, year
    order by organisation_name, diary_number, year`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    caseId: String(r.case_id),
    title: String(r.title),
    diaryNumber: r.diary_number === null ? null : String(r.diary_number),
    organisationName: String(r.organisation_name),
    year: Number(r.year),
    amount: Number(r.amount),
  }));
}
