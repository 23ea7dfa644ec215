/** Helpers for the förening application tests: start an application and fill it in over HTTP. */
import { desc, eq } from "drizzle-orm";
import { expect } from "vitest";
import { applicationVersions, users } from "../../db/schema";
import { loadUser } from "../../app/auth/current-user.server";
import { userActor } from "../../app/cases/case-roles";
import { applicationPeriod } from "./dates";
import type { Portal } from "./portal";
import type { Visitor } from "./visitor";

export async function latestVersion(portal: Portal, caseId: string) {
  const [row] = await portal.db
    .select()
    .from(applicationVersions)
    .where(eq(applicationVersions.caseId, caseId))
    .orderBy(desc(applicationVersions.version))
    .limit(1);
  return row!;
}

export async function actorFor(portal: Portal, email: string) {
  const [row] = await portal.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return userActor((await loadUser(row!.id))!);
}

/** Starts an application for Fryshuset in Rinkeby-Kista on its own initiative; returns the case id. */
export async function startApplication(portal: Portal, visitor: Visitor, title = "Läxhjälp i Husby", extra: Record<string, string> = {}) {
  const rk = portal.districtIds.get("RK")!;
  const response = await visitor.post(`/forening/${portal.organisationIds.get("Fryshuset")}/ny-ansokan?distrikt=${rk}`, {
    intent: "start",
    districtId: portal.districtIds.get("RK")!,
    callId: "none",
    title,
    ...extra,
  });
  expect(response.status).toBe(302);
  const location = response.headers.get("location")!;
  const match = /^\/forening\/arenden\/([0-9a-f-]{36})\/ansokan\/grund$/.exec(location);
  expect(match).not.toBeNull();
  return match![1]!;
}

export async function saveStep(portal: Portal, visitor: Visitor, caseId: string, step: string, fields: Record<string, string>, intent = "save") {
  const revision = String((await latestVersion(portal, caseId)).revision);
  return visitor.post(`/forening/arenden/${caseId}/ansokan/${step}`, { revision, intent, ...fields });
}

export const COMPLETE_STEPS: [string, Record<string, string>][] = [
  ["grund", { title: "Läxhjälp i Husby", ...applicationPeriod(), callId: "", priorityAreaId: "" }],
  ["syfte", { purpose: "Fler unga klarar skolan.", societalChallenge: "Många lämnar grundskolan utan behörighet.", policyLink: "Stockholms stads skolprogram." }],
  ["malgrupp", { "targetGroups.0.description": "Elever i årskurs 7–9", "targetGroups.0.ageFrom": "13", "targetGroups.0.ageTo": "16" }],
  ["aktiviteter", { "activities.0.name": "Läxhjälp", "activities.0.description": "Två kvällar i veckan.", complementsOperations: "Fritidsgårdens kvällsverksamhet.", cooperation: "Styrgrupp fyra gånger om året." }],
  ["budget", { "budgetLines.0.description": "Lön för samordnare", "budgetLines.0.associationAmount": "100 000", "budgetLines.0.administrationAmount": "300 000", otherContributions: "Ideella läxhjälpare." }],
];

export async function fillComplete(portal: Portal, visitor: Visitor, caseId: string) {
  for (const [step, fields] of COMPLETE_STEPS) {
    const response = await saveStep(portal, visitor, caseId, step, fields);
    expect(response.status).toBe(200);
  }
}

export async function submit(portal: Portal, visitor: Visitor, caseId: string, revision?: number) {
  const rev = revision ?? (await latestVersion(portal, caseId)).revision;
  return visitor.post(`/forening/arenden/${caseId}/ansokan/granska`, { intent: "submit", revision: String(rev) });
}
