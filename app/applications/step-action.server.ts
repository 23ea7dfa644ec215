/**
 * The application step's use cases: open a step for editing, and do what a post asks (upload or
 * remove an attachment, send in, save as you go, save, save and go on, save and go to a step).
 */
import { data, redirect } from "@remix-run/node";
import type { CurrentUser } from "../auth/current-user.server";
import type { requireCaseForOrganisation } from "../cases/access.server";
import { addApplicationAttachment, removeApplicationAttachment } from "../attachments/attachments.server";
import { readUpload } from "../attachments/upload.server";
import { submitApplication } from "./case-actions.server";
import { findDraft } from "./drafts.server";
import { loadStepPage, saveStep } from "./step-page.server";
import type { StepIntent } from "./step-intent";
type CaseRow = Awaited<ReturnType<typeof requireCaseForOrganisation>>;

import { EDITABLE_STATES, findStep, nextStep, stepPath, type Step, type StepSlug } from "./steps";

/** The step's page, or to the case when there is nothing to edit (sent in, withdrawn, or a komplettering not started yet). */
export async function openStep(caseRow: CaseRow, step: Step) {
  const draft = EDITABLE_STATES.includes(caseRow.case.state) ? await findDraft(caseRow.case.id) : null;
  if (!draft) throw redirect(`/forening/arenden/${caseRow.case.id}`);
  return { step: step.slug as StepSlug, ...(await loadStepPage(caseRow, step, draft)) };
}

export type StepPost =
  | { kind: "upload"; request: Request }
  | { kind: "form"; intent: StepIntent; formData: FormData }
  /** A body that is neither a form nor an upload. */
  | { kind: "unreadable" };

export async function runStepAction(input: { user: CurrentUser; caseRow: CaseRow; step: Step; post: StepPost }) {
  const { user, caseRow, step, post } = input;
  const caseId = caseRow.case.id;
  if (!EDITABLE_STATES.includes(caseRow.case.state)) {
    // Typically a second click on "Skicka in": the first one went through.
    const intent = post.kind === "form" ? post.intent : null;
    throw redirect(intent === "submit" ? `/forening/arenden/${caseId}/kvitto` : `/forening/arenden/${caseId}`);
  }
  if (post.kind === "unreadable") throw new Response("Bad Request", { status: 400 });
  if (post.kind === "upload") {
    const draft = await findDraft(caseId);
    const upload = await readUpload(post.request);
    if (!upload.ok || !draft) return data({ kind: "upload" as const, uploadError: upload.ok ? "Ansökan är redan inskickad." : upload.message }, { status: 400 });
    const added = await addApplicationAttachment({ caseId, versionId: draft.id, fileName: upload.fileName, bytes: upload.bytes, userId: user.id });
    if (!added.ok) return data({ kind: "upload" as const, uploadError: added.message }, { status: 400 });
    return { kind: "upload" as const, uploaded: upload.fileName };
  }
  const { intent, formData } = post;
  if (intent.startsWith("removeAttachment:")) {
    const draft = await findDraft(caseId);
    if (draft) await removeApplicationAttachment({ caseId, versionId: draft.id, attachmentId: intent.slice("removeAttachment:".length) });
    return { kind: "upload" as const, removed: true };
  }
  if (intent === "submit") {
    const result = await submitApplication({ user, found: caseRow, draftRevision: Number(formData.get("revision")) });
    if (result.ok || result.kind === "already_submitted") throw redirect(`/forening/arenden/${caseId}/kvitto`);
    if (result.kind === "problems") return data({ kind: "submit" as const, formError: "Ansökan är inte klar att skicka in. Rätta det som står nedan." }, { status: 400 });
    return data({ kind: "submit" as const, formError: result.message }, { status: 409 });
  }
  const saved = await saveStep({ user, caseRow, step, formData, intent });
  if (intent === "autosave") return data({ kind: "autosave" as const, ...saved }, { status: saved.ok ? 200 : saved.formError ? 409 : 400 });
  if (!saved.ok) return data({ kind: "save" as const, nonce: crypto.randomUUID(), ...saved }, { status: saved.formError ? 409 : 400 });
  if (intent === "next") throw redirect(stepPath(caseId, nextStep(step.slug)?.slug ?? "granska"));
  const goto = findStep(intent.startsWith("goto:") ? intent.slice(5) : undefined);
  if (goto) throw redirect(stepPath(caseId, goto.slug));
  return { kind: "save" as const, nonce: crypto.randomUUID(), ...saved };
}
