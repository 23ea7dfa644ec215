/**
 * npm run seed:scale — 100 000 cases over 14 districts in every stage of the lifecycle, for
 * bench/queues.ts. Env: DATABASE_URL (required: a PostgreSQL server and a database of its own, e.g.
 * `createdb -h 127.0.0.1 -U postgres iop_scale`), SCALE_CASES (100000), SCALE_RESET=true (empty a
 * database that already holds scale data and seed again).
 *
 * Fast because only a few hundred cases go through the runtime: for every prefix of LIFECYCLE (and
 * the avslag branch), in 6 date buckets, ONE template case is driven by the real runtime (snapshot,
 * audit events, deadlines, derived columns), with the application versions and reports the förening's
 * pages would have written alongside. Every other case is a copy of a template made in SQL
 * (INSERT … SELECT over generate_series): its own id, district, förening, handläggare and chefer (user
 * ids replaced in the snapshot too), a time of day of its own, and diarienummer allocated per district
 * and year afterwards, gapless like allocateDiaryNumber. So the rows are exactly what the app writes,
 * only many of them. Not copied: the e-mail outbox (the worker would send 100 000 cases' mail).
 */
import postgres from "postgres";
import { openDatabase, installDatabase, type Executor } from "./client";
import { migrateDatabase } from "./migrate";
import { LIFECYCLE, dayTime, type Cast, type LifecycleStep } from "./case-factory";
import { applicationVersions, calls, priorityAreas, reports } from "./schema";
import { createCase } from "../app/cases/create-case.server";
import { transitionCase } from "../app/cases/transition.server";
import { userActor } from "../app/cases/case-roles";
import { hashPassword } from "../app/auth/password.server";
import { withCheckDigit } from "../app/domain/organisation-number";
import { SCALE_DISTRICTS, SCALE_EMAIL_DOMAIN, SCALE_PASSWORD, staffEmail } from "./seed-scale-names";
import { and, eq } from "drizzle-orm";

const TOTAL = Number(process.env.SCALE_CASES ?? 100_000);
const BUCKETS = 6;
/** Days between the date buckets: the last activity of a state's templates is today, 40, 80 … days ago. */
const BUCKET_DAYS = 40;
const ORGANISATIONS_PER_DISTRICT = 500;
const CASEWORKERS_PER_DISTRICT = 12;
const HEADS_PER_DISTRICT = 2;
/**
 * The share of cases that stop after each prefix of LIFECYCLE (index = number of steps taken), roughly
 * a city's mix: many agreements in follow-up and many closed, a steady stream in review.
 */
const PREFIX_WEIGHTS = [
  3, // draft
  3, // review.unassigned
  4, // taken
  2, // awaiting completion
  2, // resubmitted
  4, // assessment
  1.5, // awaiting head of unit
  1, // returned
  1, // awaiting head of unit again
  1, // awaiting director
  2, // awaiting board
  2, // agreement drafting
  1, // signing
  1, // förening signed
  12, // report due
  3, // report submitted
  1.5, // report completion requested
  1, // report resubmitted
  12, // first report approved, second due
  2, // second report submitted
  4, // reports reviewed
  4, // final report due
  2, // final report submitted
  2, // final assessment
  1, // final attestation, head of unit
  1, // final attestation, director
  1, // final report awaiting board
  20, // closed
];
const REJECTED_WEIGHT = 5;

interface Variant {
  name: string;
  steps: LifecycleStep[];
  weight: number;
}

function variants(): Variant[] {
  if (PREFIX_WEIGHTS.length !== LIFECYCLE.length + 1) throw new Error("PREFIX_WEIGHTS must have one weight per prefix of LIFECYCLE");
  const list: Variant[] = PREFIX_WEIGHTS.map((weight, n) => ({
    name: n === 0 ? "draft" : `${LIFECYCLE[n - 1]!.name} → ${LIFECYCLE[n - 1]!.state}`,
    steps: LIFECYCLE.slice(0, n),
    weight,
  }));
  const beforeDecision = LIFECYCLE.findIndex((s) => s.name === "bifall registered");
  list.push({
    name: "avslag registered → closed",
    steps: [
      ...LIFECYCLE.slice(0, beforeDecision),
      {
        name: "avslag registered",
        actor: "registrar",
        day: LIFECYCLE[beforeDecision]!.day,
        command: {
          type: "REGISTER_DECISION",
          meetingDate: LIFECYCLE[beforeDecision]!.day,
          paragraph: "§ 13",
          outcome: "rejected",
          motivation: "Verksamheten kompletterar inte förvaltningens egen verksamhet.",
        },
        state: "closed",
      },
    ],
    weight: REJECTED_WEIGHT,
  });
  return list;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const shiftDay = (day: string, days: number) => {
  const d = new Date(`${day}T12:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
/** Every date in a command (due dates, meeting dates, the agreement's period) moved by `days`. */
function shiftDates<T>(value: T, days: number): T {
  if (typeof value === "string") return (ISO_DAY.test(value) ? shiftDay(value, days) : value) as T;
  if (Array.isArray(value)) return value.map((v) => shiftDates(v, days)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftDates(v, days)])) as T;
  }
  return value;
}
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T12:00:00Z`) - Date.parse(`${a}T12:00:00Z`)) / 86_400_000);

const PLACES = ["Husby", "Kista", "Rinkeby", "Tensta", "Akalla", "Hjulsta", "Vällingby", "Hässelby", "Bromma", "Fruängen", "Farsta", "Rågsved", "Hagsätra", "Skärholmen", "Bredäng", "Vårberg", "Årsta", "Enskede", "Högdalen", "Bagarmossen"];
const KINDS = ["Idrottsförening", "Kulturförening", "Föräldraförening", "Ungdomsförening", "Kvinnoförening", "Seniorförening", "Läxhjälpsförening", "Musikförening", "Schackklubb", "Boxningsklubb", "Fotbollsklubb", "Hyresgästförening", "Folkets hus", "Studieförbund", "Stödförening"];
const ACTIVITIES = ["Mötesplats för unga", "Läxhjälp", "Språkcafé", "Sommarlovsaktiviteter", "Föräldrastöd", "Seniorträffar", "Nattvandring", "Kvällsfotboll", "Tjejgrupp", "Digital delaktighet", "Kulturskola", "Simskola"];

function organisationName(district: number, n: number) {
  const place = PLACES[(n + district * 7) % PLACES.length]!;
  const kind = KINDS[Math.floor(n / PLACES.length) % KINDS.length]!.toLowerCase();
  const round = Math.floor(n / (PLACES.length * KINDS.length));
  return `${place} ${kind}${round > 0 ? ` ${round + 1}` : ""}`;
}

function applicationContent(periodStart: string, periodEnd: string, title: string) {
  return {
    title,
    periodStart,
    periodEnd,
    purpose: "Att ge barn och unga i området en trygg mötesplats efter skolan.",
    societalChallenge: "Otrygghet och få fritidsaktiviteter för unga i stadsdelen.",
    targetGroups: [{ description: "Unga 13–19 år", count: 120 }],
    activities: [{ name: "Öppen verksamhet", description: "Tre kvällar i veckan med ledare på plats." }],
    policyLink: "Stadens program för ett Stockholm för alla.",
    complementsOperations: "Fritidsgårdens verksamhet, som har stängt på helger.",
    cooperation: "Styrgrupp två gånger per år, arbetsgrupp varje månad.",
    budgetLines: [{ description: "Ledare", associationAmount: 60_000, administrationAmount: 240_000 }],
    otherContributions: "Ideella ledare, cirka 400 timmar per år.",
  };
}

async function runPool(total: number, concurrency: number, work: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < total) await work(next++);
  }));
}

const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      "seed:scale needs DATABASE_URL pointing at a PostgreSQL server and a database of its own, e.g.\n" +
        "  createdb -h 127.0.0.1 -U postgres iop_scale\n" +
        "  DATABASE_URL=postgres://postgres@127.0.0.1:5432/iop_scale npm run seed:scale\n" +
        "It does not run on the embedded PGlite: 100 000 cases are a server's job.",
    );
    process.exit(1);
  }
  const started = performance.now();
  const pg = postgres(url, { max: 1, onnotice: () => {} });
  const [probe] = await pg<{ migrated: boolean }[]>`select to_regclass('public.users') is not null as migrated`;
  if (probe!.migrated) {
    const [row] = await pg.unsafe<{ scale: number; other: number }[]>(
      `select count(*) filter (where email like '%@${SCALE_EMAIL_DOMAIN}')::int as scale,
              count(*) filter (where email not like '%@${SCALE_EMAIL_DOMAIN}')::int as other from users`,
    );
    const [cases] = await pg.unsafe<{ n: number }[]>(`select count(*)::int as n from cases`);
    if (row!.other > 0 || (row!.scale === 0 && cases!.n > 0)) {
      console.error("This database holds data that is not scale data; seed:scale leaves it alone. Use a database of its own (createdb iop_scale).");
      await pg.end();
      process.exit(1);
    }
    if (row!.scale > 0) {
      if (process.env.SCALE_RESET !== "true") {
        console.error(`This database already holds scale data (${cases!.n} cases). SCALE_RESET=true empties it and seeds again.`);
        await pg.end();
        process.exit(1);
      }
      log("SCALE_RESET=true: emptying the database (schemas public and drizzle) …");
      await pg.unsafe(`drop schema public cascade; create schema public; drop schema if exists drizzle cascade;`);
    }
  }

  const handle = await openDatabase({ databaseUrl: url, poolSize: 4 });
  await migrateDatabase(handle);
  installDatabase(handle);
  const db = handle.db;
  const today = new Date().toISOString().slice(0, 10);

  // ── Districts, priority areas, calls, staff, föreningar and their people ──
  log(`Districts, staff and ${ORGANISATIONS_PER_DISTRICT * SCALE_DISTRICTS.length} föreningar …`);
  const passwordHash = await hashPassword(SCALE_PASSWORD);
  const districtRows: { id: string; code: string; name: string }[] = [];
  for (const [code, name] of SCALE_DISTRICTS) {
    const [d] = await pg<{ id: string }[]>`
      insert into districts (code, name, board_name, administration_name)
      values (${code}, ${name}, ${`${name} stadsdelsnämnd`}, ${`${name} stadsdelsförvaltning`}) returning id`;
    districtRows.push({ id: d!.id, code, name });
  }
  const staffRows: { district: number; email: string; name: string; title: string; role: string; group: string; n: number }[] = [];
  districtRows.forEach((d, i) => {
    for (let n = 1; n <= CASEWORKERS_PER_DISTRICT; n++) {
      staffRows.push({ district: i, email: staffEmail("handlaggare", n, d.code), name: `Handläggare ${n} ${d.name}`, title: "Handläggare", role: "caseworker", group: "caseworker", n });
    }
    for (let n = 1; n <= HEADS_PER_DISTRICT; n++) {
      staffRows.push({ district: i, email: staffEmail("avdelningschef", n, d.code), name: `Avdelningschef ${n} ${d.name}`, title: "Avdelningschef", role: "head_of_unit", group: "head", n });
    }
    staffRows.push({ district: i, email: staffEmail("direktor", 1, d.code), name: `Stadsdelsdirektör ${d.name}`, title: "Stadsdelsdirektör", role: "district_director", group: "director", n: 1 });
    staffRows.push({ district: i, email: staffEmail("registrator", 1, d.code), name: `Registrator ${d.name}`, title: "Registrator", role: "registrar", group: "registrar", n: 1 });
  });
  const staffIds = await pg<{ id: string }[]>`
    insert into users (email, name, title, password_hash, email_verified_at)
    select e, n, t, ${passwordHash}, now()
    from unnest(${staffRows.map((s) => s.email)}::text[], ${staffRows.map((s) => s.name)}::text[], ${staffRows.map((s) => s.title)}::text[]) with ordinality as x(e, n, t, o)
    order by o returning id`;
  await pg`
    insert into district_memberships (user_id, district_id, role)
    select u, d, r::district_role
    from unnest(${staffIds.map((s) => s.id)}::uuid[], ${staffRows.map((s) => districtRows[s.district]!.id)}::uuid[], ${staffRows.map((s) => s.role)}::text[]) as x(u, d, r)`;
  const staffOf = (district: number, group: string) =>
    staffRows.map((s, i) => ({ ...s, id: staffIds[i]!.id })).filter((s) => s.district === district && s.group === group).map((s) => s.id);

  const areaIds: string[][] = [];
  const callIds: string[][] = [];
  for (const d of districtRows) {
    const areas = [];
    for (const name of ["Barn och unga", "Trygghet i närområdet", "Äldres hälsa och gemenskap"]) {
      const [a] = await db.insert(priorityAreas).values({ districtId: d.id, name }).returning({ id: priorityAreas.id });
      areas.push(a!.id);
    }
    areaIds.push(areas);
    const districtCalls = [];
    for (const year of [2025, 2026, 2027]) {
      const [c] = await db
        .insert(calls)
        .values({
          districtId: d.id,
          title: `IOP ${d.name} ${year}`,
          opensOn: `${year - 1}-09-01`,
          closesOn: `${year}-10-31`,
          periodEarliestStart: `${year - 1}-01-01`,
          periodLatestEnd: `${year + 3}-12-31`,
          priorityAreaIds: areas,
        })
        .returning({ id: calls.id });
      districtCalls.push(c!.id);
    }
    callIds.push(districtCalls);
  }

  const orgs: { district: number; n: number; name: string; number: string; email: string }[] = [];
  districtRows.forEach((d, i) => {
    for (let n = 0; n < ORGANISATIONS_PER_DISTRICT; n++) {
      const serial = i * ORGANISATIONS_PER_DISTRICT + n;
      orgs.push({
        district: i,
        n,
        name: organisationName(i, n),
        // 85… : a range of its own, valid check digit.
        number: withCheckDigit(`85${String(serial).padStart(7, "0")}`),
        email: `info-${serial}@forening.${SCALE_EMAIL_DOMAIN}`,
      });
    }
  });
  await pg`
    create temp table scale_org as
    select x.district, x.n, gen_random_uuid() as org_id, gen_random_uuid() as contact_id, gen_random_uuid() as signatory_id, x.name, x.number, x.email
    from unnest(${orgs.map((o) => o.district)}::int[], ${orgs.map((o) => o.n)}::int[], ${orgs.map((o) => o.name)}::text[],
      ${orgs.map((o) => o.number)}::text[], ${orgs.map((o) => o.email)}::text[]) as x(district, n, name, number, email)`;
  await pg`insert into organisations (id, name, organisation_number, email, city) select org_id, name, number, email, 'Stockholm' from scale_org`;
  await pg`
    insert into users (id, email, name, password_hash, email_verified_at)
    select contact_id, 'kontakt-' || district || '-' || n || ${`@${SCALE_EMAIL_DOMAIN}`}, 'Kontaktperson ' || name, ${passwordHash}, now() from scale_org
    union all
    select signatory_id, 'firmatecknare-' || district || '-' || n || ${`@${SCALE_EMAIL_DOMAIN}`}, 'Firmatecknare ' || name, ${passwordHash}, now() from scale_org`;
  await pg`
    insert into organisation_memberships (user_id, organisation_id, role)
    select contact_id, org_id, 'contact_person'::organisation_role from scale_org
    union all select signatory_id, org_id, 'signatory'::organisation_role from scale_org`;

  // ── Templates: one case per variant and date bucket, through the real runtime ──
  const [templateOrg] = await pg<{ org_id: string; contact_id: string; signatory_id: string }[]>`
    select org_id, contact_id, signatory_id from scale_org where district = 0 and n = 0`;
  const d0 = districtRows[0]!.id;
  const staffActor = (id: string, role: "caseworker" | "head_of_unit" | "district_director" | "registrar") =>
    userActor({ id, organisations: [], districts: [{ id: d0, roles: [role] }] });
  const template = {
    applicant: templateOrg!.contact_id,
    signatory: templateOrg!.signatory_id,
    caseworker: staffOf(0, "caseworker")[0]!,
    headOfUnit: staffOf(0, "head")[0]!,
    director: staffOf(0, "director")[0]!,
    registrar: staffOf(0, "registrar")[0]!,
  };
  const cast: Cast = {
    applicant: userActor({ id: template.applicant, organisations: [{ id: templateOrg!.org_id, roles: ["contact_person"] }], districts: [] }),
    signatory: userActor({ id: template.signatory, organisations: [{ id: templateOrg!.org_id, roles: ["signatory"] }], districts: [] }),
    caseworker: staffActor(template.caseworker, "caseworker"),
    headOfUnit: staffActor(template.headOfUnit, "head_of_unit"),
    director: staffActor(template.director, "district_director"),
    registrar: staffActor(template.registrar, "registrar"),
    system: { kind: "system" },
  };

  const list = variants();
  const templates: { id: string; variant: number; bucket: number }[] = [];
  let transitions = 0;
  const templatesStarted = performance.now();
  log(`Driving ${list.length} variants × ${BUCKETS} date buckets through the runtime …`);
  // Two at a time: the runtime renders each transition's mail, and the machine has two cores.
  const jobs = list.flatMap((variant, v) => Array.from({ length: BUCKETS }, (_, b) => ({ variant, v, b })));
  await runPool(jobs.length, 2, async (i) => {
    const { variant, v, b } = jobs[i]!;
    const lastDay = variant.steps.at(-1)?.day ?? "2025-01-15";
    const shift = daysBetween(lastDay, today) - b * BUCKET_DAYS;
    const steps = variant.steps.map((s) => ({ ...s, day: shiftDay(s.day, shift), command: shiftDates(s.command, shift) }));
    const id = await driveTemplate(db, {
      districtId: d0,
      organisationId: templateOrg!.org_id,
      cast,
      steps,
      createdDay: shiftDay("2025-01-15", shift),
      title: `${ACTIVITIES[(v + b) % ACTIVITIES.length]} ${PLACES[(v * 3 + b) % PLACES.length]}`,
      periodStart: shiftDay("2025-05-01", shift),
      periodEnd: shiftDay("2026-04-30", shift),
    });
    transitions += steps.length;
    templates.push({ id, variant: v, bucket: b });
  });
  log(`${templates.length} templates, ${transitions} transitions in ${((performance.now() - templatesStarted) / 1000).toFixed(1)} s`);

  // ── Copies in SQL ──
  const [existingRow] = await pg<{ n: number }[]>`select count(*)::int as n from cases`;
  const existing = existingRow!.n;
  const copies = Math.max(0, TOTAL - existing);
  const weightSum = list.reduce((s, v) => s + v.weight, 0);
  const plan = templates.map((t) => ({ id: t.id, n: Math.floor((copies * list[t.variant]!.weight) / weightSum / BUCKETS) }));
  plan[plan.length - 1]!.n += copies - plan.reduce((s, p) => s + p.n, 0);
  log(`Copying the templates into ${copies} more cases …`);
  const copyStarted = performance.now();
  await pg.begin(async (tx) => {
    await tx`
      create temp table scale_district on commit drop as
      select x.idx - 1 as idx, x.id as district_id
      from unnest(${districtRows.map((d) => d.id)}::uuid[]) with ordinality as x(id, idx)`;
    await tx`
      create temp table scale_staff on commit drop as
      select x.district, x.grp, x.n, x.id
      from unnest(${staffRows.map((s) => s.district)}::int[], ${staffRows.map((s) => s.group)}::text[], ${staffRows.map((s) => s.n)}::int[],
        ${staffIds.map((s) => s.id)}::uuid[]) as x(district, grp, n, id)`;
    await tx`
      create temp table scale_refs on commit drop as
      select x.district, x.calls, x.areas from unnest(${districtRows.map((_d, i) => i)}::int[],
        ${callIds.map((c) => `{${c.join(",")}}`)}::text[], ${areaIds.map((a) => `{${a.join(",")}}`)}::text[]) as x(district, calls, areas)`;
    // g numbers the copies 0 … copies-1; the district, förening and people follow from it.
    await tx`
      create temp table scale_plan on commit drop as
      select x.template_id, x.n, coalesce(sum(x.n) over (order by x.o rows between unbounded preceding and 1 preceding), 0)::int as g0
      from unnest(${plan.map((p) => p.id)}::uuid[], ${plan.map((p) => p.n)}::int[]) with ordinality as x(template_id, n, o)`;
    await tx`
      create temp table scale_map on commit drop as
      select gen_random_uuid() as id, p.template_id, s.g, s.g % ${districtRows.length} as district
      from scale_plan p, generate_series(p.g0, p.g0 + p.n - 1) as s(g)`;
    await tx`
      create temp table scale_copy on commit drop as
      select m.id, m.template_id, m.g, d.district_id, o.org_id, o.contact_id, o.signatory_id, o.name as org_name,
        cw.id as caseworker_id, hu.id as head_id, di.id as director_id, re.id as registrar_id,
        (r.calls::uuid[])[1 + (m.g / 7) % 3] as call_id, (r.areas::uuid[])[1 + (m.g / 3) % 3] as area_id,
        make_interval(secs => ((m.g * 7919) % 28800)::double precision) as jitter,
        ${ACTIVITIES}::text[] as activities
      from scale_map m
      join scale_district d on d.idx = m.district
      join scale_org o on o.district = m.district and o.n = (m.g / ${districtRows.length}) % ${ORGANISATIONS_PER_DISTRICT}
      join scale_staff cw on cw.district = m.district and cw.grp = 'caseworker' and cw.n = 1 + (m.g / ${districtRows.length}) % ${CASEWORKERS_PER_DISTRICT}
      join scale_staff hu on hu.district = m.district and hu.grp = 'head' and hu.n = 1 + (m.g / 5) % ${HEADS_PER_DISTRICT}
      join scale_staff di on di.district = m.district and di.grp = 'director'
      join scale_staff re on re.district = m.district and re.grp = 'registrar'
      join scale_refs r on r.district = m.district`;
    await tx`create index on scale_copy (template_id)`;
    await tx`analyze scale_copy`;

    // Template people → the copy's people, in every column and in the snapshot's text.
    const person = (column: string) => `case ${column}
        when '${template.applicant}'::uuid then c.contact_id when '${template.signatory}'::uuid then c.signatory_id
        when '${template.caseworker}'::uuid then c.caseworker_id when '${template.headOfUnit}'::uuid then c.head_id
        when '${template.director}'::uuid then c.director_id when '${template.registrar}'::uuid then c.registrar_id
        else ${column} end`;
    const replaced = (text: string) =>
      [
        [template.applicant, "c.contact_id"],
        [template.signatory, "c.signatory_id"],
        [template.caseworker, "c.caseworker_id"],
        [template.headOfUnit, "c.head_id"],
        [template.director, "c.director_id"],
        [template.registrar, "c.registrar_id"],
        [templateOrg!.org_id, "c.org_id"],
        [d0, "c.district_id"],
      ].reduce((expr, [from, to]) => `replace(${expr}, '${from}', ${to}::text)`, text);
    const title = `c.activities[1 + (c.g / 11) % array_length(c.activities, 1)] || ' – ' || c.org_name`;

    await tx.unsafe(`
      insert into cases (id, district_id, organisation_id, title, diary_number, state, stage, machine_version, snapshot, revision,
        assigned_caseworker_id, outcome, previous_case_id, created_by_id, submitted_at, closed_at, created_at, updated_at)
      select c.id, c.district_id, c.org_id, ${title}, null, t.state, t.stage, t.machine_version,
        ${replaced("t.snapshot::text")}::jsonb, t.revision,
        ${person("t.assigned_caseworker_id")}, t.outcome, null, ${person("t.created_by_id")},
        t.submitted_at + c.jitter, t.closed_at + c.jitter, t.created_at + c.jitter, t.updated_at + c.jitter
      from scale_copy c join cases t on t.id = c.template_id`);
    log("  cases");
    await tx.unsafe(`
      insert into case_events (case_id, revision, actor_user_id, actor_roles, event_type, from_state, to_state, comment, payload, created_at)
      select c.id, e.revision, ${person("e.actor_user_id")}, e.actor_roles, e.event_type, e.from_state, e.to_state, e.comment,
        ${replaced("e.payload::text")}::jsonb, e.created_at + c.jitter
      from scale_copy c join case_events e on e.case_id = c.template_id`);
    log("  audit events");
    await tx.unsafe(`
      insert into case_deadlines (case_id, kind, due_on, cleared_at, created_at, updated_at)
      select c.id, d.kind, d.due_on, d.cleared_at + c.jitter, d.created_at + c.jitter, d.updated_at + c.jitter
      from scale_copy c join case_deadlines d on d.case_id = c.template_id`);
    await tx.unsafe(`
      insert into application_versions (case_id, version, status, content, revision, updated_by_id, submitted_at, submitted_by_id, created_at, updated_at)
      select c.id, a.version, a.status,
        a.content || jsonb_build_object('title', ${title}, 'callId', c.call_id, 'priorityAreaId', c.area_id),
        a.revision, ${person("a.updated_by_id")}, a.submitted_at + c.jitter, ${person("a.submitted_by_id")},
        a.created_at + c.jitter, a.updated_at + c.jitter
      from scale_copy c join application_versions a on a.case_id = c.template_id`);
    await tx.unsafe(`
      insert into reports (case_id, kind, period_index, version, status, content, financial, financial_submitted_at, review, revision,
        updated_by_id, submitted_at, created_at, updated_at)
      select c.id, r.kind, r.period_index, r.version, r.status, r.content, r.financial, r.financial_submitted_at + c.jitter,
        ${replaced("coalesce(r.review::text, 'null')")}::jsonb, r.revision, ${person("r.updated_by_id")}, r.submitted_at + c.jitter,
        r.created_at + c.jitter, r.updated_at + c.jitter
      from scale_copy c join reports r on r.case_id = c.template_id`);
    log("  deadlines, application versions, reports");
    // Diarienummer as allocateDiaryNumber gives them: per district and year of submission, gapless,
    // continuing after the templates' numbers.
    await tx.unsafe(`
      with numbered as (
        select c.id, d.code, y.year,
          coalesce(s.last_number, 0) + row_number() over (partition by c.district_id, y.year order by c.submitted_at, c.id) as n
        from cases c
        join districts d on d.id = c.district_id
        cross join lateral (select extract(year from c.submitted_at at time zone 'Europe/Stockholm')::int as year) y
        left join diary_sequences s on s.district_id = c.district_id and s.year = y.year
        where c.diary_number is null and c.submitted_at is not null
      )
      update cases set diary_number = numbered.code || ' ' || numbered.year || '/' || numbered.n
      from numbered where cases.id = numbered.id`);
    await tx.unsafe(`
      insert into diary_sequences (district_id, year, last_number)
      select district_id, split_part(split_part(diary_number, ' ', 2), '/', 1)::int, max(split_part(diary_number, '/', 2)::int)
      from cases where diary_number is not null group by 1, 2
      on conflict (district_id, year) do update set last_number = excluded.last_number, updated_at = now()`);
    log("  diarienummer");
  });
  log(`Copies written in ${((performance.now() - copyStarted) / 1000).toFixed(1)} s; vacuum analyze …`);
  // As autovacuum would by now: statistics for the planner, and the visibility map that lets the
  // queues' covering index answer without visiting the table.
  await pg`vacuum analyze`;

  const counts = await pg<{ t: string; n: number }[]>`
    select 'cases' as t, count(*)::int as n from cases union all select 'case_events', count(*)::int from case_events
    union all select 'case_deadlines', count(*)::int from case_deadlines union all select 'application_versions', count(*)::int from application_versions
    union all select 'reports', count(*)::int from reports union all select 'organisations', count(*)::int from organisations
    union all select 'users', count(*)::int from users`;
  const byState = await pg<{ state: string; n: number }[]>`select state, count(*)::int as n from cases group by state order by state`;
  console.log("");
  for (const s of byState) console.log(`  ${s.state.padEnd(48)} ${String(s.n).padStart(7)}`);
  console.log("");
  for (const c of counts) console.log(`  ${c.t.padEnd(22)} ${String(c.n).padStart(9)}`);
  const seconds = (performance.now() - started) / 1000;
  console.log("");
  console.log(`Log in as e.g. ${staffEmail("handlaggare", 1, "RK")} (password ${SCALE_PASSWORD}).`);
  console.log(
    `cases=${counts.find((c) => c.t === "cases")!.n} events=${counts.find((c) => c.t === "case_events")!.n} districts=${districtRows.length} templates=${templates.length} transitions=${transitions} seconds=${seconds.toFixed(1)}`,
  );
  await pg.end();
  await handle.close();
}

/**
 * One template case: created and driven step by step through the runtime, with the application
 * versions and reports the förening's and förvaltning's pages write next to the transitions.
 */
async function driveTemplate(
  db: Executor,
  input: {
    districtId: string;
    organisationId: string;
    cast: Cast;
    steps: LifecycleStep[];
    createdDay: string;
    title: string;
    periodStart: string;
    periodEnd: string;
  },
): Promise<string> {
  const applicant = input.cast.applicant.kind === "user" ? input.cast.applicant.id : null;
  const caseworker = input.cast.caseworker.kind === "user" ? input.cast.caseworker.id : null;
  const created = dayTime(input.createdDay);
  const caseId = await createCase({
    organisationId: input.organisationId,
    districtId: input.districtId,
    title: input.title,
    createdById: applicant,
    now: created,
  });
  const content = applicationContent(input.periodStart, input.periodEnd, input.title);
  await db.insert(applicationVersions).values({ caseId, version: 1, content, updatedById: applicant, createdAt: created, updatedAt: created });
  let version = 1;
  let periodIndex = 0;
  const reportContent = {
    narrative: "Verksamheten har haft öppet tre kvällar i veckan.",
    activities: [{ name: "Öppen verksamhet", participantsWomen: 40, participantsMen: 52, participantsOther: 3 }],
  };
  for (const step of input.steps) {
    const now = dayTime(step.day);
    const result = await transitionCase({ caseId, command: step.command, actor: input.cast[step.actor], now });
    if (!result.ok) throw new Error(`${step.name}: ${result.message}`);
    if (result.state !== step.state) throw new Error(`${step.name}: landed in ${result.state}, expected ${step.state}`);
    const submitVersion = () =>
      db
        .update(applicationVersions)
        .set({ status: "submitted", submittedAt: now, submittedById: applicant, updatedAt: now })
        .where(and(eq(applicationVersions.caseId, caseId), eq(applicationVersions.version, version)));
    const latestReport = async (kind: string) =>
      db
        .update(reports)
        .set({ status: "submitted", submittedAt: now, updatedAt: now })
        .where(and(eq(reports.caseId, caseId), eq(reports.kind, kind), eq(reports.periodIndex, kind === "final" ? 0 : periodIndex)));
    switch (step.command.type) {
      case "SUBMIT":
      case "RESUBMIT":
        await submitVersion();
        break;
      case "REQUEST_COMPLETION":
        version++;
        await db.insert(applicationVersions).values({ caseId, version, content, updatedById: applicant, createdAt: now, updatedAt: now });
        break;
      case "SUBMIT_REPORT":
        await db.insert(reports).values({
          caseId, kind: "period", periodIndex, version: 1, status: "submitted", content: reportContent,
          updatedById: applicant, submittedAt: now, createdAt: now, updatedAt: now,
        });
        break;
      case "REQUEST_REPORT_COMPLETION":
        await db.insert(reports).values({
          caseId, kind: "period", periodIndex, version: 2, content: reportContent, updatedById: applicant, createdAt: now, updatedAt: now,
        });
        break;
      case "RESUBMIT_REPORT":
        await latestReport("period");
        break;
      case "APPROVE_REPORT":
        await db
          .update(reports)
          .set({ review: { addedValue: "Verksamheten når unga som förvaltningen inte når.", reviewedBy: caseworker }, updatedAt: now })
          .where(and(eq(reports.caseId, caseId), eq(reports.kind, "period"), eq(reports.periodIndex, periodIndex)));
        periodIndex++;
        break;
      case "SUBMIT_FINAL_REPORT":
        await db.insert(reports).values({
          caseId, kind: "final", periodIndex: 0, version: 1, status: "submitted",
          content: { goalFulfilment: "Målen för deltagande har nåtts.", lessonsLearned: "Fler tjejer kom när vi hade egna kvällar." },
          updatedById: applicant, submittedAt: now, createdAt: now, updatedAt: now,
        });
        break;
    }
  }
  return caseId;
}

await main();
