/** The use cases behind one step of the application form: what the page shows and what a save does. */
import type { CaseRow } from "../cases/access.server";
import type { CurrentUser } from "../auth/current-user.server";
import { submissionProblems } from "../domain/application";
import { formDataToNested, type FieldErrors } from "../utils/forms";
import { stockholmDate } from "../utils/time";
import { listApplicationAttachments } from "../attachments/attachments.server";
import { maxAttachmentBytes } from "../attachments/storage.server";
import { callOf, checkChoices, findDraft, saveDraft, type DraftVersion } from "./drafts.server";
import { callChoices, districtPriorityAreas } from "./new-application.server";
import { contentToFormValues, parseStep, parseStepRowIntent, type StepFormValues } from "./step-form";
import { stepOfPath, stepPath, type Step } from "./steps";
import { summarySections } from "./summary.server";

export async function loadStepPage(caseRow: CaseRow, step: Step, draft: DraftVersion) {
  const content = draft.content;
  const base = {
    caseId: caseRow.case.id,
    caseTitle: caseRow.case.title,
    diaryNumber: caseRow.case.diaryNumber,
    districtName: caseRow.districtName,
    isCompletion: caseRow.case.state === "review.awaitingCompletion",
    version: draft.version,
    revision: draft.revision,
    values: contentToFormValues(content),
    budgetLines: (content.budgetLines ?? []).map((l) => ({ associationAmount: l.associationAmount, administrationAmount: l.administrationAmount })),
  };
  if (step.slug === "grund") {
    const calls = await callChoices(caseRow.case.districtId, content.callId);
    return { ...base, calls, areas: await districtPriorityAreas(caseRow.case.districtId) };
  }
  if (step.slug === "bilagor") {
    return { ...base, attachments: await listApplicationAttachments(draft.id), maxBytes: maxAttachmentBytes() };
  }
  if (step.slug === "granska") {
    const problems = submissionProblems(content, await callOf(content), stockholmDate(new Date())).map((p) => ({
      ...p,
      href: `${stepPath(caseRow.case.id, stepOfPath(p.path).slug)}#field-${p.path.replace(/\./g, "-")}`,
      stepTitle: stepOfPath(p.path).title,
    }));
    return { ...base, sections: await summarySections(content), problems, attachments: await listApplicationAttachments(draft.id) };
  }
  return base;
}

/**
 * What a save answers. `revision` is always the revision the page holds from now on: the stored one
 * after the save (the same as before when nothing stored changed), or the posted one when the save was
 * refused as a whole (`formError`). A refused field never moves it. `values` is what the form shows
 * again: what was typed, after a row button's change.
 */
export type SaveStepResult =
  | { ok: true; revision: number; savedAt: string; values?: StepFormValues }
  | { ok: false; revision: number; savedAt: string | null; errors: FieldErrors; formError?: string; values: StepFormValues };

/** Saves the step's good fields first (also for a row button); bad ones get messages and what was typed is sent back. */
export async function saveStep(input: {
  user: CurrentUser;
  caseRow: CaseRow;
  step: Step;
  formData: FormData;
  intent: string;
}): Promise<SaveStepResult> {
  const posted = formDataToNested(input.formData);
  const rowIntent = parseStepRowIntent(input.intent);
  const parsed = parseStep(input.step, posted, rowIntent, stockholmDate(new Date()));
  const postedRevision = Number(input.formData.get("revision"));
  const draft = await findDraft(input.caseRow.case.id);
  const refused = (formError: string) =>
    ({ ok: false, revision: postedRevision, savedAt: null, errors: parsed.errors, formError, values: parsed.values }) as const;
  if (!draft) return refused("Ansökan är redan inskickad och kan inte ändras.");
  if (!Number.isInteger(postedRevision)) return refused("Sidan var för gammal. Ladda om sidan och försök igen.");
  const choiceErrors = await checkChoices(input.caseRow.case.districtId, parsed.patch, draft.content);
  for (const key of Object.keys(choiceErrors)) delete parsed.patch[key as keyof typeof parsed.patch];
  const errors = { ...parsed.errors, ...choiceErrors };
  const saved = await saveDraft({ versionId: draft.id, expectedRevision: postedRevision, patch: parsed.patch, userId: input.user.id });
  if (!saved.ok) return refused(saved.message);
  if (Object.keys(errors).length > 0) {
    return { ok: false, revision: saved.revision, savedAt: saved.savedAt, errors, values: parsed.values };
  }
  // After a row button the form is shown again from what was posted, never from an older copy.
  return { ok: true, revision: saved.revision, savedAt: saved.savedAt, ...(rowIntent ? { values: parsed.values } : {}) };
}
