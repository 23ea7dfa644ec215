/**
 * The demo's cases: one in every stage a newcomer should meet, worked by the demo people who can log
 * in (Rinkeby-Kista's staff, Fryshuset's contact person and firmatecknare), each driven step by step
 * through the real transition runtime like the scale seed's templates, so the snapshots, audit events,
 * deadlines and e-mails are what the app writes. Dates are LIFECYCLE's, moved so that each case's last
 * step falls a few days before `today`: a demo seeded any day looks current.
 */
import { and, desc, eq } from "drizzle-orm";
import PDFDocument from "pdfkit";
import { getDb, type Executor } from "../db/client";
import { LIFECYCLE, dayTime, type Cast, type CastRole, type LifecycleStep } from "./case-factory";
import { addOrganisationRoles, createUser } from "./factories";
import { agreements, applicationVersions, attachments, statements, users } from "../db/schema";
import { daysBetween, pageWrites, shiftDates, shiftDay } from "./case-steps";
import { addApplicationAttachment } from "../app/attachments/attachments.server";
import { copyStoredFile } from "../app/attachments/storage.server";
import { loadUser } from "../app/auth/current-user.server";
import { userActor } from "../app/cases/case-roles";
import { createCase } from "../app/cases/create-case.server";
import { transitionCase, type CaseActor } from "../app/cases/transition.server";
import type { ApplicationContent } from "../app/domain/application";
import type { AgreementContent } from "../app/domain/agreement";
import type { StatementContent } from "../app/domain/statement";

export interface DemoCase {
  /** What the case shows, for the README and the tests. */
  key: "draft" | "new" | "completion" | "attestation" | "board" | "followUp" | "reportDue" | "finalReport" | "closed";
  organisation: string;
  title: string;
  /** Steps of LIFECYCLE taken, through the step with this name; none for a draft. */
  through: string | null;
  /** Days before today of the last step (or of the draft's creation). */
  daysAgo: number;
}

export const DEMO_CASES: DemoCase[] = [
  { key: "draft", organisation: "Fryshuset", title: "Sommarlovsaktiviteter i Kista", through: null, daysAgo: 2 },
  { key: "new", organisation: "Stockholms Stadsmission", title: "Mötesplats för äldre i Rinkeby", through: "submit", daysAgo: 1 },
  { key: "completion", organisation: "Fryshuset", title: "Läxhjälp och idrott i Husby", through: "request completion", daysAgo: 3 },
  { key: "attestation", organisation: "Folkets Husby", title: "Kulturhus för unga i Husby", through: "statement to attestation", daysAgo: 2 },
  { key: "board", organisation: "Rinkeby Folkets Hus", title: "Språkcafé och föräldrastöd i Rinkeby", through: "director attests", daysAgo: 5 },
  { key: "followUp", organisation: "Fryshuset", title: "Nattvandring och fritid i Akalla", through: "first report", daysAgo: 4 },
  // The first report approved, the second not yet due: Fryshuset has a report to write, with its deadline ahead.
  { key: "reportDue", organisation: "Fryshuset", title: "Fotboll och läxhjälp i Rinkeby", through: "first report approved", daysAgo: 20 },
  { key: "finalReport", organisation: "Kista Sports Club", title: "Idrott för tjejer i Kista", through: "final report", daysAgo: 6 },
  { key: "closed", organisation: "Fryshuset", title: "Mötesplats för unga i Husby", through: "nämnd approves final report", daysAgo: 10 },
];

/** Föreningar in the demo cases that have no demo login: one contact person each, who cannot log in. */
const CONTACTS: Record<string, { name: string; email: string }> = {
  "Stockholms Stadsmission": { name: "Sofia Stadsmission", email: "kontakt@stadsmissionen.example" },
  "Folkets Husby": { name: "Hassan Husby", email: "kontakt@folketshusby.example" },
  "Rinkeby Folkets Hus": { name: "Rana Rinkeby", email: "kontakt@rinkebyfolketshus.example" },
  "Kista Sports Club": { name: "Kim Kista", email: "kontakt@kistasportsclub.example" },
};

function application(title: string, periodStart: string, periodEnd: string): ApplicationContent {
  return {
    title,
    periodStart,
    periodEnd,
    purpose: "Att ge barn och unga i området en trygg mötesplats efter skolan.",
    societalChallenge: "Otrygghet och få fritidsaktiviteter för unga i stadsdelen.",
    targetGroups: [{ description: "Unga 13–19 år i stadsdelen", ageFrom: 13, ageTo: 19 }],
    activities: [{ name: "Öppen verksamhet", description: "Tre kvällar i veckan med ledare på plats." }],
    policyLink: "Stockholms stads program för en jämlik stad.",
    complementsOperations: "Fritidsgårdens verksamhet, som har stängt på helger.",
    cooperation: "Styrgrupp två gånger per år, arbetsgrupp varje månad.",
    budgetLines: [{ description: "Fritidsledare", associationAmount: 60_000, administrationAmount: 240_000 }],
    otherContributions: "Ideella ledare, cirka 400 timmar per år.",
  };
}

function statement(title: string, organisation: string, stage: "application" | "finalReport"): StatementContent {
  const common = {
    summary: `${organisation} ansöker om ett IOP: ${title}.`,
    background: "Ansökan kom in under den utlysning nämnden beslutade om.",
    matter: "Öppen verksamhet tre kvällar i veckan för unga 13–19 år.",
    preparation: "Ärendet har beretts av avdelningen för social hållbarhet.",
    views: "Förvaltningen bedömer att verksamheten kompletterar fritidsgården.",
    genderAnalysis: "Verksamheten når flickor och pojkar i ungefär lika hög grad.",
    childRights: "Barn i stadsdelen har rätt till en meningsfull fritid.",
  };
  return stage === "application"
    ? { ...common, proposal: "approve", proposalText: `Nämnden bifaller ${organisation}s ansökan om idéburet offentligt partnerskap (IOP).` }
    : { ...common, renegotiate: true, proposalText: "Nämnden godkänner slutrapporten och ger förvaltningen i uppdrag att förhandla en ny överenskommelse." };
}

function agreement(command: Extract<LifecycleStep["command"], { type: "SEND_FOR_SIGNING" }>): AgreementContent {
  const startYear = Number(command.startDate.slice(0, 4));
  const endYear = Number(command.endDate.slice(0, 4));
  return {
    purposeAndGoals: "Unga i stadsdelen ska ha en trygg mötesplats efter skolan.",
    targetGroup: "Unga 13–19 år.",
    associationResources: "Två fritidsledare på kvällar och helger.",
    administrationResources: "Lokal två kvällar i veckan.",
    yearlyAmounts: Array.from({ length: endYear - startYear + 1 }, (_, i) => ({ year: startYear + i, amount: 240_000 })),
    startDate: command.startDate,
    endDate: command.endDate,
    extensionAllowed: command.extensionAllowed,
    extensionTerms: "Möjlighet till ett års förlängning.",
    steeringGroup: "Två från föreningen och två från förvaltningen, möts fyra gånger om året.",
    workingGroups: "Arbetsgrupp för aktiviteterna, möts varje månad.",
    coordinator: "Sami Samordnare",
    reportDueDates: command.reportDueDates,
    finalReportDueDate: command.finalReportDueDate,
    goals: [{ description: "Andel deltagare som är flickor", target: "50 %" }],
  };
}

async function actorOf(db: Executor, email: string): Promise<CaseActor> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const user = row && (await loadUser(row.id));
  if (!user) throw new Error(`demo user ${email} is missing`);
  return userActor(user);
}

/** The demo's people in every role of a case for `organisation`, after seedDemoData. */
async function castFor(db: Executor, organisation: string, organisationId: string): Promise<Cast> {
  const staff = {
    caseworker: await actorOf(db, "handlaggare@demo.example"),
    headOfUnit: await actorOf(db, "avdelningschef@demo.example"),
    director: await actorOf(db, "direktor@demo.example"),
    registrar: await actorOf(db, "registrator@demo.example"),
    system: { kind: "system" } as const,
  };
  if (organisation === "Fryshuset") {
    return { ...staff, applicant: await actorOf(db, "forening@demo.example"), signatory: await actorOf(db, "firmatecknare@demo.example") };
  }
  const contact = CONTACTS[organisation];
  if (!contact) throw new Error(`no demo contact for ${organisation}`);
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, contact.email));
  if (!existing) {
    const user = await createUser(db, { ...contact, password: null });
    await addOrganisationRoles(db, user.id, organisationId, ["contact_person", "signatory"]);
  }
  const person = await actorOf(db, contact.email);
  return { ...staff, applicant: person, signatory: person };
}

/** A small PDF for the demo's attachment: the case's budget and plan, readable when downloaded. */
async function demoAttachment(demo: DemoCase): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: "A4", margin: 56, info: { Title: `Budget och verksamhetsplan – ${demo.title}` } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  doc.fontSize(16).text(`Budget och verksamhetsplan: ${demo.title}`);
  doc.moveDown().fontSize(11).text(`${demo.organisation}. Fritidsledare 300 000 kr per år, varav förvaltningen 240 000 kr.`);
  doc.moveDown().text("Öppen verksamhet tre kvällar i veckan för unga 13–19 år, med ideella ledare.");
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** The attachments of the case's previous application version, copied to its newest (a komplettering's draft). */
async function copyAttachments(db: Executor, caseId: string): Promise<void> {
  const versions = await db
    .select({ id: applicationVersions.id })
    .from(applicationVersions)
    .where(eq(applicationVersions.caseId, caseId))
    .orderBy(desc(applicationVersions.version))
    .limit(2);
  const [newest, previous] = versions;
  if (!newest || !previous) return;
  const files = await db.select().from(attachments).where(and(eq(attachments.ownerKind, "application"), eq(attachments.ownerId, previous.id)));
  for (const { id: _id, createdAt: _c, updatedAt: _u, ...file } of files) {
    await db.insert(attachments).values({ ...file, ownerId: newest.id, storageKey: await copyStoredFile(file.storageKey) });
  }
}

const idOf = (actor: CaseActor) => (actor.kind === "user" ? actor.id : null);

/** One demo case, created and driven through the runtime with the documents the pages write alongside. */
async function driveDemoCase(
  db: Executor,
  demo: DemoCase,
  parties: { organisationId: string; districtId: string },
  today: string,
): Promise<string> {
  const cast = await castFor(db, demo.organisation, parties.organisationId);
  const taken = demo.through === null ? 0 : LIFECYCLE.findIndex((s) => s.name === demo.through) + 1;
  if (demo.through !== null && taken === 0) throw new Error(`no lifecycle step ${demo.through}`);
  const lastDay = taken === 0 ? "2025-01-15" : LIFECYCLE[taken - 1]!.day;
  const shift = daysBetween(lastDay, today) - demo.daysAgo;
  const steps = LIFECYCLE.slice(0, taken).map((s) => ({ ...s, day: shiftDay(s.day, shift), command: shiftDates(s.command, shift) }));
  const applicant = idOf(cast.applicant);
  const created = dayTime(shiftDay("2025-01-15", shift));
  const caseId = await createCase({ ...parties, title: demo.title, createdById: applicant, now: created });
  const content = application(demo.title, shiftDay("2025-05-01", shift), shiftDay("2026-04-30", shift));
  const [first] = await db
    .insert(applicationVersions)
    .values({ caseId, version: 1, content, updatedById: applicant, createdAt: created, updatedAt: created })
    .returning({ id: applicationVersions.id });
  // Attached as the application page does it, while the first version is a draft.
  if (applicant) {
    const added = await addApplicationAttachment({ caseId, versionId: first!.id, fileName: "Budget och verksamhetsplan.pdf", bytes: await demoAttachment(demo), userId: applicant });
    if (!added.ok) throw new Error(`demo case ${demo.key}: ${added.message}`);
    await db.update(attachments).set({ createdAt: created, updatedAt: created }).where(eq(attachments.id, added.id));
  }

  const writes = pageWrites(db, { caseId, applicantId: applicant, caseworkerId: idOf(cast.caseworker), application: content });
  const statementVersions = { application: 0, finalReport: 0 };
  for (const step of steps) {
    const now = dayTime(step.day);
    const command = step.command;
    // What the förvaltning's pages have written before the event: the utlåtande, the agreement.
    if (command.type === "SUBMIT_FOR_ATTESTATION") {
      const stage = command.renegotiate === undefined ? "application" : "finalReport";
      await db.insert(statements).values({
        caseId, stage, version: ++statementVersions[stage], status: "submitted", content: statement(demo.title, demo.organisation, stage),
        authorId: idOf(cast.caseworker), submittedAt: now, createdAt: now, updatedAt: now,
      });
    }
    if (command.type === "SEND_FOR_SIGNING") {
      await db.insert(agreements).values({ caseId, content: agreement(command), updatedById: idOf(cast.caseworker), createdAt: now, updatedAt: now });
    }
    const result = await transitionCase({ caseId, command, actor: cast[step.actor as CastRole], now });
    if (!result.ok) throw new Error(`demo case ${demo.key}, ${step.name}: ${result.message}`);
    if (result.state !== step.state) throw new Error(`demo case ${demo.key}, ${step.name}: landed in ${result.state}, expected ${step.state}`);
    // What the förening's pages write with the event: submitted versions and reports.
    await writes.after(command, now);
    // A komplettering starts from the submitted version with its attachments (startCompletion).
    if (command.type === "REQUEST_COMPLETION") await copyAttachments(db, caseId);
  }
  return caseId;
}

/**
 * Drives the demo cases on the installed database (the runtime's own transactions), after
 * seedDemoData has made the districts, föreningar and people. `today` is a Stockholm date.
 */
export async function seedDemoCases(
  ids: { districtIds: Map<string, string>; organisationIds: Map<string, string> },
  today: string,
): Promise<Map<DemoCase["key"], string>> {
  const db = await getDb();
  const districtId = ids.districtIds.get("RK")!;
  const caseIds = new Map<DemoCase["key"], string>();
  for (const demo of DEMO_CASES) {
    const organisationId = ids.organisationIds.get(demo.organisation);
    if (!organisationId) throw new Error(`no demo förening ${demo.organisation}`);
    caseIds.set(demo.key, await driveDemoCase(db, demo, { organisationId, districtId }, today));
  }
  return caseIds;
}
