/**
 * The record checks: the one place that answers "may this person reach this record?" (ADR 0020).
 * One check per kind of record, used by every loader and action:
 *
 * - `requireCaseForOrganisation` — a case, for a user of its förening;
 * - `requireCaseForDistrict` — a case, for staff of its district, under the district in the URL;
 * - `requireCaseAttachment` — a file of a case, for either side;
 * - `requireOrganisationForDistrict` — a förening, for staff of a district it has sent a case to
 *   (its verification: ADR 0028).
 *
 * The case's documents (application PDF and ZIP, tjänsteutlåtande, slutrapport) are the case's record:
 * their downloads use the case checks with the permission the document needs.
 *
 * Someone outside the case's förening or district gets the same 404 as for an id that names nothing,
 * so a guessed or leaked id does not tell whether the case exists. A 403 is only for someone who may
 * see the case but whose role does not allow this page or action. Until its first submission a case
 * is the förening's draft: to staff it does not exist yet.
 *
 * Who may do what is the permission matrix (app/auth/permissions.ts); the checks ask it, and hand back
 * `can(permission)` so that a page or action asks the same matrix for anything further. The workflow
 * events a transition runs are checked against the same matrix in transitionCase (EVENT_PERMISSIONS).
 * This is also where time catches up with a case before anyone sees it (an agreement period that has
 * ended).
 */
import { and, eq, isNotNull } from "drizzle-orm";
import { getDb } from "../../db/client";
import { applicationVersions, attachments, cases, districts, organisations } from "../../db/schema";
import type { CurrentUser, DistrictMembership, OrganisationMembership } from "../auth/current-user.server";
import { forbidden } from "../auth/current-user.server";
import { rolesGrant, type DistrictPermission, type OrganisationPermission, type Permission } from "../auth/permissions";
import { isId } from "../domain/ids";
import { deliverElapsedPeriod } from "./elapsed-period.server";

export async function loadCaseRow(caseId: string) {
  if (!isId(caseId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      case: cases,
      organisationName: organisations.name,
      organisationNumber: organisations.organisationNumber,
      districtCode: districts.code,
      districtName: districts.name,
      boardName: districts.boardName,
      administrationName: districts.administrationName,
    })
    .from(cases)
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .innerJoin(districts, eq(districts.id, cases.districtId))
    .where(eq(cases.id, caseId));
  return row ?? null;
}
export type CaseRow = NonNullable<Awaited<ReturnType<typeof loadCaseRow>>>;

const notFound = () => new Response("Sidan finns inte.", { status: 404 });

/** Submitted at least once (the förvaltning has received it); before that it is the förening's draft. */
export const isSubmitted = (row: { submittedAt: Date | null }) => row.submittedAt !== null;

/**
 * The case as it is now: an agreement whose period has ended moves on to the slutrapport before the
 * page is built (only after the record check, so nobody without access can move a case).
 */
async function caughtUp(row: CaseRow): Promise<CaseRow> {
  if ((await deliverElapsedPeriod(row.case)) === "unchanged") return row;
  return (await loadCaseRow(row.case.id)) ?? row;
}

/** One permission, or a list of which any one will do (a page several roles use for different things). */
type Needs<P extends Permission> = P | readonly P[];
const grantsAny = (roles: Parameters<typeof rolesGrant>[0], needs: Needs<Permission>) =>
  (typeof needs === "string" ? [needs] : needs).some((permission) => rolesGrant(roles, permission));

export type OrganisationCase = CaseRow & {
  membership: OrganisationMembership;
  /** The permission matrix for this person on this case. */
  can: (permission: OrganisationPermission) => boolean;
};
export type DistrictCase = CaseRow & {
  membership: DistrictMembership;
  /** The permission matrix for this person on this case. */
  can: (permission: DistrictPermission) => boolean;
};

/** The case, if the user belongs to its förening with a role that grants `needs`. */
export async function requireCaseForOrganisation(
  user: CurrentUser,
  caseId: string,
  needs: Needs<OrganisationPermission>,
): Promise<OrganisationCase> {
  const row = await loadCaseRow(caseId);
  if (!row) throw notFound();
  const membership = user.organisations.find((o) => o.id === row.case.organisationId);
  if (!membership) throw notFound();
  if (!grantsAny(membership.roles, needs)) throw forbidden();
  const can = (permission: OrganisationPermission) => rolesGrant(membership.roles, permission);
  return { ...(await caughtUp(row)), membership, can };
}

/**
 * The case, if it was sent in, belongs to the district in the URL (`/forvaltning/<district>/arenden/<id>`),
 * and the user works there with a role that grants `needs`.
 */
export async function requireCaseForDistrict(
  user: CurrentUser,
  address: { district?: string; caseId?: string },
  needs: Needs<DistrictPermission>,
): Promise<DistrictCase> {
  const row = await loadCaseRow(address.caseId ?? "");
  if (!row) throw notFound();
  const membership = user.districts.find((d) => d.id === row.case.districtId);
  if (!membership || !isSubmitted(row.case)) throw notFound();
  // /forvaltning/ja/arenden/<a Rinkeby-Kista case> is not a page, even for someone in both districts.
  if (row.districtCode.toLowerCase() !== (address.district ?? "").toLowerCase()) throw notFound();
  if (!grantsAny(membership.roles, needs)) throw forbidden();
  const can = (permission: DistrictPermission) => rolesGrant(membership.roles, permission);
  return { ...(await caughtUp(row)), membership, can };
}

/** For an action after the record check: the permission the intent needs, or 403. */
export function requirePermission<P extends Permission>(found: { can: (permission: P) => boolean }, permission: P) {
  if (!found.can(permission)) throw forbidden("Du har inte behörighet att göra det här i ärendet.");
}

/**
 * A file of a case, if the person may read it: a member of its förening (the förening's own files and
 * the agreement's), or staff of its district with case.view once the förvaltning has received it.
 * Outside the case (another förening, another district, a draft for staff) it does not exist: 404.
 */
export async function requireCaseAttachment(user: CurrentUser, attachmentId: string) {
  if (!isId(attachmentId)) throw notFound();
  const db = await getDb();
  const [row] = await db.select().from(attachments).where(eq(attachments.id, attachmentId));
  if (!row || row.deletedAt) throw notFound();
  const caseRow = await loadCaseRow(row.caseId);
  if (!caseRow) throw notFound();
  const member = user.organisations.find((o) => o.id === caseRow.case.organisationId);
  // Staff see only what the förening has sent in: not a case before its first submission, nor the
  // files of a draft version (e.g. a komplettering being written).
  const staff = (await isSentIn(row, caseRow.case)) ? user.districts.find((d) => d.id === caseRow.case.districtId) : undefined;
  // The förvaltning's own working files (e.g. for a statement) are not the förening's to read.
  const sharedWithAssociation = row.side === "association" || row.ownerKind === "agreement";
  const allowed =
    (member && sharedWithAssociation && rolesGrant(member.roles, "organisation.view")) ||
    (staff && rolesGrant(staff.roles, "case.view"));
  if (!member && !staff) throw notFound();
  if (!allowed) throw forbidden();
  return row;
}

/** Whether the förvaltning has received this file: the case is submitted and the file's version too. */
async function isSentIn(
  row: { ownerKind: string; ownerId: string | null },
  caseRow: { submittedAt: Date | null },
): Promise<boolean> {
  if (!isSubmitted(caseRow)) return false;
  if (row.ownerKind !== "application") return true;
  if (!row.ownerId) return false;
  const db = await getDb();
  const [version] = await db
    .select({ status: applicationVersions.status })
    .from(applicationVersions)
    .where(eq(applicationVersions.id, row.ownerId));
  return version?.status === "submitted";
}

export interface DistrictOrganisation {
  organisation: { id: string; name: string; organisationNumber: string; verifiedAt: Date | null };
  membership: DistrictMembership;
  can: (permission: DistrictPermission) => boolean;
}

/**
 * A förening, for staff of the district in the URL, if it has sent that district at least one case:
 * the district that has its application is the one to check who signs for it. Anyone else gets the
 * 404 of an unknown id.
 */
export async function requireOrganisationForDistrict(
  user: CurrentUser,
  address: { district?: string; organisationId?: string },
  needs: Needs<DistrictPermission>,
): Promise<DistrictOrganisation> {
  const membership = user.districts.find((d) => d.code.toLowerCase() === (address.district ?? "").toLowerCase());
  if (!membership || !isId(address.organisationId ?? "")) throw notFound();
  const db = await getDb();
  const [organisation] = await db
    .select({ id: organisations.id, name: organisations.name, organisationNumber: organisations.organisationNumber, verifiedAt: organisations.verifiedAt })
    .from(organisations)
    .where(eq(organisations.id, address.organisationId!));
  if (!organisation) throw notFound();
  const [sentIn] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.organisationId, organisation.id), eq(cases.districtId, membership.id), isNotNull(cases.submittedAt)))
    .limit(1);
  if (!sentIn) throw notFound();
  if (!grantsAny(membership.roles, needs)) throw forbidden();
  const can = (permission: DistrictPermission) => rolesGrant(membership.roles, permission);
  return { organisation, membership, can };
}
