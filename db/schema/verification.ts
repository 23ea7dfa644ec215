/**
 * Who may act for a förening, proven (ADR 0028): the förening sends its protokollsutdrag naming its
 * firmatecknare; a district's handläggare checks it and confirms or refuses. The named people are
 * kept as a keyed hash of the personnummer (matched against an e-ID sign-in) and a masked form, never
 * the personnummer itself.
 */
import { bigserial, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { districts, organisations, users } from "./accounts";
import { timestamps } from "./timestamps";

export const VERIFICATION_STATUSES = ["pending", "confirmed", "refused", "superseded"] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** One request to verify a förening (or to change its firmatecknare): the document and its answer. */
export const organisationVerifications = pgTable(
  "organisation_verifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    status: text("status", { enum: VERIFICATION_STATUSES }).notNull().default("pending"),
    /** The protokollsutdrag (or stadgar and the styrelse's decision), in file storage; NULL: none kept (the demo's). */
    documentKey: text("document_key"),
    documentName: text("document_name").notNull(),
    documentSize: integer("document_size").notNull(),
    submittedBy: uuid("submitted_by").references(() => users.id, { onDelete: "set null" }),
    submittedAt: timestamp("submitted_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedInDistrict: uuid("decided_in_district").references(() => districts.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "date" }),
    /** The handläggare's message to the förening (required for a refusal). */
    decisionMessage: text("decision_message"),
    ...timestamps,
  },
  (t) => [
    index("organisation_verifications_org").on(t.organisationId),
    // At most one request waits for an answer per förening.
    uniqueIndex("organisation_verifications_one_pending").on(t.organisationId).where(sql`status = 'pending'`),
  ],
);

/**
 * The firmatecknare a request names. Active once its request is confirmed (`activeFrom`), until a
 * later confirmed request replaces the list (`activeUntil`). `userId`: the account matched by e-ID.
 */
export const namedSignatories = pgTable(
  "named_signatories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    verificationId: uuid("verification_id")
      .notNull()
      .references(() => organisationVerifications.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    fullName: text("full_name").notNull(),
    personalNumberHash: text("personal_number_hash").notNull(),
    personalNumberMasked: text("personal_number_masked").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    activeFrom: timestamp("active_from", { withTimezone: true, mode: "date" }),
    activeUntil: timestamp("active_until", { withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [
    index("named_signatories_hash").on(t.personalNumberHash),
    uniqueIndex("named_signatories_once_per_request").on(t.verificationId, t.personalNumberHash),
  ],
);

export const ORGANISATION_EVENT_KINDS = [
  "verification_requested",
  "verification_confirmed",
  "verification_refused",
  "signatory_matched",
] as const;
export type OrganisationEventKind = (typeof ORGANISATION_EVENT_KINDS)[number];

/** The förening's own history (append-only: a trigger refuses UPDATE and DELETE). No personnummer. */
export const organisationEvents = pgTable(
  "organisation_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ORGANISATION_EVENT_KINDS }).notNull(),
    /** No foreign key: a "set null" on the user's removal would be an UPDATE the trigger refuses. */
    actorId: uuid("actor_id"),
    actorName: text("actor_name"),
    /** What the förening reads in its history, e.g. the refusal's message. */
    detail: text("detail"),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("organisation_events_org").on(t.organisationId, t.at)],
);
