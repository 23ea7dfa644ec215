/**
 * Attestering of a tjänsteutlåtande: the avdelningschef, then the stadsdelsdirektör, read the statement
 * as it will be printed and attest it or send it back with a comment. The machine decides who may
 * (never the author, each person once, in order); the page offers exactly what it would accept.
 */
import type { CurrentUser } from "../auth/current-user.server";
import { forbidden } from "../auth/current-user.server";
import { userActor } from "../cases/case-roles";
import { describeState } from "../cases/status-text";
import { transitionCase } from "../cases/transition.server";
import { buildStatementDocument } from "../documents/statement-document";
import { loadStatementDocumentInput } from "../documents/statement-data.server";
import { formFailure, parseForm, type FormFailure } from "../utils/forms";
import { checkActions } from "./case-actions.server";
import { requireCaseForDistrict } from "../cases/access.server";
import { returnFormSchema } from "./attestation-form";
import { stageOf, stageParam } from "./statements.server";

async function requireAttester(user: CurrentUser, districtParam: string, caseId: string) {
  return requireCaseForDistrict(user, { district: districtParam, caseId }, ["statement.attestAsHeadOfUnit", "statement.attestAsDistrictDirector"]);
}

export async function loadAttestationPage(user: CurrentUser, districtParam: string, caseId: string, skede: string | null) {
  const found = await requireAttester(user, districtParam, caseId);
  const state = found.case.state;
  const stage = state.includes(".attestation.") ? stageOf(null, state) : stageOf(skede, state);
  const input = await loadStatementDocumentInput(caseId, stage);
  const { allowed, snapshot } = checkActions(user, found.case);
  const record = stage === "application" ? snapshot.context.applicationStatement : snapshot.context.finalStatement;
  const inAttestation = state.startsWith(stage === "application" ? "review.attestation" : "finalReport.attestation");
  return {
    caseId,
    stage,
    skede: stageParam(stage),
    title: found.case.title,
    diaryNumber: found.case.diaryNumber,
    status: describeState(state, "administration", found.case.outcome).label,
    step: state.endsWith("awaitingHeadOfUnit") ? "avdelningschef" : state.endsWith("awaitingDistrictDirector") ? "stadsdelsdirektör" : null,
    inAttestation,
    isAuthor: record?.authorId === user.id,
    canAttest: inAttestation && allowed("ATTEST"),
    canReturn: inAttestation && allowed("RETURN"),
    caseRevision: found.case.revision,
    document: input ? buildStatementDocument(input) : null,
    renegotiate: record?.renegotiate ?? null,
    base: `/forvaltning/${found.districtCode.toLowerCase()}/arenden/${caseId}`,
  };
}

export type AttestationResult = { ok: true; intent: "attest" | "return"; message: string } | (FormFailure & { intent: "attest" | "return" | null });

export async function runAttestation(input: { user: CurrentUser; districtParam: string; caseId: string; values: Record<string, unknown> }): Promise<AttestationResult> {
  const { user, caseId, values } = input;
  const found = await requireAttester(user, input.districtParam, caseId);
  const intent = values.intent === "attest" || values.intent === "return" ? values.intent : null;
  if (!intent) return { ...formFailure({}, values, "Okänd åtgärd."), intent };
  const revision = Number(values.expectedRevision);
  if (!Number.isInteger(revision) || String(values.expectedRevision ?? "") === "") {
    return { ...formFailure({}, values, "Sidan saknar ärendets version. Ladda om sidan och försök igen."), intent };
  }
  let comment = "";
  if (intent === "return") {
    const parsed = parseForm(returnFormSchema, values);
    if (!parsed.ok) return { ...parsed, intent };
    comment = parsed.data.comment;
  }
  const result = await transitionCase({
    loaded: found,
    command: intent === "attest" ? { type: "ATTEST" } : { type: "RETURN", comment },
    actor: userActor(user),
    expectedRevision: revision,
  });
  if (result.ok) {
    const message =
      intent === "return"
        ? "Utlåtandet är skickat tillbaka till handläggaren."
        : result.state.endsWith("awaitingDistrictDirector")
          ? "Du har attesterat utlåtandet. Stadsdelsdirektören får ett meddelande."
          : "Du har attesterat utlåtandet. Det är nu klart för nämnden.";
    return { ok: true, intent, message };
  }
  if (result.kind === "forbidden") throw forbidden(result.message);
  return { ...formFailure({}, values, result.message), intent };
}
