/**
 * The förvaltning's dashboard for one district: funding per IOP and year, participants by gender per
 * year, cases per stage, lead times and overdue reports. Every figure is aggregated in SQL, so a
 * district with thousands of cases sends sums, not rows, to the app server.
 */
import { sql } from "drizzle-orm";
import { rowsOf } from "../../db/rows";
import { REPORT_DEADLINE_KINDS } from "../administration/queue-definitions";
import { DEADLINE_LABELS } from "../administration/case-page.server";
import { stockholmDate } from "../utils/time";
import { loadFunding, loadYearFigures, type YearFigures, runDashboardQuery } from "./figures-sql.server";
import { yearsOf, type Period } from "./period";

export const STAGE_ORDER = ["review", "decision", "agreement", "followUp", "finalReport", "closed"] as const;
export const STAGE_NAMES: Record<string, string> = {
  application: "Ansökan",
  review: "Beredning",
  decision: "Beslut",
  agreement: "Överenskommelse",
  followUp: "Uppföljning",
  finalReport: "Slutrapport",
  closed: "Avslutat",
};

export const LEAD_TIME_STEPS = [
  { key: "submissionToDecision", label: "Från inlämnad ansökan till nämndens beslut", short: "Ansökan → beslut" },
  { key: "decisionToAgreement", label: "Från beslut till undertecknad överenskommelse", short: "Beslut → avtal" },
] as const;
export type LeadTimeKey = (typeof LEAD_TIME_STEPS)[number]["key"];

export interface DistrictDashboard {
  period: Period;
  years: number[];
  funding: {
    iops: { caseId: string; label: string; diaryNumber: string | null; amounts: Record<number, number>; total: number }[];
    totals: Record<number, number>;
    total: number;
  };
  participants: YearFigures[];
  stages: { stage: string; label: string; count: number }[];
  leadTimes: { key: LeadTimeKey; label: string; short: string; cases: number; medianDays: number | null }[];
  overdue: { caseId: string; organisationName: string; diaryNumber: string | null; kind: string; label: string; dueOn: string; daysLate: number }[];
  overdueCount: number;
}

const OVERDUE_SHOWN = 100;

export async function loadDistrictDashboard(districtId: string, period: Period, now = new Date()): Promise<DistrictDashboard> {
  const years = yearsOf(period);
  const [fundingRows, participants, stages, leadTimes, overdue] = await Promise.all([
    loadFunding({ districtId }, period),
    loadYearFigures({ districtId }, period),
    loadStageCounts(districtId, period),
    loadLeadTimes(districtId, period),
    loadOverdueReports(districtId, stockholmDate(now)),
  ]);

  const iops = new Map<string, DistrictDashboard["funding"]["iops"][number]>();
  const totals: Record<number, number> = Object.fromEntries(years.map((y) => [y, 0]));
  for (const row of fundingRows) {
    const iop = iops.get(row.caseId) ?? {
      caseId: row.caseId,
      label: row.organisationName,
      diaryNumber: row.diaryNumber,
      amounts: {},
      total: 0,
    };
    iop.amounts[row.year] = (iop.amounts[row.year] ?? 0) + row.amount;
    iop.total += row.amount;
    totals[row.year] = (totals[row.year] ?? 0) + row.amount;
    iops.set(row.caseId, iop);
  }
  return {
    period,
    years,
    funding: { iops: [...iops.values()], totals, total: Object.values(totals).reduce((a, b) => a + b, 0) },
    participants: years.map(
      (year) =>
        participants.find((p) => p.year === year) ?? {
          year,
          women: { low: 0, high: 0 },
          men: { low: 0, high: 0 },
          other: { low: 0, high: 0 },
          sessions: { low: 0, high: 0 },
        },
    ),
    stages,
    leadTimes,
    overdue: overdue.rows,
    overdueCount: overdue.count,
  };
}

/** Cases submitted in the period (a draft never submitted is still the förening's), by where they are now. */
async function loadStageCounts(districtId: string, period: Period) {
  const result = await runDashboardQuery(sql`
    select stage, count(*) as n from cases
    where district_id = ${districtId}::text::uuid and submitted_at is not null
      and extract(year from submitted_at at time zone 'Europe/Stockholm') between ${period.from}::int and ${period.to}::int
    group by stage`);
  const counts = new Map(rowsOf<{ stage: string; n: unknown }>(result).map((r) => [r.stage, Number(r.n)]));
  const known: string[] = [...STAGE_ORDER];
  return [...STAGE_ORDER, ...[...counts.keys()].filter((s) => !known.includes(s))].map((stage) => ({
    stage,
    label: STAGE_NAMES[stage] ?? stage,
    count: counts.get(stage) ?? 0,
  }));
}

/**
 * Median days per step, from the audit trail: the first SUBMIT to the nämnd's decision
 * (REGISTER_DECISION, bifall or avslag), and the decision to the agreement signed by both parties
 * (the first event that enters follow-up). A step counts in the year it ended.
 */
async function loadLeadTimes(districtId: string, period: Period) {
  const result = await runDashboardQuery(sql`
    with ev as (
      select e.case_id,
        min(e.created_at) filter (where e.event_type = 'SUBMIT') as submitted,
        min(e.created_at) filter (where e.event_type = 'REGISTER_DECISION') as decided,
        min(e.created_at) filter (where e.to_state like 'followUp.%') as signed
      from case_events e
      join cases c on c.id = e.case_id
      where c.district_id = ${districtId}::text::uuid and c.submitted_at is not null
        and (e.event_type in ('SUBMIT', 'REGISTER_DECISION') or e.to_state like 'followUp.%')
      group by e.case_id
    ), steps as (
      select 'submissionToDecision' as step, decided as ended, extract(epoch from decided - submitted) / 86400.0 as days
      from ev where submitted is not null and decided is not null
      union all
      select 'decisionToAgreement', signed, extract(epoch from signed - decided) / 86400.0
      from ev where decided is not null and signed is not null
    )
    select step, count(*) as n, percentile_cont(0.5) within group (order by days) as median
    from steps
    where extract(year from ended at time zone 'Europe/Stockholm') between ${period.from}::int and ${period.to}::int
    group by step`);
  const rows = new Map(rowsOf<{ step: string; n: unknown; median: unknown }>(result).map((r) => [r.step, r]));
  return LEAD_TIME_STEPS.map(({ key, label, short }) => {
    const row = rows.get(key);
    return {
      key,
      label,
      short,
      cases: row ? Number(row.n) : 0,
      medianDays: row && row.median !== null ? Math.round(Number(row.median) * 10) / 10 : null,
    };
  });
}

/** Report and final-report deadlines passed and not met, oldest first (the open-deadline index). */
async function loadOverdueReports(districtId: string, today: string) {
  const kinds = sql.join(REPORT_DEADLINE_KINDS.map((k) => sql`${k}`), sql`, `);
  const result = await runDashboardQuery(sql`
    select d.case_id, d.kind, d.due_on, c.diary_number, o.name as organisation_name, count(*) over () as total
    from case_deadlines d
    join cases c on c.id = d.case_id
    join organisations o on o.id = c.organisation_id
    where d.cleared_at is null and d.kind in (${kinds}) and d.due_on < ${today}
      and c.district_id = ${districtId}::text::uuid
    order by d.due_on, c.diary_number
    limit ${OVERDUE_SHOWN}`);
  const rows = rowsOf<Record<string, unknown>>(result);
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  return {
    count: rows.length > 0 ? Number(rows[0]!.total) : 0,
    rows: rows.map((r) => ({
      caseId: String(r.case_id),
      organisationName: String(r.organisation_name),
      diaryNumber: r.diary_number === null ? null : String(r.diary_number),
      kind: String(r.kind),
      label: DEADLINE_LABELS[String(r.kind)] ?? String(r.kind),
      dueOn: String(r.due_on),
      daysLate: Math.round((todayMs - Date.parse(`${String(r.due_on)}T00:00:00Z`)) / 86_400_000),
    })),
  };
}
