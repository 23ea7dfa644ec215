/**
 * Cases for the förvaltning's partnership pages: driven through the real runtime to the state a test
 * needs, with the demo handläggare (who can log in) as the case's handläggare.
 */
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { agreements, applicationVersions, reports, users } from "../../db/schema";
import { LIFECYCLE, createCast, createDraftCase, dayTime, driveCase, type Cast } from "../../seed/case-factory";
import { transitionCase, type CaseCommand } from "../../app/cases/transition.server";
import { userActor } from "../../app/cases/case-roles";
import { loadUser } from "../../app/auth/current-user.server";
import type { AgreementContent } from "../../app/domain/agreement";
import type { ApplicationContent } from "../../app/domain/application";

export const stepIndex = (name: string) => {
  const i = LIFECYCLE.findIndex((s) => s.name === name);
  if (i < 0) throw new Error(`no step ${name}`);
  return i;
};

export const APPLICATION: ApplicationContent = {
  title: "Mötesplats för unga i Husby",
  periodStart: "2025-05-01",
  periodEnd: "2026-04-30",
  purpose: "Att stärka unga i Husby genom läxhjälp och idrott.",
  societalChallenge: "Många unga saknar meningsfull fritid.",
  targetGroups: [{ description: "Unga i Husby", ageFrom: 13, ageTo: 22 }],
  activities: [{ name: "Läxhjälp", description: "Två kvällar i veckan." }],
  policyLink: "Stockholms stads program för unga.",
  complementsOperations: "Fritidsgården.",
  cooperation: "Gemensam styrgrupp.",
  budgetLines: [
    { description: "Personal", associationAmount: 100_000, administrationAmount: 200_000 },
    { description: "Lokal", associationAmount: 20_000, administrationAmount: 50_000 },
  ],
};

/** An agreement whose terms match LIFECYCLE's SEND_FOR_SIGNING. */
export const AGREEMENT: AgreementContent = {
  purposeAndGoals: "Att stärka unga i Husby.",
  targetGroup: "Unga 13–22 år",
  yearlyAmounts: [{ year: 2025, amount: 250_000 }],
  startDate: "2025-05-01",
  endDate: "2026-04-30",
  extensionAllowed: true,
  reportDueDates: ["2025-09-30", "2026-03-31"],
  finalReportDueDate: "2026-06-30",
  goals: [{ description: "Andel deltagare som upplever en ökad framtidstro", target: "55 %" }],
};

export async function actorFor(db: Database, email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const user = await loadUser(row!.id);
  return userActor(user!);
}

export async function run(caseId: string, command: CaseCommand, actor: Awaited<ReturnType<typeof actorFor>> | Cast[keyof Cast], day: string) {
  const result = await transitionCase({ caseId, command, actor, now: dayTime(day) });
  if (!result.ok) throw new Error(`${command.type}: ${result.message}`);
  return result;
}

/**
 * A Fryshuset case in Rinkeby-Kista with a submitted application, driven through the first `steps`
 * LIFECYCLE steps, then handed to handlaggare@demo.example.
 */
export async function caseAfter(
  db: Database,
  ids: { organisationIds: Map<string, string>; districtIds: Map<string, string> },
  steps: number,
  options: { agreement?: AgreementContent; application?: ApplicationContent } = {},
) {
  const parties = { organisationId: ids.organisationIds.get("Fryshuset")!, districtId: ids.districtIds.get("RK")! };
  const cast = await createCast(db, parties);
  const caseId = await createDraftCase(parties, cast);
  await db.insert(applicationVersions).values({
    caseId,
    version: 1,
    status: "submitted",
    content: (options.application ?? APPLICATION) as Record<string, unknown>,
    submittedAt: dayTime("2025-02-01"),
  });
  if (options.agreement) await db.insert(agreements).values({ caseId, content: options.agreement as Record<string, unknown> });
  await driveCase(caseId, cast, LIFECYCLE.slice(0, steps));
  const caseworker = await actorFor(db, "handlaggare@demo.example");
  if (steps > stepIndex("take")) {
    const day = LIFECYCLE[steps - 1]!.day;
    await run(caseId, { type: "REASSIGN", caseworkerId: caseworker.id }, cast.caseworker, day);
  }
  return { caseId, cast, caseworker };
}

/** A submitted period report as the förening would leave it. */
export async function insertPeriodReport(db: Database, caseId: string, periodIndex: number, withFinancial = true) {
  await db.insert(reports).values({
    caseId,
    kind: "period",
    periodIndex,
    version: 1,
    status: "submitted",
    submittedAt: new Date(),
    content: {
      narrative: "Vi har haft läxhjälp och idrott varje vecka.",
      activities: [
        { name: "Läxhjälp", sessions: "64", women: "4–12", men: "10", other: "", ageGroup: "13–18 år", comment: "Per vecka" },
      ],
      goals: [{ goalIndex: 0, outcome: "70 %", comment: "Enkät i maj" }],
    },
    ...(withFinancial
      ? {
          financial: {
            lines: [
              { description: "Personal", budget: 200_000, outcome: 210_000 },
              { description: "Lokal", budget: 50_000, outcome: 45_000 },
            ],
          },
          financialSubmittedAt: new Date(),
        }
      : {}),
  });
}

/** A case whose förening has sent its final report (LIFECYCLE through "final assessment" minus one). */
export async function caseWithSubmittedFinalReport(
  db: Database,
  ids: { organisationIds: Map<string, string>; districtIds: Map<string, string> },
) {
  const world = await caseAfter(db, ids, stepIndex("final assessment"));
  await db.insert(reports).values({
    caseId: world.caseId,
    kind: "final",
    status: "submitted",
    submittedAt: new Date(),
    content: {
      goalFulfilment: "Målet om ökad framtidstro nåddes: 70 % mot 55 %.",
      timeDeviations: "Starten blev en månad sen.",
      budgetDeviations: "Lokalkostnaden blev lägre.",
      associationCommitmentsMet: "yes",
      administrationCommitmentsMet: "partly",
      administrationCommitmentsComment: "Samordnaren byttes ut under året.",
      lessonsLearned: "Gemensam workshop gav nya idéer.",
    },
  });
  return world;
}
