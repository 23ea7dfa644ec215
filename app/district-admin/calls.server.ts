/** A district's prioriterade områden and utlysningar (DOMAIN.md step 1), managed by its admin. */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "../../db/client";
import { calls, priorityAreas } from "../../db/schema";
import { ID_PATTERN } from "../domain/ids";

const UUID = ID_PATTERN;

export async function listPriorityAreas(districtId: string) {
  const db = await getDb();
  return db
    .select({ id: priorityAreas.id, name: priorityAreas.name, description: priorityAreas.description, active: priorityAreas.active })
    .from(priorityAreas)
    .where(eq(priorityAreas.districtId, districtId))
    .orderBy(asc(priorityAreas.name));
}

export async function listCalls(districtId: string) {
  const db = await getDb();
  return db
    .select({
      id: calls.id,
      title: calls.title,
      description: calls.description,
      opensOn: calls.opensOn,
      closesOn: calls.closesOn,
      periodEarliestStart: calls.periodEarliestStart,
      periodLatestEnd: calls.periodLatestEnd,
      priorityAreaIds: calls.priorityAreaIds,
    })
    .from(calls)
    .where(eq(calls.districtId, districtId))
    .orderBy(desc(calls.opensOn));
}

export async function savePriorityArea(input: {
  districtId: string;
  id?: string;
  name: string;
  description: string | null;
  active: boolean;
}): Promise<boolean> {
  const db = await getDb();
  const values = { name: input.name, description: input.description, active: input.active };
  if (input.id !== undefined && !UUID.test(input.id)) return false;
  if (!input.id) {
    await db.insert(priorityAreas).values({ ...values, districtId: input.districtId });
    return true;
  }
  const updated = await db
    .update(priorityAreas)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(priorityAreas.id, input.id), eq(priorityAreas.districtId, input.districtId)))
    .returning({ id: priorityAreas.id });
  return updated.length > 0;
}

export async function saveCall(input: {
  districtId: string;
  id?: string;
  title: string;
  description: string | null;
  opensOn: string;
  closesOn: string;
  periodEarliestStart: string | null;
  periodLatestEnd: string | null;
  priorityAreaIds: string[];
}): Promise<boolean> {
  const db = await getDb();
  // Only the district's own areas can be linked; anything else posted is dropped.
  const ownAreas =
    input.priorityAreaIds.length === 0
      ? []
      : await db
          .select({ id: priorityAreas.id })
          .from(priorityAreas)
          .where(and(eq(priorityAreas.districtId, input.districtId), inArray(priorityAreas.id, input.priorityAreaIds.filter((areaId) => UUID.test(areaId)))));
  const { id, districtId, ...rest } = input;
  if (id !== undefined && !UUID.test(id)) return false;
  const values = { ...rest, priorityAreaIds: ownAreas.map((a) => a.id) };
  if (!id) {
    await db.insert(calls).values({ ...values, districtId });
    return true;
  }
  const updated = await db
    .update(calls)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(calls.id, id), eq(calls.districtId, districtId)))
    .returning({ id: calls.id });
  return updated.length > 0;
}
