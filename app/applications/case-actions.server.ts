/**
 * What a förening does with its case: submit (or resubmit after komplettering), start a komplettering,
 * withdraw. Each goes through transitionCase, so state, audit trail, e-mail and the version's status
 * commit together.
 */
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { pgErrorCode, UNIQUE_VIOLATION } from "../../db/errors";
import { applicationVersions, attachments } from "../../db/schema";
import type { CurrentUser } from "../auth/current-user.server";
import { userActor } from "../cases/case-roles";
import { transitionCase, type LoadedCase } from "../cases/transition.server";
import { submissionProblems, type ApplicationProblem } from "../domain/application";
import { copyStoredFile } from "../attachments/storage.server";
import { stockholmDate } from "../utils/time";
import { callOf, findDraft, STALE_SAVE_MESSAGE } from "./drafts.server";

class StaleVersion extends Error {}

export type SubmitResult =
  | { ok: true; diaryNumber: string | null }
  | { ok: false; kind: "problems"; problems: ApplicationProblem[] }
  | { ok: false; kind: "already_submitted" }
  | { ok: false; kind: "message"; message: string };

/** Sends the draft in. A second click finds no draft and is told it is already in. */
export async function submitApplication(input: {
  user: CurrentUser;
  found: LoadedCase;
  draftRevision: number;
  now?: Date;
}): Promise<SubmitResult> {
  const draft = await findDraft(input.found.case.id);
  if (!draft) return { ok: false, kind: "already_submitted" };
  if (draft.revision !== input.draftRevision) return { ok: false, kind: "message", message: STALE_SAVE_MESSAGE };
  const problems = submissionProblems(draft.content, await callOf(draft.content), stockholmDate(new Date()));
  if (problems.length > 0) return { ok: false, kind: "problems", problems };
  const now = input.now ?? new Date();
  try {
    const result = await transitionCase({
      loaded: input.found,
      command: { type: input.found.case.state === "review.awaitingCompletion" ? "RESUBMIT" : "SUBMIT" },
      actor: userActor(input.user),
      now,
      alsoWrite: async (tx) => {
        const marked = await tx
          .update(applicationVersions)
          .set({ status: "submitted", submittedAt: now, submittedById: input.user.id, updatedAt: now })
          .where(
            and(
              eq(applicationVersions.id, draft.id),
              eq(applicationVersions.status, "draft"),
              eq(applicationVersions.revision, draft.revision),
            ),
          )
          .returning({ id: applicationVersions.id });
        // Changed in between: roll the transition back too.
        if (marked.length === 0) throw new StaleVersion();
      },
    });
    if (result.ok) return { ok: true, diaryNumber: result.diaryNumber };
    if (result.kind === "conflict" && !(await findDraft(input.found.case.id))) return { ok: false, kind: "already_submitted" };
    return { ok: false, kind: "message", message: result.message };
  } catch (error) {
    if (!(error instanceof StaleVersion)) throw error;
    if (!(await findDraft(input.found.case.id))) return { ok: false, kind: "already_submitted" };
    return { ok: false, kind: "message", message: STALE_SAVE_MESSAGE };
  }
}

/**
 * A komplettering starts from the last submitted version, with its attachments; a second click opens
 * the same draft.
 */
export async function startCompletion(caseId: string, userId: string): Promise<void> {
  if (await findDraft(caseId)) return;
  const db = await getDb();
  const [last] = await db
    .select()
    .from(applicationVersions)
    .where(and(eq(applicationVersions.caseId, caseId), eq(applicationVersions.status, "submitted")))
    .orderBy(desc(applicationVersions.version))
    .limit(1);
  if (!last) return;
  const files = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.ownerKind, "application"), eq(attachments.ownerId, last.id)));
  const copies = await Promise.all(
    files.filter((f) => !f.deletedAt).map(async (f) => ({ ...f, storageKey: await copyStoredFile(f.storageKey) })),
  );
  try {
    await db.transaction(async (tx) => {
      const [draft] = await tx
        .insert(applicationVersions)
        .values({ caseId, version: last.version + 1, status: "draft", content: last.content, updatedById: userId })
        .returning({ id: applicationVersions.id });
      for (const f of copies) {
        await tx.insert(attachments).values({
          caseId,
          ownerKind: "application",
          ownerId: draft!.id,
          fileName: f.fileName,
          mediaType: f.mediaType,
          sizeBytes: f.sizeBytes,
          sha256: f.sha256,
          storageKey: f.storageKey,
          side: f.side,
          uploadedById: f.uploadedById,
        });
      }
    });
  } catch (error) {
    // Someone else started it at the same moment: theirs is the draft.
    if (pgErrorCode(error) !== UNIQUE_VIOLATION) throw error;
  }
}

export async function withdrawApplication(input: { user: CurrentUser; found: LoadedCase; reason: string; expectedRevision: number }) {
  return transitionCase({
    loaded: input.found,
    command: { type: "WITHDRAW", ...(input.reason ? { reason: input.reason } : {}) },
    actor: userActor(input.user),
    expectedRevision: input.expectedRevision,
  });
}
