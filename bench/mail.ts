/**
 * npm run bench:mail — about 10 000 workflow transitions on PostgreSQL while the mail worker runs in
 * the same process and delivers to a local SMTP sink (smtp-server). Prints messages per second and
 * the delay from commit (outbox created_at) to SMTP acceptance. Goal: median under 2 s during load.
 * Env: DATABASE_URL (server; default postgres://postgres@127.0.0.1:5432/test), TRANSITIONS (10000),
 * CONCURRENCY (2 transitions in parallel), MAIL_CONCURRENCY (8 messages in flight).
 */
import { inArray } from "drizzle-orm";
import { createDistrict, createOrganisation } from "../seed/factories";
import { LIFECYCLE, createCast, createDraftCase, driveCase, type Cast } from "../seed/case-factory";
import { emailOutbox } from "../db/schema";
import { createMailWorker } from "../app/mail/worker.server";
import { startTestSmtp } from "../test/support/smtp";
import { benchDatabase, fmt, percentile, runPool } from "./support";

const TRANSITIONS = Number(process.env.TRANSITIONS ?? 10_000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 2);
const CASES = Math.ceil(TRANSITIONS / LIFECYCLE.length);
const ORGANISATIONS = 20;

const bench = await benchDatabase(CONCURRENCY + 6);
const db = bench.handle.db;
const smtp = await startTestSmtp();
const MAIL_CONCURRENCY = Number(process.env.MAIL_CONCURRENCY ?? 8);
const worker = createMailWorker({
  mode: "smtp",
  smtpUrl: smtp.url,
  concurrency: MAIL_CONCURRENCY,
  reminderIntervalMs: 0,
  log: () => {},
});
try {
  console.log(`Preparing ${CASES} cases …`);
  const worlds: Cast[] = [];
  const parties: { organisationId: string; districtId: string }[] = [];
  for (let o = 0; o < ORGANISATIONS; o++) {
    // One district per förening: the cast's staff would otherwise all receive every district-wide mail.
    const p = { organisationId: (await createOrganisation(db)).id, districtId: (await createDistrict(db)).id };
    parties.push(p);
    worlds.push(await createCast(db, p));
  }
  const caseIds: string[] = [];
  for (let i = 0; i < CASES; i++) caseIds.push(await createDraftCase(parties[i % ORGANISATIONS]!, worlds[i % ORGANISATIONS]!, `Bench ${i}`));

  console.log(`Driving ${CASES} × ${LIFECYCLE.length} transitions with ${CONCURRENCY} in parallel while the worker delivers …`);
  worker.start();
  const started = performance.now();
  let transitions = 0;
  await runPool(CASES, CONCURRENCY, async (i) => {
    await driveCase(caseIds[i]!, worlds[i % ORGANISATIONS]!, LIFECYCLE, () => transitions++);
  });
  const loadMs = performance.now() - started;
  const receivedDuringLoad = smtp.received.length;

  const rows = await db
    .select({ id: emailOutbox.id, createdAt: emailOutbox.createdAt })
    .from(emailOutbox)
    .where(inArray(emailOutbox.caseId, caseIds));
  await smtp.waitFor(rows.length, 300_000);
  const wallMs = performance.now() - started;
  await worker.stop();

  const created = new Map(rows.map((r) => [r.id, r.createdAt.getTime()]));
  const delays = smtp.received
    .filter((m) => m.outboxId && created.has(m.outboxId))
    .map((m) => m.acceptedAt - created.get(m.outboxId!)!)
    .sort((a, b) => a - b);
  const duplicates = smtp.received.length - new Set(smtp.received.map((m) => m.outboxId)).size;
  const perSecond = (smtp.received.length / wallMs) * 1000;

  console.log("");
  console.log(`transitions: ${transitions} in ${fmt(loadMs / 1000)} s; messages: ${rows.length}, ${receivedDuringLoad} delivered while the load ran`);
  console.log(`delivery: ${fmt(perSecond)} messages per second; delay commit → SMTP p50 ${fmt(percentile(delays, 50))} ms, p95 ${fmt(percentile(delays, 95))} ms; duplicates ${duplicates}`);
  console.log("goal: median delay under 2 s while the load runs");
  console.log(
    `transitions=${transitions} messages=${smtp.received.length} per_s=${fmt(perSecond)} delay_p50_ms=${fmt(percentile(delays, 50))} delay_p95_ms=${fmt(percentile(delays, 95))} duplicates=${duplicates}`,
  );
} finally {
  worker.kill();
  await smtp.close();
  await bench.drop();
}
