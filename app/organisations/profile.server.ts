import { eq } from "drizzle-orm";
import { organisationMemberships, organisations, users } from "../../db/schema";
import { getDb } from "../../db/client";
import type { OrganisationRole } from "../auth/roles";

export async function getOrganisationProfile(organisationId: string) {
  const db = await getDb();
  const [organisation] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  if (!organisation) return null;
  const rows = await db
    .select({ userId: users.id, name: users.name, email: users.email, role: organisationMemberships.role })
    .from(organisationMemberships)
    .innerJoin(users, eq(users.id, organisationMemberships.userId))
    .where(eq(organisationMemberships.organisationId, organisationId))
    .orderBy(users.name);
  const members = new Map<string, { name: string; email: string; roles: OrganisationRole[] }>();
  for (const row of rows) {
    const member = members.get(row.userId) ?? { name: row.name, email: row.email, roles: [] };
    member.roles.push(row.role);
    members.set(row.userId, member);
  }
  return { organisation, members: [...members.values()] };
}
