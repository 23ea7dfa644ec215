/**
 * Accounts and e-legitimation (ADR 0026, "E-legitimation för föreningar"): signing in with a linked
 * identity, registering a förening with one, and linking one, once, to an account made with a
 * password. Matching is by the personnummer's keyed hash (user_identities.personal_number_hash,
 * unique); the database never sees the personnummer. Every such event is in the account's
 * append-only history (account_events).
 */
import { and, desc, eq, isNull } from "drizzle-orm";
import {
  accountEvents,
  organisationMemberships,
  organisations,
  userIdentities,
  users,
} from "../../db/schema";
import { getDb, type Executor } from "../../db/client";
import { pgConstraint, pgErrorCode, UNIQUE_VIOLATION } from "../../db/errors";
import { eidRegistrationEmail } from "../../emails/accounts";
import { isStaffAccount } from "../auth/password-policy.server";
import { startSession } from "../auth/session.server";
import type { SignInMethod } from "../auth/sign-in-method";
import { issueToken } from "../auth/tokens.server";
import { parseOrganisationNumber } from "../domain/organisation-number";
import { spendOrganisationInvitation } from "../organisations/members.server";
import { peekToken } from "../auth/tokens.server";
import { announceDemoMail, enqueueEmail } from "../mail/outbox.server";
import { appUrl } from "../utils/config.server";
import type { FieldErrors } from "../utils/forms";
import type { PendingIdentity } from "./eid-cookies.server";
import { fullName } from "./eid-identity.server";
import type { EidRegistrationInput } from "./schemas";
import { grantNamedSignatoryRoles } from "../organisations/named-signatories.server";
import { requestToJoin } from "../organisations/join-requests.server";

type AccountEventKind = (typeof accountEvents.$inferInsert)["kind"];

/** One line in the account's history: never the personnummer or its hash, at most the masked form. */
export async function recordAccountEvent(
  db: Executor,
  event: { userId: string; kind: AccountEventKind; signInMethod?: SignInMethod; personalNumberMasked?: string },
): Promise<void> {
  await db.insert(accountEvents).values(event);
}

/** The newest events of the account's history, for Ditt konto. */
export async function accountHistory(userId: string, limit = 10) {
  const db = await getDb();
  return db
    .select({ kind: accountEvents.kind, signInMethod: accountEvents.signInMethod, at: accountEvents.at })
    .from(accountEvents)
    .where(eq(accountEvents.userId, userId))
    .orderBy(desc(accountEvents.at), desc(accountEvents.id))
    .limit(limit);
}

export type EidSignInResult =
  | { kind: "signed-in"; userId: string; setCookie: string }
  | { kind: "no-account" }
  | { kind: "account-disabled" };

/**
 * The account linked to this identity signs in, with the method the broker reported. The masked
 * form and the names are refreshed from the broker (a name changes; the hash does not).
 */
export async function signInWithIdentity(identity: PendingIdentity): Promise<EidSignInResult> {
  const db = await getDb();
  const found = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ userId: userIdentities.userId, disabledAt: users.disabledAt })
      .from(userIdentities)
      .innerJoin(users, eq(users.id, userIdentities.userId))
      .where(eq(userIdentities.personalNumberHash, identity.personalNumberHash));
    if (!row) return { kind: "no-account" as const };
    if (row.disabledAt) return { kind: "account-disabled" as const };
    await tx
      .update(userIdentities)
      .set({
        personalNumberMasked: identity.personalNumberMasked,
        givenName: identity.givenName,
        familyName: identity.familyName,
        updatedAt: new Date(),
      })
      .where(eq(userIdentities.userId, row.userId));
    await recordAccountEvent(tx, {
      userId: row.userId,
      kind: "signed_in_eid",
      signInMethod: identity.method,
      personalNumberMasked: identity.personalNumberMasked,
    });
    // Named in a förening's confirmed protokoll: firmatecknare from this proven sign-in (ADR 0028).
    await grantNamedSignatoryRoles(tx, row.userId, identity.personalNumberHash);
    return { kind: "found" as const, userId: row.userId };
  });
  if (found.kind !== "found") return found;
  return { kind: "signed-in", userId: found.userId, setCookie: await startSession(found.userId, identity.method) };
}

/**
 * Why a link was refused:
 *   already-linked  the account has an identity (the same or another): linked once, only an admin could change it
 *   identity-taken  this identity belongs to another account
 *   not-allowed     staff accounts, or the account is gone or disabled
 */
export type LinkRefusal = "already-linked" | "identity-taken" | "not-allowed";

/** Whether this account may link an e-legitimation now: not staff, and none linked yet. */
export async function mayLinkIdentity(userId: string): Promise<boolean> {
  const db = await getDb();
  const [identity] = await db.select({ userId: userIdentities.userId }).from(userIdentities).where(eq(userIdentities.userId, userId));
  return identity === undefined && !(await isStaffAccount(db, userId));
}

/** Links the verified identity to the signed-in account, once. */
export async function linkIdentity(
  userId: string,
  identity: PendingIdentity,
): Promise<{ ok: true } | { ok: false; reason: LinkRefusal }> {
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, userId), isNull(users.disabledAt)))
        // Two links racing for one account: the second waits and then sees the first's row.
        .for("update");
      if (!user || (await isStaffAccount(tx, userId))) return { ok: false as const, reason: "not-allowed" as const };
      const [own] = await tx.select({ userId: userIdentities.userId }).from(userIdentities).where(eq(userIdentities.userId, userId));
      if (own) return { ok: false as const, reason: "already-linked" as const };
      const [other] = await tx
        .select({ userId: userIdentities.userId })
        .from(userIdentities)
        .where(eq(userIdentities.personalNumberHash, identity.personalNumberHash));
      if (other) return { ok: false as const, reason: "identity-taken" as const };
      await tx.insert(userIdentities).values({
        userId,
        personalNumberHash: identity.personalNumberHash,
        personalNumberMasked: identity.personalNumberMasked,
        givenName: identity.givenName,
        familyName: identity.familyName,
      });
      await recordAccountEvent(tx, {
        userId,
        kind: "identity_linked",
        signInMethod: identity.method,
        personalNumberMasked: identity.personalNumberMasked,
      });
      await grantNamedSignatoryRoles(tx, userId, identity.personalNumberHash);
      return { ok: true as const };
    });
  } catch (error) {
    // The same identity linked to another account at the same moment: the unique hash decides.
    if (pgErrorCode(error) === UNIQUE_VIOLATION) return { ok: false, reason: "identity-taken" };
    throw error;
  }
}

/**
 * Why an invitation answered with e-ID was refused:
 *   invitation-used  the link was used, replaced or is too old
 *   identity-taken   the identity belongs to another account (ask for an invitation to that account's address)
 *   already-linked   the invited account has another identity linked
 *   not-allowed      the invited account is staff
 */
export type InvitationRefusal = "invitation-used" | "identity-taken" | "already-linked" | "not-allowed";

/**
 * Answers a förening's invitation with e-legitimation: the invited account gets this identity linked
 * (or has it already), the invitation is spent and its roles accepted, and the person is signed in.
 */
export async function acceptInvitationWithIdentity(
  token: string,
  identity: PendingIdentity,
): Promise<{ ok: true; userId: string; setCookie: string } | { ok: false; reason: InvitationRefusal }> {
  const db = await getDb();
  let outcome: { ok: true; userId: string } | { ok: false; reason: InvitationRefusal };
  try {
    outcome = await db.transaction(async (tx) => {
      const found = await peekToken(tx, token, "organisation_invitation");
      if (!found) return { ok: false as const, reason: "invitation-used" as const };
      const userId = found.userId;
      if (await isStaffAccount(tx, userId)) return { ok: false as const, reason: "not-allowed" as const };
      const [own] = await tx.select().from(userIdentities).where(eq(userIdentities.userId, userId));
      if (own && own.personalNumberHash !== identity.personalNumberHash) return { ok: false as const, reason: "already-linked" as const };
      if (!own) {
        const [other] = await tx
          .select({ userId: userIdentities.userId })
          .from(userIdentities)
          .where(eq(userIdentities.personalNumberHash, identity.personalNumberHash));
        if (other) return { ok: false as const, reason: "identity-taken" as const };
      }
      if (!(await spendOrganisationInvitation(tx, token, userId))) return { ok: false as const, reason: "invitation-used" as const };
      if (!own) {
        await tx.insert(userIdentities).values({
          userId,
          personalNumberHash: identity.personalNumberHash,
          personalNumberMasked: identity.personalNumberMasked,
          givenName: identity.givenName,
          familyName: identity.familyName,
        });
        await recordAccountEvent(tx, {
          userId,
          kind: "identity_linked",
          signInMethod: identity.method,
          personalNumberMasked: identity.personalNumberMasked,
        });
      }
      return { ok: true as const, userId };
    });
  } catch (error) {
    if (pgErrorCode(error) === UNIQUE_VIOLATION) return { ok: false, reason: "identity-taken" };
    throw error;
  }
  if (!outcome.ok) return outcome;
  return { ok: true, userId: outcome.userId, setCookie: await startSession(outcome.userId, identity.method) };
}

export const ORGANISATION_TAKEN =
  "Föreningen är redan registrerad i portalen. Be föreningens kontaktperson att bjuda in dig.";
export const EMAIL_TAKEN =
  "Det finns redan ett konto med den här e-postadressen. Logga in med lösenordet och koppla e-legitimationen under Ditt konto.";
export const IDENTITY_TAKEN = "Din e-legitimation hör redan till ett konto. Logga in med e-legitimation i stället.";

export type EidRegistrationResult =
  | { ok: true; userId: string; setCookie: string; joinRequested: boolean }
  | { ok: false; errors: FieldErrors; formError?: string };

/**
 * Registers a förening with a verified identity: the förening, its first contact person (named as
 * the broker names them, no password) with the identity linked, and a link to confirm the e-mail
 * address; then the person is signed in. The person is identified, so unlike the password
 * registration (ADR 0017) an address that has an account is said to have one.
 */
export async function registerWithIdentity(
  identity: PendingIdentity,
  input: EidRegistrationInput,
): Promise<EidRegistrationResult> {
  const parsed = parseOrganisationNumber(input.organisationNumber);
  if (!parsed.ok) return { ok: false, errors: { organisationNumber: parsed.message } };
  const db = await getDb();
  const name = fullName(identity);
  type Outcome = { ok: true; userId: string; mailIds: string[]; joinRequested: boolean } | { ok: false; errors: FieldErrors; formError?: string };
  let outcome: Outcome;
  try {
    outcome = await db.transaction(async (tx): Promise<Outcome> => {
      const [linked] = await tx
        .select({ userId: userIdentities.userId })
        .from(userIdentities)
        .where(eq(userIdentities.personalNumberHash, identity.personalNumberHash));
      if (linked) return { ok: false, errors: {}, formError: IDENTITY_TAKEN };
      const [existingOrg] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.organisationNumber, parsed.value));
      const [existingUser] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
      if (existingUser) return { ok: false, errors: { email: EMAIL_TAKEN } };
      if (existingOrg) {
        // The förening is in the portal already: an account with the identity, and a request to join
        // that its firmatecknare answer (ADR 0028). A named firmatecknare is one at once.
        const [user] = await tx.insert(users).values({ email: input.email, name, passwordHash: null }).returning({ id: users.id });
        const userId = user!.id;
        await tx.insert(userIdentities).values({
          userId,
          personalNumberHash: identity.personalNumberHash,
          personalNumberMasked: identity.personalNumberMasked,
          givenName: identity.givenName,
          familyName: identity.familyName,
        });
        await recordAccountEvent(tx, { userId, kind: "registered_with_eid", signInMethod: identity.method, personalNumberMasked: identity.personalNumberMasked });
        const named = await grantNamedSignatoryRoles(tx, userId, identity.personalNumberHash);
        const mailIds = named > 0 ? [] : await requestToJoin(tx, { organisationId: existingOrg.id, userId, requesterName: name });
        const token = await issueToken(tx, userId, "email_verification");
        const message = await eidRegistrationEmail({ name, organisationName: input.organisationName, url: `${appUrl()}/bekrafta-epost/${token}` });
        mailIds.push(await enqueueEmail(tx, { userId, email: input.email }, message));
        return { ok: true, userId, mailIds, joinRequested: named === 0 };
      }

      const [organisation] = await tx
        .insert(organisations)
        .values({ name: input.organisationName, organisationNumber: parsed.value, email: input.organisationEmail })
        .returning({ id: organisations.id });
      const [user] = await tx.insert(users).values({ email: input.email, name, passwordHash: null }).returning({ id: users.id });
      const userId = user!.id;
      await tx
        .insert(organisationMemberships)
        .values({ userId, organisationId: organisation!.id, role: "contact_person", acceptedAt: new Date() });
      await tx.insert(userIdentities).values({
        userId,
        personalNumberHash: identity.personalNumberHash,
        personalNumberMasked: identity.personalNumberMasked,
        givenName: identity.givenName,
        familyName: identity.familyName,
      });
      await grantNamedSignatoryRoles(tx, userId, identity.personalNumberHash);
      await recordAccountEvent(tx, {
        userId,
        kind: "registered_with_eid",
        signInMethod: identity.method,
        personalNumberMasked: identity.personalNumberMasked,
      });
      const token = await issueToken(tx, userId, "email_verification");
      const message = await eidRegistrationEmail({
        name,
        organisationName: input.organisationName,
        url: `${appUrl()}/bekrafta-epost/${token}`,
      });
      return { ok: true, userId, mailIds: [await enqueueEmail(tx, { userId, email: input.email }, message)], joinRequested: false };
    });
  } catch (error) {
    // Two registrations racing: the database has the last word.
    if (pgErrorCode(error) !== UNIQUE_VIOLATION) throw error;
    const constraint = pgConstraint(error) ?? "";
    if (constraint.includes("organisation_number")) return { ok: false, errors: { organisationNumber: ORGANISATION_TAKEN } };
    if (constraint.includes("email")) return { ok: false, errors: { email: EMAIL_TAKEN } };
    return { ok: false, errors: {}, formError: IDENTITY_TAKEN };
  }
  if (!outcome.ok) return outcome;
  for (const id of outcome.mailIds) announceDemoMail(id);
  return { ok: true, userId: outcome.userId, setCookie: await startSession(outcome.userId, identity.method), joinRequested: outcome.joinRequested };
}
