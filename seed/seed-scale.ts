/**
 * npm run seed:scale — 100 000 cases over 14 districts in every stage of the lifecycle, for
 * bench/queues.ts. Env: DATABASE_URL (required: a PostgreSQL server and a database of its own, e.g.
 * `createdb -h 127.0.0.1 -U postgres iop_scale`), SCALE_CASES (100000), SCALE_RESET=true (empty a
 * database that already holds scale data and seed again).
 *
 * Fast because only a few hundred cases go through the runtime. This script makes the districts, staff
 * and föreningar; seed/seed-scale-templates.ts drives ONE template case per stage of the lifecycle and
 * date bucket through the real runtime; seed/seed-scale-copies.ts copies the templates in SQL into all
 * the other cases, each with its own people, times and diarienummer. So the rows are exactly what the
 * app writes, only many of them.
 */
import postgres from "postgres";
import { openDatabase, installDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { type Cast } from "./case-factory";
import { calls, priorityAreas } from "../db/schema";
import { userActor } from "../app/cases/case-roles";
import { hashPassword } from "../app/auth/password.server";
import { withCheckDigit } from "../app/domain/organisation-number";
import { SCALE_DISTRICTS, SCALE_EMAIL_DOMAIN, SCALE_PASSWORD, organisationName, staffEmail } from "./seed-scale-names";
import { BUCKETS, driveTemplates, variants } from "./seed-scale-templates";
import { copyTemplates } from "./seed-scale-copies";

const TOTAL = Number(process.env.SCALE_CASES ?? 100_000);
const ORGANISATIONS_PER_DISTRICT = 500;
const CASEWORKERS_PER_DISTRICT = 12;
const HEADS_PER_DISTRICT = 2;

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
  const staff = staffRows.map((s, i) => ({ ...s, id: staffIds[i]!.id }));
  const staffOf = (district: number, group: string) => staff.filter((s) => s.district === district && s.group === group).map((s) => s.id);

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
  await pg`insert into organisations (id, name, organisation_number, email, city, verified_at) select org_id, name, number, email, 'Stockholm', now() from scale_org`;
  await pg`
    insert into users (id, email, name, password_hash, email_verified_at)
    select contact_id, 'kontakt-' || district || '-' || n || ${`@${SCALE_EMAIL_DOMAIN}`}, 'Kontaktperson ' || name, ${passwordHash}, now() from scale_org
    union all
    select signatory_id, 'firmatecknare-' || district || '-' || n || ${`@${SCALE_EMAIL_DOMAIN}`}, 'Firmatecknare ' || name, ${passwordHash}, now() from scale_org`;
  await pg`
    insert into organisation_memberships (user_id, organisation_id, role, accepted_at)
    select contact_id, org_id, 'contact_person'::organisation_role, now() from scale_org
    union all select signatory_id, org_id, 'signatory'::organisation_role, now() from scale_org`;

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
  const templatesStarted = performance.now();
  log(`Driving ${list.length} variants × ${BUCKETS} date buckets through the runtime …`);
  const { templates, transitions } = await driveTemplates(db, { list, districtId: d0, organisationId: templateOrg!.org_id, cast, today });
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
  await copyTemplates(pg, {
    plan,
    template: { ...template, organisation: templateOrg!.org_id, district: d0 },
    districtIds: districtRows.map((d) => d.id),
    staff,
    callIds,
    areaIds,
    organisationsPerDistrict: ORGANISATIONS_PER_DISTRICT,
    caseworkersPerDistrict: CASEWORKERS_PER_DISTRICT,
    headsPerDistrict: HEADS_PER_DISTRICT,
    log,
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

await main();
