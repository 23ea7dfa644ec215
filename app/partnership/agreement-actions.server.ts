/**
 * What each button on the agreement page does. One function so the route stays thin; every intent
 * checks its own permission and the case's state before it touches anything.
 */
import { NOT_THIS_FORM, formDataToNested, formDataToObject, parseForm, type FieldErrors } from "../utils/forms";
import { randomUUID } from "node:crypto";
import { expectedRevisionSchema } from "../administration/case-forms";
import type { CurrentUser } from "../auth/current-user.server";
import { requirePermission, type DistrictCase } from "../cases/access.server";
import {
  formValuesFromContent,
  formValuesFromPost,
  parseAgreementRowIntent,
  readAgreementForm,
  withEmptyRows,
  withRowIntent,
  type AgreementFormValues,
} from "./agreement-form";
import {
  addAgreementComment,
  loadAgreementDraft,
  returnAgreementToDrafting,
  saveAgreementDraft,
  sendAgreementForSigning,
  signAgreementForDistrict,
} from "./agreement.server";
import { agreementCommentSchema, returnAgreementSchema } from "./agreement-page-forms";

export interface AgreementActionBody {
  intent: string;
  notice?: string;
  /** The draft form as it should be shown again. */
  form?: { values: AgreementFormValues; errors: FieldErrors; formError?: string; agreementRevision: number; key: string };
  /** A failure of one of the small forms (send, sign, return, comment). */
  failure?: { errors: FieldErrors; formError?: string; values?: Record<string, unknown> };
}

type Reply = { status: number; body: AgreementActionBody };

const NOT_NOW = "Överenskommelsen kan inte ändras i ärendets nuvarande läge.";
/** A form that is not the page's own (a revision missing or not a number) is not a conflict. */
const revisionIn = (formData: FormData, name: string) => {
  const parsed = expectedRevisionSchema.safeParse(formData.get(name) ?? undefined);
  return parsed.success ? parsed.data : null;
};

const refusedStatus = (kind: string) => (kind === "conflict" ? 409 : kind === "forbidden" ? 403 : 400);

export async function handleAgreementAction(user: CurrentUser, found: DistrictCase, formData: FormData): Promise<Reply> {
  const caseId = found.case.id;
  const intent = String(formData.get("intent") ?? "");
  const expectedRevision = revisionIn(formData, "expectedRevision");
  const agreementRevision = revisionIn(formData, "agreementRevision");
  const fail = (status: number, failure: AgreementActionBody["failure"]): Reply => ({ status, body: { intent, failure } });
  const notThisForm = () => fail(400, { errors: {}, formError: NOT_THIS_FORM });

  const rowIntent = parseAgreementRowIntent(intent);
  if (intent === "save" || rowIntent) {
    requirePermission(found, "agreement.draft");
    if (agreementRevision === null) return notThisForm();
    // A row button saves what was typed first, with the list as it stands after the button.
    const values = withRowIntent(formValuesFromPost(formDataToNested(formData)), rowIntent);
    const formReply = (status: number, next: AgreementFormValues, errors: FieldErrors = {}, formError?: string, revision = agreementRevision): Reply => ({
      status,
      body: { intent, form: { values: withEmptyRows(next), errors, formError, agreementRevision: revision, key: randomUUID() } },
    });
    if (found.case.state !== "agreement.drafting") return formReply(400, values, {}, NOT_NOW);
    const read = readAgreementForm(values);
    if (!read.ok) return formReply(400, values, read.errors);
    const saved = await saveAgreementDraft({ caseId, userId: user.id, content: read.content, expectedRevision: agreementRevision });
    if (!saved.ok) return formReply(409, values, {}, saved.message);
    // Without JavaScript the form is shown again from the post, with the row added or removed.
    if (rowIntent) return formReply(200, values, {}, undefined, saved.revision);
    return { status: 200, body: { intent, notice: "Utkastet är sparat." } };
  }

  if (intent === "comment") {
    requirePermission(found, "agreement.draft");
    if (!found.case.state.startsWith("agreement.")) return fail(400, { errors: {}, formError: NOT_NOW });
    const parsed = parseForm(agreementCommentSchema, formDataToObject(formData));
    if (!parsed.ok) return fail(400, parsed);
    await addAgreementComment({ caseId, authorId: user.id, body: parsed.data.body });
    return { status: 200, body: { intent, notice: "Kommentaren är skickad." } };
  }

  if (intent === "send") {
    requirePermission(found, "agreement.draft");
    if (expectedRevision === null || agreementRevision === null) return notThisForm();
    const result = await sendAgreementForSigning({ user, found, expectedRevision, agreementRevision });
    if (result.ok) return { status: 200, body: { intent, notice: "Överenskommelsen är skickad för underskrift." } };
    if (result.kind === "fields") {
      const draft = await loadAgreementDraft(caseId);
      return {
        status: 400,
        body: {
          intent,
          failure: { errors: {}, formError: result.message },
          form: {
            values: withEmptyRows(formValuesFromContent(draft.content)),
            errors: result.errors,
            formError: result.message,
            agreementRevision: draft.revision,
            key: randomUUID(),
          },
        },
      };
    }
    return fail(refusedStatus(result.kind), { errors: {}, formError: result.message });
  }

  if (intent === "return") {
    requirePermission(found, "agreement.draft");
    if (expectedRevision === null) return notThisForm();
    const parsed = parseForm(returnAgreementSchema, formDataToObject(formData));
    if (!parsed.ok) return fail(400, parsed);
    const result = await returnAgreementToDrafting({ user, found, expectedRevision, comment: parsed.data.comment });
    if (result.ok) return { status: 200, body: { intent, notice: "Överenskommelsen är tillbaka som utkast." } };
    return fail(refusedStatus(result.kind), { errors: {}, formError: result.message });
  }

  if (intent === "sign") {
    requirePermission(found, "agreement.signForDistrict");
    if (expectedRevision === null) return notThisForm();
    if (formData.get("confirm") !== "yes") {
      return fail(400, { errors: { confirm: "Kryssa i att du har läst överenskommelsen och skriver under den." } });
    }
    const hash = formData.get("documentSha256");
    const result = await signAgreementForDistrict({ user, found, expectedRevision, documentSha256: typeof hash === "string" ? hash : undefined });
    if (result.ok) {
      const notice =
        result.state === "agreement.signing"
          ? "Du har skrivit under. Överenskommelsen väntar på föreningens underskrift."
          : "Du har skrivit under. Båda parter har skrivit under och överenskommelsen gäller.";
      return { status: 200, body: { intent, notice } };
    }
    return fail(refusedStatus(result.kind), { errors: {}, formError: result.message });
  }

  return fail(400, { errors: {}, formError: "Okänd knapp. Ladda om sidan och försök igen." });
}
