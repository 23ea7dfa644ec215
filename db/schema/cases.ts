import { sql } from "drizzle-orm";
import {
  bigserial,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  integer,
} from "drizzle-orm/pg-core";

import { timestamps } from "./timestamps";
import { districts, organisations, users } from "./accounts";

/**
 * One partnership (ärende) from draft application to closure. The machine's snapshot is the truth;
 * `state`, `stage`, `assignedCaseworkerId` and `outcome` are denormalised from it for queues.
 */
export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id").notNull().references(() => districts.id),
    organisationId: uuid("organisation_id").notNull().references(() => organisations.id),
    title: text("title").notNull(),
    /** Diarienummer, e.g. "RK 2026/12": assigned at first submission, gapless per district and year. */
    diaryNumber: text("diary_number").unique(),
    /** Dotted state path, e.g. "review.attestation.awaitingHeadOfUnit". */
    state: text("state").notNull(),
    /** Top-level state: application, review, decision, agreement, followUp, finalReport, closed. */
    stage: text("stage").notNull(),
    machineVersion: integer("machine_version").notNull(),
    snapshot: jsonb("snapshot").notNull(),
    /** Bumped by every transition; a write with a stale revision is refused. */
    revision: integer("revision").notNull().default(0),
    assignedCaseworkerId: uuid("assigned_caseworker_id").references(() => users.id),
    outcome: text("outcome"),
    /** The case this one renegotiates (seed 000: several agreements in one line). */
    previousCaseId: uuid("previous_case_id"),
    createdById: uuid("created_by_id").references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true, mode: "date" }),
    closedAt: timestamp("closed_at", { withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [
    // "Senast ändrad först", the default order: a page reads its 26 rows from here in order instead
    // of sorting every open case of the district.
    index("cases_district_updated").on(t.districtId, t.updatedAt, t.id),
    index("cases_organisation").on(t.organisationId, t.updatedAt),
    index("cases_assigned").on(t.assignedCaseworkerId, t.stage),
    index("cases_previous").on(t.previousCaseId),
    // The queues' index: every column a queue page and the counts read, so PostgreSQL answers them
    // with an index-only scan over the district's open cases instead of fetching each wide row (the
    // snapshot) from the heap. On 100 000 cases (bench/queues.ts) that is what keeps a page fast.
    index("cases_queue_covering").on(
      t.districtId,
      t.stage,
      t.state,
      t.assignedCaseworkerId,
      t.updatedAt,
      t.id,
      t.organisationId,
      t.revision,
      t.outcome,
      t.diaryNumber,
      t.title,
    ),
  ],
);

/** The audit trail: one row per transition, append-only (a trigger refuses UPDATE, DELETE, TRUNCATE). */
export const caseEvents = pgTable(
  "case_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    /** The case's revision after this event: 1, 2, 3 … */
    revision: integer("revision").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    actorRoles: text("actor_roles").array().notNull(),
    eventType: text("event_type").notNull(),
    fromState: text("from_state"),
    toState: text("to_state").notNull(),
    comment: text("comment"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("case_events_case_revision").on(t.caseId, t.revision)],
);

/** The last diarienummer used per district and year; its row lock serialises allocation. */
export const diarySequences = pgTable(
  "diary_sequences",
  {
    districtId: uuid("district_id").notNull().references(() => districts.id),
    year: integer("year").notNull(),
    lastNumber: integer("last_number").notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex("diary_sequences_pk").on(t.districtId, t.year)],
);

/** Deadlines the machine sets and clears (komplettering, reports, final report); reminders read these. */
export const caseDeadlines = pgTable(
  "case_deadlines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    kind: text("kind").notNull(),
    dueOn: text("due_on").notNull(),
    clearedAt: timestamp("cleared_at", { withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [
    index("case_deadlines_open").on(t.kind, t.dueOn).where(sql`${t.clearedAt} is null`),
    // Not unique: one statement clears the old deadline of a kind and adds the new one, and
    // PostgreSQL would check a unique index before the clearing is visible.
    index("case_deadlines_case").on(t.caseId, t.kind),
    // A case's open deadlines (the queues' next due date and "has a report due"), index-only.
    index("case_deadlines_case_open").on(t.caseId, t.kind, t.dueOn).where(sql`${t.clearedAt} is null`),
  ],
);

