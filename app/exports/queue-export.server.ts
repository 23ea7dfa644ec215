/**
 * A queue's filtered list as a table to export: the same queue and filters as the page's URL, every
 * row rather than one page, up to a cap. Only the case's register facts: never internal notes,
 * statements or report texts.
 */
import { asc, inArray } from "drizzle-orm";
import { readContent } from "../applications/versions.server";
import { getDb } from "../../db/client";
import { applicationVersions, cases } from "../../db/schema";
import { QUEUE_LABELS, STAGE_LABELS, readQueueQuery, type OpenStage } from "../administration/queue-definitions";
import { listQueue, loadQueueFilterOptions, type QueueViewer } from "../administration/queues.server";
import type { DistrictMembership } from "../auth/current-user.server";
import { stockholmDate } from "../utils/time";
import type { Cell, ExportTable } from "./table";

/** Enough for any district's open cases today (hundreds); a bigger list says it was cut. */
export const QUEUE_EXPORT_CAP = 5000;

export const QUEUE_EXPORT_HEADERS = [
  "Diarienummer",
  "Förening",
  "Organisationsnummer",
  "Skede",
  "Status",
  "Handläggare",
  "Utlysning",
  "Prioriterat område",
  "Inskickad",
  "Nästa frist",
];

export async function queueExportTable(
  user: { id: string },
  district: DistrictMembership,
  params: URLSearchParams,
  options: { cap?: number } = {},
): Promise<ExportTable> {
  const cap = options.cap ?? QUEUE_EXPORT_CAP;
  // The page's paging cursor is not a filter: the export starts from the first row.
  const { efter: _efter, efterId: _efterId, ...query } = readQueueQuery(params);
  const viewer: QueueViewer = { userId: user.id, districtId: district.id, roles: district.roles };
  const queue = query.ko ?? (district.roles.includes("caseworker") ? "mina" : "alla");
  const page = await listQueue(viewer, queue, query, { pageSize: cap });
  const ids = page.rows.map((r) => r.id);
  const db = await getDb();
  const [details, versions, names] = await Promise.all([
    ids.length === 0
      ? []
      : db.select({ id: cases.id, stage: cases.stage, submittedAt: cases.submittedAt }).from(cases).where(inArray(cases.id, ids)),
    // The newest version's call and priority area, as the queue's filters read them.
    ids.length === 0
      ? []
      : db
          .select({ caseId: applicationVersions.caseId, content: applicationVersions.content })
          .from(applicationVersions)
          .where(inArray(applicationVersions.caseId, ids))
          .orderBy(asc(applicationVersions.version)),
    loadQueueFilterOptions(district.id),
  ]);
  const byId = new Map(details.map((d) => [d.id, d]));
  const latest = new Map(versions.map((v) => [v.caseId, readContent(v.content)]));
  const callName = new Map(names.calls.map((c) => [c.value, c.label]));
  const areaName = new Map(names.priorityAreas.map((a) => [a.value, a.label]));

  const rows = page.rows.map((r): Cell[] => {
    const detail = byId.get(r.id);
    const content = latest.get(r.id);
    const submittedAt = detail?.submittedAt;
    return [
      r.diaryNumber,
      r.organisationName,
      r.organisationNumber,
      detail ? (STAGE_LABELS[detail.stage as OpenStage] ?? detail.stage) : null,
      r.status,
      r.assigneeName ?? "Ingen",
      content?.callId ? (callName.get(content.callId) ?? null) : "Eget initiativ",
      content?.priorityAreaId ? (areaName.get(content.priorityAreaId) ?? null) : null,
      submittedAt ? stockholmDate(submittedAt) : null,
      r.nextDue,
    ];
  });
  return {
    name: QUEUE_LABELS[queue].label,
    headers: QUEUE_EXPORT_HEADERS,
    rows,
    widths: [16, 32, 18, 16, 32, 24, 32, 24, 12, 12],
    note: page.next
      ? `Listan är avkortad: den visar de första ${cap} ärendena. Använd filtren för att få med resten.`
      : undefined,
  };
}
