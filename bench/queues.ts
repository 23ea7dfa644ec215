/**
 * npm run bench:queues — server response time of the förvaltning's queue pages on the data of
 * `npm run seed:scale` (100 000 cases, 14 districts), and in the same run the floor: the same SQL run
 * bare from a minimal node:http + postgres.js handler (bench/floor.ts).
 *
 * For each queue (as the role that works it: handläggare, avdelningschef for attestering, registrator
 * for beslut) four kinds of request: the first page, a filtered page, a search (diarienummer, förening
 * name, organisationsnummer in turn) and a deep page (the "next" cursor followed DEEP_PAGES pages in).
 * Requests go one at a time over HTTP (fetch, like a browser: the full HTML document, gzip), app and
 * floor interleaved so both see the same machine. The app's page runs the session lookup, the queue
 * page, the counts and the filter options; the floor runs the queue page and the counts.
 *
 * Env: DATABASE_URL (required: the seeded database), BENCH_DISTRICT (ST), REQUESTS (30 per request
 * kind and queue, after WARMUP 5), DEEP_PAGES (20). Needs `npm run build` first.
 */
import path from "node:path";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { pathToFileURL } from "node:url";
import postgres from "postgres";
import type { ServerBuild } from "@remix-run/node";
import { QUEUE_KEYS, type QueueKey, type QueueQuery } from "../app/administration/queue-definitions";
import type { DistrictRole } from "../app/auth/roles";
import { fmt, percentile } from "./support";
import { Visitor } from "../test/support/visitor";
import { startFloor, type FloorStatement } from "./floor";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("bench:queues needs DATABASE_URL: the database `npm run seed:scale` filled, e.g. postgres://postgres@127.0.0.1:5432/iop_scale");
  process.exit(1);
}
if (!fs.existsSync(path.resolve("build/index.js"))) {
  console.error("bench:queues serves the built app: run `npm run build` first.");
  process.exit(1);
}
const DISTRICT = (process.env.BENCH_DISTRICT ?? "ST").toUpperCase();
const REQUESTS = Number(process.env.REQUESTS ?? 30);
const WARMUP = Number(process.env.WARMUP ?? 5);
const DEEP_PAGES = Number(process.env.DEEP_PAGES ?? 20);
const POOL = Number(process.env.DATABASE_POOL_SIZE ?? 10);

process.env.LOG_REQUESTS = "false";
// Served as `npm start` serves it: React's production build (its development build checks every
// element and property, and would measure that instead of the portal).
process.env.NODE_ENV ??= "production";
// The app reads these when it first opens the database: both sides get a pool of the same size.
process.env.DATABASE_POOL_SIZE = String(POOL);

const { SCALE_EMAIL_DOMAIN, SCALE_PASSWORD, staffEmail } = await import("../seed/seed-scale-names");
const { connect, getDb } = await import("../db/client");
const { listQueue, queueStatements } = await import("../app/administration/queues.server");
const { createApp } = await import("../server/app");

const pg = postgres(url, { max: 2, onnotice: () => {} });
const [district] = await pg<{ id: string; code: string }[]>`select id, code from districts where code = ${DISTRICT}`;
const [seeded] = await pg<{ n: number }[]>`select count(*)::int as n from cases where district_id = ${district?.id ?? null}`;
if (!district || !seeded || seeded.n === 0) {
  console.error(`No scale data for district ${DISTRICT} in this database: run \`npm run seed:scale\` first.`);
  process.exit(1);
}
const [totals] = await pg<{ cases: number; events: number }[]>`
  select (select count(*)::int from cases) as cases, (select count(*)::int from case_events) as events`;
const people = await pg<{ id: string; email: string; role: DistrictRole }[]>`
  select u.id, u.email, m.role::text as role from users u join district_memberships m on m.user_id = u.id
  where m.district_id = ${district.id} and u.email like ${`%@${SCALE_EMAIL_DOMAIN}`}`;
const personByEmail = (email: string) => people.find((p) => p.email === email)!;
const caseworker = personByEmail(staffEmail("handlaggare", 1, district.code));
const colleague = personByEmail(staffEmail("handlaggare", 3, district.code));
const head = personByEmail(staffEmail("avdelningschef", 1, district.code));
const registrar = personByEmail(staffEmail("registrator", 1, district.code));
const [call] = await pg<{ id: string }[]>`select id from calls where district_id = ${district.id} order by closes_on limit 1 offset 1`;

// Search terms from the data itself: a diarienummer, a förening name, an organisationsnummer (digits only).
const [sample] = await pg<{ diary: string; name: string; orgnr: string }[]>`
  select c.diary_number as diary, o.name, o.organisation_number as orgnr
  from cases c join organisations o on o.id = c.organisation_id
  where c.district_id = ${district.id} and c.stage = 'followUp' and c.diary_number is not null
  order by c.diary_number desc limit 1`;
const searches = [sample!.diary, sample!.name, sample!.orgnr.replace("-", "")];
const today = new Date().toISOString().slice(0, 10);
const thisYear = today.slice(0, 4);

interface Who {
  email: string;
  userId: string;
  roles: DistrictRole[];
}
const who = (p: { id: string; email: string; role: DistrictRole }): Who => ({ email: p.email, userId: p.id, roles: [p.role] });
const QUEUE_USER: Record<QueueKey, Who> = {
  ny: who(caseworker),
  mina: who(caseworker),
  komplettering: who(caseworker),
  attestering: who(head),
  beslut: who(registrar),
  rapporter: who(caseworker),
  alla: who(caseworker),
};
/** A filter a person uses on each queue: period, stage, handläggare, call, due date. */
const FILTERS: Record<QueueKey, QueueQuery> = {
  ny: { ar: thisYear },
  mina: { skede: "followUp" },
  komplettering: { skede: "review" },
  attestering: { handlaggare: colleague.id },
  beslut: { utlysning: call!.id },
  rapporter: { fristFore: today },
  alla: { skede: "review", handlaggare: colleague.id },
};

type Kind = "first" | "filtered" | "search" | "deep";
const KINDS: Kind[] = ["first", "filtered", "search", "deep"];

interface Probe {
  queue: QueueKey;
  kind: Kind;
  who: Who;
  /** One or more variants, used in turn (the searches). */
  queries: QueueQuery[];
}

// The deep page's cursor: follow "next" DEEP_PAGES pages in with the app's own query.
await connect();
await getDb();
const probes: Probe[] = [];
const deepPagesReached: Record<string, number> = {};
for (const queue of QUEUE_KEYS) {
  const user = QUEUE_USER[queue];
  const viewer = { userId: user.userId, districtId: district.id, roles: user.roles };
  let query: QueueQuery = { ko: queue };
  let pages = 0;
  for (; pages < DEEP_PAGES; pages++) {
    const page = await listQueue(viewer, queue, query);
    if (!page.next) break;
    query = { ko: queue, ...page.next };
  }
  deepPagesReached[queue] = pages;
  probes.push(
    { queue, kind: "first", who: user, queries: [{ ko: queue }] },
    { queue, kind: "filtered", who: user, queries: [{ ko: queue, ...FILTERS[queue] }] },
    { queue, kind: "search", who: user, queries: searches.map((sok) => ({ ko: queue, sok })) },
    { queue, kind: "deep", who: user, queries: [query] },
  );
}

// The app: Express + the Remix build, as server/index.ts serves it.
const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
const server: Server = await new Promise((resolve) => {
  const s = createApp(build).listen(0, "127.0.0.1", () => resolve(s));
});
const appOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const db = await getDb();
const floorStatements = new Map<string, FloorStatement>();
const floorKey = (probe: Probe, variant: number) => `${probe.queue}-${probe.kind}-${variant}`;
for (const probe of probes) {
  probe.queries.forEach((query, variant) => {
    const viewer = { userId: probe.who.userId, districtId: district.id, roles: probe.who.roles };
    floorStatements.set(floorKey(probe, variant), queueStatements(db, viewer, probe.queue, query));
  });
}
const floor = await startFloor(url, floorStatements, POOL);

// Every queue query's plan on this data must read cases through an index, never a Seq Scan.
const plans: { key: string; index: string | null }[] = [];
for (const [key, statement] of floorStatements) {
  for (const [part, s] of [["page", statement.page], ["counts", statement.counts]] as const) {
    if (part === "counts" && !key.endsWith("first-0")) continue;
    const rows = await pg.unsafe<{ "QUERY PLAN": string }[]>(`explain ${s.sql}`, s.params as never[]);
    const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
    const index = /Seq Scan on cases\b/.test(plan) ? null : (/(?:Index (?:Only )?Scan(?: Backward)? using|Bitmap Index Scan on) (cases_\w+)/.exec(plan)?.[1] ?? null);
    plans.push({ key: `${key} ${part}`, index });
    if (!index || process.env.SHOW_PLANS) console.log(`${key} ${part}:\n${plan}\n`);
  }
}
const indexed = plans.filter((p) => p.index !== null).length;
const indexNames = [...new Set(plans.map((p) => p.index ?? "SEQ SCAN"))].join(", ");
console.log(`EXPLAIN: ${indexed} of ${plans.length} queue queries read cases through an index (${indexNames})`);

/** Staff sign in with the password and the second factor (ADR 0027), as the test suite's visitor does. */
async function logIn(email: string): Promise<string> {
  const visitor = new Visitor(appOrigin);
  const response = await visitor.logIn(email, SCALE_PASSWORD);
  const cookie = visitor.cookie;
  if (response.status !== 302 || !cookie.startsWith("iop_session=")) throw new Error(`Could not log in as ${email}: ${response.status}`);
  return cookie;
}
const cookies = new Map<string, string>();
for (const user of Object.values(QUEUE_USER)) if (!cookies.has(user.email)) cookies.set(user.email, await logIn(user.email));

const base = `/forvaltning/${district.code.toLowerCase()}/arenden`;
const queryString = (query: QueueQuery) => new URLSearchParams(query as Record<string, string>).toString();

async function timeApp(probe: Probe, variant: number): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${appOrigin}${base}?${queryString(probe.queries[variant]!)}`, {
    headers: { cookie: cookies.get(probe.who.email)! },
    redirect: "manual",
  });
  const body = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${probe.queue} ${probe.kind}: HTTP ${response.status}`);
  if (!body.includes('id="queue-heading"')) throw new Error(`${probe.queue} ${probe.kind}: not a queue page`);
  return ms;
}
async function timeFloor(probe: Probe, variant: number): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${floor.origin}/?q=${encodeURIComponent(floorKey(probe, variant))}`);
  await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`floor ${probe.queue} ${probe.kind}: HTTP ${response.status}`);
  return ms;
}

interface Sample {
  app: number[];
  floor: number[];
  rows: number;
}
const samples = new Map<Probe, Sample>();
let appWall = 0;
console.log(
  `District ${district.code}: ${seeded.n} of ${totals!.cases} cases (${totals!.events} audit events); ${REQUESTS} requests per kind after ${WARMUP} warm-up, app and floor interleaved …`,
);
for (const probe of probes) {
  const sample: Sample = { app: [], floor: [], rows: 0 };
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    const variant = i % probe.queries.length;
    const appMs = await timeApp(probe, variant);
    const floorMs = await timeFloor(probe, variant);
    if (i >= WARMUP) {
      sample.app.push(appMs);
      sample.floor.push(floorMs);
      appWall += appMs;
    }
  }
  samples.set(probe, sample);
}

// Rows per probe (first variant), for the table: a page of 25, or what the filter leaves.
const rowsOf = async (probe: Probe) => {
  const response = await fetch(`${floor.origin}/?q=${encodeURIComponent(floorKey(probe, 0))}`);
  return ((await response.json()) as { rows: number }).rows;
};

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
console.log("");
console.log(`${"queue".padEnd(14)}${"kind".padEnd(10)}${"rows".padStart(5)}${"p50 ms".padStart(9)}${"p95 ms".padStart(9)}${"floor p50".padStart(11)}${"floor p95".padStart(11)}${"ratio p95".padStart(11)}`);
const byKind = new Map<Kind, Sample>(KINDS.map((k) => [k, { app: [], floor: [], rows: 0 }]));
const all: Sample = { app: [], floor: [], rows: 0 };
for (const probe of probes) {
  const s = samples.get(probe)!;
  const a = sorted(s.app);
  const f = sorted(s.floor);
  byKind.get(probe.kind)!.app.push(...s.app);
  byKind.get(probe.kind)!.floor.push(...s.floor);
  all.app.push(...s.app);
  all.floor.push(...s.floor);
  const label = probe.kind === "deep" ? `deep ${deepPagesReached[probe.queue]}` : probe.kind;
  console.log(
    `${probe.queue.padEnd(14)}${label.padEnd(10)}${String(await rowsOf(probe)).padStart(5)}${fmt(percentile(a, 50)).padStart(9)}${fmt(percentile(a, 95)).padStart(9)}${fmt(percentile(f, 50)).padStart(11)}${fmt(percentile(f, 95)).padStart(11)}${fmt(percentile(a, 95) / percentile(f, 95)).padStart(11)}`,
  );
}
console.log("");
for (const [kind, s] of [...byKind.entries(), ["all" as const, all] as const]) {
  const a = sorted(s.app);
  const f = sorted(s.floor);
  console.log(
    `${kind.padEnd(9)} p50 ${fmt(percentile(a, 50))} ms, p95 ${fmt(percentile(a, 95))} ms; floor p50 ${fmt(percentile(f, 50))} ms, p95 ${fmt(percentile(f, 95))} ms; ratio p95 ${fmt(percentile(a, 95) / percentile(f, 95))}`,
  );
}
const a = sorted(all.app);
const f = sorted(all.floor);
const ratio = percentile(a, 95) / percentile(f, 95);
console.log("goal: p95 under 50 ms and within 2.5× the floor");
const kindPairs = KINDS.map((k) => `${k}_p95_ms=${fmt(percentile(sorted(byKind.get(k)!.app), 95))}`).join(" ");
console.log(
  `cases=${totals!.cases} requests=${a.length} p50_ms=${fmt(percentile(a, 50))} p95_ms=${fmt(percentile(a, 95))} p99_ms=${fmt(percentile(a, 99))} ${kindPairs} floor_p50_ms=${fmt(percentile(f, 50))} floor_p95_ms=${fmt(percentile(f, 95))} ratio_p95=${fmt(ratio)} per_s=${fmt((a.length / appWall) * 1000)} indexed_plans=${indexed}/${plans.length}`,
);

await floor.close();
await new Promise<void>((resolve) => server.close(() => resolve()));
await pg.end();
const { disconnect } = await import("../db/client");
await disconnect();
