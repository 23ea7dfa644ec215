/** Internal notes (case_notes): the förvaltning's own working notes, never shown to the förening. */
import { asc, eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { caseNotes, users } from "../../db/schema";

export async function listNotes(caseId: string) {
  const db = await getDb();
  const rows = await db
    .select({ id: caseNotes.id, body: caseNotes.body, createdAt: caseNotes.createdAt, authorName: users.name })
    .from(caseNotes)
    .innerJoin(users, eq(users.id, caseNotes.authorId))
    .where(eq(caseNotes.caseId, caseId))
    .orderBy(asc(caseNotes.createdAt), asc(caseNotes.id));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

export async function addNote(caseId: string, authorId: string, body: string) {
  const db = await getDb();
  await db.insert(caseNotes).values({ caseId, authorId, body });
}
