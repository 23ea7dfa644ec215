/**
 * Who may act for a förening, proven (ADR 0028). A förening is unverified until a district confirms,
 * against its protokollsutdrag, who its firmatecknare are:
 *   - the förening sends the document and names the firmatecknare (name + personnummer);
 *   - a handläggare (or admin) of a district where the förening has sent in a case checks it and
 *     confirms or refuses with a message;
 *   - confirmation makes the förening verified and the named people its firmatecknare: each is matched
 *     by the keyed hash of their personnummer to an account with that e-legitimation identity, now or
 *     when they first sign in with e-ID (`grantNamedSignatoryRoles`). Nobody else grants the role.
 * Every step is one transaction with the förening's history (organisation_events) and its e-mails.
 */
import crypto from "node:crypto";
import { and, desc, eq, isNotNull, isNull, ne } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import type { Executor } from "../../db/client";
import { getDb } from "../../db/client";
import {
  cases,
  districts,
  namedSignatories,
  organisationEvents,
  organisationMemberships,
  organisationVerifications,
  organisations,
  users,
  type OrganisationEventKind,
} from "../../db/schema";
import { installSignatories } from "./named-signatories.server";
import { recordEvent } from "./organisation-events.server";
import { verificationDecidedEmail, verificationRequestedEmail } from "../../emails/organisation-verification";
import { cleanFileName } from "../attachments/attachments.server";
import { readStoredFile, storeFile } from "../attachments/storage.server";
import { ALLOWED_TYPES, wrongTypeMessage } from "../attachments/types";
import { canonicalPersonalNumber, maskedPersonalNumber, personalNumberHash } from "../auth/personnummer.server";
import type { CurrentUser } from "../auth/current-user.server";
import { announceDemoMail, enqueueEmail } from "../mail/outbox.server";
import { appUrl } from "../utils/config.server";
import type { FieldErrors } from "../utils/forms";
import type { VerificationDecisionInput, VerificationRequestInput } from "./verification-forms";

export interface VerificationSummary {
  verifiedAt: string | null;
  /** The newest request, whatever its answer. */
  latest: {
    id: string;
    status: "pending" | "confirmed" | "refused" | "superseded";
    documentName: string;
    submittedAt: string;
    decidedAt: string | null;
    decisionMessage: string | null;
    named: { fullName: string; masked: string }[];
  } | null;
  /** The firmatecknare in force, with whether their account has been found by e-ID yet. */
  signatories: { fullName: string; masked: string; matched: boolean }[];
  history: { kind: OrganisationEventKind; at: string; actorName: string | null; detail: string | null }[];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Whether the förening may have an agreement sent for signing. */
export async function isOrganisationVerified(organisationId: string, db?: Executor): Promise<boolean> {
  const executor = db ?? (await getDb());
  const [row] = await executor
    .select({ verifiedAt: organisations.verifiedAt })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return Boolean(row?.verifiedAt);
}

export async function loadVerificationSummary(organisationId: string): Promise<VerificationSummary> {
  const db = await getDb();
  const [org] = await db.select({ verifiedAt: organisations.verifiedAt }).from(organisations).where(eq(organisations.id, organisationId));
  const [latest] = await db
    .select()
    .from(organisationVerifications)
    .where(eq(organisationVerifications.organisationId, organisationId))
    .orderBy(desc(organisationVerifications.submittedAt))
    .limit(1);
  const named = latest
    ? await db
        .select({ fullName: namedSignatories.fullName, masked: namedSignatories.personalNumberMasked })
        .from(namedSignatories)
        .where(eq(namedSignatories.verificationId, latest.id))
        .orderBy(namedSignatories.fullName)
    : [];
  const active = await db
    .select({ fullName: namedSignatories.fullName, masked: namedSignatories.personalNumberMasked, userId: namedSignatories.userId })
    .from(namedSignatories)
    .where(and(eq(namedSignatories.organisationId, organisationId), isNotNull(namedSignatories.activeFrom), isNull(namedSignatories.activeUntil)))
    .orderBy(namedSignatories.fullName);
  const history = await db
    .select({ kind: organisationEvents.kind, at: organisationEvents.at, actorName: organisationEvents.actorName, detail: organisationEvents.detail })
    .from(organisationEvents)
    .where(eq(organisationEvents.organisationId, organisationId))
    .orderBy(desc(organisationEvents.at), desc(organisationEvents.id));
  return {
    verifiedAt: iso(org?.verifiedAt ?? null),
    latest: latest
      ? {
          id: latest.id,
          status: latest.status,
          documentName: latest.documentName,
          submittedAt: latest.submittedAt.toISOString(),
          decidedAt: iso(latest.decidedAt),
          decisionMessage: latest.decisionMessage,
          named,
        }
      : null,
    signatories: active.map((a) => ({ fullName: a.fullName, masked: a.masked, matched: a.userId !== null })),
    history: history.map((h) => ({ ...h, at: h.at.toISOString() })),
  };
}

type NamedInput = { fullName: string; hash: string; masked: string };

/** The rows the förening filled in: each needs both name and a valid personnummer; empty rows are skipped. */
function namedFrom(input: VerificationRequestInput): { ok: true; named: NamedInput[] } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const named: NamedInput[] = [];
  const seen = new Set<string>();
  (input.signatories ?? []).forEach((row, i) => {
    const fullName = row.fullName ?? "";
    const number = row.personalNumber ?? "";
    if (!fullName && !number) return;
    if (!fullName) errors[`signatories.${i}.fullName`] = "Skriv firmatecknarens namn.";
    const canonical = number ? canonicalPersonalNumber(number) : null;
    if (!canonical) {
      errors[`signatories.${i}.personalNumber`] = number
        ? "Personnumret stämmer inte. Skriv det med 12 siffror, till exempel 19800101-1234."
        : "Skriv firmatecknarens personnummer.";
      return;
    }
    if (seen.has(canonical)) {
      errors[`signatories.${i}.personalNumber`] = "Den här personen står redan med.";
      return;
    }
    seen.add(canonical);
    if (fullName) named.push({ fullName, hash: personalNumberHash(canonical), masked: maskedPersonalNumber(canonical) });
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (named.length === 0) return { ok: false, errors: { "signatories.0.fullName": "Skriv minst en firmatecknare, så som protokollet namnger dem." } };
  return { ok: true, named };
}

async function contactPeople(db: Executor, organisationId: string) {
  return db
    .selectDistinct({ id: users.id, email: users.email, name: users.name })
    .from(organisationMemberships)
    .innerJoin(users, eq(users.id, organisationMemberships.userId))
    .where(
      and(
        eq(organisationMemberships.organisationId, organisationId),
        eq(organisationMemberships.role, "contact_person"),
        isNotNull(organisationMemberships.acceptedAt),
        isNull(users.disabledAt),
      ),
    );
}

export type VerificationRequestResult = { ok: true } | { ok: false; errors: FieldErrors; formError?: string };

/**
 * The förening sends its protokollsutdrag with the firmatecknare it names. A request still waiting
 * is replaced (superseded) by the new one; a verified förening stays verified with its present
 * firmatecknare until the district has confirmed the change.
 */
export async function requestVerification(input: {
  user: CurrentUser;
  organisationId: string;
  file: { fileName: string; bytes: Uint8Array } | null;
  fileProblem?: string;
  form: VerificationRequestInput;
}): Promise<VerificationRequestResult> {
  const named = namedFrom(input.form);
  const errors: FieldErrors = named.ok ? {} : { ...named.errors };
  let mediaOk = false;
  if (input.file) {
    const detected = await fileTypeFromBuffer(input.file.bytes);
    mediaOk = Boolean(detected && detected.mime in ALLOWED_TYPES);
    if (!mediaOk) errors.document = wrongTypeMessage;
  } else {
    errors.document = input.fileProblem ?? "Välj protokollsutdraget (eller stadgarna och styrelsens beslut) att skicka.";
  }
  if (!named.ok || !input.file || !mediaOk) return { ok: false, errors };

  const db = await getDb();
  const storageKey = await storeFile(input.file.bytes);
  const mailIds = await db.transaction(async (tx) => {
    await tx
      .update(organisationVerifications)
      .set({ status: "superseded" })
      .where(and(eq(organisationVerifications.organisationId, input.organisationId), eq(organisationVerifications.status, "pending")));
    const [request] = await tx
      .insert(organisationVerifications)
      .values({
        organisationId: input.organisationId,
        documentKey: storageKey,
        documentName: cleanFileName(input.file!.fileName),
        documentSize: input.file!.bytes.byteLength,
        submittedBy: input.user.id,
      })
      .returning({ id: organisationVerifications.id });
    await tx.insert(namedSignatories).values(
      named.named.map((n) => ({
        verificationId: request!.id,
        organisationId: input.organisationId,
        fullName: n.fullName,
        personalNumberHash: n.hash,
        personalNumberMasked: n.masked,
      })),
    );
    await recordEvent(tx, {
      organisationId: input.organisationId,
      kind: "verification_requested",
      actor: { id: input.user.id, name: input.user.name },
      detail: `Firmatecknare enligt protokollet: ${named.named.map((n) => n.fullName).join(", ")}`,
    });
    const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, input.organisationId));
    const ids: string[] = [];
    for (const person of await contactPeople(tx, input.organisationId)) {
      const email = await verificationRequestedEmail({
        name: person.name,
        organisationName: org!.name,
        url: `${appUrl()}/forening/${input.organisationId}/verifiering`,
      });
      ids.push(await enqueueEmail(tx, { userId: person.id, email: person.email }, email));
    }
    for (const staff of await assignedCaseworkers(tx, input.organisationId)) {
      const email = await verificationRequestedEmail({
        name: staff.name,
        organisationName: org!.name,
        url: `${appUrl()}/forvaltning/${staff.districtCode.toLowerCase()}/foreningar/${input.organisationId}`,
        forStaff: true,
      });
      ids.push(await enqueueEmail(tx, { userId: staff.id, email: staff.email }, email));
    }
    return ids;
  });
  for (const id of mailIds) announceDemoMail(id);
  return { ok: true };
}

/** The handläggare of the förening's sent-in cases, who are the ones to check the document. */
async function assignedCaseworkers(db: Executor, organisationId: string) {
  return db
    .selectDistinct({ id: users.id, email: users.email, name: users.name, districtCode: districts.code })
    .from(cases)
    .innerJoin(users, eq(users.id, cases.assignedCaseworkerId))
    .innerJoin(districts, eq(districts.id, cases.districtId))
    .where(and(eq(cases.organisationId, organisationId), isNotNull(cases.submittedAt), ne(cases.stage, "closed"), isNull(users.disabledAt)));
}

export type VerificationDecisionResult = { ok: true } | { ok: false; errors: FieldErrors; formError?: string };

/**
 * The district's answer. Confirming makes the förening verified and the named people its only
 * firmatecknare (those of an earlier confirmation who are not named again lose the role); refusing
 * leaves everything as it was and tells the förening why.
 */
export async function decideVerification(input: {
  user: CurrentUser;
  districtId: string;
  organisationId: string;
  decision: VerificationDecisionInput;
}): Promise<VerificationDecisionResult> {
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const [request] = await tx
      .select()
      .from(organisationVerifications)
      .where(and(eq(organisationVerifications.id, input.decision.verificationId), eq(organisationVerifications.organisationId, input.organisationId)))
      .for("update");
    if (!request || request.status !== "pending") {
      return { ok: false as const, formError: "Begäran är redan besvarad eller har ersatts av en nyare. Ladda om sidan." };
    }
    const now = new Date();
    const confirm = input.decision.intent === "confirm";
    await tx
      .update(organisationVerifications)
      .set({
        status: confirm ? "confirmed" : "refused",
        decidedBy: input.user.id,
        decidedInDistrict: input.districtId,
        decidedAt: now,
        decisionMessage: input.decision.message || null,
      })
      .where(eq(organisationVerifications.id, request.id));
    if (confirm) {
      await tx.update(organisations).set({ verifiedAt: now }).where(eq(organisations.id, input.organisationId));
      await installSignatories(tx, input.organisationId, request.id, now);
    }
    await recordEvent(tx, {
      organisationId: input.organisationId,
      kind: confirm ? "verification_confirmed" : "verification_refused",
      actor: { id: input.user.id, name: input.user.name },
      detail: input.decision.message || null,
    });
    const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, input.organisationId));
    const ids: string[] = [];
    for (const person of await contactPeople(tx, input.organisationId)) {
      const email = await verificationDecidedEmail({
        name: person.name,
        organisationName: org!.name,
        confirmed: confirm,
        message: input.decision.message || null,
        url: `${appUrl()}/forening/${input.organisationId}/verifiering`,
      });
      ids.push(await enqueueEmail(tx, { userId: person.id, email: person.email }, email));
    }
    return { ok: true as const, ids };
  });
  if (!outcome.ok) return { ok: false, errors: {}, formError: outcome.formError };
  for (const id of outcome.ids) announceDemoMail(id);
  return { ok: true };
}

/** The protokollsutdrag, for the district checking it. */
export async function verificationDocument(organisationId: string, verificationId: string) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(organisationVerifications)
    .where(and(eq(organisationVerifications.id, verificationId), eq(organisationVerifications.organisationId, organisationId)));
  if (!row?.documentKey) return null;
  const bytes = await readStoredFile(row.documentKey);
  const detected = await fileTypeFromBuffer(bytes);
  return {
    fileName: row.documentName,
    mediaType: detected?.mime ?? "application/octet-stream",
    bytes,
    sha256: crypto.createHash("sha256").update(bytes).digest("hex"),
  };
}
