/**
 * Drafting the överenskommelse: the draft (prefilled from the application on first open), saves with a
 * revision check, comments between the parties, and the workflow steps that hang on the saved draft.
 */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "../../db/client";
import { agreementComments, agreements, applicationVersions, cases, users } from "../../db/schema";
import { agreementDraftSchema, type AgreementContent } from "../domain/agreement";
import { applicationDraftSchema } from "../domain/application";
import { renegotiatedAgreementDraft } from "../domain/renegotiation";
import type { CurrentUser } from "../auth/current-user.server";
import { userActor } from "../cases/case-roles";
import { transitionCase, type LoadedCase, type TransitionResult } from "../cases/transition.server";
import type { FieldErrors } from "../utils/forms";
import { revisionAfterSave } from "../utils/revision";
import { stockholmIsoString } from "../utils/time";
import { prefillFromApplication, signingTerms } from "./agreement-form";
import { isOrganisationVerified } from "../organisations/verification.server";
import { signerOf } from "../signing/versions.server";

export const STALE_AGREEMENT =
  "Någon annan har sparat överenskommelsen medan du arbetade. Ingenting av det du skrev har sparats. Ladda om sidan för att se den senaste versionen.";

function parseContent(raw: unknown): AgreementContent {
  const parsed = agreementDraftSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

/** The saved draft, or (before the first save) one prefilled from the latest submitted application and, in a renegotiation, the old agreement's goals. */
export async function loadAgreementDraft(caseId: string): Promise<{ content: AgreementContent; revision: number; prefilled: boolean }> {
  const db = await getDb();
  const [row] = await db.select().from(agreements).where(eq(agreements.caseId, caseId));
  if (row) return { content: parseContent(row.content), revision: row.revision, prefilled: false };
  const [application] = await db
    .select({ content: applicationVersions.content })
    .from(applicationVersions)
    .where(and(eq(applicationVersions.caseId, caseId), eq(applicationVersions.status, "submitted")))
    .orderBy(desc(applicationVersions.version))
    .limit(1);
  const content = application ? applicationDraftSchema.safeParse(application.content) : null;
  if (!content?.success) return { content: {}, revision: 0, prefilled: true };
  return {
    content: renegotiatedAgreementDraft(prefillFromApplication(content.data), await previousAgreement(caseId)),
    revision: 0,
    prefilled: true,
  };
}

/** The agreement of the case this one renegotiates, if it is a renegotiation and that case had one. */
async function previousAgreement(caseId: string): Promise<AgreementContent | null> {
  const db = await getDb();
  const [row] = await db
    .select({ content: agreements.content })
    .from(cases)
    .innerJoin(agreements, eq(agreements.caseId, cases.previousCaseId))
    .where(eq(cases.id, caseId));
  return row ? parseContent(row.content) : null;
}

/** Revision 0 means "not saved yet": the first save creates the row, and a second first save is stale. */
export async function saveAgreementDraft(input: {
  caseId: string;
  userId: string;
  content: AgreementContent;
  expectedRevision: number;
}): Promise<{ ok: true; revision: number } | { ok: false; message: string }> {
  const db = await getDb();
  if (input.expectedRevision === 0) {
    const [row] = await db
      .insert(agreements)
      .values({ caseId: input.caseId, content: input.content, updatedById: input.userId })
      .onConflictDoNothing()
      .returning({ revision: agreements.revision });
    return row ? { ok: true, revision: row.revision } : { ok: false, message: STALE_AGREEMENT };
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ revision: agreements.revision, content: agreements.content })
      .from(agreements)
      .where(and(eq(agreements.caseId, input.caseId), eq(agreements.revision, input.expectedRevision)))
      .for("update");
    if (!row) return { ok: false as const, message: STALE_AGREEMENT };
    // The revision goes up only when the stored content changes (utils/revision.ts): a save that changes
    // nothing leaves the page that sent it current, so its next save is not taken for someone else's.
    const revision = revisionAfterSave(row.revision, row.content, input.content);
    if (revision === row.revision) return { ok: true as const, revision };
    const [written] = await tx
      .update(agreements)
      .set({ content: input.content, updatedById: input.userId, revision, updatedAt: new Date() })
      .where(and(eq(agreements.caseId, input.caseId), eq(agreements.revision, row.revision)))
      .returning({ revision: agreements.revision });
    return written ? { ok: true as const, revision: written.revision } : { ok: false as const, message: STALE_AGREEMENT };
  });
}

export interface AgreementComment {
  id: string;
  side: "association" | "administration";
  authorName: string;
  body: string;
  /** Stockholm time, "2026-04-07 10:15" */
  createdAt: string;
}

/** Both sides' comments, oldest first, so the conversation reads top down. */
export async function listAgreementComments(caseId: string): Promise<AgreementComment[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: agreementComments.id,
      side: agreementComments.side,
      authorName: users.name,
      body: agreementComments.body,
      createdAt: agreementComments.createdAt,
    })
    .from(agreementComments)
    .innerJoin(users, eq(users.id, agreementComments.authorId))
    .where(eq(agreementComments.caseId, caseId))
    .orderBy(asc(agreementComments.createdAt), asc(agreementComments.id));
  return rows.map((r) => ({
    ...r,
    side: r.side === "association" ? "association" : "administration",
    createdAt: stockholmIsoString(r.createdAt).slice(0, 16).replace("T", " "),
  }));
}

export async function addAgreementComment(input: { caseId: string; authorId: string; body: string }) {
  const db = await getDb();
  await db.insert(agreementComments).values({ ...input, side: "administration" });
}

export type StepResult = TransitionResult | { ok: false; kind: "fields"; errors: FieldErrors; message: string };

export const NOT_VERIFIED_FOR_SIGNING =
  "Föreningen är inte verifierad. Överenskommelsen kan skickas för underskrift när förvaltningen har bekräftat föreningens firmatecknare mot protokollsutdraget.";

/** SEND_FOR_SIGNING with the dates of the SAVED draft; the page must show the draft it sends. */
export async function sendAgreementForSigning(input: {
  user: CurrentUser;
  found: LoadedCase;
  expectedRevision: number;
  agreementRevision: number;
}): Promise<StepResult> {
  // Who signs for the förening must be proven first (ADR 0028); the draft itself is kept as it is.
  if (!(await isOrganisationVerified(input.found.case.organisationId))) {
    return { ok: false, kind: "fields", errors: {}, message: NOT_VERIFIED_FOR_SIGNING };
  }
  const draft = await loadAgreementDraft(input.found.case.id);
  if (draft.prefilled) {
    return { ok: false, kind: "fields", errors: {}, message: "Spara överenskommelsen innan du skickar den för underskrift." };
  }
  if (draft.revision !== input.agreementRevision) return { ok: false, kind: "conflict", message: STALE_AGREEMENT };
  const terms = signingTerms(draft.content);
  if (!terms.ok) {
    return {
      ok: false,
      kind: "fields",
      errors: terms.errors,
      message: "Överenskommelsen saknar uppgifter som behövs för underskrift. Fyll i dem och spara.",
    };
  }
  return transitionCase({
    loaded: input.found,
    command: { type: "SEND_FOR_SIGNING", ...terms.terms },
    actor: userActor(input.user),
    expectedRevision: input.expectedRevision,
  });
}

export async function returnAgreementToDrafting(input: {
  user: CurrentUser;
  found: LoadedCase;
  expectedRevision: number;
  comment: string;
}) {
  return transitionCase({
    loaded: input.found,
    command: { type: "RETURN_TO_DRAFTING", comment: input.comment },
    actor: userActor(input.user),
    expectedRevision: input.expectedRevision,
  });
}

/** The förvaltning's signature on the hash the signer was shown (a missing or stale one is refused). */
export async function signAgreementForDistrict(input: {
  user: CurrentUser;
  found: LoadedCase;
  expectedRevision: number;
  documentSha256: string | undefined;
}): Promise<TransitionResult> {
  return transitionCase({
    loaded: input.found,
    // No hash posted is a stale one: the runtime checks it after the case's revision and the workflow's rules.
    command: { type: "SIGN", documentSha256: input.documentSha256 ?? "" },
    actor: userActor(input.user),
    expectedRevision: input.expectedRevision,
    signer: signerOf(input.user),
  });
}

export interface SignatureView {
  side: "association" | "administration";
  name: string;
  title: string | null;
  at: string;
}

/** The signatures in the workflow's snapshot, with the signers' names and titles. */
export async function describeSignatures(signatures: {
  association: { userId: string; at: string } | null;
  administration: { userId: string; at: string } | null;
}): Promise<SignatureView[]> {
  const given = (["association", "administration"] as const).flatMap((side) => {
    const s = signatures[side];
    return s ? [{ side, ...s }] : [];
  });
  if (given.length === 0) return [];
  const db = await getDb();
  const people = await db
    .select({ id: users.id, name: users.name, title: users.title })
    .from(users)
    .where(inArray(users.id, given.map((s) => s.userId)));
  return given.map((s) => {
    const person = people.find((p) => p.id === s.userId);
    return { side: s.side, name: person?.name ?? "Okänd person", title: person?.title ?? null, at: s.at };
  });
}
