/**
 * The roles are listed once (workflows/roles.ts) and the database enums, the permission matrix, the
 * role names in the UI and the machines' actor types agree with that list. The `expectTypeOf` lines
 * are checked by `tsc` (the typecheck part of `npm test`); the `expect` lines when the test runs.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import { districtMemberships, districtRole, organisationMemberships, organisationRole } from "../../db/schema";
import { PERMISSION_MATRIX } from "../../app/auth/permissions";
import { ROLE_LABELS } from "../../app/auth/roles";
import { caseRolesOf } from "../../app/cases/case-roles";
import {
  ATTESTER_ROLES,
  CASE_ROLES,
  DISTRICT_REPORT_ROLES,
  DISTRICT_ROLES,
  ORGANISATION_ROLES,
  type Actor,
  type AttestationRecord,
  type CaseRole,
  type DistrictReportActor,
  type DistrictReportAttestation,
  type DistrictReportRole,
  type DistrictRole,
  type OrganisationRole,
  type Role,
} from "../../workflows";

describe("the one list of roles", () => {
  it("is what the database enums hold, in the same order", () => {
    expect(organisationRole.enumValues).toEqual([...ORGANISATION_ROLES]);
    expect(districtRole.enumValues).toEqual([...DISTRICT_ROLES]);
    expectTypeOf<(typeof organisationRole.enumValues)[number]>().toEqualTypeOf<OrganisationRole>();
    expectTypeOf<(typeof districtRole.enumValues)[number]>().toEqualTypeOf<DistrictRole>();
    expectTypeOf<(typeof organisationMemberships.$inferSelect)["role"]>().toEqualTypeOf<OrganisationRole>();
    expectTypeOf<(typeof districtMemberships.$inferSelect)["role"]>().toEqualTypeOf<DistrictRole>();
  });

  it("has a row in the permission matrix and a Swedish name for every role", () => {
    expect(Object.keys(PERMISSION_MATRIX.organisation).sort()).toEqual([...ORGANISATION_ROLES].sort());
    expect(Object.keys(PERMISSION_MATRIX.district).sort()).toEqual([...DISTRICT_ROLES].sort());
    expect(Object.keys(ROLE_LABELS).sort()).toEqual([...ORGANISATION_ROLES, ...DISTRICT_ROLES].sort());
    for (const label of Object.values(ROLE_LABELS)) expect(label).toMatch(/^[A-ZÅÄÖ][a-zåäö]+$/);
    expectTypeOf<keyof typeof PERMISSION_MATRIX.organisation>().toEqualTypeOf<OrganisationRole>();
    expectTypeOf<keyof typeof PERMISSION_MATRIX.district>().toEqualTypeOf<DistrictRole>();
    expectTypeOf<keyof typeof ROLE_LABELS>().toEqualTypeOf<Role>();
  });

  it("names every membership role on a case, and the partnership machine knows each name", () => {
    const onCase = caseRolesOf([...ORGANISATION_ROLES, ...DISTRICT_ROLES]);
    expect(onCase).toEqual(["applicant", "signatory", ...DISTRICT_ROLES]);
    // The machine's roles are exactly the membership roles as named on a case, and the scheduler.
    expect([...CASE_ROLES].sort()).toEqual([...onCase, "system"].sort());
    expectTypeOf<Actor["roles"][number]>().toEqualTypeOf<CaseRole>();
    expectTypeOf<Exclude<CaseRole, "applicant" | "system">>().toEqualTypeOf<DistrictRole | "signatory">();
    expectTypeOf(caseRolesOf).returns.toEqualTypeOf<CaseRole[]>();
  });

  it("gives the yearly report's machine and both attestations district roles only", () => {
    for (const role of [...DISTRICT_REPORT_ROLES, ...ATTESTER_ROLES]) expect(DISTRICT_ROLES).toContain(role);
    expectTypeOf<DistrictReportActor["roles"][number]>().toEqualTypeOf<DistrictReportRole>();
    expectTypeOf<DistrictReportRole>().toExtend<DistrictRole>();
    expectTypeOf<AttestationRecord["role"]>().toEqualTypeOf<"head_of_unit" | "district_director">();
    expectTypeOf<DistrictReportAttestation["role"]>().toEqualTypeOf<AttestationRecord["role"]>();
  });
});
