/**
 * npm run test:faults — the fault suite (docs/decisions/0019-fault-suite.md). Two app servers and a
 * separate mail worker, started as production starts them, on a PostgreSQL cluster of the suite's
 * own, with a real SMTP server in this process and caseworkers working on both servers. Then, in
 * turn: PostgreSQL restarted, one app server killed with SIGKILL mid-batch, the SMTP server down for
 * a minute, the mail worker killed with SIGKILL while a message is in flight. Prints what failed and
 * for how long, accounts for every e-mail and every case, and ends with "N passed, N failed", one
 * line per goal.
 * Env: FAULTS_SMTP_OUTAGE_S (60), FAULTS_PACE_MS (200 between one person's transitions),
 * FAULTS_PG_PORT (first port tried, 55433), FAULTS_SKIP_BUILD=true (use the build there is).
 */
import crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { installDatabase, openDatabase, disconnect } from "../../db/client";
import { createDistrict, createOrganisation, createStaffUser, DEFAULT_TEST_PASSWORD } from "../../seed/factories";
import { LIFECYCLE, createCast, createDraftCase, driveCase } from "../../seed/case-factory";
import { startTestSmtp, type TestSmtp } from "../support/smtp";
import { Cluster, freePort } from "./cluster";
import { healthy, killAllSync, killHard, startProcess, stopAll, waitUntil, type Managed } from "./processes";
import { CuttableProxy } from "../support/tcp-proxy";
import { Visitor } from "../support/visitor";
import { Balancer, work, type Acknowledged, type Caseworker } from "./load";
import { checkCases, checkMail } from "./checks";

const SMTP_OUTAGE_S = Number(process.env.FAULTS_SMTP_OUTAGE_S ?? 60);
const PACE_MS = Number(process.env.FAULTS_PACE_MS ?? 200);
const DISTRICTS = 3;
const CASES_PER_DISTRICT = 4;
/** After the fault is over, requests may fail this long (a restarted pool reconnecting); not after. */
const GRACE_MS = 5_000;
/** A duplicate is acceptable only for a message the SMTP server accepted this close before a crash. */
const LAST_INSTANT_MS = 1_000;
/** The worker's lease is 15 s (MAIL_LEASE_MS); its rows must be delivered again within this. */
const WORKER_RECOVERY_GOAL_S = 20;
const SMTP_RECOVERY_GOAL_S = 30;

const suiteStarted = Date.now();
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-faults-logs-"));
let cluster = null as Cluster | null;
let keepLogs = false;

// Whatever happens, nothing the suite started outlives it: every process by PID, then the cluster.
process.on("exit", () => {
  killAllSync();
  cluster?.destroy();
  if (!keepLogs) fs.rmSync(logDir, { recursive: true, force: true });
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const secs = (ms: number) => (ms / 1000).toFixed(1);
const log = (line: string) => console.log(`[${secs(Date.now() - suiteStarted).padStart(6)} s] ${line}`);

interface Goal {
  name: string;
  ok: boolean;
  detail: string;
}
const goals: Goal[] = [];
const goal = (name: string, ok: boolean, detail: string) => goals.push({ name, ok, detail });

async function main() {
  if (process.env.FAULTS_SKIP_BUILD !== "true") {
    log("build (npx remix build)");
    const built = spawnSync("npx", ["remix", "build"], { stdio: ["ignore", "ignore", "inherit"] });
    if (built.status !== 0) throw new Error("remix build failed");
  }

  cluster = new Cluster(await freePort(Number(process.env.FAULTS_PG_PORT ?? 55433)));
  cluster.init();
  cluster.start();
  log(`own PostgreSQL cluster on 127.0.0.1:${cluster.port} (${cluster.dir})`);
  const admin = postgres(cluster.url, { max: 1, onnotice: () => {} });
  await admin.unsafe("create database iop_faults");
  await admin.end();
  const databaseUrl = cluster.url.replace(/\/postgres$/, "/iop_faults");

  const smtp: TestSmtp = await startTestSmtp();
  const smtpPort = await freePort(55600);
  const smtpProxy = new CuttableProxy({ host: "127.0.0.1", port: Number(new URL(smtp.url).port) }, smtpPort);
  await smtpProxy.start();

  const portA = await freePort(55500);
  const portB = await freePort(portA + 1);
  const env = {
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: "5",
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_WORKER: "false",
    SEED_DEMO_DATA: "false",
    APP_SECRET: crypto.randomBytes(32).toString("hex"),
    // Production servers, as a kommun runs them: every secret from the environment (README).
    TOTP_ENCRYPTION_KEY: crypto.randomBytes(32).toString("hex"),
    PERSONAL_NUMBER_HASH_SECRET: crypto.randomBytes(32).toString("hex"),
    // Retries after an SMTP outage start from 5 s instead of 30 s, so the suite need not wait that out.
    MAIL_RETRY_BASE_MS: "5000",
  };
  const appEnv = (port: number) => ({ ...env, PORT: String(port) });
  const origin = (port: number) => `http://127.0.0.1:${port}`;
  let appA: Managed = startProcess("app-a", "server/index.ts", appEnv(portA), logDir);
  await waitUntil("app server A", () => healthy(origin(portA)));
  log(`app server A on ${origin(portA)} (migrations applied)`);
  const appB: Managed = startProcess("app-b", "server/index.ts", appEnv(portB), logDir);
  const workerEnv = { ...env, MAIL_WORKER: "true" };
  let worker: Managed = startProcess("worker", "server/worker.ts", workerEnv, logDir);

  // The people and their cases: in each district two caseworkers, four cases taken by the first.
  const handle = await openDatabase({ databaseUrl, poolSize: 3 });
  installDatabase(handle);
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  const people: Caseworker[] = [];
  const caseIds: string[] = [];
  for (let d = 0; d < DISTRICTS; d++) {
    const district = await createDistrict(handle.db);
    const organisationId = (await createOrganisation(handle.db)).id;
    const cast = await createCast(handle.db, { organisationId, districtId: district.id });
    await createStaffUser(handle.db, { districtId: district.id, roles: ["caseworker"], name: "Andra handläggaren" });
    const mine: string[] = [];
    for (let c = 0; c < CASES_PER_DISTRICT; c++) {
      const id = await createDraftCase({ organisationId, districtId: district.id }, cast, `Felprov ${d}-${c}`);
      await driveCase(id, cast, LIFECYCLE.slice(0, 2));
      mine.push(id);
    }
    caseIds.push(...mine);
    const caseworkerId = cast.caseworker.kind === "user" ? cast.caseworker.id : "";
    const email = (await sql<{ email: string }[]>`select email from users where id = ${caseworkerId}`)[0]!.email;
    // Staff: the password and the second factor (ADR 0027), as the test suite's visitor does it.
    const visitor = new Visitor(origin(portA));
    const login = await visitor.logIn(email, DEFAULT_TEST_PASSWORD);
    const cookie = visitor.cookie;
    if (login.status !== 302 || !cookie.startsWith("iop_session=")) throw new Error(`login failed: HTTP ${login.status}`);
    people.push({ cookie, districtCode: district.code, caseIds: mine });
  }
  await waitUntil("app server B", () => healthy(origin(portB)));
  log(`app server B on ${origin(portB)}, mail worker started; ${caseIds.length} cases, ${people.length} caseworkers signed in`);

  const lb = new Balancer([
    { name: "A", origin: origin(portA) },
    { name: "B", origin: origin(portB) },
  ]);
  const acknowledged: Acknowledged[] = [];
  let stopLoad = false;
  const load = Promise.all(people.map((p) => work(lb, p, acknowledged, () => stopLoad, PACE_MS)));
  const crashes: number[] = [];
  // "During" includes the requests already in flight when the fault came; "after" those sent from 5 s after it was over.
  const inWindow = (from: number, to: number, started = false) =>
    lb.records.filter((r) => (started ? r.startedAt >= from : r.endedAt >= from) && r.startedAt < to);
  const failures = (from: number, to: number, started = false) => inWindow(from, to, started).filter((r) => !r.ok);
  const requests = (from: number, to: number, started = false) => inWindow(from, to, started).length;
  const lastFailureAfter = (from: number, to: number) => Math.max(from, ...failures(from, to).map((r) => r.endedAt));
  const report = (name: string, injected: number, over: number, end: number) => {
    const during = failures(injected, over + GRACE_MS);
    const after = failures(over + GRACE_MS, end, true);
    const recovery = (lastFailureAfter(injected, end) - over) / 1000;
    log(
      `${name}: requests failed during ${during.length} of ${requests(injected, over + GRACE_MS)}, after ${after.length} of ${requests(over + GRACE_MS, end, true)}; ` +
        `recovered ${Math.max(0, recovery).toFixed(1)} s after the fault was over` +
        (during.length + after.length > 0 ? ` (${[...new Set([...during, ...after].map((r) => `${r.server} ${r.kind} ${r.detail}`))].slice(0, 6).join("; ")})` : ""),
    );
    return { during: during.length, after: after.length };
  };

  await sleep(8_000);
  log(`baseline: ${lb.records.length} requests, ${lb.records.filter((r) => !r.ok).length} failed, ${acknowledged.length} transitions, ${smtp.received.length} e-mails`);
  goal("no failed request before any fault", lb.records.every((r) => r.ok), `${lb.records.filter((r) => !r.ok).length} failed`);

  // 1. PostgreSQL restarted (fast shutdown: open connections are cut), the moment the SMTP server has
  // a message in hand: its answer is held back 100 ms, so the worker learns "sent" while the database is down.
  {
    let restarting: Promise<void> | null = null;
    let injected = 0;
    const db = cluster;
    await new Promise<void>((resolve) => {
      smtp.beforeReply = () => {
        if (restarting) return;
        injected = Date.now();
        restarting = db.restart();
        resolve();
        return sleep(100).then(() => {});
      };
    });
    smtp.beforeReply = undefined;
    await restarting;
    const over = Date.now();
    log(`PostgreSQL restarted (-m fast) in ${secs(over - injected)} s`);
    await sleep(20_000);
    const r = report("PostgreSQL restart", injected, over, Date.now());
    goal("0 failed requests from 5 s after the database is back", r.after === 0, `${r.after} failed`);
  }

  // 2. App server A killed with SIGKILL while it handles a transition; restarted 5 s later.
  {
    await waitUntil("a transition in flight on server A", async () => lb.inFlight("A", "write") > 0, 15_000, 2);
    const injected = Date.now();
    const inFlight = lb.inFlight("A", "write") + lb.inFlight("A", "read");
    await killHard(appA);
    log(`app server A killed with SIGKILL with ${inFlight} requests in flight`);
    await sleep(5_000);
    appA = startProcess("app-a", "server/index.ts", appEnv(portA), logDir);
    await waitUntil("app server A again", () => healthy(origin(portA)));
    log("app server A restarted");
    await sleep(Math.max(0, injected + 20_000 - Date.now()));
    const r = report("app server SIGKILL", injected, injected, Date.now());
    goal("0 failed requests from 5 s after an app server is killed", r.after === 0, `${r.after} failed`);
  }

  // 3. The SMTP server unreachable (connections refused, open ones cut) for a minute.
  {
    const injected = Date.now();
    await smtpProxy.cut();
    // A message whose 250 was on the wire when the connection was cut is sent again: the worker
    // cannot know the server took it (at-least-once, ADR 0008). The cut is a crash instant.
    crashes.push(Date.now());
    log(`SMTP server down for ${SMTP_OUTAGE_S} s`);
    await sleep(SMTP_OUTAGE_S * 1000);
    await smtpProxy.start();
    const over = Date.now();
    const receivedAtRestore = smtp.received.length;
    const waiting = async () =>
      (await sql<{ n: number }[]>`select count(*)::int as n from email_outbox where status <> 'sent' and created_at < ${new Date(over)}`)[0]!.n;
    const backlog = await waiting();
    const drained = await waitUntil("the mail queued during the SMTP outage", async () => (await waiting()) === 0, 90_000, 250).catch(() => NaN);
    const r = report("SMTP outage", injected, over, Date.now());
    log(`SMTP back: ${backlog} e-mails waiting, delivered ${secs(drained)} s later (${smtp.received.length - receivedAtRestore} accepted since)`);
    goal("0 failed requests while the SMTP server is down", r.during + r.after === 0, `${r.during + r.after} failed`);
    goal(`mail queued during the SMTP outage delivered within ${SMTP_RECOVERY_GOAL_S} s`, drained / 1000 <= SMTP_RECOVERY_GOAL_S, `${secs(drained)} s`);
  }

  // 4. The mail worker killed with SIGKILL the instant the SMTP server accepted a message; restarted 1 s later.
  {
    let killedAt = 0;
    const pid = worker.child.pid!;
    const armed = new Promise<void>((resolve) => {
      smtp.onAccepted = () => {
        if (killedAt) return;
        process.kill(pid, "SIGKILL");
        killedAt = Date.now();
        resolve();
      };
    });
    await Promise.race([armed, sleep(20_000)]);
    smtp.onAccepted = undefined;
    if (!killedAt) throw new Error("no e-mail reached the SMTP server within 20 s");
    crashes.push(killedAt);
    await killHard(worker);
    const inFlight = (await sql<{ id: string }[]>`select id from email_outbox where status = 'sending'`).map((r) => r.id);
    log(`mail worker killed with SIGKILL as a message was accepted; ${inFlight.length} e-mails left in flight`);
    await sleep(1_000);
    worker = startProcess("worker", "server/worker.ts", workerEnv, logDir);
    const recovered = await waitUntil(
      "the e-mails the killed worker had in flight",
      async () => (await sql<{ n: number }[]>`select count(*)::int as n from email_outbox where id = any(${inFlight}::uuid[]) and status <> 'sent'`)[0]!.n === 0,
      60_000,
      250,
    )
      .then(() => Date.now() - killedAt)
      .catch(() => NaN);
    log(`mail worker crash: its ${inFlight.length} e-mails delivered ${secs(recovered)} s after the kill (lease 15 s)`);
    goal(`a mail worker crash recovered within ${WORKER_RECOVERY_GOAL_S} s`, recovered / 1000 <= WORKER_RECOVERY_GOAL_S, `${secs(recovered)} s`);
  }

  stopLoad = true;
  await load;
  lb.close();
  const drained = await waitUntil(
    "every e-mail delivered",
    async () => (await sql<{ n: number }[]>`select count(*)::int as n from email_outbox where status <> 'sent'`)[0]!.n === 0,
    60_000,
    250,
  ).catch(() => NaN);
  await sleep(500);
  log(`load stopped: ${lb.records.length} requests, ${acknowledged.length} transitions acknowledged; outbox drained ${secs(drained)} s later`);

  const mail = await checkMail(sql, smtp.received, crashes, LAST_INSTANT_MS);
  log(
    `e-mail: expected ${mail.expected}, delivered ${mail.delivered}, lost ${mail.lost} (failed ${mail.failedRows}), duplicated ${mail.duplicated} ` +
      `(${mail.duplicated - mail.unexplainedDuplicates} accepted in the last ${LAST_INSTANT_MS} ms before a crash)`,
  );
  if (mail.unexplainedAt.length > 0) {
    log(`  other duplicates first accepted at ${mail.unexplainedAt.map((t) => `${secs(t - suiteStarted)} s`).join(", ")}`);
  }
  goal("0 e-mails lost", mail.lost === 0 && mail.failedRows === 0, `${mail.lost} lost, ${mail.failedRows} failed`);
  goal("duplicates only for e-mails accepted in the last instant before a crash", mail.unexplainedDuplicates === 0, `${mail.unexplainedDuplicates} other duplicates`);

  const cases = await checkCases(sql, caseIds, acknowledged);
  log(`cases checked for half-writes: ${cases.checked}, half-written ${cases.halfWritten.length}; acknowledged transitions missing ${cases.acknowledgedMissing}`);
  for (const h of cases.halfWritten.slice(0, 5)) log(`  half-written ${h.caseId}: ${h.problem}`);
  goal("0 half-written cases", cases.halfWritten.length === 0, `${cases.halfWritten.length} half-written`);
  goal("every acknowledged transition is in the database", cases.acknowledgedMissing === 0, `${cases.acknowledgedMissing} missing`);

  await sql.end();
  await disconnect();
  await stopAll();
  await smtpProxy.cut();
  await smtp.close();
  void appB;
}

let crashed: unknown = null;
try {
  await main();
} catch (error) {
  crashed = error;
}
await stopAll().catch(() => {});
cluster?.destroy();
console.log("");
for (const g of goals) console.log(`${g.ok ? "✓" : "✗"} ${g.name} (${g.detail})`);
if (crashed) {
  keepLogs = true;
  console.log(`\nfault suite stopped: ${crashed instanceof Error ? crashed.message : String(crashed)} (process logs in ${logDir})`);
  if (cluster) console.log(cluster.logTail());
}
const failed = goals.filter((g) => !g.ok).length + (crashed ? 1 : 0);
if (failed > 0 && !crashed) keepLogs = true;
console.log(`Fault suite: ${secs(Date.now() - suiteStarted)} s wall time`);
console.log(`${goals.length - goals.filter((g) => !g.ok).length} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
