/** Loads what a tjänsteutlåtande document needs from the case, its statement and its attestations. */
import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "../../db/client";
import { statements, users } from "../../db/schema";
import { statementDraftSchema } from "../domain/statement";
import { readCaseContext } from "../../workflows";
import { loadCaseRow } from "../cases/access.server";
import { stockholmDate } from "../utils/time";
import type { StatementDocumentInput } from "./statement-document";

export async function loadStatementDocumentInput(
  caseId: string,
  stage: "application" | "finalReport",
): Promise<StatementDocumentInput | null> {
  const row = await loadCaseRow(caseId);
  if (!row) return null;
  const db = await getDb();
  const [statement] = await db
    .select()
    .from(statements)
    .where(and(eq(statements.caseId, caseId), eq(statements.stage, stage)))
    .orderBy(desc(statements.version))
    .limit(1);
  if (!statement) return null;
  const { context } = readCaseContext(row.case);
  const record = stage === "application" ? context.applicationStatement : context.finalStatement;
  const attestations = record?.attestations ?? [];
  const people = await db
    .select({ id: users.id, name: users.name, title: users.title, phone: users.phone })
    .from(users)
    .where(inArray(users.id, [...attestations.map((a) => a.userId), statement.authorId ?? ""].filter(Boolean)));
  const person = (id: string | null) => people.find((p) => p.id === id);
  const title = (role: string, id: string) =>
    person(id)?.title ?? (role === "district_director" ? "Stadsdelsdirektör" : "Avdelningschef");
  const author = person(statement.authorId);
  const content = statementDraftSchema.safeParse(statement.content);
  return {
    stage,
    organisationName: row.organisationName,
    boardName: row.boardName,
    administrationName: row.administrationName,
    diaryNumber: row.case.diaryNumber,
    date: stockholmDate(statement.submittedAt ?? statement.updatedAt),
    author: { name: author?.name ?? "", phone: author?.phone ?? null },
    content: content.success ? content.data : {},
    attestations: attestations.map((a) => ({
      name: person(a.userId)?.name ?? "",
      title: title(a.role, a.userId),
      date: a.at.slice(0, 10),
    })),
    // Signed by the chefs who attested, director first as in the seeds.
    signatories: [...attestations]
      .sort((a) => (a.role === "district_director" ? -1 : 1))
      .map((a) => ({ name: person(a.userId)?.name ?? "", title: title(a.role, a.userId) })),
  };
}
