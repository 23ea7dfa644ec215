/**
 * Roles a person can hold, and their Swedish names for the UI. The roles themselves are listed once,
 * in workflows/roles.ts (which the database enums and the machines' types are built from too).
 */
import { DISTRICT_ROLES, type DistrictRole, type Role } from "../../workflows/roles";

export {
  DISTRICT_ROLES,
  ORGANISATION_ROLES,
  type DistrictRole,
  type OrganisationRole,
  type Role,
} from "../../workflows/roles";

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
