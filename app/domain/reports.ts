/**
 * Reports from the förening: the yearly (or tertial) follow-up (DOMAIN.md step 7, seed 001) and the
 * final report (step 8, seeds 000 and 003).
 */
import * as z from "zod/mini";
import { textCheck } from "./text";
import { kronorAmount, sum } from "./money";
import { FIGURE_MESSAGE, parseFigure } from "./figures";

const text = (max: number, label: string) =>
  z.string().check(z.trim(), z.maxLength(max, `${label} får vara högst ${max} tecken.`), textCheck("multiLine"));

/** A figure as typed: "12", "4–12" or empty; stored as typed, checked by parseFigure. */
const figure = z.string().check(
  z.trim(),
  z.refine((v) => v === "" || parseFigure(v) !== null, FIGURE_MESSAGE),
);

export const reportActivitySchema = z.object({
  name: text(200, "Aktiviteten"),
  /** Antal tillfällen */
  sessions: figure,
  /** Deltagare per kön (seed 001: all IOP-föreningar ska föra könsuppdelad statistik) */
  women: figure /* kvinnor/flickor */,
  men: figure /* män/pojkar */,
  other: figure /* annat eller ej angivet */,
  /** Åldersgrupp, e.g. "13–22 år" */
  ageGroup: text(100, "Åldersgruppen"),
  /** Per session, per week or in total, as the förening counts */
  comment: text(1000, "Kommentaren"),
});

export const goalOutcomeSchema = z.object({
  /** Index of the goal in the agreement's verksamhetsplan */
  goalIndex: z.number().check(z.int(), z.minimum(0)),
  /** Utfall as written, e.g. "70 %" */
  outcome: text(100, "Utfallet"),
  comment: text(1000, "Kommentaren"),
});

export const periodReportDraftSchema = z.object({
  /** Vad har ni gjort och hur har det gått? */
  narrative: z.optional(text(4000, "Berättelsen")),
  activities: z.optional(z.array(reportActivitySchema)),
  goals: z.optional(z.array(goalOutcomeSchema)),
});
export type PeriodReportContent = z.infer<typeof periodReportDraftSchema>;

/** Ekonomisk redovisning (bokslut): may come later than the activity part. */
export const financialReportSchema = z.object({
  lines: z.array(
    z.object({
      description: text(200, "Posten"),
      budget: kronorAmount,
      outcome: kronorAmount,
    }),
  ),
  comment: z.optional(text(2000, "Kommentaren")),
});
export type FinancialReport = z.infer<typeof financialReportSchema>;

export function financialTotals(report: FinancialReport) {
  const budget = sum(report.lines.map((l) => l.budget));
  const outcome = sum(report.lines.map((l) => l.outcome));
  return { budget, outcome, difference: outcome - budget };
}

const commitment = z.enum(["yes", "partly", "no"], "Välj ja, delvis eller nej.");

export const finalReportDraftSchema = z.object({
  /** Måluppfyllelse */
  goalFulfilment: z.optional(text(4000, "Måluppfyllelsen")),
  /** Avvikelser i tid */
  timeDeviations: z.optional(text(2000, "Avvikelserna i tid")),
  /** Avvikelser i budget */
  budgetDeviations: z.optional(text(2000, "Avvikelserna i budget")),
  associationCommitmentsMet: z.optional(commitment),
  associationCommitmentsComment: z.optional(text(2000, "Kommentaren")),
  administrationCommitmentsMet: z.optional(commitment),
  administrationCommitmentsComment: z.optional(text(2000, "Kommentaren")),
  /** Lärdomar, often from a joint workshop */
  lessonsLearned: z.optional(text(4000, "Lärdomarna")),
});
export type FinalReportContent = z.infer<typeof finalReportDraftSchema>;

/** The förvaltning's review of a period report. */
export interface ReportReview {
  /** Förvaltningens bedömning av mervärdet */
  addedValue: string;
}
