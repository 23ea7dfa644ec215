/** Every version of a case's application, oldest first. Submitted versions never change. */
import { asc, eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { applicationVersions } from "../../db/schema";
import { applicationDraftSchema, type ApplicationContent } from "../domain/application";

export interface ApplicationVersion {
  id: string;
  version: number;
  status: "draft" | "submitted";
  content: ApplicationContent;
  revision: number;
  submittedAt: Date | null;
  updatedAt: Date;
}

/** Stored content is read through the draft schema, so an unexpected shape never reaches a page. */
export function readContent(raw: unknown): ApplicationContent {
  const parsed = applicationDraftSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

export async function listApplicationVersions(caseId: string): Promise<ApplicationVersion[]> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(applicationVersions)
    .where(eq(applicationVersions.caseId, caseId))
    .orderBy(asc(applicationVersions.version));
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    status: r.status,
    content: readContent(r.content),
    revision: r.revision,
    submittedAt: r.submittedAt,
    updatedAt: r.updatedAt,
  }));
}
