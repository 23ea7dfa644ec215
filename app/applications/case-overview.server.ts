/** What a förening sees of its cases: the list on /forening and the page of one case. */
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "../../db/client";
import { caseDeadlines, cases, districts } from "../../db/schema";
import { describeState } from "../cases/status-text";
import { loadTimeline } from "../cases/timeline.server";
import { readCaseContext } from "../../workflows";
import { listApplicationVersions } from "./versions.server";

export interface CaseListItem {
  id: string;
  organisationId: string;
  title: string;
  diaryNumber: string | null;
  districtName: string;
  status: string;
  next: string;
  deadline: string | null;
  updatedAt: Date;
}

/** Open deadlines per case, the earliest first. */
async function openDeadlines(caseIds: string[]): Promise<Map<string, string>> {
  if (caseIds.length === 0) return new Map();
  const db = await getDb();
  const rows = await db
    .select({ caseId: caseDeadlines.caseId, dueOn: caseDeadlines.dueOn })
    .from(caseDeadlines)
    .where(and(inArray(caseDeadlines.caseId, caseIds), isNull(caseDeadlines.clearedAt)))
    .orderBy(asc(caseDeadlines.dueOn));
  const map = new Map<string, string>();
  for (const r of rows) if (!map.has(r.caseId)) map.set(r.caseId, r.dueOn);
  return map;
}

export async function listOrganisationCases(organisationIds: string[]): Promise<CaseListItem[]> {
  if (organisationIds.length === 0) return [];
  const db = await getDb();
  const rows = await db
    .select({ case: cases, districtName: districts.name })
    .from(cases)
    .innerJoin(districts, eq(districts.id, cases.districtId))
    .where(inArray(cases.organisationId, organisationIds))
    .orderBy(desc(cases.createdAt));
  const deadlines = await openDeadlines(rows.map((r) => r.case.id));
  return rows.map(({ case: c, districtName }) => {
    const text = describeState(readCaseContext(c).state, "association", c.outcome);
    return {
      id: c.id,
      organisationId: c.organisationId,
      title: c.title,
      diaryNumber: c.diaryNumber,
      districtName,
      status: text.label,
      next: text.next,
      deadline: deadlines.get(c.id) ?? null,
      updatedAt: c.updatedAt,
    };
  });
}

type CaseRecord = typeof cases.$inferSelect;

/** Everything the förening's case page shows. */
export async function loadCaseOverview(caseRow: CaseRecord) {
  const { state, context } = readCaseContext(caseRow);
  const text = describeState(state, "association", caseRow.outcome);
  const deadlines = await openDeadlines([caseRow.id]);
  const versions = await listApplicationVersions(caseRow.id);
  return {
    status: text.label,
    next: text.next,
    deadline: deadlines.get(caseRow.id) ?? null,
    completionRequest:
      state === "review.awaitingCompletion" && context.completionRequest
        ? { message: context.completionRequest.message, dueDate: context.completionRequest.dueDate }
        : null,
    timeline: await loadTimeline(caseRow.id, "association"),
    versions: versions.map((v) => ({ version: v.version, status: v.status, submittedAt: v.submittedAt, updatedAt: v.updatedAt })),
  };
}
