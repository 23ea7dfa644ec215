/** Schemas of the simple case actions' forms, shared by the browser (react-hook-form) and the action. */
import * as z from "zod/mini";
import { dateField } from "../domain/dates";
import { textCheck } from "../domain/text";

export const chooseCaseworkerSchema = z.object({
  caseworkerId: z.string().check(z.minLength(1, "Välj en handläggare.")),
});

export const completionRequestSchema = z.object({
  message: z.string().check(
    z.trim(),
    z.minLength(1, "Skriv vad föreningen ska komplettera."),
    z.maxLength(4000, "Meddelandet får vara högst 4 000 tecken."),
    textCheck("multiLine"),
  ),
  dueDate: dateField("Skriv sista dag som ÅÅÅÅ-MM-DD, till exempel 2027-02-18."),
});

/**
 * The revision a form was shown with: digits from a post (an empty field is no revision, not 0) or a
 * number from the browser's own form state.
 */
export const expectedRevisionSchema = z.union([
  z.number().check(z.int(), z.minimum(0)),
  z.pipe(z.string().check(z.regex(/^\d{1,9}$/)), z.transform(Number)),
]);

export const noteSchema = z.object({
  body: z.string().check(z.trim(), z.minLength(1, "Skriv anteckningen."), z.maxLength(4000, "Anteckningen får vara högst 4 000 tecken."), textCheck("multiLine")),
});
