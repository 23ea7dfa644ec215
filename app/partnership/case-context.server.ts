/** Reading the workflow's context from a case row (the snapshot is the truth; never written here). */
import type { PartnershipContext } from "../../workflows";

export function caseContext(caseRow: { snapshot: unknown }): PartnershipContext {
  return (caseRow.snapshot as { context: PartnershipContext }).context;
}

/** The case header every partnership page shows. */
export function caseHeader(found: {
  case: { id: string; title: string; diaryNumber: string | null; state: string; revision: number };
  organisationName: string;
}) {
  return {
    id: found.case.id,
    title: found.case.title,
    diaryNumber: found.case.diaryNumber,
    state: found.case.state,
    revision: found.case.revision,
    organisationName: found.organisationName,
  };
}
export type CaseHeaderData = ReturnType<typeof caseHeader>;
