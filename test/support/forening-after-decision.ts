/**
 * A Fryshuset case in Rinkeby-Kista driven to any step of the lifecycle with the real runtime. The
 * förening's side acts as the demo users who can log in (forening@ and firmatecknare@), so a test
 * can go on from there through the pages.
 */
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { createCast, createDraftCase, driveCase, LIFECYCLE, type Cast } from "../../seed/case-factory";
import { agreements, users } from "../../db/schema";
import { userActor } from "../../app/cases/case-roles";
import type { AgreementContent } from "../../app/domain/agreement";

export const AGREEMENT_CONTENT: AgreementContent = {
  purposeAndGoals: "Unga i Husby ska ha en trygg mötesplats efter skolan.",
  targetGroup: "Unga 13–22 år i Husby och Akalla.",
  associationResources: "Två fritidsledare på kvällar och helger.",
  administrationResources: "Lokal i Husby träff två kvällar i veckan.",
  yearlyAmounts: [
    { year: 2025, amount: 600_000 },
    { year: 2026, amount: 650_000 },
  ],
  startDate: "2025-05-01",
  endDate: "2026-04-30",
  extensionAllowed: true,
  extensionTerms: "Möjlighet till ett års förlängning.",
  steeringGroup: "Två från föreningen och två från förvaltningen, möts fyra gånger om året.",
  workingGroups: "Arbetsgrupp för aktiviteterna, möts varje månad.",
  coordinator: "Sara Samordnare",
  reportDueDates: ["2025-09-30", "2026-03-31"],
  finalReportDueDate: "2026-06-30",
  goals: [
    { description: "Andel deltagare som är flickor", target: "55 %" },
    { description: "Antal aktiviteter per år", target: "190 aktiviteter" },
  ],
};

/** Index into LIFECYCLE after the step with this name: LIFECYCLE.slice(0, stepsThrough(name)). */
export const stepsThrough = (name: string) => LIFECYCLE.findIndex((s) => s.name === name) + 1;

export async function demoUserId(db: Database, email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row!.id;
}

export async function fryshusetCase(
  db: Database,
  ids: { organisationIds: Map<string, string>; districtIds: Map<string, string> },
  options: { through?: string; agreement?: AgreementContent | null } = {},
): Promise<{ caseId: string; cast: Cast }> {
  const parties = { organisationId: ids.organisationIds.get("Fryshuset")!, districtId: ids.districtIds.get("RK")! };
  const cast = await createCast(db, parties);
  cast.applicant = userActor({
    id: await demoUserId(db, "forening@demo.example"),
    organisations: [{ id: parties.organisationId, roles: ["contact_person"] }],
    districts: [],
  });
  cast.signatory = userActor({
    id: await demoUserId(db, "firmatecknare@demo.example"),
    organisations: [{ id: parties.organisationId, roles: ["contact_person", "signatory"] }],
    districts: [],
  });
  const caseId = await createDraftCase(parties, cast);
  const agreement = options.agreement === undefined ? AGREEMENT_CONTENT : options.agreement;
  if (agreement) await db.insert(agreements).values({ caseId, content: agreement as Record<string, unknown> });
  if (options.through) await driveCase(caseId, cast, LIFECYCLE.slice(0, stepsThrough(options.through)));
  return { caseId, cast };
}
