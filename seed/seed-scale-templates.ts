/**
 * The scale seed's templates (seed/seed-scale.ts): for every prefix of LIFECYCLE and the avslag branch,
 * in each date bucket, ONE case driven by the real runtime (snapshot, audit events, deadlines, derived
 * columns), with the application versions and reports the förening's pages would have written
 * alongside. seed/seed-scale-copies.ts copies them into the other 99 800 cases.
 */
import type { Executor } from "../db/client";
import { LIFECYCLE, dayTime, type Cast, type LifecycleStep } from "./case-factory";
import { applicationVersions } from "../db/schema";
import { daysBetween, pageWrites, shiftDates, shiftDay } from "./case-steps";
import { createCase } from "../app/cases/create-case.server";
import { transitionCase } from "../app/cases/transition.server";
import { ACTIVITIES, PLACES } from "./seed-scale-names";

export const BUCKETS = 6;
/** Days between the date buckets: the last activity of a state's templates is today, 40, 80 … days ago. */
const BUCKET_DAYS = 40;
/**
 * The share of cases that stop after each prefix of LIFECYCLE (index = number of steps taken), roughly
 * a city's mix: many agreements in follow-up and many closed, a steady stream in review.
 */
const PREFIX_WEIGHTS = [
  3, // draft
  3, // review.unassigned
  4, // taken
  2, // awaiting completion
  2, // resubmitted
  4, // assessment
  1.5, // awaiting head of unit
  1, // returned
  1, // awaiting head of unit again
  1, // awaiting director
  2, // awaiting board
  2, // agreement drafting
  1, // signing
  1, // förening signed
  12, // report due
  3, // report submitted
  1.5, // report completion requested
  1, // report resubmitted
  12, // first report approved, second due
  2, // second report submitted
  4, // reports reviewed
  4, // final report due
  2, // final report submitted
  2, // final assessment
  1, // final attestation, head of unit
  1, // final attestation, director
  1, // final report awaiting board
  20, // closed
];
const REJECTED_WEIGHT = 5;

export interface Variant {
  name: string;
  steps: LifecycleStep[];
  weight: number;
}

export function variants(): Variant[] {
  if (PREFIX_WEIGHTS.length !== LIFECYCLE.length + 1) throw new Error("PREFIX_WEIGHTS must have one weight per prefix of LIFECYCLE");
  const list: Variant[] = PREFIX_WEIGHTS.map((weight, n) => ({
    name: n === 0 ? "draft" : `${LIFECYCLE[n - 1]!.name} → ${LIFECYCLE[n - 1]!.state}`,
    steps: LIFECYCLE.slice(0, n),
    weight,
  }));
  const beforeDecision = LIFECYCLE.findIndex((s) => s.name === "bifall registered");
  list.push({
    name: "avslag registered → closed",
    steps: [
      ...LIFECYCLE.slice(0, beforeDecision),
      {
        name: "avslag registered",
        actor: "registrar",
        day: LIFECYCLE[beforeDecision]!.day,
        command: {
          type: "REGISTER_DECISION",
          meetingDate: LIFECYCLE[beforeDecision]!.day,
          paragraph: "§ 13",
          outcome: "rejected",
          motivation: "Verksamheten kompletterar inte förvaltningens egen verksamhet.",
        },
        state: "closed",
      },
    ],
    weight: REJECTED_WEIGHT,
  });
  return list;
}

function applicationContent(periodStart: string, periodEnd: string, title: string) {
  return {
    title,
    periodStart,
    periodEnd,
    purpose: "Att ge barn och unga i området en trygg mötesplats efter skolan.",
    societalChallenge: "Otrygghet och få fritidsaktiviteter för unga i stadsdelen.",
    targetGroups: [{ description: "Unga 13–19 år", count: 120 }],
    activities: [{ name: "Öppen verksamhet", description: "Tre kvällar i veckan med ledare på plats." }],
    policyLink: "Stadens program för ett Stockholm för alla.",
    complementsOperations: "Fritidsgårdens verksamhet, som har stängt på helger.",
    cooperation: "Styrgrupp två gånger per år, arbetsgrupp varje månad.",
    budgetLines: [{ description: "Ledare", associationAmount: 60_000, administrationAmount: 240_000 }],
    otherContributions: "Ideella ledare, cirka 400 timmar per år.",
  };
}

async function runPool(total: number, concurrency: number, work: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < total) await work(next++);
  }));
}

export interface Template {
  id: string;
  variant: number;
  bucket: number;
}

/**
 * Every variant in every date bucket, shifted so that its last step falls today minus the bucket's
 * days, driven two at a time: the runtime renders each transition's mail, and the machine has two cores.
 */
export async function driveTemplates(
  db: Executor,
  input: { list: Variant[]; districtId: string; organisationId: string; cast: Cast; today: string },
): Promise<{ templates: Template[]; transitions: number }> {
  const { list, today } = input;
  const templates: Template[] = [];
  let transitions = 0;
  const jobs = list.flatMap((variant, v) => Array.from({ length: BUCKETS }, (_, b) => ({ variant, v, b })));
  await runPool(jobs.length, 2, async (i) => {
    const { variant, v, b } = jobs[i]!;
    const lastDay = variant.steps.at(-1)?.day ?? "2025-01-15";
    const shift = daysBetween(lastDay, today) - b * BUCKET_DAYS;
    const steps = variant.steps.map((s) => ({ ...s, day: shiftDay(s.day, shift), command: shiftDates(s.command, shift) }));
    const id = await driveTemplate(db, {
      districtId: input.districtId,
      organisationId: input.organisationId,
      cast: input.cast,
      steps,
      createdDay: shiftDay("2025-01-15", shift),
      title: `${ACTIVITIES[(v + b) % ACTIVITIES.length]} ${PLACES[(v * 3 + b) % PLACES.length]}`,
      periodStart: shiftDay("2025-05-01", shift),
      periodEnd: shiftDay("2026-04-30", shift),
    });
    transitions += steps.length;
    templates.push({ id, variant: v, bucket: b });
  });
  return { templates, transitions };
}

/**
 * One template case: created and driven step by step through the runtime, with the application
 * versions and reports the förening's and förvaltning's pages write next to the transitions.
 */
async function driveTemplate(
  db: Executor,
  input: {
    districtId: string;
    organisationId: string;
    cast: Cast;
    steps: LifecycleStep[];
    createdDay: string;
    title: string;
    periodStart: string;
    periodEnd: string;
  },
): Promise<string> {
  const applicant = input.cast.applicant.kind === "user" ? input.cast.applicant.id : null;
  const caseworker = input.cast.caseworker.kind === "user" ? input.cast.caseworker.id : null;
  const created = dayTime(input.createdDay);
  const caseId = await createCase({
    organisationId: input.organisationId,
    districtId: input.districtId,
    title: input.title,
    createdById: applicant,
    now: created,
  });
  const content = applicationContent(input.periodStart, input.periodEnd, input.title);
  await db.insert(applicationVersions).values({ caseId, version: 1, content, updatedById: applicant, createdAt: created, updatedAt: created });
  const writes = pageWrites(db, { caseId, applicantId: applicant, caseworkerId: caseworker, application: content });
  for (const step of input.steps) {
    const now = dayTime(step.day);
    const result = await transitionCase({ caseId, command: step.command, actor: input.cast[step.actor], now });
    if (!result.ok) throw new Error(`${step.name}: ${result.message}`);
    if (result.state !== step.state) throw new Error(`${step.name}: landed in ${result.state}, expected ${step.state}`);
    await writes.after(step.command, now);
  }
  return caseId;
}
