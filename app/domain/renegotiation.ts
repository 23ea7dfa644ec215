/**
 * What a renegotiation starts from: the förening's last application, carried over into the new case's
 * draft so they edit what they wrote instead of starting from nothing. The period moves to begin the
 * day after the old agreement ends and keeps the old period's length. The nämnd decides only after the
 * final report, so that day has usually passed: the period then starts on the first of the month after
 * the decision instead, since a new agreement cannot start before it is made. The old call is not
 * carried (it has closed, and its period limits no longer apply).
 */
import type { AgreementContent } from "./agreement";
import type { ApplicationContent } from "./application";

export interface RenegotiationSource {
  /** The old case's latest application version. */
  application: ApplicationContent;
  /** The old agreement's period, when there is one; otherwise the application's period is used. */
  agreementPeriod?: { startDate?: string | null; endDate?: string | null } | null;
  /** The decision day (YYYY-MM-DD, Stockholm). */
  decidedOn: string;
}

const DAY_MS = 86_400_000;
const toTime = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const toIso = (time: number) => new Date(time).toISOString().slice(0, 10);
const isIso = (value: string | null | undefined): value is string =>
  typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(toTime(value));

/** The next period: from the day after `end`, as long as start–end was (one year when unknown). */
export function followingPeriod(
  start: string | null | undefined,
  end: string,
  decidedOn: string,
): { periodStart: string; periodEnd: string } {
  const decided = new Date(toTime(decidedOn));
  const firstAfterDecision = Date.UTC(decided.getUTCFullYear(), decided.getUTCMonth() + 1, 1);
  const nextStart = Math.max(toTime(end) + DAY_MS, firstAfterDecision);
  if (isIso(start) && toTime(start) <= toTime(end)) {
    // A period of whole months (the usual case) keeps its months, so leap days do not shift the end.
    const months = wholeMonths(start, end);
    const periodEnd = months === null ? nextStart + (toTime(end) - toTime(start)) : addMonths(nextStart, months) - DAY_MS;
    return { periodStart: toIso(nextStart), periodEnd: toIso(periodEnd) };
  }
  return { periodStart: toIso(nextStart), periodEnd: toIso(addMonths(nextStart, 12) - DAY_MS) };
}

function addMonths(time: number, months: number): number {
  const date = new Date(time);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate());
}

/** N when start–end is exactly N months (end is the day before start + N months), otherwise null. */
function wholeMonths(start: string, end: string): number | null {
  const [sy, sm] = start.split("-").map(Number) as [number, number];
  const [ey, em] = end.split("-").map(Number) as [number, number];
  const approx = (ey - sy) * 12 + (em - sm);
  for (const months of [approx, approx + 1]) {
    if (months > 0 && addMonths(toTime(start), months) - DAY_MS === toTime(end)) return months;
  }
  return null;
}

/** The new case's first draft. Rows are copied, never shared, so editing one case leaves the other as it was. */
export function renegotiationDraft(source: RenegotiationSource): ApplicationContent {
  const { callId: _call, periodStart, periodEnd, ...rest } = source.application;
  const start = isIso(source.agreementPeriod?.startDate) ? source.agreementPeriod.startDate : periodStart;
  const end = isIso(source.agreementPeriod?.endDate) ? source.agreementPeriod.endDate : periodEnd;
  const content: ApplicationContent = {
    ...rest,
    callId: null,
    targetGroups: rest.targetGroups?.map((g) => ({ ...g })),
    activities: rest.activities?.map((a) => ({ ...a })),
    budgetLines: rest.budgetLines?.map((l) => ({ ...l })),
  };
  for (const key of ["targetGroups", "activities", "budgetLines"] as const) {
    if (content[key] === undefined) delete content[key];
  }
  return isIso(end) ? { ...content, ...followingPeriod(start, end, source.decidedOn) } : { ...content, periodStart: null, periodEnd: null };
}

/**
 * The new agreement's first draft: what the new application gives (syfte, målgrupp, period, amounts),
 * plus the old agreement's goals with their target values (Verksamhetsplanens mål med målvärden). The
 * application has no goals of its own, so without this the parties would lose what they agreed to
 * measure and the final report was judged against; they adjust the goals instead of rewriting them.
 * Goals the handläggare already has in `prefill` win. Rows are copied, never shared.
 */
export function renegotiatedAgreementDraft(prefill: AgreementContent, previous: AgreementContent | null): AgreementContent {
  const carried = (previous?.goals ?? []).filter((g) => g.description.trim() !== "").map((g) => ({ ...g }));
  if ((prefill.goals ?? []).length > 0 || carried.length === 0) return prefill;
  return { ...prefill, goals: carried };
}
