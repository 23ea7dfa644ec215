/**
 * People of a förening: invite (existing account → roles added; new person → account without a
 * password, an invitation link in the outbox), change roles, remove. A förening always keeps at
 * least one kontaktperson, or nobody could act for it.
 */
import { and, eq, inArray } from "drizzle-orm";
import { getDb, type Executor } from "../../db/client";
import { districtMemberships, organisationMemberships, organisations, users } from "../../db/schema";
import { organisationInvitationEmail } from "../../emails/organisation-invitation";
import { ROLE_LABELS, type OrganisationRole } from "../auth/roles";
import { issueToken } from "../auth/tokens.server";
import { isUsablePasswordToken, setPasswordWithToken } from "../accounts/password-reset.server";
import { announceDemoMail, enqueueEmail } from "../mail/outbox.server";
import { appUrl } from "../utils/config.server";

const LAST_CONTACT = "Föreningen måste ha minst en kontaktperson. Ge någon annan rollen kontaktperson först.";

export async function inviteOrganisationMember(input: {
  organisationId: string;
  invitedBy: string;
  name: string;
  email: string;
  roles: OrganisationRole[];
}): Promise<{ invited: boolean }> {
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, input.organisationId));
    if (!organisation) throw new Error("organisation not found");
    let [user] = await tx.select().from(users).where(eq(users.email, input.email));
    // Förvaltning staff never become förening members (they would see its drafts); the form answers
    // as for anyone invited, so it does not reveal who works at the förvaltning (ADR 0017).
    if (user && (await isStaff(tx, user.id))) return "refused" as const;
    if (!user) [user] = await tx.insert(users).values({ email: input.email, name: input.name }).returning();
    await addRoles(tx, user!.id, input.organisationId, input.roles);
    if (user!.passwordHash) return null;
    const token = await issueToken(tx, user!.id, "organisation_invitation");
    const link = `${appUrl()}/forening-inbjudan/${token}`;
    const message = await organisationInvitationEmail({
      name: user!.name,
      organisationName: organisation.name,
      invitedBy: input.invitedBy,
      roles: input.roles.map((r) => ROLE_LABELS[r].toLowerCase()).join(" och "),
      url: link,
    });
    await enqueueEmail(tx, { userId: user!.id, email: user!.email }, message);
    return { message, link };
  });
  if (result === "refused") return { invited: true };
  if (result) announceDemoMail(result.message, result.link);
  return { invited: result !== null };
}

async function isStaff(tx: Executor, userId: string) {
  const [row] = await tx
    .select({ userId: districtMemberships.userId })
    .from(districtMemberships)
    .where(eq(districtMemberships.userId, userId))
    .limit(1);
  return row !== undefined;
}

async function addRoles(tx: Executor, userId: string, organisationId: string, roles: OrganisationRole[]) {
  if (roles.length === 0) return;
  await tx
    .insert(organisationMemberships)
    .values(roles.map((role) => ({ userId, organisationId, role })))
    .onConflictDoNothing();
}

type Result = { ok: true } | { ok: false; message: string };

async function contactPersonsBesides(tx: Executor, organisationId: string, userId: string) {
  const rows = await tx
    .select({ userId: organisationMemberships.userId })
    .from(organisationMemberships)
    .where(and(eq(organisationMemberships.organisationId, organisationId), eq(organisationMemberships.role, "contact_person")));
  return rows.filter((r) => r.userId !== userId).length;
}

/** Sets a member's roles to exactly `roles`. */
export async function setMemberRoles(organisationId: string, userId: string, roles: OrganisationRole[]): Promise<Result> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const held = await tx
      .select({ role: organisationMemberships.role })
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
    await addRoles(tx, userId, organisationId, roles);
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

/** Sets the password from an invitation link; like a reset, it confirms the address. */
export const acceptOrganisationInvitation = (token: string, password: string) =>
  setPasswordWithToken(token, "organisation_invitation", password);
