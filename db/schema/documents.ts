import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  integer,
} from "drizzle-orm/pg-core";

import { timestamps } from "./timestamps";
import { districts, users } from "./accounts";
import { cases } from "./cases";

/** A district's prioriterade områden for IOP (seed 004). */
export const priorityAreas = pgTable(
  "priority_areas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id").notNull().references(() => districts.id),
    name: text("name").notNull(),
    description: text("description"),
    active: boolean("active").notNull().default(true),
    ...timestamps,
  },
  (t) => [index("priority_areas_district").on(t.districtId)],
);

/** A call for applications (utlysning) with its application window and the period it funds. */
export const calls = pgTable(
  "calls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id").notNull().references(() => districts.id),
    title: text("title").notNull(),
    description: text("description"),
    /** Application window, inclusive dates YYYY-MM-DD. */
    opensOn: text("opens_on").notNull(),
    closesOn: text("closes_on").notNull(),
    /** The period the funded activity must fall within, if the call limits it. */
    periodEarliestStart: text("period_earliest_start"),
    periodLatestEnd: text("period_latest_end"),
    priorityAreaIds: uuid("priority_area_ids").array().notNull().default(sql`'{}'::uuid[]`),
    ...timestamps,
  },
  (t) => [index("calls_district").on(t.districtId, t.closesOn)],
);

export const documentStatus = pgEnum("document_status", ["draft", "submitted"]);

/**
 * Every version of an application. A submitted version is never changed; a komplettering starts a new
 * draft version copied from the last one. `revision` guards a draft against a stale save.
 */
export const applicationVersions = pgTable(
  "application_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    version: integer("version").notNull(),
    status: documentStatus("status").notNull().default("draft"),
    content: jsonb("content").$type<Record<string, unknown>>().notNull().default({}),
    revision: integer("revision").notNull().default(1),
    updatedById: uuid("updated_by_id").references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true, mode: "date" }),
    submittedById: uuid("submitted_by_id").references(() => users.id),
    ...timestamps,
  },
  (t) => [uniqueIndex("application_versions_case_version").on(t.caseId, t.version)],
);

/** Files stored outside the web root (DATA_DIR/uploads or UPLOAD_DIR), served only to those allowed. */
export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    /** What it belongs to: application, periodReport, finalReport, agreement, statement, meeting. */
    ownerKind: text("owner_kind").notNull(),
    /** The owning row (an application version, a report …), when there is one. */
    ownerId: uuid("owner_id"),
    fileName: text("file_name").notNull(),
    /** Detected from the content, never taken from the name or the browser. */
    mediaType: text("media_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull().unique(),
    /** association or administration: who uploaded it. */
    side: text("side").notNull(),
    uploadedById: uuid("uploaded_by_id").references(() => users.id),
    deletedAt: timestamp("deleted_at", { withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [index("attachments_case").on(t.caseId, t.ownerKind)],
);

/** Internal notes: förvaltning staff only, never shown to the förening or exported. */
export const caseNotes = pgTable(
  "case_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    authorId: uuid("author_id").notNull().references(() => users.id),
    body: text("body").notNull(),
    ...timestamps,
  },
  (t) => [index("case_notes_case").on(t.caseId, t.createdAt)],
);

/** The handläggare's assessment against the IOP criteria (app/domain/statement.ts). */
export const assessments = pgTable("assessments", {
  id: uuid("id").primaryKey().defaultRandom(),
  caseId: uuid("case_id").notNull().references(() => cases.id).unique(),
  content: jsonb("content").$type<Record<string, unknown>>().notNull().default({}),
  revision: integer("revision").notNull().default(1),
  updatedById: uuid("updated_by_id").references(() => users.id),
  ...timestamps,
});

/** Tjänsteutlåtanden, versioned; `stage` is application or finalReport. */
export const statements = pgTable(
  "statements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    stage: text("stage").notNull(),
    version: integer("version").notNull(),
    status: documentStatus("status").notNull().default("draft"),
    content: jsonb("content").$type<Record<string, unknown>>().notNull().default({}),
    authorId: uuid("author_id").references(() => users.id),
    revision: integer("revision").notNull().default(1),
    submittedAt: timestamp("submitted_at", { withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [uniqueIndex("statements_case_stage_version").on(t.caseId, t.stage, t.version)],
);

/** The överenskommelse being drafted and, once signed, in force (app/domain/agreement.ts). */
export const agreements = pgTable("agreements", {
  id: uuid("id").primaryKey().defaultRandom(),
  caseId: uuid("case_id").notNull().references(() => cases.id).unique(),
  content: jsonb("content").$type<Record<string, unknown>>().notNull().default({}),
  revision: integer("revision").notNull().default(1),
  updatedById: uuid("updated_by_id").references(() => users.id),
  ...timestamps,
});

/** Comments on the agreement draft, from either side: both can read them. */
export const agreementComments = pgTable(
  "agreement_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    authorId: uuid("author_id").notNull().references(() => users.id),
    side: text("side").notNull(),
    body: text("body").notNull(),
    ...timestamps,
  },
  (t) => [index("agreement_comments_case").on(t.caseId, t.createdAt)],
);

/**
 * Reports from the förening: `kind` period (yearly/tertial, with `periodIndex`) or final. Versioned
 * like applications; the financial part may be submitted later than the activity part.
 */
export const reports = pgTable(
  "reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    kind: text("kind").notNull(),
    periodIndex: integer("period_index").notNull().default(0),
    version: integer("version").notNull().default(1),
    status: documentStatus("status").notNull().default("draft"),
    content: jsonb("content").$type<Record<string, unknown>>().notNull().default({}),
    financial: jsonb("financial").$type<Record<string, unknown>>(),
    financialSubmittedAt: timestamp("financial_submitted_at", { withTimezone: true, mode: "date" }),
    /** The förvaltning's review: its view of the mervärde (ReportReview). */
    review: jsonb("review").$type<Record<string, unknown>>(),
    revision: integer("revision").notNull().default(1),
    updatedById: uuid("updated_by_id").references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [uniqueIndex("reports_case_kind_period_version").on(t.caseId, t.kind, t.periodIndex, t.version)],
);

/** Styrgrupp and arbetsgrupp meetings per IOP, with minutes (minnesanteckningar). */
export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    kind: text("kind").notNull(),
    heldOn: text("held_on").notNull(),
    participants: text("participants").notNull(),
    minutes: text("minutes").notNull(),
    createdById: uuid("created_by_id").references(() => users.id),
    ...timestamps,
  },
  (t) => [index("meetings_case").on(t.caseId, t.heldOn)],
);

/** Reminders already sent: the unique key makes sending idempotent across restarts and workers. */
export const remindersSent = pgTable(
  "reminders_sent",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    /** What the reminder is about, e.g. a deadline id plus its due date. */
    key: text("key").notNull(),
    caseId: uuid("case_id").references(() => cases.id),
    ...timestamps,
  },
  (t) => [uniqueIndex("reminders_sent_kind_key").on(t.kind, t.key)],
);
