/** Reading the workflow's context from a case row (the snapshot is the truth; never written here). */
import { readCaseContext, type PartnershipContext } from "../../workflows";

/** The context, migrated from the stored machine version like every read of a snapshot. */
export function caseContext(caseRow: { machineVersion: number; snapshot: unknown }): PartnershipContext {
  return readCaseContext(caseRow).context;
}

/** The case header every partnership page shows. */
export function caseHeader(found: {
  case: { id: string; title: string; diaryNumber: string | null; revision: number; machineVersion: number; snapshot: unknown };
  organisationName: string;
}) {
  return {
    id: found.case.id,
    title: found.case.title,
    diaryNumber: found.case.diaryNumber,
    state: readCaseContext(found.case).state,
    revision: found.case.revision,
    organisationName: found.organisationName,
  };
}
export type CaseHeaderData = ReturnType<typeof caseHeader>;
