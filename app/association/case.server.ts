/**
 * The förening's view of one case after the decision: the record check, the workflow context read
 * from the snapshot, and the agreement's content. Every loader and action of these pages starts here.
 */
import { eq, inArray } from "drizzle-orm";
import type { PartnershipContext } from "../../workflows";
import { getDb } from "../../db/client";
import { agreements, users } from "../../db/schema";
import type { CurrentUser } from "../auth/current-user.server";
import type { OrganisationPermission } from "../auth/permissions";
import { requireCaseForOrganisation } from "../cases/access.server";
import { stockholmDate } from "../utils/time";
import { agreementDraftSchema, type AgreementContent } from "../domain/agreement";

export async function requireAssociationCase(user: CurrentUser, caseId: string, permission: OrganisationPermission) {
  const row = await requireCaseForOrganisation(user, caseId, permission);
  const context = (row.case.snapshot as { context: PartnershipContext }).context;
  return { ...row, context };
}
export type AssociationCase = Awaited<ReturnType<typeof requireAssociationCase>>;

/** The agreement being drafted or in force; null while the förvaltning has not started writing it. */
export async function loadAgreementContent(caseId: string): Promise<AgreementContent | null> {
  const db = await getDb();
  const [row] = await db.select({ content: agreements.content }).from(agreements).where(eq(agreements.caseId, caseId));
  if (!row) return null;
  const parsed = agreementDraftSchema.safeParse(row.content);
  return parsed.success ? parsed.data : {};
}

/** The due dates of the reports: the workflow's terms once sent for signing, else the draft's. */
export function reportDueDates(context: PartnershipContext, agreement: AgreementContent | null): string[] {
  return context.agreement?.reportDueDates ?? agreement?.reportDueDates ?? [];
}

export async function userNames(ids: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const db = await getDb();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Stockholm calendar date of a workflow timestamp ("2025-04-05T10:00:00+02:00" → "2025-04-05"). */
export const dateOf = (at: string | Date | null | undefined) =>
  at == null ? null : typeof at === "string" ? at.slice(0, 10) : stockholmDate(at);
