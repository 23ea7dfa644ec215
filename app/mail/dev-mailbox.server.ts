/** What /dev/mail shows: the messages delivered to the development mailbox instead of SMTP. */
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { emailOutbox } from "../../db/schema";

const delivered = sql`${emailOutbox.payload}->>'delivery' = 'dev-mailbox'`;

export async function listDevMailbox(limit = 200) {
  const db = await getDb();
  const rows = await db
    .select({ id: emailOutbox.id, to: emailOutbox.recipientEmail, subject: emailOutbox.subject, sentAt: emailOutbox.sentAt })
    .from(emailOutbox)
    .where(delivered)
    .orderBy(desc(emailOutbox.position))
    .limit(limit);
  return rows.map((r) => ({ ...r, sentAt: r.sentAt?.toISOString() ?? null }));
}

export async function readDevMail(id: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: emailOutbox.id,
      to: emailOutbox.recipientEmail,
      subject: emailOutbox.subject,
      text: emailOutbox.textBody,
      html: emailOutbox.htmlBody,
      sentAt: emailOutbox.sentAt,
    })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.id, id), delivered));
  return row ? { ...row, sentAt: row.sentAt?.toISOString() ?? null } : null;
}
