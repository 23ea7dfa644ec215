/** Attachments to an application version: upload while it is a draft, list, remove, and download for both sides. */
import crypto from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import { getDb } from "../../db/client";
import { applicationVersions, attachments } from "../../db/schema";
import type { CurrentUser } from "../auth/current-user.server";
import { requireCaseAttachment } from "../cases/access.server";
import { readStoredFile, storeFile } from "./storage.server";
import { ALLOWED_TYPES, wrongTypeMessage } from "./types";
import { isId } from "../domain/ids";

export interface AttachmentItem {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  createdAt: Date;
}

export async function listApplicationAttachments(versionId: string): Promise<AttachmentItem[]> {
  const db = await getDb();
  return db
    .select({
      id: attachments.id,
      fileName: attachments.fileName,
      mediaType: attachments.mediaType,
      sizeBytes: attachments.sizeBytes,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(and(eq(attachments.ownerKind, "application"), eq(attachments.ownerId, versionId), isNull(attachments.deletedAt)))
    .orderBy(asc(attachments.createdAt));
}

/** Keeps the name readable and harmless: no path, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "").trim().slice(0, 150);
  return cleaned || "bilaga";
}

export type UploadResult = { ok: true; id: string } | { ok: false; message: string };

export async function addApplicationAttachment(input: {
  caseId: string;
  versionId: string;
  fileName: string;
  bytes: Uint8Array;
  userId: string;
}): Promise<UploadResult> {
  if (input.bytes.byteLength === 0) return { ok: false, message: "Filen är tom. Välj en annan fil." };
  const detected = await fileTypeFromBuffer(input.bytes);
  if (!detected || !(detected.mime in ALLOWED_TYPES)) return { ok: false, message: wrongTypeMessage };
  const db = await getDb();
  const [version] = await db.select().from(applicationVersions).where(eq(applicationVersions.id, input.versionId));
  if (!version || version.status !== "draft" || version.caseId !== input.caseId) {
    return { ok: false, message: "Ansökan är redan inskickad. Bilagor kan bara läggas till i ett utkast." };
  }
  const storageKey = await storeFile(input.bytes);
  const [row] = await db
    .insert(attachments)
    .values({
      caseId: input.caseId,
      ownerKind: "application",
      ownerId: input.versionId,
      fileName: cleanFileName(input.fileName),
      mediaType: detected.mime,
      sizeBytes: input.bytes.byteLength,
      sha256: crypto.createHash("sha256").update(input.bytes).digest("hex"),
      storageKey,
      side: "association",
      uploadedById: input.userId,
    })
    .returning({ id: attachments.id });
  return { ok: true, id: row!.id };
}

/** Soft delete, only from a draft version of this case. */
export async function removeApplicationAttachment(input: { caseId: string; versionId: string; attachmentId: string }) {
  if (!isId(input.attachmentId)) return false;
  const db = await getDb();
  const [version] = await db.select().from(applicationVersions).where(eq(applicationVersions.id, input.versionId));
  if (!version || version.status !== "draft" || version.caseId !== input.caseId) return false;
  const removed = await db
    .update(attachments)
    .set({ deletedAt: new Date() })
    .where(
      and(
        eq(attachments.id, input.attachmentId),
        eq(attachments.caseId, input.caseId),
        eq(attachments.ownerId, input.versionId),
        isNull(attachments.deletedAt),
      ),
    )
    .returning({ id: attachments.id });
  return removed.length > 0;
}

/** A file for download, after the record check (404 outside the case, 403 without the permission). */
export async function loadAttachmentForDownload(user: CurrentUser, attachmentId: string) {
  const row = await requireCaseAttachment(user, attachmentId);
  return { fileName: row.fileName, mediaType: row.mediaType, bytes: await readStoredFile(row.storageKey) };
}
