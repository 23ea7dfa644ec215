/**
 * Record checks for a case: a förening user only for their own förening's cases, staff only for their
 * own district's. Every loader and action that touches a case goes through one of these, so this is
 * also where time catches up with a case before anyone sees it (an agreement period that has ended).
 *
 * Someone outside the case's förening or district gets the same 404 as for an id that names nothing,
 * so a guessed or leaked id does not tell whether the case exists. A 403 is only for someone who may
 * see the case but whose role does not allow this page or action. Until its first submission a case
 * is the förening's draft: to staff it does not exist yet.
 */
import { eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { cases, districts, organisations } from "../../db/schema";
import type { CurrentUser, DistrictMembership, OrganisationMembership } from "../auth/current-user.server";
import { forbidden } from "../auth/current-user.server";
import { rolesGrant, type DistrictPermission, type OrganisationPermission } from "../auth/permissions";
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

const notFound = () => new Response("Not found", { status: 404 });

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

/** The case, if the user belongs to its förening with a role that grants `permission`. */
export async function requireCaseForOrganisation(
  user: CurrentUser,
  caseId: string,
  permission: OrganisationPermission,
): Promise<CaseRow & { membership: OrganisationMembership }> {
  const row = await loadCaseRow(caseId);
  if (!row) throw notFound();
  const membership = user.organisations.find((o) => o.id === row.case.organisationId);
  if (!membership) throw notFound();
  if (!rolesGrant(membership.roles, permission)) throw forbidden();
  return { ...(await caughtUp(row)), membership };
}

/** The case, if the user works in its district with a role that grants `permission`. */
export async function requireCaseForDistrict(
  user: CurrentUser,
  caseId: string,
  permission: DistrictPermission,
): Promise<CaseRow & { membership: DistrictMembership }> {
  const row = await loadCaseRow(caseId);
  if (!row) throw notFound();
  const membership = user.districts.find((d) => d.id === row.case.districtId);
  if (!membership || !isSubmitted(row.case)) throw notFound();
  if (!rolesGrant(membership.roles, permission)) throw forbidden();
  return { ...(await caughtUp(row)), membership };
}
