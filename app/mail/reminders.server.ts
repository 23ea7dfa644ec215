/**
 * The scheduler's work: reminders about deadlines and waiting attestations, and ending agreement
 * periods. A reminder is written as outbox rows in the same transaction as its reminders_sent row;
 * the unique (kind, key) decides who sends, so running twice, or on two workers, sends once.
 */
import { and, desc, eq, inArray, isNull, like, lte, max } from "drizzle-orm";
import { getDb } from "../../db/client";
import { caseDeadlines, caseEvents, cases, districts, emailOutbox, organisations, remindersSent } from "../../db/schema";
import { reminderEmail, type ReminderTemplate } from "../../emails/reminders";
import type { RecipientRole } from "../../workflows";
import { AWAITING_PERIOD_END, deliverElapsedPeriod } from "../cases/elapsed-period.server";
import { loadRecipients } from "../cases/recipients.server";
import { appUrl } from "../utils/config.server";
import { stockholmDate } from "../utils/time";
import { addDays, workingDaysBetween } from "./working-days";

export const REPORT_REMINDER_DAYS = 14;
export const COMPLETION_REMINDER_DAYS = 3;
export const ATTESTATION_REMINDER_WORKING_DAYS = 5;

interface CaseInfo {
  id: string;
  title: string;
  diaryNumber: string | null;
  organisationId: string;
  districtId: string;
  assignedCaseworkerId: string | null;
  organisationName: string;
  districtCode: string;
}

const caseColumns = {
  id: cases.id,
  title: cases.title,
  diaryNumber: cases.diaryNumber,
  organisationId: cases.organisationId,
  districtId: cases.districtId,
  assignedCaseworkerId: cases.assignedCaseworkerId,
  organisationName: organisations.name,
  districtCode: districts.code,
};

interface Reminder {
  kind: ReminderTemplate;
  key: string;
  caseInfo: CaseInfo;
  to: RecipientRole[];
  date: string;
  deadlineKind?: string;
}

/** Sends one reminder unless it has been sent; true when this call sent it. */
async function sendReminder(reminder: Reminder): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(remindersSent)
      .values({ kind: reminder.kind, key: reminder.key, caseId: reminder.caseInfo.id })
      .onConflictDoNothing()
      .returning({ id: remindersSent.id });
    if (claimed.length === 0) return false;
    const c = reminder.caseInfo;
    const recipients = await loadRecipients(tx, c, reminder.to);
    for (const recipient of recipients.filter((r) => reminder.to.some((role) => r.matches.has(role)))) {
      const caseUrl =
        recipient.side === "association"
          ? `${appUrl()}/forening/arenden/${c.id}`
          : `${appUrl()}/forvaltning/${c.districtCode.toLowerCase()}/arenden/${c.id}`;
      const email = await reminderEmail(reminder.kind, {
        diaryNumber: c.diaryNumber,
        title: c.title,
        organisationName: c.organisationName,
        recipientName: recipient.name,
        caseUrl,
        side: recipient.side,
        date: reminder.date,
        deadlineKind: reminder.deadlineKind,
      });
      await tx.insert(emailOutbox).values({
        template: email.template,
        recipientUserId: recipient.userId,
        recipientEmail: recipient.email.toLowerCase(),
        subject: email.subject,
        textBody: email.text,
        htmlBody: email.html,
        caseId: c.id,
        payload: { side: recipient.side, reminder: reminder.kind },
      });
    }
    return true;
  });
}

async function deadlineReminders(today: string): Promise<Reminder[]> {
  const db = await getDb();
  const rows = await db
    .select({ deadline: { id: caseDeadlines.id, kind: caseDeadlines.kind, dueOn: caseDeadlines.dueOn }, caseInfo: caseColumns })
    .from(caseDeadlines)
    .innerJoin(cases, eq(cases.id, caseDeadlines.caseId))
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .innerJoin(districts, eq(districts.id, cases.districtId))
    .where(and(isNull(caseDeadlines.clearedAt), lte(caseDeadlines.dueOn, addDays(today, REPORT_REMINDER_DAYS))));
  return rows.flatMap(({ deadline, caseInfo }): Reminder[] => {
    const key = `${deadline.id}:${deadline.dueOn}`;
    const base = { key, caseInfo, date: deadline.dueOn, deadlineKind: deadline.kind };
    if (deadline.kind === "report" || deadline.kind === "finalReport") {
      if (deadline.dueOn < today) return [{ ...base, kind: "report_overdue", to: ["applicant", "assignedCaseworker"] }];
      return [{ ...base, kind: "report_due_soon", to: ["applicant"] }];
    }
    if (deadline.kind === "completion" && deadline.dueOn >= today && deadline.dueOn <= addDays(today, COMPLETION_REMINDER_DAYS)) {
      return [{ ...base, kind: "completion_due_soon", to: ["applicant"] }];
    }
    return [];
  });
}

async function attestationReminders(today: string): Promise<Reminder[]> {
  const db = await getDb();
  const waiting = await db
    .select({ caseInfo: caseColumns, state: cases.state })
    .from(cases)
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .innerJoin(districts, eq(districts.id, cases.districtId))
    .where(like(cases.state, "%.attestation.%"));
  if (waiting.length === 0) return [];
  const lastEvents = await db
    .select({ caseId: caseEvents.caseId, id: max(caseEvents.id), at: max(caseEvents.createdAt) })
    .from(caseEvents)
    .where(inArray(caseEvents.caseId, waiting.map((w) => w.caseInfo.id)))
    .groupBy(caseEvents.caseId);
  const last = new Map(lastEvents.map((e) => [e.caseId, e]));
  return waiting.flatMap(({ caseInfo, state }): Reminder[] => {
    const event = last.get(caseInfo.id);
    if (!event?.at || event.id === null) return [];
    const since = stockholmDate(new Date(event.at));
    if (workingDaysBetween(since, today) <= ATTESTATION_REMINDER_WORKING_DAYS) return [];
    const chef: RecipientRole | null = state.endsWith("awaitingHeadOfUnit")
      ? "headOfUnit"
      : state.endsWith("awaitingDistrictDirector")
        ? "districtDirector"
        : null;
    if (!chef) return [];
    return [{ kind: "attestation_waiting", key: `${caseInfo.id}:${event.id}`, caseInfo, to: [chef], date: since }];
  });
}

/** Cases whose agreement period has ended move on to the slutrapport (the same step opening the case takes). */
async function endElapsedPeriods(now: Date): Promise<number> {
  const db = await getDb();
  const candidates = await db
    .select({ id: cases.id, state: cases.state, revision: cases.revision, machineVersion: cases.machineVersion, snapshot: cases.snapshot })
    .from(cases)
    .where(eq(cases.state, AWAITING_PERIOD_END))
    .orderBy(desc(cases.updatedAt));
  let ended = 0;
  for (const candidate of candidates) {
    if ((await deliverElapsedPeriod(candidate, now)) === "delivered") ended++;
  }
  return ended;
}

export async function runReminders(now: Date = new Date()): Promise<{ reminders: number; periodsElapsed: number }> {
  const today = stockholmDate(now);
  const periodsElapsed = await endElapsedPeriods(now);
  const due = [...(await deadlineReminders(today)), ...(await attestationReminders(today))];
  let reminders = 0;
  for (const reminder of due) if (await sendReminder(reminder)) reminders++;
  return { reminders, periodsElapsed };
}
