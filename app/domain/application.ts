/**
 * What an application (ansökan) contains, from seed 004 and DOMAIN.md step 2. One schema for drafts
 * (anything may be missing, nothing may be wrong) and one for submission (complete).
 * Shared by the förening's form (browser and action) and the förvaltning's reading of it.
 */
import * as z from "zod/mini";
import { periodProblems, readDate, storedDate } from "./dates";
import { kronorAmount, sharePercent, sum } from "./money";
import { textCheck, type TextKind } from "./text";

export const LIMITS = { title: 150, short: 300, medium: 2000, long: 4000 } as const;

const text = (max: number, label: string, kind: TextKind = "multiLine") =>
  z.string().check(z.trim(), z.maxLength(max, `${label} får vara högst ${max} tecken.`), textCheck(kind));
const isoDate = storedDate;
const amount = kronorAmount;
const age = z.number("Skriv en ålder i hela år.").check(z.int("Skriv en ålder i hela år."), z.minimum(0, "Åldern kan inte vara negativ."), z.maximum(120, "Kontrollera åldern."));

export const targetGroupSchema = z.object({
  description: text(LIMITS.short, "Beskrivningen av målgruppen"),
  ageFrom: z.optional(z.nullable(age)),
  ageTo: z.optional(z.nullable(age)),
});

export const activitySchema = z.object({
  name: text(200, "Namnet på aktiviteten", "oneLine"),
  description: text(LIMITS.medium, "Beskrivningen av aktiviteten"),
});

export const budgetLineSchema = z.object({
  description: text(200, "Budgetposten", "oneLine"),
  /** Föreningens insats i kronor. */
  associationAmount: amount,
  /** Förvaltningens bidrag i kronor. */
  administrationAmount: amount,
});

/** Everything a draft may hold. Optional everywhere: a draft is saved as it is. */
export const applicationDraftSchema = z.object({
  title: z.optional(text(LIMITS.title, "Namnet på ansökan", "oneLine")),
  callId: z.optional(z.nullable(z.string())),
  priorityAreaId: z.optional(z.nullable(z.string())),
  periodStart: z.optional(z.nullable(isoDate)),
  periodEnd: z.optional(z.nullable(isoDate)),
  /** Syfte */
  purpose: z.optional(text(LIMITS.long, "Syftet")),
  /** Samhällsutmaning */
  societalChallenge: z.optional(text(LIMITS.long, "Samhällsutmaningen")),
  targetGroups: z.optional(z.array(targetGroupSchema)),
  activities: z.optional(z.array(activitySchema)),
  /** Koppling till politiskt program eller plan där idéburna organisationer nämns. */
  policyLink: z.optional(text(LIMITS.medium, "Kopplingen till program eller plan")),
  /** Vilka av förvaltningens verksamheter det kompletterar. */
  complementsOperations: z.optional(text(LIMITS.medium, "Beskrivningen av vad ni kompletterar")),
  /** Hur parterna ska samverka. */
  cooperation: z.optional(text(LIMITS.medium, "Beskrivningen av samverkan")),
  budgetLines: z.optional(z.array(budgetLineSchema)),
  /** Andra insatser än pengar: ideella timmar, lokaler … */
  otherContributions: z.optional(text(LIMITS.medium, "Beskrivningen av andra insatser")),
});
export type ApplicationContent = z.infer<typeof applicationDraftSchema>;

export interface ApplicationProblem {
  /** Dotted path of the field, e.g. "budgetLines.0.description" or "periodEnd". */
  path: string;
  message: string;
}

/**
 * What must be in place before an application can be submitted; each problem names its field.
 * `call` is the call the application answers, if any, for the period check; `today` (Stockholm's
 * date) is given where a period wholly in the past must be refused.
 */
export function submissionProblems(
  content: ApplicationContent,
  call?: { periodEarliestStart: string | null; periodLatestEnd: string | null; title: string } | null,
  today?: string,
): ApplicationProblem[] {
  const problems: ApplicationProblem[] = [];
  const need = (path: string, value: unknown, message: string) => {
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
      problems.push({ path, message });
    }
  };
  need("title", content.title, "Ge ansökan ett namn.");
  need("periodStart", content.periodStart, "Skriv när verksamheten ska börja.");
  need("periodEnd", content.periodEnd, "Skriv när verksamheten ska sluta.");
  const period = applicationPeriodProblems(content.periodStart ?? "", content.periodEnd ?? "", today);
  if (period.periodStart) problems.push({ path: "periodStart", message: period.periodStart });
  if (period.periodEnd) problems.push({ path: "periodEnd", message: period.periodEnd });
  if (call && content.periodStart && call.periodEarliestStart && content.periodStart < call.periodEarliestStart) {
    problems.push({
      path: "periodStart",
      message: `Utlysningen ”${call.title}” gäller verksamhet från ${call.periodEarliestStart}.`,
    });
  }
  if (call && content.periodEnd && call.periodLatestEnd && content.periodEnd > call.periodLatestEnd) {
    problems.push({
      path: "periodEnd",
      message: `Utlysningen ”${call.title}” gäller verksamhet till och med ${call.periodLatestEnd}.`,
    });
  }
  need("purpose", content.purpose, "Beskriv syftet med partnerskapet.");
  need("societalChallenge", content.societalChallenge, "Beskriv samhällsutmaningen ni vill möta.");
  if (!content.targetGroups?.some((g) => g.description.trim() !== "")) {
    problems.push({ path: "targetGroups", message: "Beskriv minst en målgrupp." });
  }
  content.targetGroups?.forEach((g, i) => {
    if (g.ageFrom != null && g.ageTo != null && g.ageTo < g.ageFrom) {
      problems.push({ path: `targetGroups.${i}.ageTo`, message: "Åldern ”till” kan inte vara lägre än åldern ”från”." });
    }
  });
  if (!content.activities?.some((a) => a.name.trim() !== "")) {
    problems.push({ path: "activities", message: "Beskriv minst en planerad aktivitet." });
  }
  need("policyLink", content.policyLink, "Beskriv vilket politiskt program eller vilken plan verksamheten hör till.");
  need("complementsOperations", content.complementsOperations, "Beskriv vilka av förvaltningens verksamheter ni kompletterar.");
  need("cooperation", content.cooperation, "Beskriv hur ni och förvaltningen ska samverka.");
  const lines = content.budgetLines ?? [];
  if (lines.length === 0) problems.push({ path: "budgetLines", message: "Lägg till minst en budgetpost." });
  lines.forEach((line, i) => {
    if (line.description.trim() === "") problems.push({ path: `budgetLines.${i}.description`, message: "Skriv vad budgetposten gäller." });
  });
  const totals = budgetTotals(lines);
  if (lines.length > 0 && totals.administration === 0) {
    problems.push({ path: "budgetLines", message: "Skriv hur mycket ni söker från förvaltningen." });
  }
  if (lines.length > 0 && totals.association === 0 && !content.otherContributions?.trim()) {
    problems.push({
      path: "otherContributions",
      message: "Båda parter ska bidra. Skriv föreningens insats i budgeten, i pengar eller som andra insatser.",
    });
  }
  return problems;
}

/**
 * The application's period by the one date rule: each date real and in range, the end after the
 * start, and (with `today`) not wholly in the past. Messages by field; typed text or stored dates.
 */
export function applicationPeriodProblems(start: string, end: string, today?: string): { periodStart?: string; periodEnd?: string } {
  const problems: { periodStart?: string; periodEnd?: string } = {};
  for (const [field, value] of [["periodStart", start], ["periodEnd", end]] as const) {
    const reading = readDate(value);
    if (!reading.ok && !reading.blank) problems[field] = reading.message;
  }
  const period = periodProblems(start, end, today);
  if (period.end && !problems.periodEnd) problems.periodEnd = period.end;
  return problems;
}

export function budgetTotals(lines: readonly { associationAmount: number; administrationAmount: number }[]) {
  const association = sum(lines.map((l) => l.associationAmount));
  const administration = sum(lines.map((l) => l.administrationAmount));
  const total = association + administration;
  return {
    association,
    administration,
    total,
    associationShare: sharePercent(association, total),
    administrationShare: sharePercent(administration, total),
  };
}
