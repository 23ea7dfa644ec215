/** A person's roles on one case, from their memberships in the case's förening and district. */
import { caseRoleOf, type CaseRole } from "../../workflows/roles";
import type { DistrictRole, OrganisationRole, Role } from "../auth/roles";

export interface CaseParties {
  organisationId: string;
  districtId: string;
}

export interface Memberships {
  organisations: { id: string; roles: OrganisationRole[] }[];
  districts: { id: string; roles: DistrictRole[] }[];
}

/** The membership roles that count on this case (for the permission matrix)… */
export function membershipRolesOnCase(user: Memberships, parties: CaseParties): Role[] {
  const organisation = user.organisations.find((o) => o.id === parties.organisationId)?.roles ?? [];
  const district = user.districts.find((d) => d.id === parties.districtId)?.roles ?? [];
  return [...organisation, ...district];
}

/** …and the same roles as the machine names them. */
export function caseRolesOf(roles: readonly Role[]): CaseRole[] {
  return roles.map(caseRoleOf);
}

/** The workflow actor for a signed-in person. */
export function userActor(user: { id: string } & Memberships): { kind: "user"; id: string } & Memberships {
  return { kind: "user", id: user.id, organisations: user.organisations, districts: user.districts };
}
