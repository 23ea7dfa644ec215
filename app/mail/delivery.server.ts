/**
 * The outbox's delivery states in SQL. A claim is one statement: it picks due rows in FIFO order with
 * FOR UPDATE SKIP LOCKED (so two workers never pick the same row) and marks them `sending` with a
 * lease in next_attempt_at. A worker that dies leaves its rows `sending`; once the lease has expired
 * they are due again. attempts counts started deliveries, so a message that kills its worker every
 * time still ends as `failed`.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { emailOutbox } from "../../db/schema";

export interface ClaimedMail {
  id: string;
  recipientEmail: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  attempts: number;
  createdAt: Date;
  /** When this worker asked for the row (its lease runs from no earlier than this). */
  claimedAt: number;
}

/**
 * The time the outbox's states are counted from: the database's `now()`, or, when a worker is given a
 * clock (tests), that clock's time, so a test advances past a lease or a backoff instead of sleeping.
 */
const at = (now?: Date) => (now ? sql`${now.toISOString()}::timestamptz` : sql`now()`);

export async function claimDue(db: Executor, limit: number, leaseMs: number, now?: Date): Promise<ClaimedMail[]> {
  const claimedAt = now?.getTime() ?? Date.now();
  const result = await db.execute(sql`
    update email_outbox o
       set status = 'sending', attempts = o.attempts + 1, updated_at = now(),
           next_attempt_at = ${at(now)} + (${String(leaseMs)}::text || ' milliseconds')::interval
     where o.id in (
       select id from email_outbox
        where status in ('queued', 'sending') and next_attempt_at <= ${at(now)}
        order by position
        limit ${String(limit)}::text::int
        for update skip locked)
    returning o.id, o.recipient_email, o.subject, o.text_body, o.html_body, o.attempts, o.position, o.created_at`);
  return rowsOf<{
    id: string;
    recipient_email: string;
    subject: string;
    text_body: string;
    html_body: string | null;
    attempts: number;
    position: string | number;
    created_at: string | Date;
  }>(result)
    .sort((a, b) => Number(a.position) - Number(b.position))
    .map((r) => ({
      id: r.id,
      recipientEmail: r.recipient_email,
      subject: r.subject,
      textBody: r.text_body,
      htmlBody: r.html_body,
      attempts: Number(r.attempts),
      createdAt: new Date(r.created_at),
      claimedAt,
    }));
}

const mine = (id: string) => and(eq(emailOutbox.id, id), eq(emailOutbox.status, "sending"));

export async function markSent(db: Executor, id: string, note?: string, now?: Date) {
  await db
    .update(emailOutbox)
    .set({
      status: "sent",
      sentAt: at(now),
      lastError: null,
      ...(note ? { payload: sql`${emailOutbox.payload} || jsonb_build_object('delivery', ${note}::text)` } : {}),
    })
    .where(mine(id));
}

/** `untried`: the row was claimed but not sent to SMTP, so the attempt does not count. */
export async function markRetry(db: Executor, id: string, delayMs: number, error: string, untried = false, now?: Date) {
  await db
    .update(emailOutbox)
    .set({
      status: "queued",
      ...(untried ? { attempts: sql`greatest(${emailOutbox.attempts} - 1, 0)` } : {}),
      lastError: error,
      nextAttemptAt: sql`${at(now)} + (${String(Math.round(delayMs))}::text || ' milliseconds')::interval`,
    })
    .where(mine(id));
}

/** Keeps a row this worker is still sending from being taken by another (renewed every few seconds). */
export async function renewLease(db: Executor, id: string, leaseMs: number, now?: Date) {
  await db
    .update(emailOutbox)
    .set({ nextAttemptAt: sql`${at(now)} + (${String(leaseMs)}::text || ' milliseconds')::interval` })
    .where(mine(id));
}

/**
 * The wait after the mail server could not be reached. Such tries do not count as attempts, so the
 * wait grows with how long the message has waited instead: a quarter of that, between base and cap.
 */
export function outageDelayMs(createdAt: Date, baseMs: number, capMs: number, now = Date.now(), random = Math.random) {
  const plain = Math.min(capMs, Math.max(baseMs, (now - createdAt.getTime()) / 4));
  return Math.round(plain * (0.8 + 0.4 * random()));
}

export async function markFailed(db: Executor, id: string, error: string) {
  await db.update(emailOutbox).set({ status: "failed", lastError: error }).where(mine(id));
}

/** Exponential backoff with a cap and ±20 % jitter, so retries after an outage do not arrive at once. */
export function backoffMs(attempts: number, baseMs: number, capMs: number, random = Math.random): number {
  const plain = Math.min(capMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(plain * (0.8 + 0.4 * random()));
}
