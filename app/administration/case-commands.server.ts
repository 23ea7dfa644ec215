/**
 * The simple actions on the case page, each one workflow event through transitionCase with the
 * revision the person saw; plus internal notes. Answers what the page shows: a field message, the
 * runtime's Swedish refusal, or done.
 */
import type { CurrentUser } from "../auth/current-user.server";
import { forbidden } from "../auth/current-user.server";
import { userActor } from "../cases/case-roles";
import { transitionCase, type CaseCommand } from "../cases/transition.server";
import { formFailure, parseForm, type FormFailure } from "../utils/forms";
import { chooseCaseworkerSchema, completionRequestSchema, expectedRevisionSchema, noteSchema } from "./case-forms";
import { addNote } from "./notes.server";
import { listCaseworkers } from "./queues.server";
import { requireCaseForDistrict, requirePermission } from "../cases/access.server";

export const CASE_INTENTS = ["take", "assign", "reassign", "requestCompletion", "startAssessment", "startFinalAssessment", "note"] as const;
export type CaseIntent = (typeof CASE_INTENTS)[number];

export type CaseIntentResult = { ok: true; intent: CaseIntent; message: string } | (FormFailure & { intent: CaseIntent | null });

const DONE: Record<Exclude<CaseIntent, "note">, string> = {
  take: "Du har tagit ärendet.",
  assign: "Ärendet är fördelat.",
  reassign: "Ärendet har fått en ny handläggare.",
  requestCompletion: "Begäran om komplettering är skickad till föreningen.",
  startAssessment: "Bedömningen är påbörjad.",
  startFinalAssessment: "Bedömningen av slutrapporten är påbörjad.",
};

export async function runCaseIntent(input: {
  user: CurrentUser;
  districtParam: string;
  caseId: string;
  values: Record<string, unknown>;
}): Promise<CaseIntentResult> {
  const { user, caseId, values } = input;
  const found = await requireCaseForDistrict(user, { district: input.districtParam, caseId }, "case.view");
  const intent = (CASE_INTENTS as readonly string[]).includes(String(values.intent)) ? (values.intent as CaseIntent) : null;
  if (!intent) return { ...formFailure({}, values, "Okänd åtgärd."), intent };

  if (intent === "note") {
    requirePermission(found, "case.internalNote");
    const parsed = parseForm(noteSchema, values);
    if (!parsed.ok) return { ...parsed, intent };
    await addNote(caseId, user.id, parsed.data.body);
    return { ok: true, intent, message: "Anteckningen är sparad." };
  }

  const revision = expectedRevisionSchema.safeParse(values.expectedRevision);
  if (!revision.success) return { ...formFailure({}, values, "Sidan saknar ärendets version. Ladda om sidan och försök igen."), intent };
  let command: CaseCommand;
  switch (intent) {
    case "take":
    case "startAssessment":
    case "startFinalAssessment":
      command = { type: ({ take: "TAKE", startAssessment: "START_ASSESSMENT", startFinalAssessment: "START_FINAL_ASSESSMENT" } as const)[intent] };
      break;
    case "assign":
    case "reassign": {
      const parsed = parseForm(chooseCaseworkerSchema, values);
      if (!parsed.ok) return { ...parsed, intent };
      const inDistrict = (await listCaseworkers(found.case.districtId)).some((c) => c.value === parsed.data.caseworkerId);
      if (!inDistrict) return { ...formFailure({ caseworkerId: "Välj en handläggare i stadsdelen." }, values), intent };
      command = { type: intent === "assign" ? "ASSIGN" : "REASSIGN", caseworkerId: parsed.data.caseworkerId };
      break;
    }
    case "requestCompletion": {
      const parsed = parseForm(completionRequestSchema, values);
      if (!parsed.ok) return { ...parsed, intent };
      command = { type: "REQUEST_COMPLETION", message: parsed.data.message, dueDate: parsed.data.dueDate };
      break;
    }
  }
  const result = await transitionCase({ loaded: found, command, actor: userActor(user), expectedRevision: revision.data });
  if (result.ok) return { ok: true, intent, message: DONE[intent] };
  if (result.kind === "forbidden") throw forbidden(result.message);
  return { ...formFailure({}, values, result.message), intent };
}
