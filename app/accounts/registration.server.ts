import { eq } from "drizzle-orm";
import { organisationMemberships, organisations, users } from "../../db/schema";
import { getDb } from "../../db/client";
import { pgConstraint, pgErrorCode, UNIQUE_VIOLATION } from "../../db/errors";
import { registrationConfirmationEmail } from "../../emails/accounts";
import { hashPassword } from "../auth/password.server";
import { issueToken } from "../auth/tokens.server";
import { parseOrganisationNumber } from "../domain/organisation-number";
import { announceDemoMail, enqueueEmail } from "../mail/outbox.server";
import { appUrl } from "../utils/config.server";
import type { FieldErrors } from "../utils/forms";
import type { RegistrationInput } from "./schemas";

const ORGANISATION_TAKEN =
  "Föreningen är redan registrerad i portalen. Be föreningens kontaktperson att bjuda in dig.";
const EMAIL_TAKEN =
  "Det finns redan ett konto med den här e-postadressen. Logga in, eller välj ”Glömt lösenordet?”.";

export type RegistrationResult = { ok: true; userId: string } | { ok: false; errors: FieldErrors };

/** Self-registration: the förening, its first contact person, and an e-mail confirmation link. */
export async function registerOrganisation(input: RegistrationInput): Promise<RegistrationResult> {
  const parsed = parseOrganisationNumber(input.organisationNumber);
  if (!parsed.ok) return { ok: false, errors: { organisationNumber: parsed.message } };
  const db = await getDb();
  const passwordHash = await hashPassword(input.password);
  try {
    const outcome = await db.transaction(async (tx) => {
      const [existingOrg] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.organisationNumber, parsed.value));
      const [existingUser] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
      const errors: FieldErrors = {};
      if (existingOrg) errors.organisationNumber = ORGANISATION_TAKEN;
      if (existingUser) errors.email = EMAIL_TAKEN;
      if (Object.keys(errors).length > 0) return { ok: false as const, errors };

      const [organisation] = await tx
        .insert(organisations)
        .values({ name: input.organisationName, organisationNumber: parsed.value, email: input.organisationEmail })
        .returning({ id: organisations.id });
      const [user] = await tx
        .insert(users)
        .values({ email: input.email, name: input.contactName, passwordHash })
        .returning({ id: users.id });
      await tx
        .insert(organisationMemberships)
        .values({ userId: user!.id, organisationId: organisation!.id, role: "contact_person" });
      const token = await issueToken(tx, user!.id, "email_verification");
      const link = `${appUrl()}/bekrafta-epost/${token}`;
      const email = await registrationConfirmationEmail({
        name: input.contactName,
        organisationName: input.organisationName,
        url: link,
      });
      await enqueueEmail(tx, { userId: user!.id, email: input.email }, email);
      return { ok: true as const, userId: user!.id, email, link };
    });
    if (!outcome.ok) return outcome;
    announceDemoMail(outcome.email, outcome.link);
    return { ok: true, userId: outcome.userId };
  } catch (error) {
    // Two registrations racing for the same number or address: the database has the last word.
    if (pgErrorCode(error) === UNIQUE_VIOLATION) {
      const constraint = pgConstraint(error) ?? "";
      return {
        ok: false,
        errors: constraint.includes("organisation_number")
          ? { organisationNumber: ORGANISATION_TAKEN }
          : { email: EMAIL_TAKEN },
      };
    }
    throw error;
  }
}
