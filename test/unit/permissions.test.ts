import { describe, expect, it } from "vitest";
import { DISTRICT_PERMISSIONS, ORGANISATION_PERMISSIONS, rolesGrant } from "../../app/auth/permissions";
import { DISTRICT_ROLES, ORGANISATION_ROLES } from "../../app/auth/roles";

describe("permission matrix", () => {
  it.each(DISTRICT_ROLES)("never lets förvaltning role %s act for a förening", (role) => {
    for (const permission of ORGANISATION_PERMISSIONS) expect(rolesGrant([role], permission)).toBe(false);
  });

  it.each(ORGANISATION_ROLES)("never lets förening role %s do förvaltning work", (role) => {
    for (const permission of DISTRICT_PERMISSIONS) expect(rolesGrant([role], permission)).toBe(false);
  });

  it("keeps signing rights apart from drafting", () => {
    expect(rolesGrant(["signatory"], "agreement.signForOrganisation")).toBe(true);
    expect(rolesGrant(["signatory"], "application.draft")).toBe(false);
    expect(rolesGrant(["contact_person"], "agreement.signForOrganisation")).toBe(false);
  });

  it.each([
    ["statement.attestAsHeadOfUnit", ["head_of_unit"]],
    ["statement.attestAsDistrictDirector", ["district_director"]],
    ["decision.register", ["registrar"]],
    ["staff.manage", ["admin"]],
    ["staff.resetSecondFactor", ["admin"]],
  ] as const)("grants %s only to %j", (permission, holders) => {
    for (const role of DISTRICT_ROLES) {
      expect(rolesGrant([role], permission)).toBe((holders as readonly string[]).includes(role));
    }
  });

  it("combines the roles a person holds", () => {
    expect(rolesGrant(["coordinator", "registrar"], "decision.register")).toBe(true);
    expect(rolesGrant([], "district.view")).toBe(false);
  });
});
