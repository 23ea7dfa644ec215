import { and, eq, inArray } from "drizzle-orm";
import { districtMemberships, districts, users } from "../../db/schema";
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
      role: districtMemberships.role,
    })
    .from(districtMemberships)
    .innerJoin(users, eq(users.id, districtMemberships.userId))
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
    await enqueueEmail(tx, { userId: user!.id, email: input.email }, message);
    return { message, link };
  });
  if (result) announceDemoMail(result.message, result.link);
  return { invited: result !== null };
}
