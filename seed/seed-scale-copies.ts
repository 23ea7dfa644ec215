/**
 * The scale seed's copies (seed/seed-scale.ts): every case but the templates, made in SQL (INSERT …
 * SELECT over generate_series) from the templates of seed/seed-scale-templates.ts. Each copy has its own
 * id, district, förening, handläggare and chefer (user ids replaced in the snapshot too), a time of
 * day of its own, and a diarienummer allocated per district and year afterwards, gapless like
 * allocateDiaryNumber. Not copied: the e-mail outbox (the worker would send 100 000 cases' mail).
 * Expects the session's temp table scale_org (the föreningar and their people) that the seed made.
 */
import type postgres from "postgres";
import { ACTIVITIES } from "./seed-scale-names";

/** The template's people and places, each replaced by the copy's own. */
export interface TemplatePeople {
  applicant: string;
  signatory: string;
  caseworker: string;
  headOfUnit: string;
  director: string;
  registrar: string;
  organisation: string;
  district: string;
}

export interface CopyInput {
  /** How many copies of each template. */
  plan: { id: string; n: number }[];
  template: TemplatePeople;
  districtIds: string[];
  staff: { district: number; group: string; n: number; id: string }[];
  callIds: string[][];
  areaIds: string[][];
  organisationsPerDistrict: number;
  caseworkersPerDistrict: number;
  headsPerDistrict: number;
  log: (message: string) => void;
}

export async function copyTemplates(pg: postgres.Sql, input: CopyInput): Promise<void> {
  const { template, staff } = input;
  const districts = input.districtIds.length;
  await pg.begin(async (tx) => {
    await tx`
      create temp table scale_district on commit drop as
      select x.idx - 1 as idx, x.id as district_id
      from unnest(${input.districtIds}::uuid[]) with ordinality as x(id, idx)`;
    await tx`
      create temp table scale_staff on commit drop as
      select x.district, x.grp, x.n, x.id
      from unnest(${staff.map((s) => s.district)}::int[], ${staff.map((s) => s.group)}::text[], ${staff.map((s) => s.n)}::int[],
        ${staff.map((s) => s.id)}::uuid[]) as x(district, grp, n, id)`;
    await tx`
      create temp table scale_refs on commit drop as
      select x.district, x.calls, x.areas from unnest(${input.districtIds.map((_d, i) => i)}::int[],
        ${input.callIds.map((c) => `{${c.join(",")}}`)}::text[], ${input.areaIds.map((a) => `{${a.join(",")}}`)}::text[]) as x(district, calls, areas)`;
    // g numbers the copies 0 … copies-1; the district, förening and people follow from it.
    await tx`
      create temp table scale_plan on commit drop as
      select x.template_id, x.n, coalesce(sum(x.n) over (order by x.o rows between unbounded preceding and 1 preceding), 0)::int as g0
      from unnest(${input.plan.map((p) => p.id)}::uuid[], ${input.plan.map((p) => p.n)}::int[]) with ordinality as x(template_id, n, o)`;
    await tx`
      create temp table scale_map on commit drop as
      select gen_random_uuid() as id, p.template_id, s.g, s.g % ${districts} as district
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
      join scale_org o on o.district = m.district and o.n = (m.g / ${districts}) % ${input.organisationsPerDistrict}
      join scale_staff cw on cw.district = m.district and cw.grp = 'caseworker' and cw.n = 1 + (m.g / ${districts}) % ${input.caseworkersPerDistrict}
      join scale_staff hu on hu.district = m.district and hu.grp = 'head' and hu.n = 1 + (m.g / 5) % ${input.headsPerDistrict}
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
        [template.organisation, "c.org_id"],
        [template.district, "c.district_id"],
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
    input.log("  cases");
    await tx.unsafe(`
      insert into case_events (case_id, revision, actor_user_id, actor_roles, event_type, from_state, to_state, comment, payload, created_at)
      select c.id, e.revision, ${person("e.actor_user_id")}, e.actor_roles, e.event_type, e.from_state, e.to_state, e.comment,
        ${replaced("e.payload::text")}::jsonb, e.created_at + c.jitter
      from scale_copy c join case_events e on e.case_id = c.template_id`);
    input.log("  audit events");
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
    input.log("  deadlines, application versions, reports");
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
    input.log("  diarienummer");
  });
}
