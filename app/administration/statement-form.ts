/** The tjänsteutlåtande editor's form, shared by the browser (react-hook-form) and the action. */
import * as z from "zod/mini";
import { textCheck } from "../domain/text";
import { STATEMENT_SECTIONS, type StatementContent } from "../domain/statement";

const text = (max: number, label: string) =>
  z.optional(z.string().check(z.trim(), z.maxLength(max, `${label} får vara högst ${max} tecken.`), textCheck("multiLine")));

export const MOTIVATION_REQUIRED = "Skriv motiveringen till förslaget om avslag.";
export const PROPOSAL_REQUIRED = "Välj förvaltningens förslag till beslut: bifall eller avslag.";
export const RENEGOTIATE_REQUIRED = "Ange om partnerskapet ska omförhandlas eller inte.";

export const statementFormSchema = z
  .object({
    summary: text(8000, "Sammanfattningen"),
    background: text(8000, "Bakgrunden"),
    matter: text(8000, "Ärendet"),
    preparation: text(2000, "Ärendets beredning"),
    views: text(8000, "Förvaltningens synpunkter och förslag"),
    genderAnalysis: text(8000, "Jämställdhetsanalysen"),
    childRights: text(8000, "Barnrättsperspektivet"),
    // Radios nobody chose: null in the browser, missing without JavaScript.
    proposal: z.optional(z.nullable(z.enum(["approve", "reject"]))),
    proposalText: text(1000, "Förslaget till beslut"),
    motivation: text(4000, "Motiveringen"),
    renegotiate: z.optional(z.nullable(z.enum(["yes", "no"]))),
  })
  .check(
    z.refine((v) => v.proposal !== "reject" || (v.motivation ?? "").trim() !== "", { message: MOTIVATION_REQUIRED, path: ["motivation"] }),
  );
export type StatementForm = z.infer<typeof statementFormSchema>;

export const PROPOSAL_OPTIONS = [
  { value: "approve", label: "Bifall" },
  { value: "reject", label: "Avslag" },
];
export const RENEGOTIATE_OPTIONS = [
  { value: "yes", label: "Ja, partnerskapet ska omförhandlas" },
  { value: "no", label: "Nej, partnerskapet avslutas" },
];

const blank = (value: string | undefined) => (value && value.trim() !== "" ? value : undefined);

export function contentFromForm(form: StatementForm, stage: "application" | "finalReport"): StatementContent {
  const content: StatementContent = {};
  for (const section of STATEMENT_SECTIONS) {
    const value = blank(form[section.key]);
    if (value !== undefined) content[section.key] = value;
  }
  if (stage === "application") {
    if (form.proposal) content.proposal = form.proposal;
    if (blank(form.motivation)) content.motivation = form.motivation;
  } else if (form.renegotiate) {
    content.renegotiate = form.renegotiate === "yes";
  }
  if (blank(form.proposalText)) content.proposalText = form.proposalText;
  return content;
}

export function formValuesOfStatement(content: StatementContent): Record<string, unknown> {
  const { renegotiate, ...rest } = content;
  return { ...rest, renegotiate: renegotiate === undefined ? undefined : renegotiate ? "yes" : "no" };
}

/** What the submission needs beyond a draft, as field messages. */
export function submissionProblems(content: StatementContent, stage: "application" | "finalReport"): Record<string, string> {
  const errors: Record<string, string> = {};
  if (stage === "application") {
    if (!content.proposal) errors.proposal = PROPOSAL_REQUIRED;
    if (content.proposal === "reject" && !content.motivation?.trim()) errors.motivation = MOTIVATION_REQUIRED;
  } else if (content.renegotiate === undefined) {
    errors.renegotiate = RENEGOTIATE_REQUIRED;
  }
  return errors;
}
