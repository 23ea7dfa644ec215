/**
 * Drives cases through the lifecycle with the real runtime: used by the tests, the benchmark and the
 * scale seed, so all three exercise the same path.
 */
import type { Executor } from "../db/client";
import { addDistrictRoles, addOrganisationRoles, createUser } from "./factories";
import { createCase } from "../app/cases/create-case.server";
import { transitionCase, type CaseActor, type CaseCommand } from "../app/cases/transition.server";
import { userActor } from "../app/cases/case-roles";

export type CastRole = "applicant" | "signatory" | "caseworker" | "headOfUnit" | "director" | "registrar" | "system";
export type Cast = Record<CastRole, CaseActor>;

export interface LifecycleStep {
  name: string;
  actor: CastRole;
  day: string;
  command: CaseCommand;
  state: string;
}

const AGREEMENT = {
  startDate: "2025-05-01",
  endDate: "2026-04-30",
  reportDueDates: ["2025-09-30", "2026-03-31"],
  extensionAllowed: true,
  finalReportDueDate: "2026-06-30",
};

/** One partnership from submission to a renegotiated close, with a komplettering, a return and a report completion. */
export const LIFECYCLE: LifecycleStep[] = [
  { name: "submit", actor: "applicant", day: "2025-02-01", command: { type: "SUBMIT" }, state: "review.unassigned" },
  { name: "take", actor: "caseworker", day: "2025-02-03", command: { type: "TAKE" }, state: "review.assigned" },
  {
    name: "request completion",
    actor: "caseworker",
    day: "2025-02-04",
    command: { type: "REQUEST_COMPLETION", message: "Bifoga budget för 2025.", dueDate: "2025-02-18" },
    state: "review.awaitingCompletion",
  },
  { name: "resubmit", actor: "applicant", day: "2025-02-10", command: { type: "RESUBMIT" }, state: "review.assigned" },
  { name: "start assessment", actor: "caseworker", day: "2025-02-11", command: { type: "START_ASSESSMENT" }, state: "review.assessment" },
  {
    name: "statement to attestation",
    actor: "caseworker",
    day: "2025-03-01",
    command: { type: "SUBMIT_FOR_ATTESTATION", proposal: "approve" },
    state: "review.attestation.awaitingHeadOfUnit",
  },
  {
    name: "head of unit returns",
    actor: "headOfUnit",
    day: "2025-03-02",
    command: { type: "RETURN", comment: "Komplettera jämställdhetsanalysen." },
    state: "review.assessment",
  },
  {
    name: "statement to attestation again",
    actor: "caseworker",
    day: "2025-03-03",
    command: { type: "SUBMIT_FOR_ATTESTATION", proposal: "approve" },
    state: "review.attestation.awaitingHeadOfUnit",
  },
  { name: "head of unit attests", actor: "headOfUnit", day: "2025-03-04", command: { type: "ATTEST" }, state: "review.attestation.awaitingDistrictDirector" },
  { name: "director attests", actor: "director", day: "2025-03-05", command: { type: "ATTEST" }, state: "decision.awaitingBoard" },
  {
    name: "bifall registered",
    actor: "registrar",
    day: "2025-03-20",
    command: { type: "REGISTER_DECISION", meetingDate: "2025-03-20", paragraph: "§ 12", outcome: "approved" },
    state: "agreement.drafting",
  },
  { name: "send for signing", actor: "caseworker", day: "2025-04-01", command: { type: "SEND_FOR_SIGNING", ...AGREEMENT }, state: "agreement.signing" },
  { name: "förening signs", actor: "signatory", day: "2025-04-05", command: { type: "SIGN" }, state: "agreement.signing" },
  { name: "chef signs", actor: "headOfUnit", day: "2025-04-07", command: { type: "SIGN" }, state: "followUp.reportDue" },
  { name: "first report", actor: "applicant", day: "2025-09-25", command: { type: "SUBMIT_REPORT" }, state: "followUp.reportSubmitted" },
  {
    name: "report completion requested",
    actor: "caseworker",
    day: "2025-10-01",
    command: { type: "REQUEST_REPORT_COMPLETION", message: "Dela upp deltagarna på kön.", dueDate: "2025-10-15" },
    state: "followUp.reportCompletionRequested",
  },
  { name: "report resubmitted", actor: "applicant", day: "2025-10-10", command: { type: "RESUBMIT_REPORT" }, state: "followUp.reportSubmitted" },
  { name: "first report approved", actor: "caseworker", day: "2025-10-20", command: { type: "APPROVE_REPORT" }, state: "followUp.reportDue" },
  { name: "second report", actor: "applicant", day: "2026-03-20", command: { type: "SUBMIT_REPORT" }, state: "followUp.reportSubmitted" },
  { name: "second report approved", actor: "caseworker", day: "2026-03-28", command: { type: "APPROVE_REPORT" }, state: "followUp.reportReviewed" },
  { name: "agreement period over", actor: "system", day: "2026-05-01", command: { type: "PERIOD_ELAPSED" }, state: "finalReport.due" },
  { name: "final report", actor: "applicant", day: "2026-06-15", command: { type: "SUBMIT_FINAL_REPORT" }, state: "finalReport.submitted" },
  { name: "final assessment", actor: "caseworker", day: "2026-06-20", command: { type: "START_FINAL_ASSESSMENT" }, state: "finalReport.assessment" },
  {
    name: "final statement to attestation",
    actor: "caseworker",
    day: "2026-08-01",
    command: { type: "SUBMIT_FOR_ATTESTATION", renegotiate: true },
    state: "finalReport.attestation.awaitingHeadOfUnit",
  },
  { name: "head of unit attests final", actor: "headOfUnit", day: "2026-08-03", command: { type: "ATTEST" }, state: "finalReport.attestation.awaitingDistrictDirector" },
  { name: "director attests final", actor: "director", day: "2026-08-05", command: { type: "ATTEST" }, state: "finalReport.awaitingBoard" },
  {
    name: "nämnd approves final report",
    actor: "registrar",
    day: "2026-09-15",
    command: { type: "REGISTER_FINAL_APPROVAL", meetingDate: "2026-09-15", paragraph: "§ 7" },
    state: "closed",
  },
];

export const dayTime = (day: string) => new Date(`${day}T10:00:00.000Z`);

/** People for every role on one förening and district, created with the shared factories. */
export async function createCast(db: Executor, parties: { organisationId: string; districtId: string }): Promise<Cast> {
  const person = async (name: string) => createUser(db, { name });
  const applicant = await person("Kontaktperson");
  await addOrganisationRoles(db, applicant.id, parties.organisationId, ["contact_person"]);
  const signatory = await person("Firmatecknare");
  await addOrganisationRoles(db, signatory.id, parties.organisationId, ["signatory"]);
  const staff = async (name: string, role: "caseworker" | "head_of_unit" | "district_director" | "registrar") => {
    const user = await person(name);
    await addDistrictRoles(db, user.id, parties.districtId, [role]);
    return userActor({ id: user.id, organisations: [], districts: [{ id: parties.districtId, roles: [role] }] });
  };
  return {
    applicant: userActor({
      id: applicant.id,
      organisations: [{ id: parties.organisationId, roles: ["contact_person"] }],
      districts: [],
    }),
    signatory: userActor({
      id: signatory.id,
      organisations: [{ id: parties.organisationId, roles: ["signatory"] }],
      districts: [],
    }),
    caseworker: await staff("Handläggare", "caseworker"),
    headOfUnit: await staff("Avdelningschef", "head_of_unit"),
    director: await staff("Stadsdelsdirektör", "district_director"),
    registrar: await staff("Registrator", "registrar"),
    system: { kind: "system" },
  };
}

/** Runs `steps` on a case; throws with the step's name and the refusal if any step is not accepted. */
export async function driveCase(
  caseId: string,
  cast: Cast,
  steps: readonly LifecycleStep[] = LIFECYCLE,
  onStep?: (step: LifecycleStep, ms: number) => void,
): Promise<void> {
  for (const step of steps) {
    const started = performance.now();
    const result = await transitionCase({ caseId, command: step.command, actor: cast[step.actor], now: dayTime(step.day) });
    onStep?.(step, performance.now() - started);
    if (!result.ok) throw new Error(`${step.name}: ${result.message}`);
    if (result.state !== step.state) throw new Error(`${step.name}: landed in ${result.state}, expected ${step.state}`);
  }
}

export async function createDraftCase(
  parties: { organisationId: string; districtId: string },
  cast: Cast,
  title = "Mötesplats för unga i Husby",
): Promise<string> {
  return createCase({
    ...parties,
    title,
    createdById: cast.applicant.kind === "user" ? cast.applicant.id : null,
    now: dayTime("2025-01-15"),
  });
}
