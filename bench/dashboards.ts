/**
 * npx tsx bench/dashboards.ts — the two dashboards' loaders against 100 000 cases over 14 districts
 * (CASES, DISTRICTS), inserted in bulk with SQL (agreements, two submitted reports, four audit events
 * and an open report deadline each), so the figures measure the aggregation, not the seeding. Prints
 * p50/p95 of 20 loads of a district's dashboard and of a förening's, and the last line as key=value.
 */
import { sql } from "drizzle-orm";
import { createDistrict, createOrganisation } from "../seed/factories";
import { loadDistrictDashboard } from "../app/dashboards/district.server";
import { loadOrganisationDashboard } from "../app/dashboards/organisation.server";
import { benchDatabase, fmt, summarise } from "./support";

const CASES = Number(process.env.CASES ?? 100_000);
const DISTRICTS = Number(process.env.DISTRICTS ?? 14);
const ORGANISATIONS = 400;
const RUNS = 20;

const bench = await benchDatabase(4);
const db = bench.handle.db;
try {
  const districtIds: string[] = [];
  for (let i = 0; i < DISTRICTS; i++) districtIds.push((await createDistrict(db)).id);
  const organisationIds: string[] = [];
  for (let i = 0; i < ORGANISATIONS; i++) organisationIds.push((await createOrganisation(db)).id);
  const started = performance.now();
  await db.execute(sql`
    insert into cases (district_id, organisation_id, title, state, stage, machine_version, snapshot, submitted_at, diary_number)
    select (${`{${districtIds.join(",")}}`}::text::uuid[])[1 + g % ${DISTRICTS}::int],
      (${`{${organisationIds.join(",")}}`}::text::uuid[])[1 + (g * 7) % ${ORGANISATIONS}::int],
      'IOP ' || g, 'followUp.reportDue',
      (array['review','decision','agreement','followUp','finalReport','closed'])[1 + g % 6], 1, '{}'::jsonb,
      timestamptz '2020-01-10 10:00+00' + (g % 2000) * interval '1 day', 'B ' || g
    from generate_series(1, ${CASES}::int) as g`);
  await db.execute(sql`
    insert into agreements (case_id, content)
    select id, jsonb_build_object(
      'yearlyAmounts', jsonb_build_array(
        jsonb_build_object('year', extract(year from submitted_at)::int, 'amount', 100000 + (abs(hashtext(id::text)) % 50) * 10000),
        jsonb_build_object('year', extract(year from submitted_at)::int + 1, 'amount', 150000)),
      'reportDueDates', jsonb_build_array((extract(year from submitted_at)::int + 1) || '-01-31', (extract(year from submitted_at)::int + 2) || '-01-31'),
      'goals', jsonb_build_array(jsonb_build_object('description', 'Andel nöjda', 'target', '55 %'), jsonb_build_object('description', 'Aktiviteter', 'target', '190')))
    from cases`);
  await db.execute(sql`
    insert into reports (case_id, kind, period_index, version, status, content)
    select c.id, 'period', p, 1, 'submitted', jsonb_build_object(
      'activities', jsonb_build_array(
        jsonb_build_object('name', 'Läxhjälp', 'sessions', '40', 'women', '12', 'men', '4–12', 'other', '1'),
        jsonb_build_object('name', 'Idrott', 'sessions', '80', 'women', '20', 'men', '25', 'other', '')),
      'goals', jsonb_build_array(jsonb_build_object('goalIndex', 0, 'outcome', '70 %')))
    from cases c cross join generate_series(0, 1) as p`);
  await db.execute(sql`
    insert into case_events (case_id, revision, actor_roles, event_type, from_state, to_state, created_at)
    select c.id, e.n, '{}', e.type, 'x', e.to_state, c.submitted_at + e.days * interval '1 day'
    from cases c cross join (values (1, 'SUBMIT', 'review.unassigned', 0), (2, 'TAKE', 'review.assigned', 2),
      (3, 'REGISTER_DECISION', 'agreement.drafting', 40), (4, 'SIGN', 'followUp.reportDue', 60)) as e(n, type, to_state, days)`);
  await db.execute(sql`
    insert into case_deadlines (case_id, kind, due_on)
    select id, 'report', to_char(submitted_at + interval '400 days', 'YYYY-MM-DD') from cases`);
  await db.execute(sql`analyze`);
  const seeded = (performance.now() - started) / 1000;

  const time = async (work: () => Promise<unknown>) => {
    await work();
    const ms: number[] = [];
    const wall = performance.now();
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await work();
      ms.push(performance.now() - t);
    }
    return summarise(ms, performance.now() - wall);
  };
  const period = { from: 2021, to: 2025 };
  const district = await time(() => loadDistrictDashboard(districtIds[0]!, period));
  const organisation = await time(() => loadOrganisationDashboard(organisationIds[0]!));
  const perDistrict = Math.round(CASES / DISTRICTS);
  console.log(`seeded ${CASES} cases over ${DISTRICTS} districts in ${fmt(seeded)} s (${perDistrict} per district)`);
  console.log(`district dashboard (${period.from}–${period.to}): p50 ${fmt(district.p50)} ms, p95 ${fmt(district.p95)} ms`);
  console.log(`förening dashboard (${Math.round(CASES / ORGANISATIONS)} IOPs): p50 ${fmt(organisation.p50)} ms, p95 ${fmt(organisation.p95)} ms`);
  console.log(
    `cases=${CASES} districts=${DISTRICTS} district_p50_ms=${fmt(district.p50)} district_p95_ms=${fmt(district.p95)} organisation_p50_ms=${fmt(organisation.p50)} organisation_p95_ms=${fmt(organisation.p95)}`,
  );
} finally {
  await bench.drop();
}
