/**
 * Between the application's content (numbers, nulls) and the form (text as typed), per step. Shared by
 * the page and the action: a draft may be incomplete, but nothing in it may be wrong, so each field is
 * checked with its part of `applicationDraftSchema`; good fields are saved, bad ones keep what is stored
 * and get a message, and what the person typed is shown again.
 */
import { applicationDraftSchema, applicationPeriodProblems, type ApplicationContent } from "../domain/application";
import { kronorText, readKronor } from "../domain/money";
import type { FieldErrors } from "../utils/forms";
import { applyRowIntent, isBlankRow, parseRowIntent, rowsOrBlank, type RowIntent } from "../utils/form-rows";
import { ROW_FIELDS, ROW_LISTS, type RowListName, type Step } from "./steps";

type FormRow = Record<string, string>;
export type StepFormValues = Record<string, string | FormRow[]>;

const amountText = kronorText;

/** The stored content as the form shows it. */
export function contentToFormValues(content: ApplicationContent): StepFormValues {
  const text = (v: string | null | undefined) => v ?? "";
  return {
    title: text(content.title),
    periodStart: text(content.periodStart),
    periodEnd: text(content.periodEnd),
    callId: text(content.callId),
    priorityAreaId: text(content.priorityAreaId),
    purpose: text(content.purpose),
    societalChallenge: text(content.societalChallenge),
    policyLink: text(content.policyLink),
    complementsOperations: text(content.complementsOperations),
    cooperation: text(content.cooperation),
    otherContributions: text(content.otherContributions),
    targetGroups: (content.targetGroups ?? []).map((g) => ({
      description: g.description,
      ageFrom: g.ageFrom == null ? "" : String(g.ageFrom),
      ageTo: g.ageTo == null ? "" : String(g.ageTo),
    })),
    activities: (content.activities ?? []).map((a) => ({ name: a.name, description: a.description })),
    budgetLines: (content.budgetLines ?? []).map((l) => ({
      description: l.description,
      associationAmount: amountText(l.associationAmount),
      administrationAmount: amountText(l.administrationAmount),
    })),
  };
}

function ageFromText(input: string): number | null {
  const cleaned = input.trim();
  if (cleaned === "") return null;
  return /^-?\d+$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

function asRows(value: unknown): FormRow[] {
  const list = Array.isArray(value) ? value : value && typeof value === "object" ? Object.values(value) : [];
  return list.map((row) => {
    const record = (row && typeof row === "object" ? row : {}) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, typeof v === "string" ? v : ""]));
  });
}

export const blankRow = (list: RowListName): FormRow => Object.fromEntries(ROW_FIELDS[list].map((f) => [f, ""]));

/** "add-row:budgetLines" / "remove-row:budgetLines:2", from the row buttons (utils/form-rows.ts). */
export const parseStepRowIntent = (intent: string | undefined) => parseRowIntent(intent, ROW_LISTS);

export interface ParsedStep {
  /** Fields that are good and may be saved. */
  patch: Partial<ApplicationContent>;
  errors: FieldErrors;
  /** What the form should show again: what was typed, after the row button's change. */
  values: StepFormValues;
}

const shape = applicationDraftSchema.shape;
type Issue = { path: readonly PropertyKey[]; message: string };
const firstIssues = (issues: readonly Issue[], prefix: string, errors: FieldErrors) => {
  for (const issue of issues) {
    const key = [prefix, ...issue.path.map(String)].join(".");
    errors[key] ??= issue.message;
  }
};

/**
 * The posted fields of one step (dotted names already nested), checked field by field. `today`
 * (Stockholm's date) refuses a period wholly in the past.
 */
export function parseStep(step: Step, posted: Record<string, unknown>, rowIntent: RowIntent | null, today?: string): ParsedStep {
  const patch: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  const values: StepFormValues = {};
  for (const field of step.fields as readonly (keyof ApplicationContent)[]) {
    if ((ROW_LISTS as string[]).includes(field)) {
      const list = field as RowListName;
      // A post without any of the list's rows leaves it as it is (the form always shows at least one row).
      if (posted[list] === undefined && rowIntent?.list !== list) continue;
      const rows = applyRowIntent(asRows(posted[list]), list, rowIntent, () => blankRow(list));
      values[list] = rows;
      // Rows where nothing is typed are shown (a row just added) but never saved.
      const kept = rows.map((row, index) => ({ row, index })).filter(({ row }) => !isBlankRow(row));
      const rowSchema = shape[list].def.innerType.def.element;
      const parsedRows: unknown[] = [];
      let rowErrors = false;
      for (const { row, index } of kept) {
        const { candidate, refused } = rowCandidate(list, row);
        const result = rowSchema.safeParse(candidate);
        for (const [key, message] of Object.entries(refused)) errors[`${list}.${index}.${key}`] = message;
        if (result.success && Object.keys(refused).length === 0) parsedRows.push(result.data);
        else {
          rowErrors = true;
          if (!result.success) firstIssues(result.error.issues, `${list}.${index}`, errors);
        }
      }
      if (!rowErrors) patch[list] = parsedRows;
      continue;
    }
    const raw = posted[field];
    if (typeof raw !== "string") continue;
    values[field] = raw;
    const nullable = field === "periodStart" || field === "periodEnd" || field === "callId" || field === "priorityAreaId";
    const candidate = nullable && raw.trim() === "" ? null : raw.trim();
    const result = shape[field].safeParse(candidate);
    if (result.success) patch[field] = result.data;
    else firstIssues(result.error.issues, field, errors);
  }
  // The period by the one date rule, as typed; a date the rule refuses is not saved.
  if (typeof values.periodStart === "string" || typeof values.periodEnd === "string") {
    const period = applicationPeriodProblems(String(values.periodStart ?? ""), String(values.periodEnd ?? ""), today);
    for (const field of ["periodStart", "periodEnd"] as const) {
      const message = period[field];
      if (message && !errors[field]) errors[field] = message;
      if (message) delete patch[field];
    }
  }
  return { patch: patch as Partial<ApplicationContent>, errors, values };
}

/** A row as the schema reads it; amounts readKronor refuses carry its message in `refused`, by field. */
function rowCandidate(list: RowListName, row: FormRow): { candidate: Record<string, unknown>; refused: Record<string, string> } {
  const t = (key: string) => (row[key] ?? "").trim();
  const refused: Record<string, string> = {};
  // A blank amount is 0 kr: a budget line may have money from one party only.
  const amount = (key: string) => {
    const reading = readKronor(t(key));
    if (reading.ok) return reading.value;
    if (!reading.blank) refused[key] = reading.message;
    return 0;
  };
  switch (list) {
    case "targetGroups":
      return { candidate: { description: t("description"), ageFrom: ageFromText(t("ageFrom")), ageTo: ageFromText(t("ageTo")) }, refused };
    case "activities":
      return { candidate: { name: t("name"), description: t("description") }, refused };
    case "budgetLines":
      return {
        candidate: {
          description: t("description"),
          associationAmount: amount("associationAmount"),
          administrationAmount: amount("administrationAmount"),
        },
        refused,
      };
  }
}

/** Rows to show: what is stored, or one empty row so the first one can be typed straight away. */
export function rowsToShow(values: StepFormValues, list: RowListName): FormRow[] {
  const rows = values[list];
  return rowsOrBlank(Array.isArray(rows) ? rows : [], () => blankRow(list));
}
