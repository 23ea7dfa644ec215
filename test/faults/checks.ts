/**
 * What the suite reads back from the database at the end: every case whole (its revision, its audit
 * rows and the e-mails each transition owes, written together or not at all), every acknowledged
 * transition there, and every outbox row delivered exactly once.
 */
import type postgres from "postgres";
import type { ReceivedMail } from "../support/smtp";
import type { Acknowledged } from "./load";

/** E-mails each transition in the suite owes: REASSIGN tells the new caseworker and the förening. */
const MAIL_PER_EVENT: Record<string, (n: number) => boolean> = {
  REASSIGN: (n) => n === 2,
  TAKE: (n) => n === 1,
  SUBMIT: (n) => n >= 2,
  CREATED: (n) => n === 0,
};

export interface CaseCheck {
  checked: number;
  halfWritten: { caseId: string; problem: string }[];
  acknowledgedMissing: number;
}

export async function checkCases(sql: postgres.Sql, caseIds: string[], acknowledged: Acknowledged[]): Promise<CaseCheck> {
  const halfWritten: CaseCheck["halfWritten"] = [];
  const caseRows = await sql<{ id: string; revision: number; state: string; events: number; last: number | null }[]>`
    select c.id, c.revision, c.state, count(e.id)::int as events, max(e.revision)::int as last
      from cases c left join case_events e on e.case_id = c.id
     where c.id = any(${caseIds}::uuid[])
     group by c.id`;
  for (const c of caseRows) {
    if (c.events !== c.revision || c.last !== c.revision) {
      halfWritten.push({ caseId: c.id, problem: `revision ${c.revision}, ${c.events} audit rows (last ${c.last})` });
    }
  }
  if (caseRows.length !== caseIds.length) halfWritten.push({ caseId: "-", problem: `${caseIds.length - caseRows.length} cases missing` });
  const events = await sql<{ id: string; case_id: string; revision: number; event_type: string; mails: number }[]>`
    select e.id, e.case_id, e.revision, e.event_type, count(o.id)::int as mails
      from case_events e left join email_outbox o on o.case_event_id = e.id
     where e.case_id = any(${caseIds}::uuid[])
     group by e.id`;
  for (const e of events) {
    const owes = MAIL_PER_EVENT[e.event_type];
    if (owes && !owes(e.mails)) halfWritten.push({ caseId: e.case_id, problem: `${e.event_type} at revision ${e.revision} has ${e.mails} e-mails` });
  }
  const orphans = await sql<{ n: number }[]>`
    select count(*)::int as n from email_outbox o
     where o.case_id = any(${caseIds}::uuid[])
       and (o.case_event_id is null or not exists (select 1 from case_events e where e.id = o.case_event_id))`;
  if (orphans[0]!.n > 0) halfWritten.push({ caseId: "-", problem: `${orphans[0]!.n} e-mails without their audit row` });
  const reassigned = new Set(events.filter((e) => e.event_type === "REASSIGN").map((e) => `${e.case_id}/${e.revision}`));
  const acknowledgedMissing = acknowledged.filter((a) => !reassigned.has(`${a.caseId}/${a.revision}`)).length;
  return { checked: caseRows.length, halfWritten, acknowledgedMissing };
}

export interface MailCheck {
  expected: number;
  delivered: number;
  lost: number;
  failedRows: number;
  duplicated: number;
  /** Duplicates whose first copy was not accepted in the last instant before a crash. */
  unexplainedDuplicates: number;
  /** When the first copy of each unexplained duplicate was accepted (ms since the epoch). */
  unexplainedAt: number[];
}

export async function checkMail(
  sql: postgres.Sql,
  received: ReceivedMail[],
  crashes: number[],
  instantMs: number,
): Promise<MailCheck> {
  const rows = await sql<{ id: string; status: string }[]>`select id, status from email_outbox`;
  const firstAccepted = new Map<string, number>();
  const copies = new Map<string, number>();
  for (const m of received) {
    if (!m.outboxId) continue;
    copies.set(m.outboxId, (copies.get(m.outboxId) ?? 0) + 1);
    if (!firstAccepted.has(m.outboxId)) firstAccepted.set(m.outboxId, m.acceptedAt);
  }
  const ids = new Set(rows.map((r) => r.id));
  const delivered = [...copies.keys()].filter((id) => ids.has(id)).length;
  let duplicated = 0;
  let unexplained = 0;
  const unexplainedAt: number[] = [];
  for (const [id, n] of copies) {
    if (n < 2) continue;
    duplicated += n - 1;
    const at = firstAccepted.get(id)!;
    // Sent before the crash, the message may reach the SMTP server a few milliseconds after it.
    if (!crashes.some((crash) => Math.abs(crash - at) <= instantMs)) {
      unexplained += n - 1;
      unexplainedAt.push(at);
    }
  }
  return {
    expected: rows.length,
    delivered,
    lost: rows.length - delivered,
    failedRows: rows.filter((r) => r.status === "failed").length,
    duplicated,
    unexplainedDuplicates: unexplained,
    unexplainedAt,
  };
}
