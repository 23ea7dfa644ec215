/**
 * Pure rules between what a person typed in a report form and what is stored: blank rows are
 * dropped, figures are kept as typed (normalised "4–12"), amounts become whole kronor, and a report
 * is checked for what it needs before it can be sent in. Shared by the server and the unit tests.
 */
import { parseFigure } from "../domain/figures";
import { readKronor } from "../domain/money";
import {
  finalReportDraftSchema,
  financialReportSchema,
  periodReportDraftSchema,
  type FinalReportContent,
  type FinancialReport,
  type PeriodReportContent,
} from "../domain/reports";
import type { FieldErrors } from "../utils/forms";
import { applyRowIntent, parseRowIntent, type RowIntent } from "../utils/form-rows";
import type { FinalReportForm, FinancialForm, PeriodReportForm } from "./schemas";

type Activity = NonNullable<PeriodReportContent["activities"]>[number];
const ACTIVITY_FIELDS = ["name", "sessions", "women", "men", "other", "ageGroup", "comment"] as const;
const FIGURE_FIELDS = ["sessions", "women", "men", "other"] as const;

const isBlank = (row: Record<string, string | undefined>, fields: readonly string[]) =>
  fields.every((f) => (row[f] ?? "").trim() === "");

/** "4-12" and "4 – 12" are stored as "4–12"; anything else as typed (the schema has checked it). */
const normaliseFigure = (value: string) => (value.trim() === "" ? "" : (parseFigure(value)?.text ?? value.trim()));

/** The form's goals are in the agreement's order, so the row number is the goal's index. */
export function periodContentFromForm(form: PeriodReportForm): PeriodReportContent {
  const activities: Activity[] = (form.activities ?? [])
    .filter((a) => !isBlank(a, ACTIVITY_FIELDS))
    .map((a) => ({ ...a, ...Object.fromEntries(FIGURE_FIELDS.map((f) => [f, normaliseFigure(a[f])])) }));
  const goals = (form.goals ?? []).map((g, goalIndex) => ({ goalIndex, outcome: g.outcome, comment: g.comment }));
  return periodReportDraftSchema.parse({ narrative: form.narrative ?? "", activities, goals });
}

/** Stored content → the form's shape (goals by index, so a goal added later gets an empty row). */
export function periodFormValues(content: PeriodReportContent, goalCount: number) {
  const goals = Array.from({ length: goalCount }, (_, i) => {
    const found = content.goals?.find((g) => g.goalIndex === i);
    return { outcome: found?.outcome ?? "", comment: found?.comment ?? "" };
  });
  return { narrative: content.narrative ?? "", activities: content.activities ?? [], goals };
}

/** A post of the yearly report → the form's shape, to show it again as typed. */
export function periodFormFromPost(values: Record<string, unknown>, goalCount: number) {
  const goals = Array.isArray(values.goals) ? (values.goals as unknown[]) : [];
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  return {
    narrative: text(values.narrative),
    activities: reportRows(values.activities, "activities"),
    goals: Array.from({ length: goalCount }, (_, i) => {
      const g = (goals[i] ?? {}) as Record<string, unknown>;
      return { outcome: text(g.outcome), comment: text(g.comment) };
    }),
  };
}

/** What must be there before the yearly report is sent in; messages keyed by field. */
export function periodSubmissionProblems(content: PeriodReportContent): FieldErrors {
  const errors: FieldErrors = {};
  if (!content.narrative?.trim()) errors.narrative = "Berätta kort vad ni har gjort och hur det har gått.";
  const activities = content.activities ?? [];
  if (activities.length === 0) errors["activities.0.name"] = "Fyll i minst en aktivitet.";
  activities.forEach((a, i) => {
    if (!a.name.trim()) errors[`activities.${i}.name`] = "Skriv vad aktiviteten heter.";
  });
  return errors;
}

/** Rows on the report forms, added and removed by intent (utils/form-rows.ts, RowList). */
export const REPORT_ROW_FIELDS = {
  activities: ACTIVITY_FIELDS,
  lines: ["description", "budget", "outcome"],
} as const;
export type ReportRowList = keyof typeof REPORT_ROW_FIELDS;
export type ReportRow = Record<string, string>;

export const blankReportRow = (list: ReportRowList): ReportRow => Object.fromEntries(REPORT_ROW_FIELDS[list].map((f) => [f, ""]));

/** Rows as posted (or stored), every field a string, so the form can show them again as typed. */
export function reportRows(raw: unknown, list: ReportRowList): ReportRow[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((row) => {
    const record = row && typeof row === "object" ? (row as Record<string, unknown>) : {};
    return Object.fromEntries(REPORT_ROW_FIELDS[list].map((f) => [f, typeof record[f] === "string" ? record[f] : record[f] == null ? "" : String(record[f])]));
  });
}

/**
 * A row button on a report form: the post as the form should show it again, with the list as it stands
 * after the button. The rows of the other lists stay as posted.
 */
export function withReportRowIntent(values: Record<string, unknown>, intent: RowIntent | null): Record<string, unknown> {
  if (!intent || !(intent.list in REPORT_ROW_FIELDS)) return values;
  const list = intent.list as ReportRowList;
  return { ...values, [list]: applyRowIntent(reportRows(values[list], list), list, intent, () => blankReportRow(list)) };
}

export const parseReportRowIntent = (intent: unknown, list: ReportRowList) => parseRowIntent(intent, [list]);

export type FinancialFromForm = { ok: true; report: FinancialReport } | { ok: false; errors: FieldErrors };

/** Every non-blank line needs a name and both amounts; blank lines are dropped. */
export function financialFromForm(form: FinancialForm): FinancialFromForm {
  const errors: FieldErrors = {};
  const lines: FinancialReport["lines"] = [];
  (form.lines ?? []).forEach((line, i) => {
    if (isBlank(line, ["description", "budget", "outcome"])) return;
    if (!line.description.trim()) errors[`lines.${i}.description`] = "Skriv vad posten gäller.";
    const amount = (key: "budget" | "outcome", empty: string) => {
      const reading = readKronor(line[key]);
      if (reading.ok) return reading.value;
      errors[`lines.${i}.${key}`] = reading.blank ? empty : reading.message;
      return null;
    };
    const budget = amount("budget", "Skriv budgeten för posten, i hela kronor.");
    const outcome = amount("outcome", "Skriv utfallet för posten, i hela kronor.");
    if (budget !== null && outcome !== null) lines.push({ description: line.description, budget, outcome });
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (lines.length === 0) return { ok: false, errors: { "lines.0.description": "Fyll i minst en post med budget och utfall." } };
  const parsed = financialReportSchema.safeParse({ lines, comment: form.comment ?? "" });
  if (!parsed.success) {
    return { ok: false, errors: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message])) };
  }
  return { ok: true, report: parsed.data };
}

export function financialFormValues(report: FinancialReport | null) {
  return {
    lines: (report?.lines ?? []).map((l) => ({ description: l.description, budget: String(l.budget), outcome: String(l.outcome) })),
    comment: report?.comment ?? "",
  };
}

const COMMITMENTS = ["yes", "partly", "no"] as const;
const commitmentOf = (v: unknown) => (COMMITMENTS as readonly unknown[]).includes(v) ? (v as (typeof COMMITMENTS)[number]) : undefined;

export function finalContentFromForm(form: FinalReportForm): FinalReportContent {
  const { caseRevision: _c, reportRevision: _r, send: _s, associationCommitmentsMet, administrationCommitmentsMet, ...texts } = form;
  return finalReportDraftSchema.parse({
    ...texts,
    associationCommitmentsMet: commitmentOf(associationCommitmentsMet),
    administrationCommitmentsMet: commitmentOf(administrationCommitmentsMet),
  });
}

export function finalSubmissionProblems(content: FinalReportContent): FieldErrors {
  const errors: FieldErrors = {};
  if (!content.goalFulfilment?.trim()) errors.goalFulfilment = "Beskriv hur väl ni nådde målen.";
  if (!content.associationCommitmentsMet) errors.associationCommitmentsMet = "Svara om föreningen har gjort det den lovade.";
  if (!content.administrationCommitmentsMet) errors.administrationCommitmentsMet = "Svara om förvaltningen har gjort det den lovade.";
  if (!content.lessonsLearned?.trim()) errors.lessonsLearned = "Skriv vad ni har lärt er.";
  return errors;
}
