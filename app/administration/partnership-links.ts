/** Links from the staff case page to the partnership's later pages, for the roles that can use them. */
import { rolesGrant, type DistrictPermission } from "../auth/permissions";
import type { DistrictRole } from "../auth/roles";

const PAGES: { path: string; label: string; stages: string[]; anyOf: DistrictPermission[] }[] = [
  {
    path: "overenskommelse",
    label: "Överenskommelse",
    stages: ["agreement", "followUp", "finalReport", "closed"],
    anyOf: ["agreement.draft", "agreement.signForDistrict"],
  },
  {
    path: "uppfoljning",
    label: "Uppföljning",
    stages: ["followUp", "finalReport", "closed"],
    anyOf: ["report.review", "meeting.record", "partnership.extend", "partnership.terminate"],
  },
  { path: "slutrapport", label: "Slutrapport", stages: ["finalReport", "closed"], anyOf: ["case.view"] },
];

export function partnershipLinks(state: string, roles: readonly DistrictRole[], base: string) {
  const stage = state.split(".")[0] ?? "";
  return PAGES.filter((p) => p.stages.includes(stage) && p.anyOf.some((permission) => rolesGrant(roles, permission))).map(
    (p) => ({ href: `${base}/${p.path}`, label: p.label }),
  );
}
