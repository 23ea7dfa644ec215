/** The application form, one theme per page ("steg"), so a volunteer on a phone meets one question at a time. */
import type { ApplicationContent } from "../domain/application";

export const STEPS = [
  { slug: "grund", title: "Grunduppgifter", fields: ["title", "periodStart", "periodEnd", "callId", "priorityAreaId"] },
  { slug: "syfte", title: "Syfte och samhällsutmaning", fields: ["purpose", "societalChallenge", "policyLink"] },
  { slug: "malgrupp", title: "Målgrupper", fields: ["targetGroups"] },
  { slug: "aktiviteter", title: "Aktiviteter och samverkan", fields: ["activities", "complementsOperations", "cooperation"] },
  { slug: "budget", title: "Budget", fields: ["budgetLines", "otherContributions"] },
  { slug: "bilagor", title: "Bilagor", fields: [] },
  { slug: "granska", title: "Granska och skicka in", fields: [] },
] as const satisfies readonly { slug: string; title: string; fields: readonly (keyof ApplicationContent)[] }[];

export type StepSlug = (typeof STEPS)[number]["slug"];
export type Step = (typeof STEPS)[number];

export function findStep(slug: string | undefined): Step | undefined {
  return STEPS.find((s) => s.slug === slug);
}

export function nextStep(slug: StepSlug): Step | undefined {
  const index = STEPS.findIndex((s) => s.slug === slug);
  return STEPS[index + 1];
}

/** The step where a problem's field is edited: "budgetLines.0.description" → budget. */
export function stepOfPath(path: string): Step {
  const field = path.split(".")[0];
  return STEPS.find((s) => (s.fields as readonly string[]).includes(field ?? "")) ?? STEPS[0];
}

/** Repeating rows ("Lägg till rad"): which fields each row has. */
export const ROW_FIELDS = {
  targetGroups: ["description", "ageFrom", "ageTo"],
  activities: ["name", "description"],
  budgetLines: ["description", "associationAmount", "administrationAmount"],
} as const;
export type RowListName = keyof typeof ROW_FIELDS;
export const ROW_LISTS = Object.keys(ROW_FIELDS) as RowListName[];

export const stepPath = (caseId: string, slug: StepSlug) => `/forening/arenden/${caseId}/ansokan/${slug}`;

/** The states in which the förening writes in its application: the first draft and a komplettering. */
export const EDITABLE_STATES: readonly string[] = ["application.draft", "review.awaitingCompletion"];
