/**
 * Which workflow actions a person may take on a case right now: the machine's answer for the current
 * state (explainRefusal, the same rule table its guards use) intersected with the permission matrix.
 * Pages offer exactly these, so a button never leads to a refusal the page could have known.
 */
import { explainRefusal, restoreSnapshot, type PartnershipEvent, type PartnershipEventType, type PartnershipSnapshot } from "../../workflows";
import type { CurrentUser } from "../auth/current-user.server";
import { rolesGrant } from "../auth/permissions";
import { caseRolesOf, membershipRolesOnCase } from "../cases/case-roles";
import { EVENT_PERMISSIONS } from "../cases/event-permissions";
import type { CaseCommand } from "../cases/transition.server";
import { stockholmIsoString } from "../utils/time";

interface CaseLike {
  id: string;
  organisationId: string;
  districtId: string;
  machineVersion: number;
  snapshot: unknown;
  assignedCaseworkerId: string | null;
}

export function snapshotOf(row: CaseLike): PartnershipSnapshot {
  return restoreSnapshot({ machineVersion: row.machineVersion, snapshot: row.snapshot });
}

const tomorrow = (now: Date) => stockholmIsoString(new Date(now.getTime() + 36 * 3600_000)).slice(0, 10);

/** A representative, valid payload per event: the question is "may I, here and now", not "is this text fine". */
function probe(type: PartnershipEventType, row: CaseLike, now: Date): CaseCommand | null {
  const today = stockholmIsoString(now).slice(0, 10);
  const someoneElse = "00000000-0000-0000-0000-000000000000";
  switch (type) {
    case "TAKE":
    case "START_ASSESSMENT":
    case "START_FINAL_ASSESSMENT":
    case "ATTEST":
      return { type };
    case "ASSIGN":
    case "REASSIGN":
      return { type, caseworkerId: row.assignedCaseworkerId === someoneElse ? `${someoneElse.slice(0, -1)}1` : someoneElse };
    case "REQUEST_COMPLETION":
      return { type, message: "–", dueDate: tomorrow(now) };
    case "RETURN":
      return { type, comment: "–" };
    case "REGISTER_DECISION":
      return { type, meetingDate: today, paragraph: "§ 1", outcome: "approved" };
    case "REGISTER_FINAL_APPROVAL":
      return { type, meetingDate: today, paragraph: "§ 1" };
    default:
      return null;
  }
}

export const PAGE_EVENTS = [
  "TAKE",
  "ASSIGN",
  "REASSIGN",
  "REQUEST_COMPLETION",
  "START_ASSESSMENT",
  "START_FINAL_ASSESSMENT",
  "ATTEST",
  "RETURN",
  "REGISTER_DECISION",
  "REGISTER_FINAL_APPROVAL",
] as const satisfies readonly PartnershipEventType[];
export type PageEvent = (typeof PAGE_EVENTS)[number];

/** SUBMIT_FOR_ATTESTATION needs the stage's own payload: a proposal on the application, renegotiate on the final report. */
function statementProbe(snapshot: PartnershipSnapshot): CaseCommand {
  const finalStage = JSON.stringify(snapshot.value).includes("finalReport");
  return finalStage ? { type: "SUBMIT_FOR_ATTESTATION", renegotiate: false } : { type: "SUBMIT_FOR_ATTESTATION", proposal: "approve" };
}

export interface ActionCheck {
  /** The person's roles grant the event at all. */
  permitted: boolean;
  /** Null when the machine would accept it now; otherwise its reason, in Swedish. */
  refusal: string | null;
}

export function checkActions(user: CurrentUser, row: CaseLike, now = new Date()) {
  const held = membershipRolesOnCase(user, row);
  const actor = { userId: user.id, roles: caseRolesOf(held) };
  const at = stockholmIsoString(now);
  const snapshot = snapshotOf(row);
  const check = (command: CaseCommand | null): ActionCheck => {
    if (!command) return { permitted: false, refusal: null };
    const rule = EVENT_PERMISSIONS[command.type];
    const permitted = rule !== "system" && rule.some((p) => rolesGrant(held, p));
    const refusal = explainRefusal(snapshot, { ...command, actor, at } as PartnershipEvent);
    return { permitted, refusal };
  };
  const checks = Object.fromEntries(PAGE_EVENTS.map((type) => [type, check(probe(type, row, now))])) as Record<
    PageEvent | "SUBMIT_FOR_ATTESTATION",
    ActionCheck
  >;
  checks.SUBMIT_FOR_ATTESTATION = check(statementProbe(snapshot));
  const allowed = (type: keyof typeof checks) => checks[type].permitted && checks[type].refusal === null;
  return { checks, allowed, snapshot };
}
