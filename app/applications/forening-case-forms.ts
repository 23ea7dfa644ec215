/** The forms of a förening's case pages (ta tillbaka), read by the pages and by their actions. */
import * as z from "zod/mini";
import { textCheck } from "../domain/text";
import { expectedRevisionSchema } from "../administration/case-forms";

/** A form that is not the page's own (no intent, a revision that is not a number): a plain 400. */

export const WITHDRAW = "withdraw";

export const withdrawSchema = z.object({
  intent: z.literal(WITHDRAW),
  revision: expectedRevisionSchema,
  reason: z.optional(z.string().check(z.trim(), z.maxLength(2000, "Skälet får vara högst 2000 tecken."), textCheck("multiLine"))),
});

/** The part of the form that says which form it is; wrong here means the post is not this page's. */
export const withdrawEnvelope = z.object({ intent: z.literal(WITHDRAW), revision: expectedRevisionSchema });
