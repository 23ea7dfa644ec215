/**
 * The bedömning form: the seven IOP criteria in their fixed order (row i is IOP_CRITERIA[i]), then the
 * förvaltning's own questions. Shared by the browser (react-hook-form) and the action; the stored shape
 * is app/domain/statement.ts's assessmentSchema.
 */
import * as z from "zod/mini";
import { textCheck } from "../domain/text";
import { IOP_CRITERIA, type Assessment } from "../domain/statement";

const text = (max: number, label: string) =>
  z.optional(z.string().check(z.trim(), z.maxLength(max, `${label} får vara högst ${max} tecken.`), textCheck("multiLine")));

export const VERDICT_OPTIONS = [
  { value: "met", label: "Uppfyllt" },
  { value: "notMet", label: "Inte uppfyllt" },
  { value: "unclear", label: "Oklart" },
];

export const COMPLEMENTS_OPTIONS = [
  { value: "complements", label: "Kompletterar förvaltningens verksamhet" },
  { value: "competes", label: "Konkurrerar med förvaltningens verksamhet" },
  { value: "unclear", label: "Oklart" },
];

export const assessmentFormSchema = z.object({
  criteria: z.array(
    z.object({
      // A radio nobody chose is null in the browser and missing without JavaScript.
      verdict: z.enum(["met", "notMet", "unclear"], "Välj uppfyllt, inte uppfyllt eller oklart."),
      note: text(1000, "Kommentaren"),
    }),
  ),
  complementsOrCompetes: z.optional(z.nullable(z.enum(["complements", "competes", "unclear"]))),
  complementsNote: text(2000, "Kommentaren"),
  notProcurementReason: text(2000, "Motiveringen"),
  genderAnalysis: text(4000, "Jämställdhetsanalysen"),
  childRights: text(4000, "Barnrättsperspektivet"),
});
export type AssessmentForm = z.infer<typeof assessmentFormSchema>;

const blankToUndefined = (value: string | undefined | null) => (value && value.trim() !== "" ? value : undefined);

export function assessmentFromForm(form: AssessmentForm): Assessment {
  return {
    criteria: IOP_CRITERIA.map((c, i) => ({ key: c.key, verdict: form.criteria[i]!.verdict, note: form.criteria[i]!.note ?? "" })),
    complementsOrCompetes: form.complementsOrCompetes ?? undefined,
    complementsNote: blankToUndefined(form.complementsNote),
    notProcurementReason: blankToUndefined(form.notProcurementReason),
    genderAnalysis: blankToUndefined(form.genderAnalysis),
    childRights: blankToUndefined(form.childRights),
  };
}

/** The stored assessment as the form's values, criteria in IOP_CRITERIA order whatever order they were stored in. */
export function formValuesOf(assessment: Assessment | null): Record<string, unknown> {
  if (!assessment) return { criteria: IOP_CRITERIA.map(() => ({ note: "" })) };
  return {
    ...assessment,
    criteria: IOP_CRITERIA.map((c) => {
      const found = assessment.criteria.find((r) => r.key === c.key);
      return found ? { verdict: found.verdict, note: found.note } : { note: "" };
    }),
  };
}

/** The criteria rows the form failed on must cover all seven, even when a post leaves some out. */
export function withAllCriteria(values: Record<string, unknown>): Record<string, unknown> {
  const rows = Array.isArray(values.criteria) ? (values.criteria as unknown[]) : [];
  return { ...values, criteria: IOP_CRITERIA.map((_, i) => (rows[i] && typeof rows[i] === "object" ? rows[i] : {})) };
}
