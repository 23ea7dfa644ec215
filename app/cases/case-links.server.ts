/**
 * The cases a renegotiation ties together: the one this case continues and the one that continues it.
 * Both belong to the same förening and district, so whoever may see this case may follow the links.
 */
import { eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { cases } from "../../db/schema";

export interface LinkedCase {
  id: string;
  title: string;
  diaryNumber: string | null;
  /** False while the linked case is still the förening's unsent draft: staff see its name, no link. */
  submitted: boolean;
}

export async function linkedCases(caseRow: { id: string; previousCaseId: string | null }): Promise<{
  previous: LinkedCase | null;
  next: LinkedCase | null;
}> {
  const db = await getDb();
  const columns = { id: cases.id, title: cases.title, diaryNumber: cases.diaryNumber, submittedAt: cases.submittedAt };
  const [previous] = caseRow.previousCaseId
    ? await db.select(columns).from(cases).where(eq(cases.id, caseRow.previousCaseId)).limit(1)
    : [];
  const [next] = await db.select(columns).from(cases).where(eq(cases.previousCaseId, caseRow.id)).limit(1);
  const linked = (c: typeof previous) =>
    c ? { id: c.id, title: c.title, diaryNumber: c.diaryNumber, submitted: c.submittedAt !== null } : null;
  return { previous: linked(previous), next: linked(next) };
}
