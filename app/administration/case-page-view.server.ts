/** The staff case page as the page shows it: the case, its download links, linked cases and partnership links. */
import type { CurrentUser } from "../auth/current-user.server";
import { linkedCases } from "../cases/case-links.server";
import { downloadableVersions } from "../documents/application-download.server";
import { loadStaffCasePage } from "./case-page.server";
import { partnershipLinks } from "./partnership-links";

export async function loadStaffCaseView(user: CurrentUser, districtParam: string, caseId: string) {
  const page = await loadStaffCasePage(user, districtParam, caseId);
  const { found: _found, checks: _checks, ...rest } = page;
  const base = `/forvaltning/${page.found.districtCode.toLowerCase()}/arenden/${page.caseId}`;
  const downloads = await downloadableVersions(page.caseId);
  const linked = await linkedCases({ id: page.caseId, previousCaseId: page.found.case.previousCaseId });
  return { ...rest, base, linked, partnershipLinks: partnershipLinks(page.state, page.found.membership.roles, base), latestDownload: downloads.at(-1) ?? null };
}
