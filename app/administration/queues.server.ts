/**
 * The förvaltning's queues: one district's open cases, filtered, searched and paged by keyset (never
 * OFFSET: page 40 costs what page 1 costs, and a case that moves between two clicks is neither
 * skipped nor shown twice).
 *
 * Indexes (migration 0009). cases_queue_covering (district_id, stage, state, assignee, updated_at, id,
 * and every other column a page and the counts read) answers the stage/state conditions with an
 * index-only scan that never fetches the wide rows (the snapshot); cases_district_updated
 * (district_id, updated_at, id) serves the default order "senast ändrad först", so a large queue
 * reads its page in order instead of sorting every open case; "mina" uses cases_assigned
 * (assigned_caseworker_id, stage). Per-row lookups (next deadline, report deadlines, latest
 * application version) go through case_deadlines_case_open and application_versions_case_version.
 * test/integration/forvaltning-queue-indexes.test.ts checks on every run that no queue falls back to
 * a sequential scan of cases (SHOW_PLANS=1 prints the plans); bench/queues.ts does the same on
 * 100 000 cases (npm run seed:scale).
 */
import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { getDb, type Executor } from "../../db/client";
import { jsonList, rowsOf } from "../../db/rows";
import {
  applicationVersions,
  calls,
  caseDeadlines,
  cases,
  districtMemberships,
  districts,
  organisations,
  priorityAreas,
  users,
} from "../../db/schema";
import type { DistrictRole } from "../auth/roles";
import { describeState } from "../cases/status-text";
import { stockholmDate } from "../utils/time";
import {
  OPEN_STAGES,
  QUEUE_KEYS,
  QUEUE_STATES,
  REPORT_DEADLINE_KINDS,
  SORTS,
  attestationStatesFor,
  defaultSort,
  type QueueKey,
  type QueueQuery,
  type QueueRow,
  type SortKey,
} from "./queue-definitions";

export type { QueueRow };

export interface QueueViewer {
  userId: string;
  districtId: string;
  roles: readonly DistrictRole[];
}

export const PAGE_SIZE = 25;

const ATTESTATION_STAGES = ["review", "finalReport"];

/** The open deadline due first: the komplettering, report or final report the case waits for. */
const nextDue = sql<string | null>`(select min(${caseDeadlines.dueOn}) from ${caseDeadlines}
  where ${caseDeadlines.caseId} = ${cases.id} and ${caseDeadlines.clearedAt} is null)`;

/** The latest application version's content (the förening's newest words, submitted or not). */
const latestContent = sql`(select ${applicationVersions.content} from ${applicationVersions}
  where ${applicationVersions.caseId} = ${cases.id} order by ${applicationVersions.version} desc limit 1)`;

const hasOpenReportDeadline = sql`exists (select 1 from ${caseDeadlines}
  where ${caseDeadlines.caseId} = ${cases.id} and ${caseDeadlines.clearedAt} is null
  and ${caseDeadlines.kind} in (${sql.join(REPORT_DEADLINE_KINDS.map((k) => sql`${k}`), sql`, `)}))`;

/**
 * Sort keys as one text each, compared byte by byte (collate "C"), so the keyset condition is a
 * single row comparison and the cursor is a plain string in the URL.
 */
const SORT_EXPRESSIONS: Record<SortKey, SQL<string>> = {
  uppdaterad: sql<string>`(to_char(${cases.updatedAt} at time zone 'UTC', 'YYYYMMDDHH24MISSUS') collate "C")`,
  // "RK 2026/12": year, then the number, zero-padded so that /12 comes after /2.
  diarienummer: sql<string>`((lpad(coalesce(substring(${cases.diaryNumber} from '(\\d{4})/'), '0'), 4, '0')
    || lpad(coalesce(substring(${cases.diaryNumber} from '/(\\d+)$'), '0'), 10, '0')) collate "C")`,
  frist: sql<string>`(coalesce(${nextDue}, '9999-12-31') collate "C")`,
};

/** "20261130023500123456" (the uppdaterad key) → "2026-11-30T02:35:00.123456Z"; null if malformed. */
function timestampOfKey(key: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{6})$/.exec(key);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z` : null;
}

function queueCondition(queue: QueueKey, viewer: QueueViewer): SQL {
  switch (queue) {
    case "ny":
    case "komplettering":
    case "beslut": {
      const { stages, states } = QUEUE_STATES[queue];
      return and(inArray(cases.stage, [...stages]), inArray(cases.state, [...states]))!;
    }
    case "mina":
      return and(eq(cases.assignedCaseworkerId, viewer.userId), inArray(cases.stage, [...OPEN_STAGES]))!;
    case "attestering": {
      const states = attestationStatesFor(viewer.roles);
      if (states.length === 0) return sql`false`;
      return and(inArray(cases.stage, ATTESTATION_STAGES), inArray(cases.state, states))!;
    }
    case "rapporter":
      return and(inArray(cases.stage, [...QUEUE_STATES.rapporter.stages]), hasOpenReportDeadline)!;
    case "alla":
      return inArray(cases.stage, [...OPEN_STAGES]);
  }
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Where a search looks: every case of the district the förvaltning can see (open or closed), whatever
 * tab is open, so a diarienummer is found from "Mina ärenden" too. The stage list keeps the condition
 * on (district_id, stage), which cases_queue_covering serves.
 */
const SEARCHED_STAGES = [...OPEN_STAGES, "closed"];

/** The queues a case is in, for the column "Finns i" ("alla" left out: every open case is there). */
const queuesOf = (viewer: QueueViewer) =>
  sql<string[]>`array_remove(array[${sql.join(
    QUEUE_KEYS.filter((q) => q !== "alla").map((q) => sql`case when ${queueCondition(q, viewer)} then ${q}::text end`),
    sql`, `,
  )}], null)`;

function filterConditions(query: QueueQuery): SQL[] {
  const conditions: SQL[] = [];
  if (query.skede) conditions.push(eq(cases.stage, query.skede));
  if (query.handlaggare === "ingen") conditions.push(isNull(cases.assignedCaseworkerId));
  else if (query.handlaggare) conditions.push(eq(cases.assignedCaseworkerId, query.handlaggare));
  if (query.utlysning) conditions.push(sql`(${latestContent} ->> 'callId') = ${query.utlysning}::text`);
  if (query.omrade) conditions.push(sql`(${latestContent} ->> 'priorityAreaId') = ${query.omrade}::text`);
  if (query.ar) {
    // Periods are inclusive; a case belongs to every year its period touches.
    conditions.push(sql`(${latestContent} ->> 'periodStart') <= ${`${query.ar}-12-31`}::text`);
    conditions.push(sql`(${latestContent} ->> 'periodEnd') >= ${`${query.ar}-01-01`}::text`);
  }
  if (query.fristFore) conditions.push(sql`${nextDue} < ${query.fristFore}::text`);
  if (query.sok) {
    const pattern = likePattern(query.sok);
    const digits = query.sok.replace(/\D/g, "");
    // "rk2026/1" finds "RK 2026/1": spaces do not count in a diarienummer, nor does case.
    const compact = query.sok.replace(/\s+/g, "");
    const matches: SQL[] = [
      ilike(cases.diaryNumber, pattern),
      sql`replace(${cases.diaryNumber}, ' ', '') ilike ${likePattern(compact)}::text`,
      ilike(organisations.name, pattern),
      ilike(organisations.organisationNumber, pattern),
    ];
    // 8999000303 finds 899900-0303: people type organisationsnummer with or without the hyphen.
    if (digits.length >= 4) {
      matches.push(sql`replace(${organisations.organisationNumber}, '-', '') like ${likePattern(digits)}::text`);
    }
    conditions.push(or(...matches)!);
  }
  return conditions;
}

export interface QueuePage {
  queue: QueueKey;
  sort: SortKey;
  rows: QueueRow[];
  /** The cursor of the last row, when there is a next page. */
  next: { efter: string; efterId: string } | null;
}

function queueSelect(
  db: Executor,
  viewer: QueueViewer,
  queue: QueueKey,
  query: QueueQuery,
  pageSize: number,
) {
  const sort = query.sortera ?? defaultSort(queue);
  const key = SORT_EXPRESSIONS[sort];
  const descending = SORTS[sort].direction === "desc";
  const conditions = [
    eq(cases.districtId, viewer.districtId),
    // A withdrawn draft is closed but was never sent in (no diarienummer): not the förvaltning's to find.
    query.sok ? and(inArray(cases.stage, SEARCHED_STAGES), isNotNull(cases.diaryNumber)) : queueCondition(queue, viewer),
    ...filterConditions(query),
  ];
  // "uppdaterad" orders by the column itself, so cases_district_updated serves it in order; the
  // cursor still travels as the text key and is turned back into a timestamp here.
  const updatedCursor = sort === "uppdaterad" && query.efter !== undefined ? timestampOfKey(query.efter) : null;
  const order: SQL = sort === "uppdaterad" ? sql`${cases.updatedAt}` : key;
  if (query.efter !== undefined && query.efterId && (sort !== "uppdaterad" || updatedCursor)) {
    const cursorKey = sort === "uppdaterad" ? sql`${updatedCursor}::timestamptz` : sql`${query.efter}::text collate "C"`;
    const cursor = sql`(${cursorKey}, ${query.efterId}::uuid)`;
    conditions.push(descending ? sql`(${order}, ${cases.id}) < ${cursor}` : sql`(${order}, ${cases.id}) > ${cursor}`);
  }
  const select = db
    .select({
      id: cases.id,
      revision: cases.revision,
      diaryNumber: cases.diaryNumber,
      title: cases.title,
      state: cases.state,
      outcome: cases.outcome,
      organisationName: organisations.name,
      organisationNumber: organisations.organisationNumber,
      organisationVerified: sql<boolean>`${organisations.verifiedAt} is not null`,
      assigneeName: users.name,
      updatedAt: cases.updatedAt,
      nextDue,
      queues: queuesOf(viewer),
      sortKey: key,
    })
    .from(cases)
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .leftJoin(users, eq(users.id, cases.assignedCaseworkerId))
    .where(and(...conditions))
    .orderBy(...(descending ? [desc(order), desc(cases.id)] : [asc(order), asc(cases.id)]))
    .limit(pageSize + 1);
  return { select, sort };
}

export async function listQueue(
  viewer: QueueViewer,
  queue: QueueKey,
  query: QueueQuery,
  options: { pageSize?: number; today?: string } = {},
): Promise<QueuePage> {
  const db = await getDb();
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const today = options.today ?? stockholmDate(new Date());
  const { select, sort } = queueSelect(db, viewer, queue, query, pageSize);
  const rows = await select;
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    queue,
    sort,
    rows: page.map((r) => ({
      id: r.id,
      revision: r.revision,
      diaryNumber: r.diaryNumber,
      title: r.title,
      state: r.state,
      status: describeState(r.state, "administration", r.outcome).label,
      organisationName: r.organisationName,
      organisationNumber: r.organisationNumber,
      organisationVerified: r.organisationVerified,
      assigneeName: r.assigneeName,
      updatedAt: r.updatedAt.toISOString(),
      nextDue: r.nextDue,
      overdue: r.nextDue !== null && r.nextDue < today,
      queues: (r.queues ?? []) as QueueKey[],
      closed: r.state === "closed",
    })),
    next: rows.length > pageSize && last ? { efter: last.sortKey, efterId: last.id } : null,
  };
}

/**
 * The SQL and parameters of a queue page and of the counts, exactly as listQueue and countQueues send
 * them: bench/queues.ts runs them bare from a minimal HTTP handler as the floor.
 */
export function queueStatements(db: Executor, viewer: QueueViewer, queue: QueueKey, query: QueueQuery) {
  return {
    page: queueSelect(db, viewer, queue, query, PAGE_SIZE).select.toSQL(),
    counts: countSelect(db, viewer).toSQL(),
  };
}

/** The plan PostgreSQL chooses for a queue page, one line per row: for the index checks. */
export async function explainQueue(db: Executor, viewer: QueueViewer, queue: QueueKey, query: QueueQuery = {}) {
  const { select } = queueSelect(db, viewer, queue, query, PAGE_SIZE);
  const rows = rowsOf<Record<string, string>>(await db.execute(sql`explain ${select}`));
  return rows.map((r) => Object.values(r)[0] ?? "").join("\n");
}

function countSelect(db: Executor, viewer: QueueViewer) {
  const counted = Object.fromEntries(
    QUEUE_KEYS.map((queue) => [queue, sql<number>`count(*) filter (where ${queueCondition(queue, viewer)})`.mapWith(Number)]),
  ) as Record<QueueKey, SQL.Aliased<number> | SQL<number>>;
  return db
    .select(counted)
    .from(cases)
    .where(and(eq(cases.districtId, viewer.districtId), inArray(cases.stage, [...OPEN_STAGES])));
}

/** How many cases each queue holds, in one pass over the district's open cases. */
export async function countQueues(viewer: QueueViewer): Promise<Record<QueueKey, number>> {
  const db = await getDb();
  const [row] = await countSelect(db, viewer);
  return Object.fromEntries(QUEUE_KEYS.map((queue) => [queue, Number(row?.[queue] ?? 0)])) as Record<QueueKey, number>;
}

export interface Option {
  value: string;
  label: string;
}

/** The district's handläggare: for the filter and for "Fördela till". */
export async function listCaseworkers(districtId: string): Promise<Option[]> {
  const db = await getDb();
  const rows = await db
    .selectDistinct({ id: users.id, name: users.name })
    .from(districtMemberships)
    .innerJoin(users, eq(users.id, districtMemberships.userId))
    .where(
      and(
        eq(districtMemberships.districtId, districtId),
        eq(districtMemberships.role, "caseworker"),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(users.name, users.id);
  return rows.map((r) => ({ value: r.id, label: r.name }));
}

/**
 * The choices of the queue's filters, in one statement: the page waits for them alongside the queue
 * itself, and three separate reads cost three round trips' worth of work for a few dozen rows.
 */
export async function loadQueueFilterOptions(districtId: string): Promise<{
  caseworkers: Option[];
  calls: Option[];
  priorityAreas: Option[];
}> {
  const db = await getDb();
  const option = (value: SQL | AnyColumn, label: SQL | AnyColumn) => sql`json_build_object('value', ${value}, 'label', ${label})`;
  const caseworkers = db
    .select({ list: sql`json_agg(${option(users.id, users.name)} order by ${users.name}, ${users.id})` })
    .from(users)
    .where(
      and(
        isNull(users.disabledAt),
        inArray(
          users.id,
          db
            .select({ id: districtMemberships.userId })
            .from(districtMemberships)
            .where(and(eq(districtMemberships.districtId, districtId), eq(districtMemberships.role, "caseworker"))),
        ),
      ),
    );
  const callList = db
    .select({ list: sql`json_agg(${option(calls.id, calls.title)} order by ${calls.closesOn} desc)` })
    .from(calls)
    .where(eq(calls.districtId, districtId));
  const areaList = db
    .select({ list: sql`json_agg(${option(priorityAreas.id, priorityAreas.name)} order by ${priorityAreas.name})` })
    .from(priorityAreas)
    .where(eq(priorityAreas.districtId, districtId));
  const [row] = await db
    .select({
      caseworkers: jsonList<Option>(caseworkers),
      calls: jsonList<Option>(callList),
      priorityAreas: jsonList<Option>(areaList),
    })
    .from(districts)
    .where(eq(districts.id, districtId));
  return row ?? { caseworkers: [], calls: [], priorityAreas: [] };
}
