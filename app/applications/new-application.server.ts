/** Starting an application: which district, which call (if any), and the case with its first draft. */
import { and, asc, desc, eq, gte, inArray, lte, or } from "drizzle-orm";
import { getDb } from "../../db/client";
import { applicationVersions, calls, cases, districts, priorityAreas } from "../../db/schema";
import { createCaseInTransaction } from "../cases/create-case.server";
import type { ApplicationContent } from "../domain/application";
import { stockholmDate } from "../utils/time";
import { readContent } from "./versions.server";
import { isId } from "../domain/ids";

export async function listDistricts() {
  const db = await getDb();
  return db.select({ id: districts.id, name: districts.name }).from(districts).orderBy(asc(districts.name));
}

export interface CallChoice {
  id: string;
  title: string;
  closesOn: string;
  periodEarliestStart: string | null;
  periodLatestEnd: string | null;
  priorityAreas: { id: string; name: string }[];
}

/** The district's calls open today (and the one already chosen), with their priority areas. */
export async function callChoices(districtId: string, alsoCallId?: string | null, now = new Date()): Promise<CallChoice[]> {
  const db = await getDb();
  const today = stockholmDate(now);
  const open = and(lte(calls.opensOn, today), gte(calls.closesOn, today));
  const rows = await db
    .select()
    .from(calls)
    .where(
      and(
        eq(calls.districtId, districtId),
        alsoCallId && isId(alsoCallId) ? or(open, eq(calls.id, alsoCallId)) : open,
      ),
    )
    .orderBy(asc(calls.closesOn));
  const areas = await districtPriorityAreas(districtId);
  return rows.map((c) => ({
    id: c.id,
    title: c.title,
    closesOn: c.closesOn,
    periodEarliestStart: c.periodEarliestStart,
    periodLatestEnd: c.periodLatestEnd,
    priorityAreas: areas.filter((a) => c.priorityAreaIds.includes(a.id)),
  }));
}

export async function districtPriorityAreas(districtId: string) {
  const db = await getDb();
  return db
    .select({ id: priorityAreas.id, name: priorityAreas.name })
    .from(priorityAreas)
    .where(and(eq(priorityAreas.districtId, districtId), eq(priorityAreas.active, true)))
    .orderBy(asc(priorityAreas.name));
}

/** The förening's latest application, to start from: what they wrote before, not its name or period. */
async function previousContent(organisationId: string): Promise<ApplicationContent> {
  const db = await getDb();
  const [row] = await db
    .select({ content: applicationVersions.content })
    .from(applicationVersions)
    .innerJoin(cases, eq(cases.id, applicationVersions.caseId))
    .where(eq(cases.organisationId, organisationId))
    .orderBy(desc(applicationVersions.updatedAt))
    .limit(1);
  if (!row) return {};
  const { title: _t, callId: _c, priorityAreaId: _p, periodStart: _s, periodEnd: _e, ...rest } = readContent(row.content);
  return rest;
}

export async function hasPreviousApplication(organisationId: string): Promise<boolean> {
  return Object.keys(await previousContent(organisationId)).length > 0;
}

/** The case and its first draft version, together or not at all. */
export async function createApplication(input: {
  organisationId: string;
  districtId: string;
  title: string;
  callId: string | null;
  priorityAreaId: string | null;
  startFromPrevious: boolean;
  userId: string;
}): Promise<string> {
  const base = input.startFromPrevious ? await previousContent(input.organisationId) : {};
  const content: ApplicationContent = {
    ...base,
    title: input.title,
    callId: input.callId,
    priorityAreaId: input.priorityAreaId,
  };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const caseId = await createCaseInTransaction(tx, {
      organisationId: input.organisationId,
      districtId: input.districtId,
      title: input.title,
      createdById: input.userId,
    });
    await tx.insert(applicationVersions).values({
      caseId,
      version: 1,
      status: "draft",
      content: content as Record<string, unknown>,
      updatedById: input.userId,
    });
    return caseId;
  });
}

export async function districtExists(districtId: string): Promise<boolean> {
  if (!isId(districtId)) return false;
  const db = await getDb();
  const rows = await db.select({ id: districts.id }).from(districts).where(inArray(districts.id, [districtId]));
  return rows.length > 0;
}
