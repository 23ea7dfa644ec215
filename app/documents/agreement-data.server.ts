/**
 * Loads what the överenskommelse document needs: the saved draft, the workflow's terms, decision and
 * signatures, the förening's details and the newest submitted application. The caller has done the
 * record check (app/cases/access.server.ts) and hands over the case row.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "../../db/client";
import { agreements, applicationVersions, organisations, users } from "../../db/schema";
import { readCaseContext } from "../../workflows";
import { agreementDraftSchema } from "../domain/agreement";
import { applicationDraftSchema } from "../domain/application";
import type { CaseRow } from "../cases/access.server";
import { stockholmDate } from "../utils/time";
import type { AgreementDocumentInput } from "./agreement-document";

/** The document's data for the case's saved draft, or null before the förvaltning has saved one. */
export async function agreementDocumentData(row: CaseRow): Promise<AgreementDocumentInput | null> {
  const db = await getDb();
  const [agreement] = await db.select().from(agreements).where(eq(agreements.caseId, row.case.id));
  if (!agreement) return null;
  const parsed = agreementDraftSchema.safeParse(agreement.content);
  const [organisation] = await db
    .select({
      streetAddress: organisations.streetAddress,
      postalCode: organisations.postalCode,
      city: organisations.city,
      paymentAccountType: organisations.paymentAccountType,
      paymentAccountNumber: organisations.paymentAccountNumber,
    })
    .from(organisations)
    .where(eq(organisations.id, row.case.organisationId));
  const [application] = await db
    .select({ content: applicationVersions.content })
    .from(applicationVersions)
    .where(and(eq(applicationVersions.caseId, row.case.id), eq(applicationVersions.status, "submitted")))
    .orderBy(desc(applicationVersions.version))
    .limit(1);
  const applicationContent = application ? applicationDraftSchema.safeParse(application.content) : null;
  const { context } = readCaseContext(row.case);
  const signed = [context.signatures.association, context.signatures.administration].filter((s) => s !== null);
  const people =
    signed.length === 0
      ? []
      : await db.select({ id: users.id, name: users.name, title: users.title }).from(users).where(inArray(users.id, signed.map((s) => s.userId)));
  const signer = (s: { userId: string; at: string } | null) => {
    if (!s) return null;
    const person = people.find((p) => p.id === s.userId);
    return { name: person?.name ?? "Okänd person", title: person?.title ?? null, date: s.at.slice(0, 10) };
  };
  const postal = [organisation?.postalCode, organisation?.city].filter(Boolean).join(" ");
  const address = [organisation?.streetAddress, postal].filter(Boolean).join(", ");
  return {
    organisation: {
      name: row.organisationName,
      organisationNumber: row.organisationNumber,
      address: address || null,
      paymentAccount:
        organisation?.paymentAccountType && organisation.paymentAccountNumber
          ? `${organisation.paymentAccountType} ${organisation.paymentAccountNumber}`
          : null,
    },
    district: { boardName: row.boardName, administrationName: row.administrationName },
    caseTitle: row.case.title,
    diaryNumber: row.case.diaryNumber,
    revision: agreement.revision,
    date: stockholmDate(agreement.updatedAt),
    content: parsed.success ? parsed.data : {},
    terms: context.agreement,
    application: applicationContent?.success ? applicationContent.data : null,
    decision:
      context.decision?.outcome === "approved"
        ? { meetingDate: context.decision.meetingDate, paragraph: context.decision.paragraph }
        : null,
    signatures: {
      association: signer(context.signatures.association),
      administration: signer(context.signatures.administration),
    },
  };
}
