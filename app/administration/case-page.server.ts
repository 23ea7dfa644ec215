/** Everything the förvaltning needs about one case, for the case page. */
import { and, asc, eq, isNull } from "drizzle-orm";
import { statePath } from "../../workflows";
import { getDb } from "../../db/client";
import { attachments, caseDeadlines, organisations } from "../../db/schema";
import type { CurrentUser } from "../auth/current-user.server";
import { diffApplications, type FieldChange } from "../applications/diff";
import { listApplicationVersions } from "../applications/versions.server";
import { requireCaseForDistrict } from "../cases/access.server";
import { describeState } from "../cases/status-text";
import { loadTimeline } from "../cases/timeline.server";
import { listCaseFiles } from "./application-files";
import { checkActions } from "./case-actions.server";
import { listNotes } from "./notes.server";
import { listCaseworkers } from "./queues.server";

export const DEADLINE_LABELS: Record<string, string> = {
  completion: "Komplettering av ansökan",
  reportCompletion: "Komplettering av rapport",
  report: "Rapport",
  finalReport: "Slutrapport",
};

export async function loadStaffCasePage(user: CurrentUser, districtParam: string, caseId: string) {
  const found = await requireCaseForDistrict(user, { district: districtParam, caseId }, "case.view");
  const row = found.case;
  const db = await getDb();
  const [organisation] = await db.select().from(organisations).where(eq(organisations.id, row.organisationId));
  const versions = await listApplicationVersions(caseId);
  const submitted = versions.filter((v) => v.status === "submitted");
  const history = submitted.map((v, i) => ({
    version: v.version,
    submittedAt: v.submittedAt?.toISOString() ?? null,
    changes: i === 0 ? ([] as FieldChange[]) : diffApplications(submitted[i - 1]!.content, v.content),
  }));
  const files = listCaseFiles(
    await db
      .select({ id: attachments.id, fileName: attachments.fileName, ownerKind: attachments.ownerKind, ownerId: attachments.ownerId, sha256: attachments.sha256, sizeBytes: attachments.sizeBytes, side: attachments.side })
      .from(attachments)
      .where(and(eq(attachments.caseId, caseId), isNull(attachments.deletedAt)))
      .orderBy(asc(attachments.createdAt)),
    submitted,
  );
  const deadlines = await db
    .select({ kind: caseDeadlines.kind, dueOn: caseDeadlines.dueOn })
    .from(caseDeadlines)
    .where(and(eq(caseDeadlines.caseId, caseId), isNull(caseDeadlines.clearedAt)))
    .orderBy(asc(caseDeadlines.dueOn));
  const { checks, allowed, snapshot } = checkActions(user, row);
  const context = snapshot.context;
  // The state in the current machine's names (a case stored by an earlier version is migrated on reading).
  const state = statePath(snapshot);
  return {
    found,
    caseId,
    revision: row.revision,
    title: row.title,
    diaryNumber: row.diaryNumber,
    status: describeState(state, "administration", row.outcome),
    state,
    organisation: organisation
      ? {
          id: organisation.id,
          name: organisation.name,
          organisationNumber: organisation.organisationNumber,
          verified: organisation.verifiedAt !== null,
          email: organisation.email,
          phone: organisation.phone,
          address: [organisation.streetAddress, [organisation.postalCode, organisation.city].filter(Boolean).join(" ")].filter(Boolean).join(", "),
        }
      : null,
    application: submitted.at(-1) ?? null,
    history,
    files,
    deadlines: deadlines.map((d) => ({ ...d, label: DEADLINE_LABELS[d.kind] ?? d.kind })),
    timeline: (await loadTimeline(caseId, "administration")).map((t) => ({ ...t, at: t.at.toISOString() })),
    canNote: found.can("case.internalNote"),
    notes: found.can("case.internalNote") ? await listNotes(caseId) : [],
    completionRequest: context.completionRequest,
    lastReturn: context.lastReturn,
    checks,
    allowed: {
      take: allowed("TAKE"),
      assign: allowed("ASSIGN"),
      reassign: allowed("REASSIGN"),
      requestCompletion: allowed("REQUEST_COMPLETION"),
      startAssessment: allowed("START_ASSESSMENT"),
      startFinalAssessment: allowed("START_FINAL_ASSESSMENT"),
      statement: allowed("SUBMIT_FOR_ATTESTATION"),
      attest: allowed("ATTEST") || allowed("RETURN"),
      decision: allowed("REGISTER_DECISION") || allowed("REGISTER_FINAL_APPROVAL"),
    },
    caseworkers: allowed("ASSIGN") || allowed("REASSIGN") ? await listCaseworkers(row.districtId) : [],
    assignedCaseworkerId: row.assignedCaseworkerId,
  };
}
