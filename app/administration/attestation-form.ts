/** Sending a statement back from attestering needs a comment: the handläggare must know what to change. */
import * as z from "zod/mini";
import { textCheck } from "../domain/text";

export const returnFormSchema = z.object({
  comment: z.string().check(
    z.trim(),
    z.minLength(1, "Skriv en kommentar om varför du skickar tillbaka utlåtandet."),
    z.maxLength(4000, "Kommentaren får vara högst 4 000 tecken."),
    textCheck("multiLine"),
  ),
});
