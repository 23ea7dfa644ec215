/**
 * The registrar registers the nämnd's decision: on the application (bifall opens the agreement, avslag
 * closes the case with the motivation sent to the förening) or on the slutrapport.
 */
import { REFUSAL_MESSAGES } from "../../workflows";
import type { CurrentUser } from "../auth/current-user.server";
import { forbidden } from "../auth/current-user.server";
import { userActor } from "../cases/case-roles";
import { describeState } from "../cases/status-text";
import { transitionCase, type CaseCommand } from "../cases/transition.server";
import { formFailure, parseForm, type FormFailure } from "../utils/forms";
import { checkActions } from "./case-actions.server";
import { requireCaseForDistrict } from "../cases/access.server";
import { decisionFormSchema, finalApprovalFormSchema, normaliseParagraph } from "./decision-form";

type Mode = "decision" | "finalApproval" | null;
const modeOf = (state: string): Mode =>
  state === "decision.awaitingBoard" ? "decision" : state === "finalReport.awaitingBoard" ? "finalApproval" : null;

export async function loadDecisionPage(user: CurrentUser, districtParam: string, caseId: string) {
  const found = await requireCaseForDistrict(user, { district: districtParam, caseId }, "decision.register");
  const { allowed, snapshot } = checkActions(user, found.case);
  const context = snapshot.context;
  const mode = modeOf(found.case.state);
  return {
    caseId,
    title: found.case.title,
    diaryNumber: found.case.diaryNumber,
    organisationName: found.organisationName,
    boardName: found.boardName,
    status: describeState(found.case.state, "administration", found.case.outcome).label,
    mode,
    canRegister: mode === "decision" ? allowed("REGISTER_DECISION") : mode === "finalApproval" ? allowed("REGISTER_FINAL_APPROVAL") : false,
    proposal: context.applicationStatement?.proposal ?? null,
    renegotiate: context.finalStatement?.renegotiate ?? null,
    decision: context.decision,
    finalApproval: context.finalApproval,
    caseRevision: found.case.revision,
    base: `/forvaltning/${found.districtCode.toLowerCase()}/arenden/${caseId}`,
  };
}

export type DecisionResult = { ok: true; message: string } | FormFailure;

/** The machine's date and paragraph reasons belong at those fields. */
const FIELD_OF: Record<string, string> = {
  [REFUSAL_MESSAGES.meetingDate]: "meetingDate",
  [REFUSAL_MESSAGES.meetingDateInFuture]: "meetingDate",
  [REFUSAL_MESSAGES.paragraph]: "paragraph",
  [REFUSAL_MESSAGES.rejectionMotivation]: "motivation",
};

export async function registerDecision(input: { user: CurrentUser; districtParam: string; caseId: string; values: Record<string, unknown> }): Promise<DecisionResult> {
  const { user, caseId, values } = input;
  const found = await requireCaseForDistrict(user, { district: input.districtParam, caseId }, "decision.register");
  const mode = modeOf(found.case.state);
  if (!mode) return formFailure({}, values, "Det finns inget beslut att registrera i ärendets nuvarande läge.");
  const revision = Number(values.expectedRevision);
  if (!Number.isInteger(revision) || String(values.expectedRevision ?? "") === "") {
    return formFailure({}, values, "Sidan saknar ärendets version. Ladda om sidan och försök igen.");
  }
  let command: CaseCommand;
  if (mode === "decision") {
    const parsed = parseForm(decisionFormSchema, values);
    if (!parsed.ok) return parsed;
    const { meetingDate, paragraph, outcome, motivation } = parsed.data;
    command = {
      type: "REGISTER_DECISION",
      meetingDate,
      paragraph: normaliseParagraph(paragraph),
      outcome,
      ...(motivation?.trim() ? { motivation } : {}),
    };
  } else {
    const parsed = parseForm(finalApprovalFormSchema, values);
    if (!parsed.ok) return parsed;
    command = { type: "REGISTER_FINAL_APPROVAL", meetingDate: parsed.data.meetingDate, paragraph: normaliseParagraph(parsed.data.paragraph) };
  }
  const result = await transitionCase({ loaded: found, command, actor: userActor(user), expectedRevision: revision });
  if (result.ok) {
    if (command.type === "REGISTER_FINAL_APPROVAL") return { ok: true, message: "Nämndens beslut om slutrapporten är registrerat. Ärendet är avslutat." };
    return {
      ok: true,
      message:
        command.type === "REGISTER_DECISION" && command.outcome === "approved"
          ? "Beslutet om bifall är registrerat. Handläggaren kan nu skriva överenskommelsen."
          : "Beslutet om avslag är registrerat. Föreningen får motiveringen och ärendet är avslutat.",
    };
  }
  if (result.kind === "forbidden") throw forbidden(result.message);
  const field = FIELD_OF[result.message];
  return field ? formFailure({ [field]: result.message }, values) : formFailure({}, values, result.message);
}
