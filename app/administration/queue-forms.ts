/** The queue page's bulk form: take or assign the marked cases. Read by the page and by its action. */
import * as z from "zod/mini";

export const BULK_TAKE = "take";
export const BULK_ASSIGN = "assign";

export const bulkFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal(BULK_TAKE), case: z.array(z.string()) }),
  // No caseworker chosen is the person's mistake, answered by the bulk run, not a malformed form.
  z.object({ intent: z.literal(BULK_ASSIGN), case: z.array(z.string()), caseworkerId: z._default(z.string(), "") }),
]);
