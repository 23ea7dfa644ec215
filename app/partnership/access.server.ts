/**
 * The record check for the förvaltning's partnership pages: the case belongs to the district in the URL,
 * the user works there, and one of their roles grants one of the permissions the page needs.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { forbidden, requireUser, type CurrentUser } from "../auth/current-user.server";
import { rolesGrant, type DistrictPermission } from "../auth/permissions";
import { requireCaseForDistrict } from "../cases/access.server";

const notFound = () => new Response("Sidan finns inte.", { status: 404 });

export async function requireDistrictCase(request: Request, params: LoaderFunctionArgs["params"], anyOf: readonly DistrictPermission[]) {
  const user = await requireUser(request);
  const found = await requireCaseForDistrict(user, params.caseId ?? "", "case.view");
  if (found.districtCode.toLowerCase() !== (params.district ?? "").toLowerCase()) throw notFound();
  if (!anyOf.some((permission) => rolesGrant(found.membership.roles, permission))) throw forbidden();
  const can = (permission: DistrictPermission) => rolesGrant(found.membership.roles, permission);
  return { user, found, can };
}

/** For an action: the permission the intent needs, or 403. */
export function requirePermission(can: (permission: DistrictPermission) => boolean, permission: DistrictPermission) {
  if (!can(permission)) throw forbidden("Du har inte behörighet att göra det här i ärendet.");
}

export type DistrictCase = Awaited<ReturnType<typeof requireDistrictCase>>;
export type { CurrentUser };
