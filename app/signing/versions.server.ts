/**
 * The agreement's frozen versions and their signatures (ADR 0029).
 *
 * The case's transitions drive this, inside the transition's own transaction
 * (app/cases/transition.server.ts calls prepareAgreementStep for every event):
 * - SEND_FOR_SIGNING freezes the saved draft: PDF and Word rendered from the data, the PDF's SHA-256.
 * - SIGN records who signed which hash (name, masked personnummer, sign-in method, time), and refuses a
 *   hash that is not the current version's; the second signature also makes the signed PDF (the
 *   frozen content and a signature page) and seals it (seal.server.ts).
 * - RETURN_TO_DRAFTING marks the version as taken back: the next send freezes a new one, and the old
 *   one's signatures stay with it, readable, but count for nothing new.
 * Everything heavy (rendering, sealing) happens before the transaction; inside it are only inserts.
 */
import crypto from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, max } from "drizzle-orm";
import type { PartnershipContext } from "../../workflows";
import { getDb, type Transaction } from "../../db/client";
import { agreementSignatures, agreementVersions, users } from "../../db/schema";
import { SIGN_IN_METHOD_LABELS, isSignInMethod } from "../auth/sign-in-method";
import type { SignerIdentity } from "./signer";
import type { CaseCommand } from "../cases/transition.server";
import { loadCaseRow } from "../cases/access.server";
import { buildAgreementDocument, type AgreementDocument, type AgreementSignaturePage } from "../documents/agreement-document";
import { agreementDocumentData } from "../documents/agreement-data.server";
import { renderAgreementDocx } from "../documents/agreement-docx.server";
import { renderAgreementPdf } from "../documents/agreement-pdf.server";
import { sealPdf } from "./seal.server";

export const STALE_HASH =
  "Överenskommelsen har ändrats sedan du öppnade den. Läs den nya versionen och skriv under igen om den stämmer.";

export const sha256Hex = (bytes: Uint8Array) => crypto.createHash("sha256").update(bytes).digest("hex");

export { signerOf, type SignerIdentity } from "./signer";

/** A signature made outside a signed-in session (the seed, the scheduler's tests): the account's name, no e-ID. */
async function storedSigner(userId: string): Promise<SignerIdentity> {
  const db = await getDb();
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return { name: row?.name ?? "Okänd person", personalNumberMasked: null, method: "password" };
}

type VersionRow = typeof agreementVersions.$inferSelect;

/** The version being signed (or signed): the newest one, unless it was taken back for changes. */
export async function currentAgreementVersion(caseId: string): Promise<VersionRow | null> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(agreementVersions)
    .where(eq(agreementVersions.caseId, caseId))
    .orderBy(desc(agreementVersions.version))
    .limit(1);
  return row && row.withdrawnAt === null ? row : null;
}

/** The current version's number and hash for a page, without reading its files. */
export async function currentVersionInfo(caseId: string): Promise<{ number: number; sha256: string; signed: boolean } | null> {
  const db = await getDb();
  const [row] = await db
    .select({ version: agreementVersions.version, sha256: agreementVersions.sha256, withdrawnAt: agreementVersions.withdrawnAt, sealedAt: agreementVersions.sealedAt })
    .from(agreementVersions)
    .where(eq(agreementVersions.caseId, caseId))
    .orderBy(desc(agreementVersions.version))
    .limit(1);
  return row && row.withdrawnAt === null ? { number: row.version, sha256: row.sha256, signed: row.sealedAt !== null } : null;
}

export async function agreementVersion(caseId: string, version: number): Promise<VersionRow | null> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(agreementVersions)
    .where(and(eq(agreementVersions.caseId, caseId), eq(agreementVersions.version, version)));
  return row ?? null;
}

export interface SignatureRecord {
  party: "association" | "administration";
  name: string;
  personalNumberMasked: string | null;
  method: string;
  signedAt: Date;
  sha256: string;
}

export interface VersionSummary {
  version: number;
  sha256: string;
  frozenAt: Date;
  withdrawnAt: Date | null;
  sealed: boolean;
  signatures: SignatureRecord[];
}

const toRecord = (s: typeof agreementSignatures.$inferSelect): SignatureRecord => ({
  party: s.party === "association" ? "association" : "administration",
  name: s.signerName,
  personalNumberMasked: s.personalNumberMasked,
  method: isSignInMethod(s.signInMethod) ? SIGN_IN_METHOD_LABELS[s.signInMethod] : s.signInMethod,
  signedAt: s.signedAt,
  sha256: s.sha256,
});

/** Every frozen version of the case, newest first, with its signatures (without the files' bytes). */
export async function listAgreementVersions(caseId: string): Promise<VersionSummary[]> {
  const db = await getDb();
  const versions = await db
    .select({
      id: agreementVersions.id,
      version: agreementVersions.version,
      sha256: agreementVersions.sha256,
      frozenAt: agreementVersions.frozenAt,
      withdrawnAt: agreementVersions.withdrawnAt,
      sealedAt: agreementVersions.sealedAt,
    })
    .from(agreementVersions)
    .where(eq(agreementVersions.caseId, caseId))
    .orderBy(desc(agreementVersions.version));
  if (versions.length === 0) return [];
  const signatures = await db
    .select()
    .from(agreementSignatures)
    .where(inArray(agreementSignatures.versionId, versions.map((v) => v.id)))
    .orderBy(asc(agreementSignatures.signedAt));
  return versions.map((v) => ({
    version: v.version,
    sha256: v.sha256,
    frozenAt: v.frozenAt,
    withdrawnAt: v.withdrawnAt,
    sealed: v.sealedAt !== null,
    signatures: signatures.filter((s) => s.versionId === v.id).map(toRecord),
  }));
}

/** The party headings in the document ("För Fryshuset"), for the signature page. */
function partyLabel(document: AgreementDocument, party: "association" | "administration") {
  // buildAgreementDocument lists the förvaltning's side first, the förening's second.
  return document.signing.parties[party === "administration" ? 0 : 1]?.heading ?? party;
}

/** The signed record: the frozen document rendered again with the signature page, then sealed. */
async function signedPdf(version: VersionRow, signatures: SignatureRecord[], at: Date): Promise<Uint8Array> {
  const document = version.document as AgreementDocument;
  const page: AgreementSignaturePage = {
    documentSha256: version.sha256,
    signatures: signatures.map((s) => ({
      party: partyLabel(document, s.party),
      name: s.name,
      personalNumberMasked: s.personalNumberMasked,
      method: s.method,
      signedAt: s.signedAt,
      sha256: s.sha256,
    })),
  };
  const pdf = await renderAgreementPdf(document, { signaturePage: page });
  return sealPdf(pdf, { reason: `Överenskommelse ${document.subtitle}, underskriven av båda parter (SHA-256 ${version.sha256})`, signedAt: at });
}

const sideThatSigned = (before: PartnershipContext, after: PartnershipContext) =>
  (["association", "administration"] as const).find((side) => before.signatures[side] === null && after.signatures[side] !== null) ?? null;

export type AgreementStep = { ok: true; write?: (tx: Transaction) => Promise<void> } | { ok: false; message: string };

/**
 * What an accepted event means for the agreement's versions: called by transitionCase after the
 * machine accepted the event and before anything is written; `write` runs in the transaction.
 */
export async function prepareAgreementStep(input: {
  caseId: string;
  command: CaseCommand;
  actorUserId: string | null;
  signer?: SignerIdentity;
  before: PartnershipContext;
  after: PartnershipContext;
  /** The case's stored snapshot after the event: the frozen document shows the terms just sent. */
  stored: { snapshot: unknown; machineVersion: number };
  toState: string;
  now: Date;
}): Promise<AgreementStep> {
  const { command, caseId, now } = input;

  if (command.type === "SEND_FOR_SIGNING") {
    const row = await loadCaseRow(caseId);
    const data = row && (await agreementDocumentData({ ...row, case: { ...row.case, ...input.stored } }));
    // No saved draft (a case driven by the seed without one): nothing to freeze.
    if (!data) return { ok: true };
    const db = await getDb();
    const [{ latest } = { latest: 0 }] = await db
      .select({ latest: max(agreementVersions.version) })
      .from(agreementVersions)
      .where(eq(agreementVersions.caseId, caseId));
    const version = (latest ?? 0) + 1;
    const built = buildAgreementDocument(data);
    const document: AgreementDocument = {
      ...built,
      facts: [...built.facts, { label: "Version för underskrift", value: String(version) }],
      signing: {
        ...built.signing,
        pending: "Undertecknas elektroniskt. Underskrifterna finns på underskriftssidan sist i den undertecknade överenskommelsen.",
      },
    };
    const [pdf, docx] = await Promise.all([renderAgreementPdf(document), renderAgreementDocx(document)]);
    const values = {
      caseId,
      version,
      sha256: sha256Hex(pdf),
      pdf,
      docx,
      document: document as unknown as Record<string, unknown>,
      frozenAt: now,
      frozenById: input.actorUserId,
    };
    // A concurrent send of the same case loses on the case's revision first; the unique
    // (case, version) is the second guard.
    return { ok: true, write: async (tx) => void (await tx.insert(agreementVersions).values(values)) };
  }

  if (command.type === "RETURN_TO_DRAFTING") {
    return {
      ok: true,
      write: async (tx) =>
        void (await tx
          .update(agreementVersions)
          .set({ withdrawnAt: now })
          .where(and(eq(agreementVersions.caseId, caseId), isNull(agreementVersions.withdrawnAt), isNull(agreementVersions.sealedAt)))),
    };
  }

  if (command.type === "SIGN") {
    const version = await currentAgreementVersion(caseId);
    if (!version) {
      // A case sent for signing before versions existed: only a caller that names no hash gets through.
      return command.documentSha256 === undefined ? { ok: true } : { ok: false, message: STALE_HASH };
    }
    if (command.documentSha256 !== undefined && command.documentSha256 !== version.sha256) return { ok: false, message: STALE_HASH };
    const side = sideThatSigned(input.before, input.after);
    if (!side || !input.actorUserId) return { ok: true };
    const signer = input.signer ?? (await storedSigner(input.actorUserId));
    const signature = {
      versionId: version.id,
      party: side,
      userId: input.actorUserId,
      signerName: signer.name,
      personalNumberMasked: signer.personalNumberMasked,
      signInMethod: signer.method,
      signedAt: now,
      sha256: version.sha256,
    };
    const db = await getDb();
    const earlier = await db.select().from(agreementSignatures).where(eq(agreementSignatures.versionId, version.id));
    const complete = !input.toState.startsWith("agreement.");
    const sealed = complete ? await signedPdf(version, [...earlier.map(toRecord), toRecord({ id: "", ...signature })], now) : null;
    return {
      ok: true,
      write: async (tx) => {
        await tx.insert(agreementSignatures).values(signature);
        if (sealed) {
          await tx.update(agreementVersions).set({ sealedPdf: sealed, sealedAt: now }).where(eq(agreementVersions.id, version.id));
        }
      },
    };
  }

  return { ok: true };
}
