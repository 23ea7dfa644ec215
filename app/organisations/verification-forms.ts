/**
 * The verification forms (ADR 0028): the förening names its firmatecknare beside the protokollsutdrag;
 * the förvaltning confirms or refuses. The personnummer is checked on the server (Luhn, in
 * app/auth/personnummer.server.ts) because the form is a file upload without a browser resolver.
 */
import * as z from "zod/mini";
import { textCheck } from "../domain/text";

/** Rows offered on the page: a styrelse rarely names more than a few firmatecknare. */
export const SIGNATORY_ROWS = 4;

const signatoryRow = z.object({
  fullName: z.optional(z.string().check(z.trim(), z.maxLength(200, "Högst 200 tecken."), textCheck("oneLine"))),
  personalNumber: z.optional(z.string().check(z.trim(), z.maxLength(20, "Skriv personnumret med 12 siffror, till exempel 19800101-1234."))),
});

export const verificationRequestSchema = z.object({
  intent: z.literal("request"),
  signatories: z.optional(z.array(signatoryRow)),
});
export type VerificationRequestInput = z.infer<typeof verificationRequestSchema>;

export const verificationDecisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("confirm"), verificationId: z.uuid("Formuläret kunde inte läsas."), message: z.optional(z.string().check(z.trim(), z.maxLength(2000, "Högst 2 000 tecken."), textCheck("multiLine"))) }),
  z.object({
    intent: z.literal("refuse"),
    verificationId: z.uuid("Formuläret kunde inte läsas."),
    message: z.string("Skriv varför, så att föreningen vet vad den ska skicka in.").check(
      z.trim(),
      z.minLength(1, "Skriv varför, så att föreningen vet vad den ska skicka in."),
      z.maxLength(2000, "Högst 2 000 tecken."),
      textCheck("multiLine"),
    ),
  }),
]);
export type VerificationDecisionInput = z.infer<typeof verificationDecisionSchema>;
