import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
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

import { DISTRICT_ROLES, ORGANISATION_ROLES } from "../../workflows/roles";
import { timestamps } from "./timestamps";

/** A stadsdelsnämnd with its förvaltning. `code` prefixes diarienummer, e.g. "RK 2026/12". */
export const districts = pgTable("districts", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  boardName: text("board_name").notNull(),
  administrationName: text("administration_name").notNull(),
  ...timestamps,
});

/** An ideell förening (or other idéburen organisation). */
export const organisations = pgTable("organisations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  /** Canonical form NNNNNN-NNNN, Luhn-checked before it gets here. */
  organisationNumber: text("organisation_number").notNull().unique(),
  email: text("email").notNull(),
  phone: text("phone"),
  streetAddress: text("street_address"),
  postalCode: text("postal_code"),
  city: text("city"),
  /** Where contributions are paid: bankgiro or plusgiro, and the number in its canonical form. */
  paymentAccountType: text("payment_account_type"),
  paymentAccountNumber: text("payment_account_number"),
  /**
   * When a district confirmed, against the förening's protokollsutdrag, who signs for it (ADR 0028).
   * NULL: not verified; the förening may draft and apply, but no agreement goes out for signing.
   */
  verifiedAt: timestamp("verified_at", { withTimezone: true, mode: "date" }),
  ...timestamps,
});

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Always stored lower-case. */
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  /** Staff title as printed in "Attesterat av", e.g. "Avdelningschef". */
  title: text("title"),
  phone: text("phone"),
  passwordHash: text("password_hash"),
  emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true, mode: "date" }),
  disabledAt: timestamp("disabled_at", { withTimezone: true, mode: "date" }),
  ...timestamps,
});

/** The values are workflows/roles.ts's lists; a role added there needs a migration (ALTER TYPE … ADD VALUE). */
export const organisationRole = pgEnum("organisation_role", ORGANISATION_ROLES);

export const organisationMemberships = pgTable(
  "organisation_memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    role: organisationRole("role").notNull(),
    /**
     * When the person agreed to act for the förening; NULL while the invitation is unanswered. Only
     * accepted rows grant access or bring case mail (ADR 0024).
     */
    acceptedAt: timestamp("accepted_at", { withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("organisation_memberships_unique").on(t.userId, t.organisationId, t.role),
    index("organisation_memberships_org").on(t.organisationId),
  ],
);

export const districtRole = pgEnum("district_role", DISTRICT_ROLES);

export const districtMemberships = pgTable(
  "district_memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id, { onDelete: "cascade" }),
    role: districtRole("role").notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("district_memberships_unique").on(t.userId, t.districtId, t.role),
    index("district_memberships_district").on(t.districtId),
  ],
);

/** Lucia's session table; `createdAt` enforces the absolute lifetime. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    /**
     * How the person proved who they are for this session (app/auth/sign-in-method.ts): a signature
     * records it, and "lösenord" is never taken for e-legitimation. Sessions from before 0012 are
     * password sessions.
     */
    signInMethod: text("sign_in_method").notNull().default("password"),
    ...timestamps,
  },
  (t) => [index("sessions_user").on(t.userId)],
);

/**
 * A person's verified e-legitimation identity, linked once to their account. The personnummer is
 * never stored: only its keyed hash (for matching, app/auth/personnummer.server.ts) and the masked
 * form shown to people ("19800101-XXXX").
 */
export const userIdentities = pgTable("user_identities", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  personalNumberHash: text("personal_number_hash").notNull().unique(),
  personalNumberMasked: text("personal_number_masked").notNull(),
  givenName: text("given_name").notNull(),
  familyName: text("family_name").notNull(),
  ...timestamps,
});

/** What happened to an account's way of signing in (app/accounts/account-events.server.ts). */
export const accountEventKind = pgEnum("account_event_kind", [
  "registered_with_eid",
  "identity_linked",
  "signed_in_eid",
  // The staff second factor (ADR 0027): set up by the person, reset by an admin (actorUserId).
  "second_factor_set_up",
  "second_factor_reset",
]);

/**
 * An account's history of identity events, append-only (a trigger refuses UPDATE, DELETE and
 * TRUNCATE, migration 0013): who registered or linked with e-legitimation, and each e-ID sign-in.
 * No personal data beyond the masked personnummer; never the personnummer or its hash. No cascade
 * from users: an account with history is disabled, not deleted.
 */
export const accountEvents = pgTable(
  "account_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    kind: accountEventKind("kind").notNull(),
    /** How the person proved who they are (app/auth/sign-in-method.ts). */
    signInMethod: text("sign_in_method"),
    personalNumberMasked: text("personal_number_masked"),
    /** Who made the change when it was not the person themself (an admin's reset); NULL otherwise. */
    actorUserId: uuid("actor_user_id").references(() => users.id),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("account_events_user").on(t.userId, t.at)],
);

export const tokenPurpose = pgEnum("token_purpose", [
  "email_verification",
  "password_reset",
  "staff_invitation",
  "organisation_invitation",
  "organisation_membership",
]);

/** One-time links sent by e-mail. Only the SHA-256 of the token is stored. */
export const authTokens = pgTable(
  "auth_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    purpose: tokenPurpose("purpose").notNull(),
    /** The förening a förening invitation is for (NULL for other links and for invitations before 0011). */
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [index("auth_tokens_user").on(t.userId, t.purpose)],
);

/** Failed logins, keyed by keyed hashes of the account and the client address (no raw personal data). */
export const loginFailures = pgTable(
  "login_failures",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountKey: text("account_key").notNull(),
    addressKey: text("address_key").notNull(),
    ...timestamps,
  },
  (t) => [
    index("login_failures_account").on(t.accountKey, t.createdAt),
    index("login_failures_address").on(t.addressKey, t.createdAt),
  ],
);

/**
 * Password-reset requests that were let through, keyed like `login_failures` (keyed hashes, no raw
 * e-mail or IP address): they cap reset mails per account and per client address (ADR 0017).
 */
export const passwordResetRequests = pgTable(
  "password_reset_requests",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountKey: text("account_key").notNull(),
    addressKey: text("address_key").notNull(),
    ...timestamps,
  },
  (t) => [
    index("password_reset_requests_account").on(t.accountKey, t.createdAt),
    index("password_reset_requests_address").on(t.addressKey, t.createdAt),
  ],
);

export const emailStatus = pgEnum("email_status", ["queued", "sending", "sent", "failed"]);

/** Every outgoing e-mail is a row here first, written in the same transaction as what caused it. */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    template: text("template").notNull(),
    recipientUserId: uuid("recipient_user_id").references(() => users.id, { onDelete: "set null" }),
    recipientEmail: text("recipient_email").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body"),
    status: emailStatus("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" })
      .notNull()
      .default(sql`now()`),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }),
    lastError: text("last_error"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    /** The case and audit event a notification belongs to, if any. */
    caseId: uuid("case_id"),
    caseEventId: bigint("case_event_id", { mode: "number" }),
    /** When the recipient read it in the portal's notification centre. */
    readAt: timestamp("read_at", { withTimezone: true, mode: "date" }),
    /** Insertion order: rows written by one transaction share a timestamp, and delivery is first in, first out. */
    position: bigserial("position", { mode: "number" }).notNull(),
    ...timestamps,
  },
  (t) => [
    index("email_outbox_case").on(t.caseId),
    index("email_outbox_pending").on(t.status, t.nextAttemptAt),
    index("email_outbox_recipient").on(t.recipientEmail, t.createdAt),
  ],
);


/**
 * A member of staff's second factor for password sign-in (ADR 0027): a TOTP secret, encrypted at rest
 * (AES-256-GCM under TOTP_ENCRYPTION_KEY), unconfirmed until the person has typed one code from it.
 * `lastUsedStep` is the 30-second time step of the last accepted code: a code for that step or an
 * earlier one is refused, so an overheard code cannot be replayed. An admin's reset deletes the row.
 */
export const staffSecondFactors = pgTable("staff_second_factors", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secretCiphertext: text("secret_ciphertext").notNull(),
  confirmedAt: timestamp("confirmed_at", { withTimezone: true, mode: "date" }),
  lastUsedStep: bigint("last_used_step", { mode: "number" }),
  ...timestamps,
});

/** Single-use recovery codes for the second factor; only a keyed hash of each is stored. */
export const staffRecoveryCodes = pgTable(
  "staff_recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [uniqueIndex("staff_recovery_codes_hash").on(t.userId, t.codeHash)],
);
