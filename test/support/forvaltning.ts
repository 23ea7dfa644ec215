/**
 * Cases for the förvaltning tests, worked by the demo people of Rinkeby-Kista (who can log in), driven
 * with the real runtime through seed/case-factory's lifecycle.
 */
import { eq } from "drizzle-orm";
import { applicationVersions, cases, statements, users } from "../../db/schema";
import { LIFECYCLE, createCast, createDraftCase, driveCase, type Cast } from "../../seed/case-factory";
import { loadUser } from "../../app/auth/current-user.server";
import { userActor } from "../../app/cases/case-roles";
import { transitionCase } from "../../app/cases/transition.server";
import type { ApplicationContent } from "../../app/domain/application";
import { applicationPeriod } from "./dates";
import type { Portal } from "./portal";

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
  // Inside the demo call as of today, so the application stays valid in any year.
  ...applicationPeriod(),
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

export async function loggedIn(portal: Portal, email: string) {
  const visitor = portal.visitor();
  const response = await visitor.logIn(email);
  if (response.status !== 302) throw new Error(`${email} could not log in (${response.status})`);
  return visitor;
}

export async function caseRowOf(portal: Portal, caseId: string) {
  const [row] = await portal.db.select().from(cases).where(eq(cases.id, caseId));
  return row!;
}

/**
 * Who must be refused on a page of a case, by URL and by post: the förening side, another förening,
 * staff of another district, and Rinkeby-Kista staff whose roles lack the page's permission.
 */
export const OUTSIDERS = ["forening@demo.example", "iogt@demo.example", "handlaggare.jarva@demo.example"] as const;

/**
 * The statuses a refused person may get (ADR 0004). People outside the district (another district's
 * staff, a förening's people) are refused the district's pages as a whole (403) or told the case is
 * unknown (404): neither says whether the case exists (case-privacy.test.ts holds that). The district's
 * own staff without the right are refused (403).
 */
export function refusal(email: string): number[] {
  return (OUTSIDERS as readonly string[]).includes(email) ? [403, 404] : [403];
}

export const STATEMENT_TEXT = {
  summary: "Fryshuset ansöker om ett IOP för läxhjälp och idrott i Husby.",
  background: "Ansökan kom in den 2025-02-01.",
  matter: "Läxhjälp tre kvällar i veckan för unga 12–18 år.",
  preparation: "Ärendet har beretts av avdelningen för stadsutveckling.",
  views: "Förvaltningen bedömer att verksamheten kompletterar fritidsgården.",
  genderAnalysis: "Verksamheten når flickor och pojkar i lika hög grad.",
  childRights: "Barn i Husby har rätt till en meningsfull fritid.",
  proposal: "approve",
  proposalText: "Rinkeby-Kista stadsdelsnämnd bifaller Fryshusets ansökan om idéburet offentligt partnerskap (IOP).",
} as const;

/**
 * A case whose tjänsteutlåtande (a stored, submitted version 1) waits for the avdelningschef.
 * `author` (an e-mail) takes the case over and writes the statement instead of the demo handläggare.
 */
export async function caseInAttestation(portal: Portal, options: { author?: string } = {}) {
  const { caseId, cast, parties } = await caseAt(portal, through("start assessment"));
  let author = cast.caseworker;
  if (options.author) {
    author = await actorFor(portal, options.author);
    const moved = await transitionCase({ caseId, command: { type: "REASSIGN", caseworkerId: await userIdOf(portal, options.author) }, actor: cast.caseworker });
    if (!moved.ok) throw new Error(moved.message);
  }
  await portal.db.insert(statements).values({
    caseId,
    stage: "application",
    version: 1,
    status: "submitted",
    content: STATEMENT_TEXT,
    authorId: author.kind === "user" ? author.id : null,
    submittedAt: new Date(),
  });
  const sent = await transitionCase({ caseId, command: { type: "SUBMIT_FOR_ATTESTATION", proposal: "approve" }, actor: author });
  if (!sent.ok) throw new Error(sent.message);
  return { caseId, cast, parties };
}
