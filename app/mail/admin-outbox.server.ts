/**
 * The förvaltning's view of its outbox: rows about the district's cases and to its staff, with a way
 * to queue a failed row again.
 */
import { and, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Database } from "../../db/client";
import { cases, districtMemberships, emailOutbox } from "../../db/schema";

export const OUTBOX_STATUSES = ["queued", "sending", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

function ofDistrict(db: Database, districtId: string): SQL {
  return or(
    inArray(emailOutbox.caseId, db.select({ id: cases.id }).from(cases).where(eq(cases.districtId, districtId))),
    inArray(
      emailOutbox.recipientUserId,
      db.select({ id: districtMemberships.userId }).from(districtMemberships).where(eq(districtMemberships.districtId, districtId)),
    ),
  )!;
}

export async function listDistrictOutbox(
  districtId: string,
  filter: { status?: OutboxStatus; template?: string },
  limit = 200,
) {
  const db = await getDb();
  const rows = await db
    .select({
      id: emailOutbox.id,
      template: emailOutbox.template,
      to: emailOutbox.recipientEmail,
      subject: emailOutbox.subject,
      status: emailOutbox.status,
      attempts: emailOutbox.attempts,
      lastError: emailOutbox.lastError,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
    })
    .from(emailOutbox)
    .where(
      and(
        ofDistrict(db, districtId),
        filter.status ? eq(emailOutbox.status, filter.status) : undefined,
        filter.template ? eq(emailOutbox.template, filter.template) : undefined,
      ),
    )
    .orderBy(desc(emailOutbox.position))
    .limit(limit);
  const templates = await db
    .selectDistinct({ template: emailOutbox.template })
    .from(emailOutbox)
    .where(ofDistrict(db, districtId));
  return {
    rows: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), sentAt: r.sentAt?.toISOString() ?? null })),
    templates: templates.map((t) => t.template).sort(),
  };
}

/** Queues a failed row of this district again; false when there is no such row. */
export async function resendFailed(districtId: string, id: string): Promise<boolean> {
  const db = await getDb();
  const updated = await db
    .update(emailOutbox)
    .set({ status: "queued", attempts: 0, nextAttemptAt: sql`now()`, lastError: null })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, "failed"), ofDistrict(db, districtId)))
    .returning({ id: emailOutbox.id });
  return updated.length > 0;
}
