/**
 * The överenskommelse (DOMAIN.md step 6), drafted by the förvaltning with the förening. Its dates
 * and reporting periods go into the workflow at SEND_FOR_SIGNING.
 */
import * as z from "zod/mini";
import { textCheck, type TextKind } from "./text";
import { storedDate } from "./dates";
import { kronorAmount, sum } from "./money";

const text = (max: number, label: string, kind: TextKind = "multiLine") =>
  z.string().check(z.trim(), z.maxLength(max, `${label} får vara högst ${max} tecken.`), textCheck(kind));
const isoDate = storedDate;

export const agreementGoalSchema = z.object({
  description: text(500, "Målet"),
  /** Target value as written, e.g. "55 %" or "190 aktiviteter". */
  target: text(100, "Målvärdet"),
});

export const agreementDraftSchema = z.object({
  /** Syfte och mål */
  purposeAndGoals: z.optional(text(4000, "Syfte och mål")),
  /** Målgrupp */
  targetGroup: z.optional(text(2000, "Målgruppen")),
  /** Föreningens resurser och åtaganden */
  associationResources: z.optional(text(2000, "Föreningens resurser")),
  /** Förvaltningens resurser och åtaganden (personal, lokaler …) */
  administrationResources: z.optional(text(2000, "Förvaltningens resurser")),
  /** Ekonomiskt bidrag per år, hela kronor */
  yearlyAmounts: z.optional(
    z.array(
      z.object({
        year: z.number().check(z.int(), z.minimum(2000, "Kontrollera året."), z.maximum(2100, "Kontrollera året.")),
        amount: kronorAmount,
      }),
    ),
  ),
  startDate: z.optional(z.nullable(isoDate)),
  endDate: z.optional(z.nullable(isoDate)),
  extensionAllowed: z.optional(z.boolean()),
  /** e.g. "möjlighet till ett års förlängning" */
  extensionTerms: z.optional(text(500, "Villkoren för förlängning")),
  steeringGroup: z.optional(text(1000, "Styrgruppen")),
  workingGroups: z.optional(text(1000, "Arbetsgrupperna")),
  /** The förvaltning's samordnare for this IOP */
  // A name: it ends up in letters and e-mail, so one line.
  coordinator: z.optional(text(200, "Samordnaren", "oneLine")),
  /** Due date of each yearly (or tertial) report */
  reportDueDates: z.optional(z.array(isoDate)),
  finalReportDueDate: z.optional(z.nullable(isoDate)),
  /** Verksamhetsplanens mål med målvärden */
  goals: z.optional(z.array(agreementGoalSchema)),
});
export type AgreementContent = z.infer<typeof agreementDraftSchema>;

export const totalFunding = (content: AgreementContent) => sum((content.yearlyAmounts ?? []).map((y) => y.amount));
