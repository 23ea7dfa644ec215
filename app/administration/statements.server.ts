/**
 * Tjänsteutlåtande drafts (`statements`, versioned per stage) and sending one for attestering.
 * A save names the version and revision the page showed; anything newer means someone else saved,
 * and the save is refused without touching what is stored. A statement sent for attestering stays as
 * it was: after a return, the next save starts a new version.
 */
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { calls, statements } from "../../db/schema";
import type { CurrentUser } from "../auth/current-user.server";
import { forbidden } from "../auth/current-user.server";
import { userActor } from "../cases/case-roles";
import { transitionCase } from "../cases/transition.server";
import { listApplicationVersions } from "../applications/versions.server";
import { describeState } from "../cases/status-text";
import { statementDraftSchema, type StatementContent } from "../domain/statement";
import { formFailure, parseForm, type FormFailure } from "../utils/forms";
import { stockholmDate } from "../utils/time";
import { checkActions } from "./case-actions.server";
import { requireCaseForDistrict, type DistrictCase } from "../cases/access.server";
import { loadAssessment } from "./assessment.server";
import { prefillStatement, proposalTextFor, type PrefillFacts } from "./statement-prefill";
import { contentFromForm, formValuesOfStatement, statementFormSchema, submissionProblems } from "./statement-form";
import { isId } from "../domain/ids";

export type StatementStage = "application" | "finalReport";

export const STALE_STATEMENT =
  "Utlåtandet har sparats från en annan flik eller av någon annan medan du arbetade. Det du skrev finns kvar nedan: ladda om sidan i en ny flik, jämför och spara igen.";

/** ?skede=ansokan|slutrapport; without it, the stage the case is in. */
export function stageOf(param: string | null, state: string): StatementStage {
  if (param === "slutrapport") return "finalReport";
  if (param === "ansokan") return "application";
  return state.startsWith("finalReport") ? "finalReport" : "application";
}
export const stageParam = (stage: StatementStage) => (stage === "finalReport" ? "slutrapport" : "ansokan");
const assessmentState = (stage: StatementStage) => (stage === "application" ? "review.assessment" : "finalReport.assessment");

export async function latestStatement(caseId: string, stage: StatementStage) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(statements)
    .where(and(eq(statements.caseId, caseId), eq(statements.stage, stage)))
    .orderBy(desc(statements.version))
    .limit(1);
  if (!row) return null;
  const content = statementDraftSchema.safeParse(row.content);
  return { ...row, content: content.success ? content.data : ({} as StatementContent) };
}

type Found = DistrictCase;

async function prefill(found: Found, stage: StatementStage): Promise<StatementContent> {
  const facts: PrefillFacts = {
    stage,
    organisationName: found.organisationName,
    boardName: found.boardName,
    callTitle: null,
    submittedOn: found.case.submittedAt ? stockholmDate(found.case.submittedAt) : null,
  };
  const submitted = (await listApplicationVersions(found.case.id)).filter((v) => v.status === "submitted").at(-1);
  const callId = submitted?.content.callId;
  if (callId && isId(callId)) {
    const db = await getDb();
    const [call] = await db.select({ title: calls.title }).from(calls).where(eq(calls.id, callId));
    facts.callTitle = call?.title ?? null;
  }
  const { content: assessment } = await loadAssessment(found.case.id);
  return prefillStatement(facts, submitted?.content ?? null, assessment);
}

function editability(user: CurrentUser, found: Found, stage: StatementStage) {
  if (found.case.assignedCaseworkerId !== user.id) return "Bara den handläggare som har ärendet kan skriva tjänsteutlåtandet.";
  if (found.case.state !== assessmentState(stage)) {
    return found.case.state.includes("attestation")
      ? "Utlåtandet är skickat till attestering och kan inte ändras nu."
      : "Utlåtandet kan inte ändras i ärendets nuvarande läge.";
  }
  return null;
}

/**
 * Where the latest version stands, as the page says it: a submitted version stays "submitted" after a
 * chef returns it (the next save starts a new version), so the case's state tells the rest.
 */
function standingOf(status: string, caseState: string, returned: boolean): string {
  if (status !== "submitted") return "utkast";
  if (returned) return "skickad tillbaka från attesteringen";
  return caseState.includes("attestation") ? "skickad till attestering" : "attesterad";
}

export async function loadStatementPage(user: CurrentUser, districtParam: string, caseId: string, skede: string | null) {
  const found = await requireCaseForDistrict(user, { district: districtParam, caseId }, "statement.write");
  const stage = stageOf(skede, found.case.state);
  const latest = await latestStatement(caseId, stage);
  const readOnlyReason = editability(user, found, stage);
  const { allowed, snapshot } = checkActions(user, found.case);
  const lastReturn = snapshot.context.lastReturn;
  const returned = Boolean(lastReturn && lastReturn.stage === stage && found.case.state === assessmentState(stage));
  return {
    caseId,
    stage,
    skede: stageParam(stage),
    title: found.case.title,
    diaryNumber: found.case.diaryNumber,
    organisationName: found.organisationName,
    status: describeState(found.case.state, "administration", found.case.outcome).label,
    editable: readOnlyReason === null,
    readOnlyReason,
    canSubmit: readOnlyReason === null && allowed("SUBMIT_FOR_ATTESTATION") && latest !== null,
    caseRevision: found.case.revision,
    statement: latest
      ? {
          version: latest.version,
          revision: latest.revision,
          status: latest.status,
          standing: standingOf(latest.status, found.case.state, returned),
          submittedAt: latest.submittedAt?.toISOString() ?? null,
        }
      : null,
    prefilled: latest === null,
    values: formValuesOfStatement(latest?.content ?? (await prefill(found, stage))),
    lastReturn: returned ? lastReturn : null,
    base: `/forvaltning/${found.districtCode.toLowerCase()}/arenden/${caseId}`,
  };
}

export type StatementResult = { ok: true; message: string } | FormFailure;

class StaleStatement extends Error {}

/** Writes the posted content on top of exactly the version the page showed, or refuses. */
async function writeDraft(input: { caseId: string; stage: StatementStage; authorId: string; content: StatementContent; baseVersion: number; expectedRevision: number }) {
  const db = await getDb();
  const latest = await latestStatement(input.caseId, input.stage);
  const seen = latest ? { version: latest.version, revision: latest.revision } : { version: 0, revision: 0 };
  if (seen.version !== input.baseVersion || seen.revision !== input.expectedRevision) return null;
  if (latest && latest.status === "draft") {
    const [row] = await db
      .update(statements)
      .set({ content: input.content, authorId: input.authorId, revision: latest.revision + 1, updatedAt: new Date() })
      .where(and(eq(statements.id, latest.id), eq(statements.revision, latest.revision), eq(statements.status, "draft")))
      .returning({ id: statements.id, version: statements.version, revision: statements.revision });
    return row ?? null;
  }
  // No draft yet, or the last one went to attestering: a new version. The unique index stops a race.
  const [row] = await db
    .insert(statements)
    .values({ caseId: input.caseId, stage: input.stage, version: seen.version + 1, status: "draft", content: input.content, authorId: input.authorId })
    .onConflictDoNothing()
    .returning({ id: statements.id, version: statements.version, revision: statements.revision });
  return row ?? null;
}

const intOf = (value: unknown) => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && String(value ?? "").trim() !== "" ? n : null;
};

export async function saveStatement(input: { user: CurrentUser; districtParam: string; caseId: string; skede: string | null; values: Record<string, unknown> }): Promise<StatementResult> {
  const { user, caseId, values } = input;
  const found = await requireCaseForDistrict(user, { district: input.districtParam, caseId }, "statement.write");
  const stage = stageOf(input.skede, found.case.state);
  const problem = editability(user, found, stage);
  if (problem) {
    if (found.case.assignedCaseworkerId !== user.id) throw forbidden(problem);
    return formFailure({}, values, problem);
  }
  const baseVersion = intOf(values.statementVersion);
  const expectedRevision = intOf(values.statementRevision);
  if (baseVersion === null || expectedRevision === null) return formFailure({}, values, "Sidan saknar utlåtandets version. Ladda om sidan och försök igen.");
  const parsed = parseForm(statementFormSchema, values);
  if (!parsed.ok) return parsed;
  const content = contentFromForm(parsed.data, stage);
  content.proposalText = proposalTextFor({ stage, organisationName: found.organisationName, boardName: found.boardName }, content);
  const written = await writeDraft({ caseId, stage, authorId: user.id, content, baseVersion, expectedRevision });
  if (!written) return formFailure({}, values, STALE_STATEMENT);
  return { ok: true, message: written.version > 1 && written.revision === 1 ? `Utlåtandet är sparat som ny version (version ${written.version}).` : "Utlåtandet är sparat." };
}

export async function submitStatement(input: { user: CurrentUser; districtParam: string; caseId: string; skede: string | null; values: Record<string, unknown> }): Promise<StatementResult & { content?: StatementContent }> {
  const { user, caseId, values } = input;
  const found = await requireCaseForDistrict(user, { district: input.districtParam, caseId }, "statement.write");
  const stage = stageOf(input.skede, found.case.state);
  const latest = await latestStatement(caseId, stage);
  const caseRevision = intOf(values.caseRevision);
  if (!latest) return formFailure({}, {}, "Spara utlåtandet innan du skickar det till attestering.");
  if (latest.version !== intOf(values.statementVersion) || latest.revision !== intOf(values.statementRevision) || caseRevision === null) {
    return formFailure({}, formValuesOfStatement(latest.content), STALE_STATEMENT);
  }
  const problems = submissionProblems(latest.content, stage);
  if (Object.keys(problems).length > 0) {
    return formFailure(problems, formValuesOfStatement(latest.content), "Utlåtandet är inte klart att skicka. Rätta och spara, skicka sedan igen.");
  }
  const now = new Date();
  const command =
    stage === "application"
      ? ({ type: "SUBMIT_FOR_ATTESTATION", proposal: latest.content.proposal! } as const)
      : ({ type: "SUBMIT_FOR_ATTESTATION", renegotiate: latest.content.renegotiate! } as const);
  try {
    const result = await transitionCase({
      loaded: found,
      command,
      actor: userActor(user),
      expectedRevision: caseRevision,
      now,
      alsoWrite: async (tx) => {
        if (latest.status === "draft") {
          const marked = await tx
            .update(statements)
            .set({ status: "submitted", submittedAt: now, authorId: user.id, updatedAt: now })
            .where(and(eq(statements.id, latest.id), eq(statements.revision, latest.revision), eq(statements.status, "draft")))
            .returning({ id: statements.id });
          if (marked.length === 0) throw new StaleStatement();
        } else {
          // Sent again unchanged after a return: the new round still gets its own version.
          await tx.insert(statements).values({
            caseId,
            stage,
            version: latest.version + 1,
            status: "submitted",
            content: latest.content,
            authorId: user.id,
            submittedAt: now,
          });
        }
      },
    });
    if (result.ok) return { ok: true, message: "Utlåtandet är skickat till attestering. Avdelningschefen får ett meddelande." };
    if (result.kind === "forbidden") throw forbidden(result.message);
    return formFailure({}, formValuesOfStatement(latest.content), result.message);
  } catch (error) {
    if (error instanceof StaleStatement) return formFailure({}, formValuesOfStatement(latest.content), STALE_STATEMENT);
    throw error;
  }
}
