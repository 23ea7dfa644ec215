/**
 * The förvaltning's start page for a district: the person's queues with counts, and the follow-up export.
 * The route checks the district role (district.view) and hands over.
 */
import type { CurrentUser, DistrictMembership } from "../auth/current-user.server";
import { rolesGrant } from "../auth/permissions";
import type { DistrictRole } from "../auth/roles";
import type { QueueKey } from "./queue-definitions";
import { countQueues } from "./queues.server";

export async function loadDistrictHome(user: CurrentUser, district: DistrictMembership) {
  const counts = rolesGrant(district.roles, "queue.view")
    ? await countQueues({ userId: user.id, districtId: district.id, roles: district.roles })
    : null;
  const shown = queuesFor(district.roles);
  return {
    userName: user.name,
    districtName: district.name,
    roles: district.roles,
    queues: counts ? shown.map((key) => ({ key, count: counts[key] })) : [],
    base: `/forvaltning/${district.code.toLowerCase()}/arenden`,
    exportBase: rolesGrant(district.roles, "documents.generate") ? `/forvaltning/${district.code.toLowerCase()}/export` : null,
    lastYear: new Date().getFullYear() - 1,
  };
}

/** The queues each role works from, most urgent first. */
function queuesFor(roles: readonly DistrictRole[]): QueueKey[] {
  const keys = new Set<QueueKey>();
  if (roles.includes("caseworker")) ["mina", "ny", "komplettering", "rapporter"].forEach((k) => keys.add(k as QueueKey));
  if (roles.includes("head_of_unit") || roles.includes("district_director")) keys.add("attestering");
  if (roles.includes("registrar")) keys.add("beslut");
  keys.add("alla");
  return [...keys];
}
