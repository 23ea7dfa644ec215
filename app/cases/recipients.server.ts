/** Turns the machine's recipient roles into people, against the case after the transition. */
import { and, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { RecipientRole } from "../../workflows";
import type { Executor } from "../../db/client";
import { districtMemberships, organisationMemberships, users } from "../../db/schema";
import type { DistrictRole, OrganisationRole } from "../auth/roles";

export interface Recipient {
  userId: string;
  email: string;
  name: string;
  side: "association" | "administration";
}

const ORGANISATION_RECIPIENTS: Partial<Record<RecipientRole, OrganisationRole>> = {
  applicant: "contact_person",
  signatory: "signatory",
};
const DISTRICT_RECIPIENTS: Partial<Record<RecipientRole, DistrictRole>> = {
  districtCaseworkers: "caseworker",
  coordinator: "coordinator",
  headOfUnit: "head_of_unit",
  districtDirector: "district_director",
  registrar: "registrar",
};

/**
 * The district's staff an e-mail reaches, over `districtMemberships` joined with `users`: those who hold
 * one of `roles`, and `person` (the assigned handläggare, the author) whatever their role; never a
 * disabled account.
 */
export function districtStaffReached(districtId: string, roles: readonly DistrictRole[], person: string | null) {
  return and(
    eq(districtMemberships.districtId, districtId),
    isNull(users.disabledAt),
    or(roles.length > 0 ? inArray(districtMemberships.role, [...roles]) : sql`false`, person ? eq(users.id, person) : sql`false`),
  );
}

/**
 * Everyone any of `roles` names on the case, in one query, each with the recipient roles they match;
 * a transition with several notifications then picks from this list without asking again.
 */
export async function loadRecipients(
  tx: Executor,
  parties: { organisationId: string; districtId: string; assignedCaseworkerId: string | null },
  roles: readonly RecipientRole[],
): Promise<(Recipient & { matches: Set<RecipientRole> })[]> {
  const organisationRoles = [...new Set(roles.flatMap((r) => ORGANISATION_RECIPIENTS[r] ?? []))];
  const districtRoles = [...new Set(roles.flatMap((r) => DISTRICT_RECIPIENTS[r] ?? []))];
  const assigned = roles.includes("assignedCaseworker") ? parties.assignedCaseworkerId : null;
  if (organisationRoles.length === 0 && districtRoles.length === 0 && !assigned) return [];

  const fromOrganisation = tx
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      side: sql<"association" | "administration">`'association'`.as("side"),
      role: sql<string>`${organisationMemberships.role}::text`.as("role"),
    })
    .from(organisationMemberships)
    .innerJoin(users, eq(users.id, organisationMemberships.userId))
    .where(
      and(
        eq(organisationMemberships.organisationId, parties.organisationId),
        organisationRoles.length > 0 ? inArray(organisationMemberships.role, organisationRoles) : sql`false`,
        isNull(users.disabledAt),
        // Only people who have agreed to act for the förening: someone invited who has not answered
        // (new or with an account) gets no case mail (ADR 0024).
        isNotNull(organisationMemberships.acceptedAt),
      ),
    );
  const fromDistrict = tx
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      side: sql<"association" | "administration">`'administration'`.as("side"),
      role: sql<string>`${districtMemberships.role}::text`.as("role"),
    })
    .from(districtMemberships)
    .innerJoin(users, eq(users.id, districtMemberships.userId))
    .where(districtStaffReached(parties.districtId, districtRoles, assigned));
  const rows = await unionAll(fromOrganisation, fromDistrict);

  const byUser = new Map<string, Recipient & { matches: Set<RecipientRole> }>();
  for (const row of rows) {
    const entry = byUser.get(row.userId) ?? { userId: row.userId, email: row.email, name: row.name, side: row.side, matches: new Set() };
    for (const [recipient, role] of [...Object.entries(ORGANISATION_RECIPIENTS), ...Object.entries(DISTRICT_RECIPIENTS)]) {
      if (role === row.role && roles.includes(recipient as RecipientRole)) {
        // A district role only counts on the district side, a förening role only on the förening side.
        const isOrganisationRole = recipient in ORGANISATION_RECIPIENTS;
        if (isOrganisationRole === (row.side === "association")) entry.matches.add(recipient as RecipientRole);
      }
    }
    if (assigned && row.userId === assigned && row.side === "administration") entry.matches.add("assignedCaseworker");
    byUser.set(row.userId, entry);
  }
  return [...byUser.values()];
}
