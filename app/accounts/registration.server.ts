import { eq } from "drizzle-orm";
import { organisationMemberships, organisations, users } from "../../db/schema";
import { getDb } from "../../db/client";
import { pgConstraint, pgErrorCode, UNIQUE_VIOLATION } from "../../db/errors";
import { registrationAttemptEmail, registrationConfirmationEmail } from "../../emails/accounts";
import { hashPassword } from "../auth/password.server";
import { admitAccountMail } from "../auth/reset-throttle.server";
import { issueToken } from "../auth/tokens.server";
import { parseOrganisationNumber } from "../domain/organisation-number";
import { announceDemoMail, enqueueEmail } from "../mail/outbox.server";
import { appUrl } from "../utils/config.server";
import type { FieldErrors } from "../utils/forms";
import type { RegistrationInput } from "./schemas";
import { requestToJoin } from "../organisations/join-requests.server";

const ORGANISATION_TAKEN =
  "Föreningen är redan registrerad i portalen. Be föreningens kontaktperson att bjuda in dig.";

/**
 * `ok` also when the address already has an account: the page then looks exactly like a new
 * registration, and the owner gets a mail about the attempt instead (ADR 0017).
 */
export type RegistrationResult = { ok: true; joinRequested?: boolean } | { ok: false; errors: FieldErrors };

/** Self-registration: the förening, its first contact person, and an e-mail confirmation link. */
export async function registerOrganisation(input: RegistrationInput, clientAddress: string): Promise<RegistrationResult> {
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
      const [existingUser] = await tx.select().from(users).where(eq(users.email, input.email));
      if (existingUser) {
        // Over the limit: the same answer, no mail, so the form cannot flood the owner's mailbox.
        if (!(await admitAccountMail(tx, "registration_attempt", input.email, clientAddress))) {
          return { ok: true as const, joinRequested: Boolean(existingOrg), mailIds: [] as string[] };
        }
        const email = await registrationAttemptEmail({ name: existingUser.name, url: `${appUrl()}/logga-in` });
        // The same answer as a new address, also when the förening exists (ADR 0017): no request is made.
        return { ok: true as const, joinRequested: Boolean(existingOrg), mailIds: [await enqueueEmail(tx, { userId: existingUser.id, email: existingUser.email }, email)] };
      }
      if (existingOrg) {
        // The förening is in the portal already (its registration is public, Bolagsverket): the person
        // gets an account and asks to join; the förening's firmatecknare answer (ADR 0028).
        const [user] = await tx.insert(users).values({ email: input.email, name: input.contactName, passwordHash }).returning({ id: users.id });
        const mailIds = await requestToJoin(tx, { organisationId: existingOrg.id, userId: user!.id, requesterName: input.contactName });
        const token = await issueToken(tx, user!.id, "email_verification");
        const email = await registrationConfirmationEmail({
          name: input.contactName,
          organisationName: input.organisationName,
          url: `${appUrl()}/bekrafta-epost/${token}`,
          joinRequested: true,
        });
        mailIds.push(await enqueueEmail(tx, { userId: user!.id, email: input.email }, email));
        return { ok: true as const, joinRequested: true, mailIds };
      }

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
        // The person registering the förening acts for it by doing so.
        .values({ userId: user!.id, organisationId: organisation!.id, role: "contact_person", acceptedAt: new Date() });
      const token = await issueToken(tx, user!.id, "email_verification");
      const link = `${appUrl()}/bekrafta-epost/${token}`;
      const email = await registrationConfirmationEmail({
        name: input.contactName,
        organisationName: input.organisationName,
        url: link,
      });
      return { ok: true as const, joinRequested: false, mailIds: [await enqueueEmail(tx, { userId: user!.id, email: input.email }, email)] };
    });
    if (!outcome.ok) return outcome;
    for (const id of outcome.mailIds) announceDemoMail(id);
    return { ok: true, joinRequested: outcome.joinRequested };
  } catch (error) {
    // Two registrations racing for the same number or address: the database has the last word.
    if (pgErrorCode(error) === UNIQUE_VIOLATION) {
      const constraint = pgConstraint(error) ?? "";
      // The address won the race for someone else: the same answer as any registration.
      if (!constraint.includes("organisation_number")) return { ok: true };
      return { ok: false, errors: { organisationNumber: ORGANISATION_TAKEN } };
    }
    throw error;
  }
}
