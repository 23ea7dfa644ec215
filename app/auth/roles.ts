/** Roles a person can hold, and their Swedish names for the UI. */
export const ORGANISATION_ROLES = ["contact_person", "signatory"] as const;
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];

export const DISTRICT_ROLES = [
  "caseworker",
  "coordinator",
  "head_of_unit",
  "district_director",
  "registrar",
  "admin",
] as const;
export type DistrictRole = (typeof DISTRICT_ROLES)[number];

export type Role = OrganisationRole | DistrictRole;

export const ROLE_LABELS: Record<Role, string> = {
  contact_person: "Kontaktperson",
  signatory: "Firmatecknare",
  caseworker: "Handläggare",
  coordinator: "Samordnare",
  head_of_unit: "Avdelningschef",
  district_director: "Stadsdelsdirektör",
  registrar: "Registrator",
  admin: "Administratör",
};

export function isDistrictRole(value: string): value is DistrictRole {
  return (DISTRICT_ROLES as readonly string[]).includes(value);
}
