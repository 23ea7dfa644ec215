/**
 * Uppföljning: the förening's period reports as the förvaltning reviews them, the review's mervärde
 * (written in the same transaction as the approval), meetings, extension and early termination.
 */
import { and, asc, desc, eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { meetings, reports, users } from "../../db/schema";
import type { CurrentUser } from "../auth/current-user.server";
import { userActor } from "../cases/case-roles";
import { transitionCase, type CaseCommand, type LoadedCase } from "../cases/transition.server";
import { financialReportSchema, periodReportDraftSchema, type FinancialReport, type PeriodReportContent } from "../domain/reports";

export interface PeriodReportView {
  id: string;
  periodIndex: number;
  version: number;
  submittedAt: string | null;
  content: PeriodReportContent;
  financial: FinancialReport | null;
  financialSubmittedAt: string | null;
  addedValue: string | null;
}

/** The latest submitted version of each period's report, in period order. */
export async function listPeriodReports(caseId: string): Promise<PeriodReportView[]> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(reports)
    .where(and(eq(reports.caseId, caseId), eq(reports.kind, "period"), eq(reports.status, "submitted")))
    .orderBy(asc(reports.periodIndex), desc(reports.version));
  const latest = rows.filter((row, i) => i === 0 || rows[i - 1]!.periodIndex !== row.periodIndex);
  return latest.map((row) => {
    const content = periodReportDraftSchema.safeParse(row.content);
    const financial = row.financial ? financialReportSchema.safeParse(row.financial) : null;
    const review = row.review as { addedValue?: unknown } | null;
    return {
      id: row.id,
      periodIndex: row.periodIndex,
      version: row.version,
      submittedAt: row.submittedAt?.toISOString() ?? null,
      content: content.success ? content.data : {},
      financial: financial?.success ? financial.data : null,
      financialSubmittedAt: row.financialSubmittedAt?.toISOString() ?? null,
      addedValue: typeof review?.addedValue === "string" ? review.addedValue : null,
    };
  });
}

const actorOf = (user: CurrentUser) => userActor(user);

/** APPROVE_REPORT, and the förvaltning's view of the mervärde on the report, in one transaction. */
export async function approveReport(input: {
  user: CurrentUser;
  found: LoadedCase;
  expectedRevision: number;
  periodIndex: number;
  addedValue: string;
}) {
  const current = (await listPeriodReports(input.found.case.id)).find((r) => r.periodIndex === input.periodIndex);
  if (!current) return { ok: false as const, kind: "refused" as const, message: "Föreningen har inte lämnat någon rapport för perioden." };
  return transitionCase({
    loaded: input.found,
    command: { type: "APPROVE_REPORT" },
    actor: actorOf(input.user),
    expectedRevision: input.expectedRevision,
    alsoWrite: async (tx) => {
      await tx
        .update(reports)
        .set({ review: { addedValue: input.addedValue }, updatedAt: new Date() })
        .where(eq(reports.id, current.id));
    },
  });
}

/** Any other follow-up decision the machine judges: komplettering, förlängning, upphörande. */
export function decide(input: { user: CurrentUser; found: LoadedCase; expectedRevision: number; command: CaseCommand }) {
  return transitionCase({
    loaded: input.found,
    command: input.command,
    actor: actorOf(input.user),
    expectedRevision: input.expectedRevision,
  });
}

export const MEETING_KINDS = { styrgrupp: "Styrgrupp", arbetsgrupp: "Arbetsgrupp" } as const;
export type MeetingKind = keyof typeof MEETING_KINDS;

export async function listMeetings(caseId: string) {
  const db = await getDb();
  const rows = await db
    .select({
      id: meetings.id,
      kind: meetings.kind,
      heldOn: meetings.heldOn,
      participants: meetings.participants,
      minutes: meetings.minutes,
      recordedBy: users.name,
    })
    .from(meetings)
    .leftJoin(users, eq(users.id, meetings.createdById))
    .where(eq(meetings.caseId, caseId))
    .orderBy(desc(meetings.heldOn), desc(meetings.createdAt));
  return rows;
}

export async function recordMeeting(input: {
  caseId: string;
  userId: string;
  kind: MeetingKind;
  heldOn: string;
  participants: string;
  minutes: string;
}) {
  const db = await getDb();
  await db.insert(meetings).values({
    caseId: input.caseId,
    kind: input.kind,
    heldOn: input.heldOn,
    participants: input.participants,
    minutes: input.minutes,
    createdById: input.userId,
  });
}
