/** The registrar's forms for the nämnd's decisions, shared by the browser and the action. */
import * as z from "zod/mini";
import { dateField } from "../domain/dates";
import { textCheck } from "../domain/text";

const meetingDate = dateField("Skriv sammanträdets datum som ÅÅÅÅ-MM-DD, till exempel 2027-03-20.");
const paragraph = z.string().check(
  z.trim(),
  z.minLength(1, "Skriv paragrafen (§) i nämndens protokoll, till exempel § 12."),
  z.maxLength(40, "Paragrafen får vara högst 40 tecken."),
  textCheck("oneLine"),
);

export const REJECTION_MOTIVATION_REQUIRED = "Skriv nämndens motivering till avslaget. Föreningen får läsa den.";

export const decisionFormSchema = z
  .object({
    meetingDate,
    paragraph,
    outcome: z.enum(["approved", "rejected"], "Välj om nämnden biföll eller avslog ansökan."),
    motivation: z.optional(z.string().check(z.trim(), z.maxLength(4000, "Motiveringen får vara högst 4 000 tecken."), textCheck("multiLine"))),
  })
  .check(
    z.refine((v) => v.outcome !== "rejected" || (v.motivation ?? "").trim() !== "", {
      message: REJECTION_MOTIVATION_REQUIRED,
      path: ["motivation"],
    }),
  );

export const finalApprovalFormSchema = z.object({ meetingDate, paragraph });

export const OUTCOME_OPTIONS = [
  { value: "approved", label: "Bifall" },
  { value: "rejected", label: "Avslag" },
];

/** "12" is what people type; the protocol says "§ 12". */
export const normaliseParagraph = (value: string) => (/^\d+$/.test(value.trim()) ? `§ ${value.trim()}` : value.trim());
