/**
 * Who may do what: a role × action matrix, defined in code so that it is reviewed like code.
 * Record checks (own förening, own district, assigned handläggare) come on top, in the use cases.
 */
import type { DistrictRole, OrganisationRole, Role } from "./roles";

export const ORGANISATION_PERMISSIONS = [
  "organisation.view",
  "organisation.edit",
  "organisation.inviteMember",
  "organisation.requestVerification",
  "organisation.answerJoinRequest",
  "application.draft",
  "application.submit",
  "application.withdraw",
  "completion.respond",
  "agreement.comment",
  "agreement.signForOrganisation",
  "report.submit",
] as const;

export const DISTRICT_PERMISSIONS = [
  "district.view",
  "queue.view",
  "case.view",
  "case.take",
  "case.assign",
  "case.assess",
  "case.requestCompletion",
  "case.internalNote",
  "statement.write",
  "statement.attestAsHeadOfUnit",
  "statement.attestAsDistrictDirector",
  "decision.register",
  "agreement.draft",
  "agreement.signForDistrict",
  "report.review",
  "meeting.record",
  "partnership.extend",
  "partnership.terminate",
  "documents.generate",
  "staff.manage",
  "staff.resetSecondFactor",
  "calls.manage",
  "outbox.view",
  "organisation.verify",
] as const;

export type OrganisationPermission = (typeof ORGANISATION_PERMISSIONS)[number];
export type DistrictPermission = (typeof DISTRICT_PERMISSIONS)[number];
export type Permission = OrganisationPermission | DistrictPermission;

const everyoneOnStaff: DistrictPermission[] = ["district.view", "queue.view", "case.view"];

export const PERMISSION_MATRIX: {
  organisation: Record<OrganisationRole, readonly OrganisationPermission[]>;
  district: Record<DistrictRole, readonly DistrictPermission[]>;
} = {
  organisation: {
    contact_person: [
      "organisation.view",
      "organisation.edit",
      "organisation.inviteMember",
      "organisation.requestVerification",
      "application.draft",
      "application.submit",
      "application.withdraw",
      "completion.respond",
      "agreement.comment",
      "report.submit",
    ],
    // Signing rights are a fact of their own: a firmatecknare who is not also a contact person
    // can read and sign, not draft.
    signatory: ["organisation.view", "organisation.answerJoinRequest", "agreement.comment", "agreement.signForOrganisation"],
  },
  district: {
    caseworker: [
      ...everyoneOnStaff,
      "case.take",
      "case.assign",
      "case.assess",
      "case.requestCompletion",
      "case.internalNote",
      "statement.write",
      "agreement.draft",
      "report.review",
      "meeting.record",
      "documents.generate",
      "organisation.verify",
    ],
    coordinator: [...everyoneOnStaff, "case.internalNote", "meeting.record", "documents.generate"],
    head_of_unit: [
      ...everyoneOnStaff,
      "case.internalNote",
      "statement.attestAsHeadOfUnit",
      "agreement.signForDistrict",
      "partnership.extend",
      "partnership.terminate",
      "documents.generate",
    ],
    district_director: [
      ...everyoneOnStaff,
      "case.internalNote",
      "statement.attestAsDistrictDirector",
      "agreement.signForDistrict",
      "partnership.extend",
      "partnership.terminate",
      "documents.generate",
    ],
    registrar: [...everyoneOnStaff, "decision.register", "documents.generate"],
    admin: [...everyoneOnStaff, "case.assign", "staff.manage", "staff.resetSecondFactor", "calls.manage", "outbox.view", "organisation.verify"],
  },
};

export function rolesGrant(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => {
    const granted =
      role in PERMISSION_MATRIX.organisation
        ? PERMISSION_MATRIX.organisation[role as OrganisationRole]
        : PERMISSION_MATRIX.district[role as DistrictRole];
    return (granted as readonly string[]).includes(permission);
  });
}
