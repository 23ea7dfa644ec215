/**
 * A förening's own figures across the years: funding per year, participants by gender and sessions
 * per year, and each goal of the verksamhetsplan against the reported outcome. Scoped to one
 * organisation in SQL, so another förening's figures are never read.
 */
import { sql } from "drizzle-orm";
import { rowsOf } from "../../db/rows";
import { iopYears, loadFunding, loadYearFigures, yearReports, type YearFigures, runDashboardQuery } from "./figures-sql.server";

export interface OrganisationDashboard {
  years: number[];
  funding: { year: number; amount: number; iops: number }[];
  figures: YearFigures[];
  goals: { year: number; diaryNumber: string | null; title: string; description: string; target: string; outcome: string }[];
}

export async function loadOrganisationDashboard(organisationId: string): Promise<OrganisationDashboard> {
  const scope = { organisationId };
  const [fundingRows, figures, goals] = await Promise.all([
    loadFunding(scope, null),
    loadYearFigures(scope, null),
    loadGoals(organisationId),
  ]);
  const byYear = new Map<number, { amount: number; iops: Set<string> }>();
  for (const row of fundingRows) {
    const entry = byYear.get(row.year) ?? { amount: 0, iops: new Set<string>() };
    entry.amount += row.amount;
    entry.iops.add(row.caseId);
    byYear.set(row.year, entry);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  return {
    years,
    funding: years.map((year) => ({ year, amount: byYear.get(year)!.amount, iops: byYear.get(year)!.iops.size })),
    figures: years.map(
      (year) =>
        figures.find((f) => f.year === year) ?? {
          year,
          women: { low: 0, high: 0 },
          men: { low: 0, high: 0 },
          other: { low: 0, high: 0 },
          sessions: { low: 0, high: 0 },
        },
    ),
    goals,
  };
}

/** Each goal of each funded year's agreement with the outcome from that year's report, if reported. */
async function loadGoals(organisationId: string) {
  const result = await runDashboardQuery(sql`
    with iop_years as (${iopYears({ organisationId }, null)}),
    year_reports as (${yearReports})
    select iy.year, iy.diary_number, iy.title, g.goal->>'description' as description, g.goal->>'target' as target,
      (select o->>'outcome' from jsonb_array_elements(case when jsonb_typeof(yr.content->'goals') = 'array' then yr.content->'goals' else '[]'::jsonb end) as outs(o)
        where (o->>'goalIndex')::int = g.ord - 1 limit 1) as outcome
    from iop_years iy
    cross join lateral jsonb_array_elements(case when jsonb_typeof(iy.agreement->'goals') = 'array' then iy.agreement->'goals' else '[]'::jsonb end)
      with ordinality as g(goal, ord)
    left join year_reports yr on yr.case_id = iy.case_id and yr.year = iy.year
    order by iy.year, iy.diary_number, g.ord`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    year: Number(r.year),
    diaryNumber: r.diary_number === null ? null : String(r.diary_number),
    title: String(r.title),
    description: String(r.description ?? ""),
    target: String(r.target ?? ""),
    outcome: r.outcome === null || r.outcome === undefined ? "" : String(r.outcome),
  }));
}
