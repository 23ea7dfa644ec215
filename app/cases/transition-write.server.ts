/**
 * Writes one accepted transition as ONE statement: the case (only if its revision is still the one
 * read), the audit event, the deadlines and the outbox rows. A statement is atomic on its own, so a
 * failure anywhere leaves nothing, and a stale revision writes nothing at all. One round trip instead
 * of ten is what keeps a transition within a few milliseconds (see bench/transitions.ts).
 */
import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { rowsOf } from "../../db/rows";

export interface TransitionWrite {
  caseId: string;
  expectedRevision: number;
  snapshot: unknown;
  machineVersion: number;
  state: string;
  assignedCaseworkerId: string | null;
  outcome: string | null;
  diaryNumber: string | null;
  submittedAt: Date | null;
  closedAt: Date | null;
  now: Date;
  audit: {
    actorUserId: string | null;
    actorRoles: string[];
    eventType: string;
    fromState: string;
    comment: string | null;
    payload: Record<string, unknown>;
  };
  clearDeadlineKinds: string[];
  newDeadlines: { kind: string; due_on: string }[];
  mail: {
    template: string;
    recipient_user_id: string;
    recipient_email: string;
    subject: string;
    text_body: string;
    html_body: string;
    payload: Record<string, unknown>;
  }[];
}

// Every value goes as text and is cast in SQL: postgres.js would otherwise re-serialise values for
// the types it infers (jsonb, arrays), and PGlite would not, so the two drivers agree this way.
const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Returns the new revision and the audit event's id, or null when the revision was stale. */
export async function writeTransition(
  db: Executor,
  w: TransitionWrite,
): Promise<{ revision: number; auditEventId: number } | null> {
  const stage = w.state.split(".")[0]!;
  const result = await db.execute(sql`
    with upd as (
      update cases set
        snapshot = ${JSON.stringify(w.snapshot)}::text::jsonb,
        machine_version = ${w.machineVersion},
        state = ${w.state},
        stage = ${stage},
        revision = revision + 1,
        assigned_caseworker_id = ${w.assignedCaseworkerId}::text::uuid,
        outcome = ${w.outcome},
        diary_number = ${w.diaryNumber},
        submitted_at = ${iso(w.submittedAt)}::text::timestamptz,
        closed_at = ${iso(w.closedAt)}::text::timestamptz,
        updated_at = ${iso(w.now)}::text::timestamptz
      where id = ${w.caseId}::text::uuid and revision = ${w.expectedRevision}
      returning id, revision
    ), aud as (
      insert into case_events
        (case_id, revision, actor_user_id, actor_roles, event_type, from_state, to_state, comment, payload, created_at)
      select upd.id, upd.revision, ${w.audit.actorUserId}::text::uuid, ${`{${w.audit.actorRoles.join(",")}}`}::text::text[],
        ${w.audit.eventType}, ${w.audit.fromState}, ${w.state}, ${w.audit.comment},
        ${JSON.stringify(w.audit.payload)}::text::jsonb, ${iso(w.now)}::text::timestamptz
      from upd
      returning id
    ), cleared as (
      update case_deadlines set cleared_at = ${iso(w.now)}::text::timestamptz, updated_at = ${iso(w.now)}::text::timestamptz
      where case_id = ${w.caseId}::text::uuid and cleared_at is null
        and kind = any(${`{${w.clearDeadlineKinds.join(",")}}`}::text::text[])
        and exists (select 1 from upd)
      returning id
    ), added as (
      insert into case_deadlines (case_id, kind, due_on, created_at, updated_at)
      select upd.id, d.kind, d.due_on, ${iso(w.now)}::text::timestamptz, ${iso(w.now)}::text::timestamptz
      from upd, jsonb_to_recordset(${JSON.stringify(w.newDeadlines)}::text::jsonb) as d(kind text, due_on text)
      returning id
    ), mailed as (
      insert into email_outbox
        (template, recipient_user_id, recipient_email, subject, text_body, html_body, case_id, case_event_id, payload)
      select m.template, m.recipient_user_id, m.recipient_email, m.subject, m.text_body, m.html_body,
        ${w.caseId}::text::uuid, aud.id, m.payload
      from aud, rows from (
        jsonb_to_recordset(${JSON.stringify(w.mail)}::text::jsonb) as (template text, recipient_user_id uuid,
          recipient_email text, subject text, text_body text, html_body text, payload jsonb)
      ) with ordinality as m(template, recipient_user_id, recipient_email, subject, text_body, html_body, payload, n)
      order by m.n
      returning id
    )
    select upd.revision, aud.id as audit_event_id,
      (select count(*) from cleared) + (select count(*) from added) + (select count(*) from mailed) as side_rows
    from upd, aud
  `);
  const [row] = rowsOf<{ revision: number; audit_event_id: string | number }>(result);
  if (!row) return null;
  return { revision: Number(row.revision), auditEventId: Number(row.audit_event_id) };
}
