/** One schema per follow-up form, used in the browser (react-hook-form) and by the action. */
import * as z from "zod/mini";
import { dateField, isDate, optionalDateField } from "../domain/dates";


const required = (message: string, max: number) =>
  z.string(message).check(z.trim(), z.minLength(1, message), z.maxLength(max, `Högst ${max} tecken.`));
const date = dateField;
const optionalDate = optionalDateField;
const confirm = (message: string) => z.literal("yes", message);

export const approveReportSchema = z.object({
  addedValue: required("Skriv förvaltningens bedömning av mervärdet.", 4000),
});

export const reportCompletionSchema = z.object({
  completionMessage: required("Skriv vad föreningen behöver komplettera.", 2000),
  completionDueDate: date("Skriv sista dag för kompletteringen."),
});

export const meetingSchema = z.object({
  meetingKind: z.enum(["styrgrupp", "arbetsgrupp"], "Välj styrgrupp eller arbetsgrupp."),
  heldOn: date("Skriv när mötet hölls."),
  participants: required("Skriv vilka som deltog.", 2000),
  minutes: required("Skriv minnesanteckningarna.", 10000),
});

/** "2026-09-30, 2027-03-31" or one per line → the dates, in the order written. */
export function splitDates(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((d) => d.trim())
    .filter((d) => d !== "");
}

export const extendSchema = z.object({
  newEndDate: date("Skriv det nya slutdatumet."),
  addedReportDueDates: z.string("Skriv minst ett nytt rapportdatum.").check(
    z.trim(),
    z.minLength(1, "Skriv minst ett nytt rapportdatum."),
    z.refine((v) => splitDates(v).every(isDate), "Skriv riktiga datum som ÅÅÅÅ-MM-DD, åtskilda med kommatecken."),
  ),
  extensionFinalReportDueDate: optionalDate,
  confirmExtension: confirm("Kryssa i att beslutet om förlängning är fattat."),
});

export const terminateSchema = z.object({
  reason: required("Skriv varför överenskommelsen upphör.", 2000),
  effectiveDate: date("Skriv från vilket datum överenskommelsen upphör."),
  terminationFinalReportDueDate: optionalDate,
  confirmTermination: confirm("Kryssa i att beslutet om upphörande är fattat."),
});
