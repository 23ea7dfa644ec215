/**
 * The förening's view of one case after the decision: the agreement's content, report due dates and
 * names. Every loader and action of these pages starts with the record check, requireCaseForOrganisation
 * (app/cases/access.server.ts), and reads the workflow context with readCaseContext.
 */
import { eq, inArray } from "drizzle-orm";
import type { PartnershipContext } from "../../workflows";
import { getDb } from "../../db/client";
import { agreements, users } from "../../db/schema";
import type { OrganisationCase } from "../cases/access.server";
import { stockholmDate } from "../utils/time";
import { agreementDraftSchema, type AgreementContent } from "../domain/agreement";

/** A case as the förening's record check returns it. */
export type AssociationCase = OrganisationCase;

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
