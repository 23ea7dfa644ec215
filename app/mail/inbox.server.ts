/** The notification centre: the messages the portal has written to one user, read or unread. */
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { emailOutbox } from "../../db/schema";

export interface InboxItem {
  id: string;
  subject: string;
  createdAt: string;
  read: boolean;
}

/** Messages not yet read; the header shows this number. */
export async function unreadCount(userId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.recipientUserId, userId), isNull(emailOutbox.readAt)));
  return row?.n ?? 0;
}

export async function listInbox(userId: string, limit = 200): Promise<InboxItem[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: emailOutbox.id, subject: emailOutbox.subject, createdAt: emailOutbox.createdAt, readAt: emailOutbox.readAt })
    .from(emailOutbox)
    .where(eq(emailOutbox.recipientUserId, userId))
    .orderBy(desc(emailOutbox.position))
    .limit(limit);
  return rows.map((r) => ({ id: r.id, subject: r.subject, createdAt: r.createdAt.toISOString(), read: r.readAt !== null }));
}

/** One of the user's own messages, marked read; null when it is not theirs (or does not exist). */
export async function openMessage(userId: string, id: string) {
  const db = await getDb();
  const [row] = await db
    .update(emailOutbox)
    .set({ readAt: sql`coalesce(${emailOutbox.readAt}, now())` })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.recipientUserId, userId)))
    .returning({ id: emailOutbox.id, subject: emailOutbox.subject, text: emailOutbox.textBody, createdAt: emailOutbox.createdAt });
  return row ? { ...row, createdAt: row.createdAt.toISOString() } : null;
}

export async function markAllRead(userId: string): Promise<void> {
  const db = await getDb();
  await db
    .update(emailOutbox)
    .set({ readAt: sql`now()` })
    .where(and(eq(emailOutbox.recipientUserId, userId), isNull(emailOutbox.readAt)));
}
