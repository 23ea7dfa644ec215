import { and, eq, inArray, ne } from "drizzle-orm";
import { districtMemberships, districts, organisationMemberships, sessions, staffSecondFactors, users } from "../../db/schema";
import { getDb } from "../../db/client";
import { staffInvitationEmail } from "../../emails/accounts";
import { issueToken } from "../auth/tokens.server";
import { DISTRICT_ROLES, ROLE_LABELS, type DistrictRole } from "../auth/roles";
import { announceDemoMail, enqueueEmail } from "../mail/outbox.server";
import { appUrl } from "../utils/config.server";

export interface StaffMember {
  userId: string;
  name: string;
  email: string;
  title: string | null;
  roles: DistrictRole[];
  active: boolean;
  /** Deactivated by an admin: cannot log in. */
  disabled: boolean;
  /** Has set up two-step verification for password sign-in (ADR 0027). */
  secondFactor: boolean;
}

export async function listDistrictStaff(districtId: string): Promise<StaffMember[]> {
  const db = await getDb();
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      title: users.title,
      hasPassword: users.passwordHash,
      disabledAt: users.disabledAt,
      role: districtMemberships.role,
      secondFactorConfirmedAt: staffSecondFactors.confirmedAt,
    })
    .from(districtMemberships)
    .innerJoin(users, eq(users.id, districtMemberships.userId))
    .leftJoin(staffSecondFactors, eq(staffSecondFactors.userId, users.id))
    .where(eq(districtMemberships.districtId, districtId))
    .orderBy(users.name);
  const byUser = new Map<string, StaffMember>();
  for (const row of rows) {
    const member = byUser.get(row.userId) ?? {
      userId: row.userId,
      name: row.name,
      email: row.email,
      title: row.title,
      roles: [],
      active: row.hasPassword !== null,
      disabled: row.disabledAt !== null,
      secondFactor: row.secondFactorConfirmedAt !== null,
    };
    member.roles.push(row.role);
    member.roles.sort((a, b) => DISTRICT_ROLES.indexOf(a) - DISTRICT_ROLES.indexOf(b));
    byUser.set(row.userId, member);
  }
  return [...byUser.values()];
}

/**
 * Invites a member of staff to a district with the given roles. A person who already has an account
 * gets the roles added; a new person gets an invitation link that sets the password.
 */
export async function inviteStaff(input: {
  districtId: string;
  name: string;
  email: string;
  title?: string;
  roles: DistrictRole[];
}): Promise<{ invited: boolean }> {
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const [district] = await tx.select().from(districts).where(eq(districts.id, input.districtId));
    if (!district) throw new Error("district not found");
    let [user] = await tx.select().from(users).where(eq(users.email, input.email));
    const isNew = !user;
    if (!user) {
      [user] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name, title: input.title || null })
        .returning();
    }
    const existing = await tx
      .select({ role: districtMemberships.role })
      .from(districtMemberships)
      .where(
        and(
          eq(districtMemberships.userId, user!.id),
          eq(districtMemberships.districtId, input.districtId),
          inArray(districtMemberships.role, input.roles),
        ),
      );
    const missing = input.roles.filter((r) => !existing.some((e) => e.role === r));
    if (missing.length > 0) {
      await tx
        .insert(districtMemberships)
        .values(missing.map((role) => ({ userId: user!.id, districtId: input.districtId, role })));
    }
    if (!isNew && user!.passwordHash) return null;
    const token = await issueToken(tx, user!.id, "staff_invitation");
    const link = `${appUrl()}/inbjudan/${token}`;
    const message = await staffInvitationEmail({
      name: input.name,
      districtName: district.administrationName,
      roles: input.roles.map((r) => ROLE_LABELS[r].toLowerCase()).join(", "),
      url: link,
    });
    return enqueueEmail(tx, { userId: user!.id, email: input.email }, message);
  });
  if (result) announceDemoMail(result);
  return { invited: result !== null };
}

export type StaffChange = { ok: true; message: string } | { ok: false; field?: string; message: string };

async function memberOfDistrict(districtId: string, userId: string) {
  const db = await getDb();
  const [user] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, userId));
  if (!user) return null;
  const roles = await db
    .select({ role: districtMemberships.role })
    .from(districtMemberships)
    .where(and(eq(districtMemberships.districtId, districtId), eq(districtMemberships.userId, userId)));
  return roles.length > 0 ? { ...user, roles: roles.map((r) => r.role) } : null;
}

/** Replaces a person's roles in the district. At least one role; an admin keeps their own admin role. */
export async function setStaffRoles(input: {
  districtId: string;
  actingUserId: string;
  userId: string;
  roles: DistrictRole[];
}): Promise<StaffChange> {
  const member = await memberOfDistrict(input.districtId, input.userId);
  if (!member) return { ok: false, message: "Personen arbetar inte i stadsdelen." };
  const roles = [...new Set(input.roles)].filter((r) => DISTRICT_ROLES.includes(r));
  if (roles.length === 0) return { ok: false, field: "roles", message: "Välj minst en roll." };
  if (input.userId === input.actingUserId && member.roles.includes("admin") && !roles.includes("admin")) {
    return { ok: false, field: "roles", message: "Du kan inte ta bort din egen roll som administratör." };
  }
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .delete(districtMemberships)
      .where(and(eq(districtMemberships.districtId, input.districtId), eq(districtMemberships.userId, input.userId)));
    await tx.insert(districtMemberships).values(roles.map((role) => ({ userId: input.userId, districtId: input.districtId, role })));
  });
  return { ok: true, message: `${member.name} har nu rollerna ${roles.map((r) => ROLE_LABELS[r].toLowerCase()).join(", ")}.` };
}

/**
 * Deactivates a person who works only in this district: they can no longer log in and their sessions
 * end. Their roles stay, so what they did keeps its name and the admin can see who was deactivated.
 */
export async function deactivateStaff(input: { districtId: string; actingUserId: string; userId: string }): Promise<StaffChange> {
  const member = await memberOfDistrict(input.districtId, input.userId);
  if (!member) return { ok: false, message: "Personen arbetar inte i stadsdelen." };
  if (input.userId === input.actingUserId) return { ok: false, message: "Du kan inte inaktivera dig själv." };
  const db = await getDb();
  const elsewhere = await db
    .select({ id: districtMemberships.id })
    .from(districtMemberships)
    .where(and(eq(districtMemberships.userId, input.userId), ne(districtMemberships.districtId, input.districtId)))
    .limit(1);
  const inOrganisation = await db
    .select({ id: organisationMemberships.id })
    .from(organisationMemberships)
    .where(eq(organisationMemberships.userId, input.userId))
    .limit(1);
  if (elsewhere.length > 0 || inOrganisation.length > 0) {
    return {
      ok: false,
      message: `${member.name} har roller även utanför stadsdelen och kan inte inaktiveras här. Kontakta portalens förvaltare.`,
    };
  }
  await db.transaction(async (tx) => {
    await tx.update(users).set({ disabledAt: new Date() }).where(eq(users.id, input.userId));
    await tx.delete(sessions).where(eq(sessions.userId, input.userId));
  });
  return { ok: true, message: `${member.name} är inaktiverad och kan inte längre logga in.` };
}
