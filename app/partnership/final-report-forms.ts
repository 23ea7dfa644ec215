/** The slutrapport page's form, read by the page and by its action. */
import * as z from "zod/mini";
import { expectedRevisionSchema } from "../administration/case-forms";

export const START_FINAL_ASSESSMENT = "startFinalAssessment";

export const startFinalAssessmentSchema = z.object({
  intent: z.literal(START_FINAL_ASSESSMENT),
  expectedRevision: expectedRevisionSchema,
});
