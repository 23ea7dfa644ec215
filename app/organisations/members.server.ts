/**
 * People of a förening: invite, change roles, remove. Nobody joins a förening without agreeing to it
 * (ADR 0024): an invitation adds the roles as pending rows (`accepted_at` NULL) and mails a link; a new
 * person accepts by choosing a password, someone with an account by answering "Gå med i föreningen"
 * while signed in. Until then the rows grant nothing and bring no case mail. The form's answer is the
 * same whoever the address belongs to. A förening always keeps at least one kontaktperson, or nobody
 * could act for it.
 */
import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { getDb, type Executor } from "../../db/client";
import { authTokens, districtMemberships, organisationMemberships, organisations, users } from "../../db/schema";
import { organisationInvitationEmail, organisationMembershipEmail } from "../../emails/organisation-invitation";
import { ROLE_LABELS, ORGANISATION_ROLES, type OrganisationRole } from "../auth/roles";
import { hashToken, issueToken, spendToken } from "../auth/tokens.server";
import { isUsablePasswordToken, setPasswordWithToken } from "../accounts/password-reset.server";
import { announceDemoMail, enqueueEmail } from "../mail/outbox.server";
import { appUrl } from "../utils/config.server";

const LAST_CONTACT = "Föreningen måste ha minst en kontaktperson. Ge någon annan rollen kontaktperson först.";

const rolesInText = (roles: OrganisationRole[]) => roles.map((r) => ROLE_LABELS[r].toLowerCase()).join(" och ");

/**
 * Invites a person: pending roles and a mail with a link, whether or not the address has an account,
 * so the answer to the kontaktperson is always the same (no enumeration).
 */
export async function inviteOrganisationMember(input: {
  organisationId: string;
  invitedBy: string;
  name: string;
  email: string;
  roles: OrganisationRole[];
}): Promise<void> {
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, input.organisationId));
    if (!organisation) throw new Error("organisation not found");
    let [user] = await tx.select().from(users).where(eq(users.email, input.email));
    // Förvaltning staff never become förening members (they would see its drafts); the form answers
    // as for anyone invited, so it does not reveal who works at the förvaltning (ADR 0017).
    if (user && (await isStaff(tx, user.id))) return null;
    if (!user) [user] = await tx.insert(users).values({ email: input.email, name: input.name }).returning();
    await addRoles(tx, user!.id, input.organisationId, input.roles, null);
    const details = {
      name: user!.name,
      organisationName: organisation.name,
      invitedBy: input.invitedBy,
      roles: rolesInText(input.roles),
    };
    // Someone without a password is new to the portal: the link lets them choose one, which accepts.
    // Someone with an account signs in and answers; a link alone never makes them a member.
    const isNew = user!.passwordHash === null;
    const purpose = isNew ? "organisation_invitation" : "organisation_membership";
    const token = await issueToken(tx, user!.id, purpose, { organisationId: input.organisationId });
    const link = `${appUrl()}/${isNew ? "forening-inbjudan" : "forening-medlemskap"}/${token}`;
    const message = isNew
      ? await organisationInvitationEmail({ ...details, url: link })
      : await organisationMembershipEmail({ ...details, url: link });
    return enqueueEmail(tx, { userId: user!.id, email: user!.email }, message);
  });
  if (result) announceDemoMail(result);
}

/** Marks the person's pending roles in the förening as agreed to (all their pending roles for a link from before 0011). */
async function acceptPending(tx: Executor, userId: string, organisationId: string | null, now: Date) {
  return tx
    .update(organisationMemberships)
    .set({ acceptedAt: now, updatedAt: now })
    .where(
      and(
        eq(organisationMemberships.userId, userId),
        organisationId ? eq(organisationMemberships.organisationId, organisationId) : undefined,
        isNull(organisationMemberships.acceptedAt),
      ),
    )
    .returning({ id: organisationMemberships.id });
}

export interface MembershipInvitation {
  organisationId: string;
  organisationName: string;
  roles: OrganisationRole[];
  /** False when the link has been used, is too old, or the invitation was withdrawn. */
  open: boolean;
}

/**
 * The invitation behind a membership link, only for the account it was sent to: for anyone else it
 * does not exist (null), so a forwarded or guessed link tells nothing.
 */
export async function findMembershipInvitation(token: string, userId: string, now = new Date()): Promise<MembershipInvitation | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      organisationId: organisations.id,
      organisationName: organisations.name,
      usedAt: authTokens.usedAt,
      expiresAt: authTokens.expiresAt,
    })
    .from(authTokens)
    .innerJoin(organisations, eq(organisations.id, authTokens.organisationId))
    .where(
      and(
        eq(authTokens.tokenHash, hashToken(token)),
        eq(authTokens.purpose, "organisation_membership"),
        eq(authTokens.userId, userId),
      ),
    );
  if (!row) return null;
  const pending = await db
    .select({ role: organisationMemberships.role })
    .from(organisationMemberships)
    .where(
      and(
        eq(organisationMemberships.userId, userId),
        eq(organisationMemberships.organisationId, row.organisationId),
        isNull(organisationMemberships.acceptedAt),
      ),
    );
  const roles = pending.map((p) => p.role).sort((a, b) => ORGANISATION_ROLES.indexOf(a) - ORGANISATION_ROLES.indexOf(b));
  return {
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    roles,
    open: row.usedAt === null && row.expiresAt > now && roles.length > 0,
  };
}

/**
 * Answers a membership link as the signed-in account: "accept" makes the pending roles count,
 * "decline" removes them. The link works once, and only for the account it was sent to; null when it
 * is not (or no longer) usable.
 */
export async function answerMembershipInvitation(input: {
  token: string;
  userId: string;
  answer: "accept" | "decline";
}): Promise<{ organisationId: string; organisationName: string; answer: "accept" | "decline" } | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const now = new Date();
    const spent = await spendToken(tx, input.token, "organisation_membership", now, input.userId);
    if (!spent?.organisationId) return null;
    const [organisation] = await tx
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, spent.organisationId));
    if (!organisation) return null;
    const pendingOfThis = and(
      eq(organisationMemberships.userId, input.userId),
      eq(organisationMemberships.organisationId, organisation.id),
      isNull(organisationMemberships.acceptedAt),
    );
    const changed =
      input.answer === "accept"
        ? await acceptPending(tx, input.userId, organisation.id, now)
        : await tx.delete(organisationMemberships).where(pendingOfThis).returning({ id: organisationMemberships.id });
    // Withdrawn meanwhile (the kontaktperson removed the person): nothing to answer.
    if (changed.length === 0) return null;
    return { organisationId: organisation.id, organisationName: organisation.name, answer: input.answer };
  });
}

async function isStaff(tx: Executor, userId: string) {
  const [row] = await tx
    .select({ userId: districtMemberships.userId })
    .from(districtMemberships)
    .where(eq(districtMemberships.userId, userId))
    .limit(1);
  return row !== undefined;
}

/** Adds roles not yet held; `acceptedAt` null makes them pending until the person agrees. */
async function addRoles(
  tx: Executor,
  userId: string,
  organisationId: string,
  roles: OrganisationRole[],
  acceptedAt: Date | null,
) {
  if (roles.length === 0) return;
  await tx
    .insert(organisationMemberships)
    .values(roles.map((role) => ({ userId, organisationId, role, acceptedAt })))
    .onConflictDoNothing();
}

type Result = { ok: true } | { ok: false; message: string };

async function contactPersonsBesides(tx: Executor, organisationId: string, userId: string) {
  const rows = await tx
    .select({ userId: organisationMemberships.userId })
    .from(organisationMemberships)
    .where(
      and(
        eq(organisationMemberships.organisationId, organisationId),
        eq(organisationMemberships.role, "contact_person"),
        // Someone invited who has not answered cannot act for the förening yet.
        isNotNull(organisationMemberships.acceptedAt),
      ),
    );
  return rows.filter((r) => r.userId !== userId).length;
}

/** Sets a member's roles to exactly `roles`. */
export async function setMemberRoles(organisationId: string, userId: string, roles: OrganisationRole[]): Promise<Result> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const held = await tx
      .select({ role: organisationMemberships.role, acceptedAt: organisationMemberships.acceptedAt })
      .from(organisationMemberships)
      .where(and(eq(organisationMemberships.organisationId, organisationId), eq(organisationMemberships.userId, userId)))
      .for("update");
    if (held.length === 0) return { ok: false as const, message: "Personen finns inte i föreningen." };
    if (!roles.includes("contact_person") && (await contactPersonsBesides(tx, organisationId, userId)) === 0) {
      return { ok: false as const, message: LAST_CONTACT };
    }
    const dropped = held.map((h) => h.role).filter((r) => !roles.includes(r));
    if (dropped.length > 0) {
      await tx
        .delete(organisationMemberships)
        .where(
          and(
            eq(organisationMemberships.organisationId, organisationId),
            eq(organisationMemberships.userId, userId),
            inArray(organisationMemberships.role, dropped),
          ),
        );
    }
    // A member who has joined gets new roles at once; someone still invited gets them as part of
    // the invitation they have not yet answered.
    const joined = held.some((h) => h.acceptedAt !== null);
    await addRoles(tx, userId, organisationId, roles, joined ? new Date() : null);
    return { ok: true as const };
  });
}

export async function removeMember(organisationId: string, userId: string): Promise<Result> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    if ((await contactPersonsBesides(tx, organisationId, userId)) === 0) return { ok: false as const, message: LAST_CONTACT };
    await tx
      .delete(organisationMemberships)
      .where(and(eq(organisationMemberships.organisationId, organisationId), eq(organisationMemberships.userId, userId)));
    return { ok: true as const };
  });
}

export const isUsableOrganisationInvitation = (token: string) => isUsablePasswordToken(token, "organisation_invitation");

/**
 * Sets the password from an invitation link; like a reset, it confirms the address. Choosing the
 * password is the new person's yes: their pending roles in the förening count from now, in the same
 * transaction.
 */
export const acceptOrganisationInvitation = (token: string, password: string) =>
  setPasswordWithToken(token, "organisation_invitation", password, async (tx, spent) => {
    await acceptPending(tx, spent.userId, spent.organisationId, new Date());
  });

/**
 * Accepts an invitation with e-legitimation instead of a password (app/accounts/eid-accounts.server.ts,
 * in its transaction): spends the link, only for the account it was sent to, and the pending roles
 * count from now. The link in the mail proves the address, as choosing a password does.
 */
export async function spendOrganisationInvitation(tx: Executor, token: string, userId: string): Promise<boolean> {
  const now = new Date();
  const spent = await spendToken(tx, token, "organisation_invitation", now, userId);
  if (!spent) return false;
  await acceptPending(tx, spent.userId, spent.organisationId, now);
  await tx.update(users).set({ emailVerifiedAt: now, updatedAt: now }).where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)));
  return true;
}
