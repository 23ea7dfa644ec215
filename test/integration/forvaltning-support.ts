/**
 * Cases for the förvaltning tests, worked by the demo people of Rinkeby-Kista (who can log in), driven
 * with the real runtime through db/case-factory's lifecycle.
 */
import { eq } from "drizzle-orm";
import { applicationVersions, users } from "../../db/schema";
import { LIFECYCLE, createCast, createDraftCase, driveCase, type Cast } from "../../db/case-factory";
import { loadUser } from "../../app/auth/current-user.server";
import { userActor } from "../../app/cases/case-roles";
import type { ApplicationContent } from "../../app/domain/application";
import type { Portal } from "../support/portal";

export async function actorFor(portal: Portal, email: string) {
  const [row] = await portal.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const user = await loadUser(row!.id);
  return userActor(user!);
}

export async function userIdOf(portal: Portal, email: string) {
  const [row] = await portal.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row!.id;
}

/** A cast whose förvaltning side is Rinkeby-Kista's demo staff and whose applicant is Fryshuset's. */
export async function rinkebyCast(portal: Portal, organisation = "Fryshuset"): Promise<{ cast: Cast; parties: { organisationId: string; districtId: string } }> {
  const parties = { organisationId: portal.organisationIds.get(organisation)!, districtId: portal.districtIds.get("RK")! };
  const cast = await createCast(portal.db, parties);
  cast.caseworker = await actorFor(portal, "handlaggare@demo.example");
  cast.headOfUnit = await actorFor(portal, "avdelningschef@demo.example");
  cast.director = await actorFor(portal, "direktor@demo.example");
  cast.registrar = await actorFor(portal, "registrator@demo.example");
  if (organisation === "Fryshuset") cast.applicant = await actorFor(portal, "forening@demo.example");
  return { cast, parties };
}

export const SAMPLE_APPLICATION: ApplicationContent = {
  title: "Läxhjälp och idrott i Husby",
  periodStart: "2027-01-01",
  periodEnd: "2028-12-31",
  purpose: "Ge unga i Husby en trygg plats efter skolan.",
  societalChallenge: "Låg skolnärvaro och få fritidsaktiviteter.",
  targetGroups: [{ description: "Unga i Husby", ageFrom: 12, ageTo: 18 }],
  activities: [{ name: "Läxhjälp", description: "Tre kvällar i veckan." }],
  policyLink: "Stockholms stads program för en jämlik stad.",
  complementsOperations: "Fritidsgården i Husby.",
  cooperation: "Gemensam styrgrupp.",
  budgetLines: [{ description: "Personal", associationAmount: 200_000, administrationAmount: 800_000 }],
  otherContributions: "Ideella ledare.",
};

/** A case taken through the first `steps` lifecycle steps, with a submitted application version. */
export async function caseAt(
  portal: Portal,
  steps: number,
  options: { organisation?: string; title?: string; content?: ApplicationContent } = {},
) {
  const { cast, parties } = await rinkebyCast(portal, options.organisation);
  const caseId = await createDraftCase(parties, cast, options.title ?? "Mötesplats för unga i Husby");
  await portal.db.insert(applicationVersions).values({
    caseId,
    version: 1,
    status: "submitted",
    content: { ...SAMPLE_APPLICATION, ...options.content },
    submittedAt: new Date("2025-02-01T10:00:00Z"),
  });
  await driveCase(caseId, cast, LIFECYCLE.slice(0, steps));
  return { caseId, cast, parties };
}

/** The index of a lifecycle step by name, plus one: "up to and including". */
export const through = (name: string) => LIFECYCLE.findIndex((s) => s.name === name) + 1;
