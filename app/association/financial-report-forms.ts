/** The ekonomisk redovisning's form: which button was pressed and the revision it carries. Read by the page and its action. */
import * as z from "zod/mini";
import { addRowIntent } from "../utils/form-rows";

/** "Spara" (and, with the box ticked, send in); the row buttons post add-row:lines / remove-row:lines:<n>. */
export const SAVE_FINANCIAL = "save";

export const financialEnvelopeSchema = z.object({
  intent: z.union([
    z.literal(SAVE_FINANCIAL),
    z.literal(addRowIntent("lines")),
    z.string().check(z.regex(/^remove-row:lines:\d{1,4}$/)),
  ]),
  /** Missing or empty before the first save. */
  reportRevision: z.optional(z.string().check(z.regex(/^\d*$/))),
});
