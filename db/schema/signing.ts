/**
 * The agreement as it was signed: each time the förvaltning sends it for signing, its content is
 * frozen into a version (the PDF and Word bytes and the PDF's SHA-256), and each signature binds a
 * verified person to one version's hash. Nothing here is ever rewritten: a changed agreement is a new
 * version, and the signatures are append-only (a trigger in migration 0015 refuses changes).
 */
import { sql } from "drizzle-orm";
import { check, customType, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { cases } from "./cases";

/** Raw bytes. postgres.js hands back a Buffer, PGlite a Uint8Array: both are Uint8Array. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value),
});

export const agreementVersions = pgTable(
  "agreement_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    /** 1, 2, …: one per time the agreement was sent for signing. */
    version: integer("version").notNull(),
    /** SHA-256 (hex) of `pdf`: what both parties see and sign. */
    sha256: text("sha256").notNull(),
    pdf: bytea("pdf").notNull(),
    docx: bytea("docx").notNull(),
    /** The format-free document model the PDF was rendered from; the signed copy is rendered from it. */
    document: jsonb("document").notNull(),
    frozenAt: timestamp("frozen_at", { withTimezone: true, mode: "date" }).notNull(),
    frozenById: uuid("frozen_by_id").references(() => users.id),
    /** Taken back for changes: its signatures no longer lead anywhere. */
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true, mode: "date" }),
    /** After both parties signed: the content, the signature page, and the portal's PAdES seal. */
    sealedPdf: bytea("sealed_pdf"),
    sealedAt: timestamp("sealed_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [unique("agreement_versions_case_version").on(t.caseId, t.version)],
);

export const agreementSignatures = pgTable(
  "agreement_signatures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    versionId: uuid("version_id").notNull().references(() => agreementVersions.id),
    /** "association" (the förening's firmatecknare) or "administration" (the förvaltning's signatory). */
    party: text("party").notNull(),
    userId: uuid("user_id").notNull().references(() => users.id),
    signerName: text("signer_name").notNull(),
    /** "19800101-XXXX" when the signer had signed in with e-legitimation; never the number itself. */
    personalNumberMasked: text("personal_number_masked"),
    /** app/auth/sign-in-method.ts: how the signer proved who they are for this session. */
    signInMethod: text("sign_in_method").notNull(),
    signedAt: timestamp("signed_at", { withTimezone: true, mode: "date" }).notNull(),
    /** The hash the signer was shown and posted back; equals the version's sha256. */
    sha256: text("sha256").notNull(),
  },
  (t) => [
    unique("agreement_signatures_version_party").on(t.versionId, t.party),
    check("agreement_signatures_party", sql`${t.party} in ('association', 'administration')`),
  ],
);

/** The portal's own seal certificate for the demo and tests (no SEAL_P12_BASE64): made once, shared by every app server. */
export const sealCertificates = pgTable("seal_certificates", {
  id: text("id").primaryKey(),
  /** PKCS#12 (key and self-signed certificate), encrypted with a password derived from APP_SECRET. */
  p12: bytea("p12").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});
