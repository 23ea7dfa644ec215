/** The form that starts an application (browser and server). */
import * as z from "zod/mini";
import { LIMITS } from "../domain/application";
import { textCheck } from "../domain/text";

export const newApplicationSchema = z.object({
  districtId: z.string().check(z.minLength(1, "Välj vilken stadsdel ni söker hos.")),
  /** "none" = on the förening's own initiative. */
  callId: z.optional(z.string()),
  priorityAreaId: z.optional(z.string()),
  title: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, "Ge ansökan ett namn, till exempel vad verksamheten heter."),
      z.maxLength(LIMITS.title, `Namnet får vara högst ${LIMITS.title} tecken.`),
      textCheck("oneLine"),
    ),
  startFromPrevious: z.optional(z.array(z.string())),
});

/** The form's one button; a post without it is not this page's form. */
export const START_APPLICATION = "start";
export const newApplicationIntentSchema = z.object({ intent: z.literal(START_APPLICATION) });
