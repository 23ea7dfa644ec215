/**
 * npm run bench:transitions — 1 000 cases driven through the whole lifecycle on PostgreSQL (27
 * transitions each, every one a transaction with snapshot, audit event, outbox rows and deadlines),
 * and, in the same run, as many bare single-row updates as the floor.
 * Env: DATABASE_URL (server; default postgres://postgres@127.0.0.1:5432/test), CASES (1000), CONCURRENCY (2: one app process and PostgreSQL on the 2-core machine).
 */
import { eq, sql } from "drizzle-orm";
import { createDistrict, createOrganisation } from "../seed/factories";
import { LIFECYCLE, createCast, createDraftCase, driveCase, type Cast } from "../seed/case-factory";
import { cases } from "../db/schema";
import { benchDatabase, fmt, runPool, summarise } from "./support";

const CASES = Number(process.env.CASES ?? 1000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 2);
const DISTRICTS = 4;
const ORGANISATIONS = 50;

const bench = await benchDatabase(CONCURRENCY + 2);
const db = bench.handle.db;
try {
  console.log(`Preparing ${CASES} cases over ${DISTRICTS} districts and ${ORGANISATIONS} föreningar …`);
  const worlds: { parties: { organisationId: string; districtId: string }; cast: Cast }[] = [];
  const districtIds = [];
  for (let d = 0; d < DISTRICTS; d++) districtIds.push((await createDistrict(db)).id);
  for (let o = 0; o < ORGANISATIONS; o++) {
    const parties = { organisationId: (await createOrganisation(db)).id, districtId: districtIds[o % DISTRICTS]! };
    worlds.push({ parties, cast: await createCast(db, parties) });
  }
  const caseIds: { id: string; world: (typeof worlds)[number] }[] = [];
  for (let i = 0; i < CASES; i++) {
    const world = worlds[i % ORGANISATIONS]!;
    caseIds.push({ id: await createDraftCase(world.parties, world.cast, `Bench ${i}`), world });
  }

  console.log(`Driving ${CASES} × ${LIFECYCLE.length} transitions with ${CONCURRENCY} in parallel …`);
  const latencies: number[] = [];
  const started = performance.now();
  await runPool(CASES, CONCURRENCY, async (i) => {
    const { id, world } = caseIds[i]!;
    await driveCase(id, world.cast, LIFECYCLE, (_step, ms) => latencies.push(ms));
  });
  const transitions = summarise(latencies, performance.now() - started);

  console.log(`Floor: ${latencies.length} bare single-row updates with ${CONCURRENCY} in parallel …`);
  const floorLatencies: number[] = [];
  const floorStarted = performance.now();
  await runPool(latencies.length, CONCURRENCY, async (i) => {
    const t = performance.now();
    await db
      .update(cases)
      .set({ revision: sql`${cases.revision} + 1` })
      .where(eq(cases.id, caseIds[i % CASES]!.id));
    floorLatencies.push(performance.now() - t);
  });
  const floor = summarise(floorLatencies, performance.now() - floorStarted);

  console.log("");
  console.log(`transitions: ${transitions.count}, p50 ${fmt(transitions.p50)} ms, p95 ${fmt(transitions.p95)} ms, p99 ${fmt(transitions.p99)} ms, ${fmt(transitions.perSecond)} per second`);
  console.log(`floor (bare UPDATE): ${floor.count}, p50 ${fmt(floor.p50)} ms, p95 ${fmt(floor.p95)} ms, p99 ${fmt(floor.p99)} ms, ${fmt(floor.perSecond)} per second`);
  console.log(`goal: p95 < 15 ms and ≥ 300 transitions per second`);
  console.log(
    `transitions=${transitions.count} concurrency=${CONCURRENCY} p50_ms=${fmt(transitions.p50)} p95_ms=${fmt(transitions.p95)} p99_ms=${fmt(transitions.p99)} per_s=${fmt(transitions.perSecond)} floor_p50_ms=${fmt(floor.p50)} floor_p95_ms=${fmt(floor.p95)} floor_p99_ms=${fmt(floor.p99)} floor_per_s=${fmt(floor.perSecond)}`,
  );
} finally {
  await bench.drop();
}
