/**
 * Saving an application draft. Every save names the revision the person's page was built from; a save
 * from a stale page is refused and changes nothing, so two contact persons never overwrite each other
 * unseen. Submitted versions are never changed.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "../../db/client";
import { applicationVersions, calls, cases, priorityAreas } from "../../db/schema";
import { applicationDraftSchema, type ApplicationContent } from "../domain/application";
import type { FieldErrors } from "../utils/forms";
import { stockholmDate, stockholmIsoString } from "../utils/time";
import { readContent } from "./versions.server";
import { isId } from "../domain/ids";
import { revisionAfterSave } from "../utils/revision";

export const STALE_SAVE_MESSAGE =
  "Någon annan har ändrat ansökan sedan du öppnade sidan. Det du skrev här har inte sparats, men det visas nedan så att du kan kopiera det. Ladda om sidan för att se den senaste versionen.";

export interface DraftVersion {
  id: string;
  version: number;
  revision: number;
  content: ApplicationContent;
  updatedAt: Date;
}

/** The draft version being written, if the case has one (first application or komplettering). */
export async function findDraft(caseId: string): Promise<DraftVersion | null> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(applicationVersions)
    .where(and(eq(applicationVersions.caseId, caseId), eq(applicationVersions.status, "draft")))
    .orderBy(desc(applicationVersions.version))
    .limit(1);
  return row ? { id: row.id, version: row.version, revision: row.revision, content: readContent(row.content), updatedAt: row.updatedAt } : null;
}

/** A call or priority area a draft may name: the district's own, and a call only while it is open (or already chosen). */
export async function checkChoices(
  districtId: string,
  patch: Partial<ApplicationContent>,
  current: ApplicationContent,
  now = new Date(),
): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const db = await getDb();
  const callId = patch.callId !== undefined ? patch.callId : current.callId;
  let call: typeof calls.$inferSelect | undefined;
  if (callId) {
    const valid = isId(callId);
    [call] = valid ? await db.select().from(calls).where(and(eq(calls.id, callId), eq(calls.districtId, districtId))) : [];
    const today = stockholmDate(now);
    const open = call && call.opensOn <= today && today <= call.closesOn;
    if (!call || (!open && callId !== current.callId)) errors.callId = "Välj en utlysning som är öppen just nu, eller ingen utlysning.";
  }
  const areaId = patch.priorityAreaId !== undefined ? patch.priorityAreaId : current.priorityAreaId;
  if (areaId && patch.priorityAreaId !== undefined) {
    const valid = isId(areaId);
    const [area] = valid
      ? await db.select().from(priorityAreas).where(and(eq(priorityAreas.id, areaId), eq(priorityAreas.districtId, districtId)))
      : [];
    if (!area || (call && !call.priorityAreaIds.includes(areaId))) {
      errors.priorityAreaId = "Välj ett av stadsdelens prioriterade områden, eller inget.";
    }
  }
  return errors;
}

export type SaveResult =
  | { ok: true; revision: number; savedAt: string }
  | { ok: false; kind: "conflict" | "not_draft"; message: string };

/**
 * Merges the good fields into the draft, if the draft is still at the revision the page was built from.
 * The revision goes up only when the stored content changes (utils/revision.ts).
 */
export async function saveDraft(input: {
  versionId: string;
  expectedRevision: number;
  patch: Partial<ApplicationContent>;
  userId: string;
  now?: Date;
}): Promise<SaveResult> {
  const db = await getDb();
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(applicationVersions).where(eq(applicationVersions.id, input.versionId)).for("update");
    if (!row || row.status !== "draft") {
      return { ok: false, kind: "not_draft", message: "Ansökan är redan inskickad och kan inte ändras." } as const;
    }
    if (row.revision !== input.expectedRevision) return { ok: false, kind: "conflict", message: STALE_SAVE_MESSAGE } as const;
    const stored = readContent(row.content);
    const merged = applicationDraftSchema.parse({ ...stored, ...input.patch });
    // Nothing stored changes (every typed value refused, or the same again): the revision stays, so the
    // page that sent it is still current and its next save is not taken for someone else's.
    if (revisionAfterSave(row.revision, stored, merged) === row.revision) {
      return { ok: true, revision: row.revision, savedAt: stockholmIsoString(now).slice(11, 16) } as const;
    }
    const [written] = await tx
      .update(applicationVersions)
      .set({ content: merged as Record<string, unknown>, revision: row.revision + 1, updatedById: input.userId, updatedAt: now })
      .where(and(eq(applicationVersions.id, row.id), eq(applicationVersions.revision, row.revision)))
      .returning({ revision: applicationVersions.revision });
    if (!written) return { ok: false, kind: "conflict", message: STALE_SAVE_MESSAGE } as const;
    // The case is listed under the application's name; only a draft before submission renames it.
    if (input.patch.title && input.patch.title !== stored.title && row.version === 1) {
      await tx.update(cases).set({ title: input.patch.title, updatedAt: now }).where(eq(cases.id, row.caseId));
    }
    return { ok: true, revision: written.revision, savedAt: stockholmIsoString(now).slice(11, 16) } as const;
  });
}

/** The call an application answers, for the period check at submission. */
export async function callOf(content: ApplicationContent) {
  if (!content.callId || !isId(content.callId)) return null;
  const db = await getDb();
  const [call] = await db.select().from(calls).where(eq(calls.id, content.callId));
  return call ?? null;
}

/** Names of the chosen call and priority area, for the summary. */
export async function choiceNames(content: ApplicationContent) {
  const db = await getDb();
  const call = await callOf(content);
  const ids = [content.priorityAreaId].filter((id): id is string => !!id && isId(id));
  const areas = ids.length ? await db.select().from(priorityAreas).where(inArray(priorityAreas.id, ids)) : [];
  return { callTitle: call?.title ?? null, priorityAreaName: areas[0]?.name ?? null };
}
