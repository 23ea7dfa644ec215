/** Forms of the förening's own profile and people; shared by the browser and the actions. */
import * as z from "zod/mini";
import { textCheck } from "../domain/text";
import { organisationNumberField } from "../accounts/schemas";
import { parsePaymentAccount } from "../domain/payment-account";

// Names and address lines go into e-mail greetings and letters, so they are one line.
const required = (message: string, max = 200) =>
  z.string(message).check(z.trim(), z.minLength(1, message), z.maxLength(max, `Högst ${max} tecken.`), textCheck("oneLine"));
const optional = (max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max, `Högst ${max} tecken.`), textCheck("oneLine")));
const email = (empty: string) =>
  z.string(empty).check(
    z.trim(),
    z.toLowerCase(),
    z.minLength(1, empty),
    z.maxLength(254, "E-postadressen är för lång."),
    z.regex(/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/, "Skriv en e-postadress i formatet namn@exempel.se."),
  );

export const organisationProfileSchema = z.object({
  name: required("Skriv föreningens namn."),
  organisationNumber: organisationNumberField,
  streetAddress: optional(200),
  postalCode: z.optional(
    z.string().check(z.trim(), z.regex(/^(\d{3} ?\d{2})?$/, "Skriv postnumret med fem siffror, till exempel 164 40.")),
  ),
  city: optional(100),
  email: email("Skriv föreningens e-postadress."),
  phone: z.optional(
    z.string().check(z.trim(), z.regex(/^[\d\s()+-]{0,30}$/, "Skriv telefonnumret med siffror, till exempel 08-123 456 78.")),
  ),
  paymentAccountType: z.optional(z.enum(["", "bankgiro", "plusgiro"], "Välj bankgiro eller plusgiro.")),
  paymentAccountNumber: z.optional(z.string().check(z.trim(), z.maxLength(20, "Numret är för långt."))),
}).check(
  z.superRefine((value, ctx) => {
    const type = value.paymentAccountType;
    const number = value.paymentAccountNumber ?? "";
    if (!type && number) {
      ctx.addIssue({ code: "custom", message: "Välj om numret är ett bankgiro eller ett plusgiro.", path: ["paymentAccountType"], input: type });
    }
    if (type && !number) {
      ctx.addIssue({ code: "custom", message: `Skriv föreningens ${type}nummer.`, path: ["paymentAccountNumber"], input: number });
    }
    if (type && number) {
      const result = parsePaymentAccount(type, number);
      if (!result.ok) ctx.addIssue({ code: "custom", message: result.message, path: ["paymentAccountNumber"], input: number });
    }
  }),
);
export type OrganisationProfileInput = z.infer<typeof organisationProfileSchema>;

const roles = z
  .array(z.enum(["contact_person", "signatory"], "Välj en roll i listan."))
  .check(z.minLength(1, "Välj minst en roll."));

export const inviteMemberSchema = z.object({
  name: required("Skriv personens namn."),
  email: email("Skriv personens e-postadress."),
  roles,
});

export const changeRolesSchema = z.object({ userId: z.uuid("Personen finns inte."), roles });
export const removeMemberSchema = z.object({ userId: z.uuid("Personen finns inte.") });

/** The answer to a membership link: "Gå med i föreningen" or "Avböj". */
export const membershipAnswerSchema = z.object({ answer: z.enum(["accept", "decline"], "Välj om du vill gå med.") });
export const membershipTokenSchema = z.object({ token: z.string().check(z.regex(/^[\w-]{20,100}$/)) });

/** The three forms of the page Personer i föreningen, told apart by intent. */
export const MEMBER_INTENTS = { invite: "invite", roles: "roles", remove: "remove" } as const;
export const memberIntentSchema = z.object({
  intent: z.union([z.literal(MEMBER_INTENTS.invite), z.literal(MEMBER_INTENTS.roles), z.literal(MEMBER_INTENTS.remove)]),
});
