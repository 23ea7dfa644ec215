/** One schema per form, used by the browser (react-hook-form) and by the action. */
import * as z from "zod/mini";
import { parseOrganisationNumber } from "../domain/organisation-number";
import { textCheck } from "../domain/text";
import { NOT_THIS_FORM } from "../utils/forms";

const required = (message: string, max = 200) =>
  z.string(message).check(z.trim(), z.minLength(1, message), z.maxLength(max, `Högst ${max} tecken.`), textCheck("oneLine"));

const email = (
  message = "Skriv en e-postadress i formatet namn@exempel.se.",
  emptyMessage = "Skriv din e-postadress.",
) =>
  z.string(emptyMessage).check(
    z.trim(),
    z.toLowerCase(),
    z.minLength(1, emptyMessage),
    z.maxLength(254, "E-postadressen är för lång."),
    z.regex(/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/, message),
  );

/** A password's length in characters, checked in the browser and by the action alike. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
/** The hint under every new-password field. */
export const PASSWORD_HINT = `Minst ${PASSWORD_MIN_LENGTH} tecken. Ett bra lösenord är flera ord i rad.`;

export const passwordField = z
  .string("Välj ett lösenord.")
  .check(
    z.minLength(PASSWORD_MIN_LENGTH, `Lösenordet måste ha minst ${PASSWORD_MIN_LENGTH} tecken.`),
    z.maxLength(PASSWORD_MAX_LENGTH, `Lösenordet får ha högst ${PASSWORD_MAX_LENGTH} tecken.`),
  );

export const organisationNumberField = z.string("Skriv föreningens organisationsnummer.").check(
  z.superRefine((value, ctx) => {
    const result = parseOrganisationNumber(value);
    if (!result.ok) ctx.addIssue({ code: "custom", message: result.message, input: value });
  }),
);

export const registrationSchema = z.object({
  organisationName: required("Skriv föreningens namn."),
  organisationNumber: organisationNumberField,
  organisationEmail: email(
    "Skriv föreningens e-postadress i formatet namn@exempel.se.",
    "Skriv föreningens e-postadress.",
  ),
  contactName: required("Skriv ditt namn."),
  email: email(),
  password: passwordField,
});
export type RegistrationInput = z.infer<typeof registrationSchema>;

/**
 * Registering with e-legitimation: the same fields but the person's name (the broker's, verified)
 * and a password (none: the person signs in with e-ID).
 */
export const eidRegistrationSchema = z.object({
  intent: z.literal("register", NOT_THIS_FORM),
  organisationName: registrationSchema.shape.organisationName,
  organisationNumber: registrationSchema.shape.organisationNumber,
  organisationEmail: registrationSchema.shape.organisationEmail,
  email: registrationSchema.shape.email,
});
export type EidRegistrationInput = z.infer<typeof eidRegistrationSchema>;

/** Answering a förening's invitation with e-legitimation instead of choosing a password. */
export const invitationEidSchema = z.object({ intent: z.literal("eid", NOT_THIS_FORM) });

/** Asking to link an e-legitimation to the signed-in account (Ditt konto). */
export const linkEidSchema = z.object({ intent: z.literal("linkEid", NOT_THIS_FORM) });

/** Starting an e-ID sign-in from the login page: where to go afterwards, if anywhere. */
export const eidSignInSchema = z.object({
  intent: z.literal("eid", NOT_THIS_FORM),
  redirectTo: z.optional(z.string().check(z.maxLength(2000))),
});

export const loginSchema = z.object({
  email: email(),
  password: z.string("Skriv ditt lösenord.").check(z.minLength(1, "Skriv ditt lösenord.")),
  redirectTo: z.optional(z.string()),
});

export const forgotPasswordSchema = z.object({ email: email() });

export const newPasswordSchema = z.object({ password: passwordField });

export const inviteStaffSchema = z.object({
  name: required("Skriv personens namn."),
  email: email("Skriv en e-postadress i formatet namn@exempel.se.", "Skriv personens e-postadress."),
  title: z.optional(z.string().check(z.trim(), z.maxLength(100, "Högst 100 tecken."), textCheck("oneLine"))),
  roles: z
    .array(
      z.enum(
        ["caseworker", "coordinator", "head_of_unit", "district_director", "registrar", "admin"],
        "Välj en roll i listan.",
      ),
    )
    .check(z.minLength(1, "Välj minst en roll.")),
});

const secondFactorCode = z
  .string("Skriv koden från appen.")
  .check(z.trim(), z.minLength(1, "Skriv koden från appen."), z.maxLength(40, "Koden är för lång. Skriv de sex siffrorna från appen."));

/** The second step of a staff sign-in: a code from the app, or a recovery code. */
export const secondFactorCodeSchema = z.object({ intent: z.literal("code"), code: secondFactorCode });

/** Confirming the set-up of the app with its first code. */
export const secondFactorSetUpSchema = z.object({ intent: z.literal("confirm"), code: secondFactorCode });
