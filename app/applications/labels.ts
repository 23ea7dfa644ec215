/** Swedish names of the application's fields, in the order a reader meets them. */
import type { ApplicationContent } from "../domain/application";

export const APPLICATION_FIELD_LABELS: Record<keyof ApplicationContent, string> = {
  title: "Namn på ansökan",
  callId: "Utlysning",
  priorityAreaId: "Prioriterat område",
  periodStart: "Verksamheten börjar",
  periodEnd: "Verksamheten slutar",
  purpose: "Syfte",
  societalChallenge: "Samhällsutmaning",
  targetGroups: "Målgrupper",
  activities: "Planerade aktiviteter",
  policyLink: "Koppling till politiskt program eller plan",
  complementsOperations: "Vad verksamheten kompletterar hos förvaltningen",
  cooperation: "Hur parterna samverkar",
  budgetLines: "Budget",
  otherContributions: "Andra insatser från föreningen",
};

export const APPLICATION_FIELD_ORDER = Object.keys(APPLICATION_FIELD_LABELS) as (keyof ApplicationContent)[];
