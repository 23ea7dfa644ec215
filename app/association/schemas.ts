/**
 * The förening's forms after the decision: one schema per form, shared by the browser
 * (react-hook-form) and the action. Amounts and figures are typed as text; the server turns them into
 * the domain shapes (app/domain/reports.ts) with report-forms.ts.
 */
import * as z from "zod/mini";
import { textCheck } from "../domain/text";
import { kronorTextField } from "../domain/money";
import { reportActivitySchema } from "../domain/reports";

const text = (max: number, label: string) =>
  z.string().check(z.trim(), z.maxLength(max, `${label} får vara högst ${max} tecken.`), textCheck("multiLine"));

/** Hidden bookkeeping fields every form posts back: the revision the person saw. */
const revisions = {
  caseRevision: z.optional(z.string()),
  reportRevision: z.optional(z.string()),
  /** "yes" when the person ticked "skicka in". */
  send: z.optional(z.nullable(z.union([z.string(), z.boolean()]))),
};

export const agreementCommentSchema = z.object({
  body: z
    .string("Skriv din kommentar.")
    .check(z.trim(), z.minLength(1, "Skriv din kommentar."), z.maxLength(4000, "Kommentaren får vara högst 4000 tecken."), textCheck("multiLine")),
});

export const SIGN_CONFIRMATION = "Jag har läst överenskommelsen och skriver under för föreningen";
export const signAgreementSchema = z.object({
  confirm: z
    .union([z.string(), z.boolean(), z.null(), z.undefined()])
    .check(
      z.refine((v) => v === "yes" || v === true, "Kryssa i rutan för att bekräfta att du har läst överenskommelsen."),
    ),
  caseRevision: z.optional(z.string()),
  /** The frozen version's SHA-256 the page showed: the signature is on that hash. */
  documentSha256: z.optional(z.string()),
});

export const periodReportFormSchema = z.object({
  narrative: z.optional(text(4000, "Berättelsen")),
  activities: z.optional(z.array(reportActivitySchema)),
  goals: z.optional(z.array(z.object({ outcome: text(100, "Utfallet"), comment: text(1000, "Kommentaren") }))),
  ...revisions,
});
export type PeriodReportForm = z.infer<typeof periodReportFormSchema>;

const amount = kronorTextField;

export const financialFormSchema = z.object({
  lines: z.optional(z.array(z.object({ description: text(200, "Posten"), budget: amount, outcome: amount }))),
  comment: z.optional(text(2000, "Kommentaren")),
  ...revisions,
});
export type FinancialForm = z.infer<typeof financialFormSchema>;

/** A radio left empty is null in the browser and missing in a plain post; both mean "not answered yet". */
const commitmentChoice = z.optional(
  z.nullable(
    z.string().check(z.refine((v) => ["", "yes", "partly", "no"].includes(v), "Välj ja, delvis eller nej.")),
  ),
);

export const finalReportFormSchema = z.object({
  goalFulfilment: z.optional(text(4000, "Måluppfyllelsen")),
  timeDeviations: z.optional(text(2000, "Avvikelserna i tid")),
  budgetDeviations: z.optional(text(2000, "Avvikelserna i budget")),
  associationCommitmentsMet: commitmentChoice,
  associationCommitmentsComment: z.optional(text(2000, "Kommentaren")),
  administrationCommitmentsMet: commitmentChoice,
  administrationCommitmentsComment: z.optional(text(2000, "Kommentaren")),
  lessonsLearned: z.optional(text(4000, "Lärdomarna")),
  ...revisions,
});
export type FinalReportForm = z.infer<typeof finalReportFormSchema>;

export const COMMITMENT_LABELS = { yes: "Ja", partly: "Delvis", no: "Nej" } as const;
