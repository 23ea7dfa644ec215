/**
 * An application version as a PDF, and its attachments as one ZIP, for the förening that owns the
 * case and for staff of the case's district. Only submitted versions: a draft is still being written.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import { zipSync } from "fflate";
import { getDb } from "../../db/client";
import { attachments } from "../../db/schema";
import { summarySections } from "../applications/summary.server";
import { listApplicationVersions } from "../applications/versions.server";
import { readStoredFile } from "../attachments/storage.server";
import type { CurrentUser } from "../auth/current-user.server";
import { requireCaseForDistrict, requireCaseForOrganisation, type CaseRow } from "../cases/access.server";
import { stockholmDate } from "../utils/time";
import { buildApplicationDocument } from "./application-document";
import { renderApplicationPdf } from "./application-pdf.server";
import { fileResponse, safeFileStem } from "./file-response";

export type ApplicationReader = { side: "association" } | { side: "staff"; district: string };

const notFound = (message: string) => new Response(message, { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

async function requireReadable(user: CurrentUser, reader: ApplicationReader, caseId: string): Promise<CaseRow> {
  return reader.side === "association"
    ? requireCaseForOrganisation(user, caseId, "organisation.view")
    : requireCaseForDistrict(user, { district: reader.district, caseId }, "case.view");
}

/** The submitted version asked for (`?version=2`), or the newest submitted one. */
async function submittedVersion(caseId: string, versionParam: string | null) {
  const submitted = (await listApplicationVersions(caseId)).filter((v) => v.status === "submitted");
  if (versionParam) return submitted.find((v) => String(v.version) === versionParam) ?? null;
  return submitted.at(-1) ?? null;
}

async function attachmentRows(versionId: string) {
  const db = await getDb();
  return db
    .select()
    .from(attachments)
    .where(and(eq(attachments.ownerKind, "application"), eq(attachments.ownerId, versionId), isNull(attachments.deletedAt)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

const stemOf = (row: CaseRow, version: number) => `ansokan-${safeFileStem(row.case.diaryNumber ?? "utan-diarienummer")}-version-${version}`;

export async function applicationPdf(user: CurrentUser, reader: ApplicationReader, caseId: string, versionParam: string | null) {
  const row = await requireReadable(user, reader, caseId);
  const version = await submittedVersion(row.case.id, versionParam);
  if (!version) return notFound("Det finns ingen inskickad ansökan med den versionen.");
  const files = await attachmentRows(version.id);
  const document = buildApplicationDocument({
    organisationName: row.organisationName,
    organisationNumber: row.organisationNumber,
    districtName: row.districtName,
    diaryNumber: row.case.diaryNumber,
    version: version.version,
    submittedAt: version.submittedAt ? stockholmDate(version.submittedAt) : null,
    content: version.content,
    sections: await summarySections(version.content),
    attachments: files.map((f) => ({ fileName: f.fileName, mediaType: f.mediaType, sizeBytes: f.sizeBytes })),
  });
  return fileResponse(await renderApplicationPdf(document), `${stemOf(row, version.version)}.pdf`);
}

/** Two files with the same name get " (2)", " (3)" before the extension, so none overwrites another when unpacked. */
export function uniqueNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) {
      const dot = name.lastIndexOf(".");
      candidate = dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
    }
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

export async function applicationAttachmentsZip(user: CurrentUser, reader: ApplicationReader, caseId: string, versionParam: string | null) {
  const row = await requireReadable(user, reader, caseId);
  const version = await submittedVersion(row.case.id, versionParam);
  if (!version) return notFound("Det finns ingen inskickad ansökan med den versionen.");
  const files = await attachmentRows(version.id);
  if (files.length === 0) return notFound("Ansökan har inga bilagor.");
  const names = uniqueNames(files.map((f) => f.fileName));
  const entries: Record<string, [Uint8Array, { level: 0; mtime: Date }]> = {};
  // One at a time: at most ten files of at most 10 MB each, so the whole ZIP fits in memory; level 0
  // because PDF, DOCX, XLSX, ODT, JPG and PNG are already compressed.
  for (const [index, file] of files.entries()) {
    entries[names[index]!] = [new Uint8Array(await readStoredFile(file.storageKey)), { level: 0, mtime: file.createdAt }];
  }
  return fileResponse(zipSync(entries), `bilagor-${stemOf(row, version.version)}.zip`);
}

/** For the case pages' download links: each submitted version and how many attachments it has. */
export async function downloadableVersions(caseId: string): Promise<{ version: number; attachments: number }[]> {
  const submitted = (await listApplicationVersions(caseId)).filter((v) => v.status === "submitted");
  return Promise.all(submitted.map(async (v) => ({ version: v.version, attachments: (await attachmentRows(v.id)).length })));
}
