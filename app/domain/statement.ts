/**
 * The förvaltning's assessment and its tjänsteutlåtande (DOMAIN.md step 3, seeds 000–004).
 */
import * as z from "zod/mini";
import { textCheck } from "./text";

const text = (max: number, label: string) =>
  z.string().check(z.trim(), z.maxLength(max, `${label} får vara högst ${max} tecken.`), textCheck("multiLine"));

/** The seven criteria of Stockholm's IOP guidelines (seed 002, dnr 171-84/2017), in order. */
export const IOP_CRITERIA = [
  { key: "noMarket", text: "Det finns inte en marknad eller en konkurrenssituation att vårda." },
  { key: "ownInitiative", text: "Verksamheten sker på initiativ av den idéburna organisationen." },
  { key: "policyProgramme", text: "Verksamheten är ett led i att förverkliga ett politiskt program eller plan, där idéburna organisationer särskilt nämns." },
  { key: "notGrant", text: "Verksamheten kan inte ses som en del av det normerade föreningsbidraget." },
  { key: "bothFinance", text: "Bägge parterna är med och finansierar verksamheten (via pengar eller andra insatser)." },
  { key: "notDetailRegulated", text: "Verksamheten detaljregleras inte från staden." },
  { key: "longTerm", text: "Verksamheten avses att drivas under en längre tid." },
] as const;
export type CriterionKey = (typeof IOP_CRITERIA)[number]["key"];

export const assessmentSchema = z.object({
  criteria: z.array(
    z.object({
      key: z.enum(IOP_CRITERIA.map((c) => c.key) as [CriterionKey, ...CriterionKey[]]),
      verdict: z.enum(["met", "notMet", "unclear"], "Välj uppfyllt, inte uppfyllt eller oklart."),
      note: text(1000, "Kommentaren"),
    }),
  ),
  /** Kompletterar eller konkurrerar med förvaltningens ordinarie verksamhet (seed 004) */
  complementsOrCompetes: z.optional(z.enum(["complements", "competes", "unclear"])),
  complementsNote: z.optional(text(2000, "Kommentaren")),
  /** Varför det inte är en upphandling */
  notProcurementReason: z.optional(text(2000, "Motiveringen")),
  genderAnalysis: z.optional(text(4000, "Jämställdhetsanalysen")),
  childRights: z.optional(text(4000, "Barnrättsperspektivet")),
});
export type Assessment = z.infer<typeof assessmentSchema>;

/** The sections of a tjänsteutlåtande, in the seeds' order. */
export const STATEMENT_SECTIONS = [
  { key: "summary", title: "Sammanfattning" },
  { key: "background", title: "Bakgrund" },
  { key: "matter", title: "Ärendet" },
  { key: "preparation", title: "Ärendets beredning" },
  { key: "views", title: "Förvaltningens synpunkter och förslag" },
  { key: "genderAnalysis", title: "Jämställdhetsanalys" },
  { key: "childRights", title: "Barnrättsperspektiv" },
] as const;
export type StatementSectionKey = (typeof STATEMENT_SECTIONS)[number]["key"];

export const statementDraftSchema = z.object({
  summary: z.optional(text(8000, "Sammanfattningen")),
  background: z.optional(text(8000, "Bakgrunden")),
  matter: z.optional(text(8000, "Ärendet")),
  preparation: z.optional(text(2000, "Ärendets beredning")),
  views: z.optional(text(8000, "Förvaltningens synpunkter och förslag")),
  genderAnalysis: z.optional(text(8000, "Jämställdhetsanalysen")),
  childRights: z.optional(text(8000, "Barnrättsperspektivet")),
  /** Förslag till beslut: bifall or avslag (application); for a final report, renegotiate or not. */
  proposal: z.optional(z.enum(["approve", "reject"])),
  /** The decision text, e.g. "Stadsdelsnämnden avslår Stadsmissionens ansökan om IOP." */
  proposalText: z.optional(text(1000, "Förslaget till beslut")),
  motivation: z.optional(text(4000, "Motiveringen")),
  renegotiate: z.optional(z.boolean()),
});
export type StatementContent = z.infer<typeof statementDraftSchema>;
