/** Forms for a district's prioriterade områden and utlysningar; shared by browser and action. */
import * as z from "zod/mini";
import { textCheck } from "../domain/text";
import { dateField, optionalDateField } from "../domain/dates";

// Names and titles: one line, they end up in lists and e-mail subject lines.
const required = (message: string, max: number) =>
  z.string(message).check(z.trim(), z.minLength(1, message), z.maxLength(max, `Högst ${max} tecken.`), textCheck("oneLine"));
const optionalText = (max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max, `Högst ${max} tecken.`), textCheck("multiLine")));
const date = dateField;
const optionalDate = optionalDateField;

export const priorityAreaSchema = z.object({
  areaName: required("Skriv områdets namn.", 200),
  areaDescription: optionalText(2000),
  /** A checkbox: "yes" when ticked; react-hook-form gives false when not. */
  areaActive: z.optional(z.union([z.literal("yes"), z.literal(false), z.array(z.string())])),
});

export const callSchema = z
  .object({
    title: required("Skriv utlysningens rubrik.", 200),
    description: optionalText(4000),
    opensOn: date("Skriv när ansökan öppnar."),
    closesOn: date("Skriv när ansökan stänger."),
    periodEarliestStart: optionalDate,
    periodLatestEnd: optionalDate,
    priorityAreaIds: z.optional(z.union([z.array(z.string()), z.string(), z.literal(false)])),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.opensOn && v.closesOn && v.closesOn < v.opensOn) {
        ctx.addIssue({ code: "custom", path: ["closesOn"], message: "Ansökan kan inte stänga före den öppnar.", input: v.closesOn });
      }
      if (v.periodEarliestStart && v.periodLatestEnd && v.periodLatestEnd < v.periodEarliestStart) {
        ctx.addIssue({
          code: "custom",
          path: ["periodLatestEnd"],
          message: "Periodens slut kan inte vara före periodens början.",
          input: v.periodLatestEnd,
        });
      }
    }),
  );
export type CallInput = z.infer<typeof callSchema>;

/** The ids a checkbox group sent, whatever shape the browser or the server gave them. */
export const idsOf = (value: CallInput["priorityAreaIds"]): string[] =>
  Array.isArray(value) ? value : typeof value === "string" && value !== "" ? [value] : [];

/** The two forms on the utlysningar page, told apart by their intent. */
export const AREA_INTENT = "area";
export const CALL_INTENT = "call";

export const callsPageFormSchema = z.object({
  intent: z.enum([AREA_INTENT, CALL_INTENT]),
  id: z.optional(z.string()),
});
