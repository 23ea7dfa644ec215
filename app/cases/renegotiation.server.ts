/**
 * The case a renegotiation opens, in the decision's transaction: the case row and its first draft,
 * carried over from the old case's latest application, so the förening can open the steps at once.
 */
import { desc, eq } from "drizzle-orm";
import type { Transaction } from "../../db/client";
import { agreements, applicationVersions } from "../../db/schema";
import { readContent } from "../applications/versions.server";
import { agreementDraftSchema } from "../domain/agreement";
import { renegotiationDraft } from "../domain/renegotiation";
import { stockholmDate } from "../utils/time";
import { createCaseInTransaction } from "./create-case.server";

export async function openRenegotiationCase(
  tx: Transaction,
  old: { id: string; organisationId: string; districtId: string; title: string },
  actorUserId: string | null,
  now: Date,
): Promise<string> {
  const [latest] = await tx
    .select({ content: applicationVersions.content })
    .from(applicationVersions)
    .where(eq(applicationVersions.caseId, old.id))
    .orderBy(desc(applicationVersions.version))
    .limit(1);
  const [agreement] = await tx.select({ content: agreements.content }).from(agreements).where(eq(agreements.caseId, old.id));
  const parsedAgreement = agreement ? agreementDraftSchema.safeParse(agreement.content) : null;
  const content = renegotiationDraft({
    application: { title: old.title, ...readContent(latest?.content ?? {}) },
    agreementPeriod: parsedAgreement?.success ? parsedAgreement.data : null,
    decidedOn: stockholmDate(now),
  });
  const caseId = await createCaseInTransaction(tx, {
    organisationId: old.organisationId,
    districtId: old.districtId,
    title: content.title || old.title,
    previousCaseId: old.id,
    createdById: actorUserId,
    now,
  });
  await tx.insert(applicationVersions).values({
    caseId,
    version: 1,
    status: "draft",
    content: content as Record<string, unknown>,
    updatedById: null,
    createdAt: now,
    updatedAt: now,
  });
  return caseId;
}
