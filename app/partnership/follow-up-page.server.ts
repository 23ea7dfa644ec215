/**
 * The förvaltning's uppföljning page: the agreement's terms and periods, reports and meetings.
 * The route checks the case (any of the page's permissions) and hands over; the actions are in
 * follow-up-actions.server.ts.
 */
import type { DistrictCase } from "../cases/access.server";
import { loadAgreementDraft } from "./agreement.server";
import { caseContext, caseHeader } from "./case-context.server";
import { listMeetings, listPeriodReports } from "./follow-up.server";

export async function loadFollowUpPage(found: DistrictCase) {
  const { can } = found;
  const context = caseContext(found.case);
  const agreement = await loadAgreementDraft(found.case.id);
  return {
    base: `/forvaltning/${found.membership.code.toLowerCase()}`,
    header: caseHeader(found),
    can: {
      review: can("report.review"),
      meeting: can("meeting.record"),
      extend: can("partnership.extend"),
      terminate: can("partnership.terminate"),
    },
    terms: context.agreement,
    currentPeriodIndex: context.currentPeriodIndex,
    extensions: context.extensions,
    termination: context.termination,
    goals: agreement.prefilled ? [] : (agreement.content.goals ?? []),
    reports: await listPeriodReports(found.case.id),
    meetings: await listMeetings(found.case.id),
  };
}
