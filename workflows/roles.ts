/**
 * Every role in the portal, listed ONCE. The database enums (`db/schema/accounts.ts`), the permission
 * matrix and the role names in the UI (`app/auth/`) and the machines' actor types (`CaseRole`,
 * `DistrictReportRole`) are all built from these lists, so a role added, renamed or removed here
 * is a compile error wherever it is not handled (ADR 0021; `test/unit/roles.test.ts` checks that
 * they agree, `test/integration/roles-in-database.test.ts` that the migrations do).
 *
 * No imports: db/, workflows/ and the browser bundle may all read this file.
 */

/** A person's roles in a förening (organisation_memberships.role). */
export const ORGANISATION_ROLES = ["contact_person", "signatory"] as const;
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];

/** A person's roles in a district's förvaltning (district_memberships.role), in the order the UI lists them. */
export const DISTRICT_ROLES = [
  "caseworker",
  "coordinator",
  "head_of_unit",
  "district_director",
  "registrar",
  "admin",
] as const;
export type DistrictRole = (typeof DISTRICT_ROLES)[number];

/** Any membership role. */
export type Role = OrganisationRole | DistrictRole;

/**
 * How the partnership machine names a förening role on a case: the kontaktperson is the one who
 * applies. District roles keep their names on the case.
 */
export const ORGANISATION_ROLE_ON_CASE = {
  contact_person: "applicant",
  signatory: "signatory",
} as const satisfies Record<OrganisationRole, string>;

/** The scheduler, the one actor that is nobody's membership. */
export const SYSTEM_ROLE = "system";

/**
 * The actor's role ON ONE CASE, computed by the server before an event is sent to the partnership
 * machine: a förening role as the machine names it, a district role, or the scheduler.
 */
export type CaseRole =
  | (typeof ORGANISATION_ROLE_ON_CASE)[OrganisationRole]
  | DistrictRole
  | typeof SYSTEM_ROLE;

export const CASE_ROLES: readonly CaseRole[] = [
  ...ORGANISATION_ROLES.map((role) => ORGANISATION_ROLE_ON_CASE[role]),
  ...DISTRICT_ROLES,
  SYSTEM_ROLE,
];

/** The two who attest a tjänsteutlåtande or the yearly report, in the order they attest. */
export const ATTESTER_ROLES = ["head_of_unit", "district_director"] as const satisfies readonly DistrictRole[];
export type AttesterRole = (typeof ATTESTER_ROLES)[number];

/** The district roles the yearly report's machine acts on; the others (samordnare) do nothing in it. */
export const DISTRICT_REPORT_ROLES = [
  "caseworker",
  "head_of_unit",
  "district_director",
  "registrar",
  "admin",
] as const satisfies readonly DistrictRole[];
export type DistrictReportRole = (typeof DISTRICT_REPORT_ROLES)[number];

/** The district roles that count in the yearly report's machine (a samordnare's are dropped). */
export function districtReportRolesOf(roles: readonly DistrictRole[]): DistrictReportRole[] {
  return roles.filter((role): role is DistrictReportRole => (DISTRICT_REPORT_ROLES as readonly string[]).includes(role));
}

/** A membership role as the partnership machine names it on the case. */
export function caseRoleOf(role: Role): CaseRole {
  return role in ORGANISATION_ROLE_ON_CASE ? ORGANISATION_ROLE_ON_CASE[role as OrganisationRole] : (role as DistrictRole);
}
