import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { timestamps } from "./timestamps";
import { districts, users } from "./accounts";

/**
 * The yearly report to the nämnd over all of a district's IOPs (seeds 001, 002): one per district and
 * year. The narrative is the handläggare's prose; the figures are never typed: while the report is a
 * draft they are read from the agreements and reports at render time, and when it is sent to
 * attestering they are frozen in `figures`, so the chefer attest and the nämnd files exactly what was
 * sent (a return to draft clears them, and they are live again). See docs/decisions/0010.
 */
export const districtReports = pgTable(
  "district_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id").notNull().references(() => districts.id),
    year: integer("year").notNull(),
    /** Dotted state path of the machine, e.g. "attestation.awaitingHeadOfUnit". */
    state: text("state").notNull(),
    machineVersion: integer("machine_version").notNull(),
    snapshot: jsonb("snapshot").notNull(),
    /** Bumped by every save and every transition; a write with a stale revision is refused. */
    revision: integer("revision").notNull().default(0),
    narrative: jsonb("narrative").$type<Record<string, string>>().notNull().default({}),
    /** The IOP rows as sent to attestering; null while the report is a draft. */
    figures: jsonb("figures"),
    figuresFrozenAt: timestamp("figures_frozen_at", { withTimezone: true, mode: "date" }),
    createdById: uuid("created_by_id").references(() => users.id),
    /** Who last saved the narrative. */
    editedById: uuid("edited_by_id").references(() => users.id),
    ...timestamps,
  },
  (t) => [uniqueIndex("district_reports_district_year").on(t.districtId, t.year)],
);

/** The report's history: one row per save and per transition, append-only (a trigger refuses changes). */
export const districtReportEvents = pgTable(
  "district_report_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    reportId: uuid("report_id").notNull().references(() => districtReports.id),
    /** The report's revision after this event: 1, 2, 3 … */
    revision: integer("revision").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    actorRoles: text("actor_roles").array().notNull(),
    /** CREATE, SAVE, or the machine's event type. */
    eventType: text("event_type").notNull(),
    fromState: text("from_state"),
    toState: text("to_state").notNull(),
    comment: text("comment"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().default(sql`now()`),
  },
  (t) => [
    uniqueIndex("district_report_events_report_revision").on(t.reportId, t.revision),
    index("district_report_events_report").on(t.reportId, t.createdAt),
  ],
);
