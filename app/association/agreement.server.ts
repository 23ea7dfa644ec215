/** The agreement as the förening meets it: read the draft, comment on it, and sign it. */
import { asc, eq } from "drizzle-orm";
import { readCaseContext } from "../../workflows";
import { getDb } from "../../db/client";
import { agreementComments, users } from "../../db/schema";
import type { CurrentUser } from "../auth/current-user.server";
import { userActor } from "../cases/case-roles";
import { transitionCase } from "../cases/transition.server";
import { stockholmDate } from "../utils/time";
import { currentVersionInfo, listAgreementVersions, signerOf } from "../signing/versions.server";
import { versionViews } from "../signing/version-view.server";
import { SIGN_IN_METHOD_LABELS } from "../auth/sign-in-method";
import { dateOf, loadAgreementContent, userNames, type AssociationCase } from "./case.server";

/** Comments are open while the agreement is being written and signed. */
export const COMMENT_STATES = ["agreement.drafting", "agreement.signing"];

export async function loadAgreementPage(caseRow: AssociationCase, user: CurrentUser) {
  const db = await getDb();
  const agreement = await loadAgreementContent(caseRow.case.id);
  const comments = await db
    .select({
      id: agreementComments.id,
      side: agreementComments.side,
      body: agreementComments.body,
      at: agreementComments.createdAt,
      authorName: users.name,
    })
    .from(agreementComments)
    .innerJoin(users, eq(users.id, agreementComments.authorId))
    .where(eq(agreementComments.caseId, caseRow.case.id))
    .orderBy(asc(agreementComments.createdAt));
  const { context } = readCaseContext(caseRow.case);
  const current = caseRow.case.state === "agreement.drafting" ? null : await currentVersionInfo(caseRow.case.id);
  const { signatures } = context;
  const names = await userNames([signatures.association?.userId, signatures.administration?.userId]);
  const signer = (s: { userId: string; at: string } | null) =>
    s ? { name: names.get(s.userId) ?? "Okänd", date: dateOf(s.at)! } : null;
  return {
    caseId: caseRow.case.id,
    title: caseRow.case.title,
    diaryNumber: caseRow.case.diaryNumber,
    organisationName: caseRow.organisationName,
    administrationName: caseRow.administrationName,
    state: caseRow.case.state,
    revision: caseRow.case.revision,
    agreement,
    terms: context.agreement,
    comments: comments.map((c) => ({ ...c, at: c.at.toISOString() })),
    canComment: COMMENT_STATES.includes(caseRow.case.state) && caseRow.can("agreement.comment"),
    signatures: { association: signer(signatures.association), administration: signer(signatures.administration) },
    mayUserSign: caseRow.can("agreement.signForOrganisation"),
    userName: user.name,
    today: stockholmDate(new Date()),
    /** The frozen version being signed: its hash is what the signer signs. */
    version: current,
    versions: versionViews(await listAgreementVersions(caseRow.case.id), `/forening/arenden/${caseRow.case.id}/overenskommelse/versioner`, "association"),
    signer: signerOf(user),
    signerMethod: SIGN_IN_METHOD_LABELS[user.signInMethod],
  };
}

export async function addAgreementComment(caseRow: AssociationCase, user: CurrentUser, body: string) {
  if (!COMMENT_STATES.includes(caseRow.case.state)) {
    return { ok: false as const, message: "Det går inte att kommentera överenskommelsen nu. Den är redan klar." };
  }
  const db = await getDb();
  await db.insert(agreementComments).values({ caseId: caseRow.case.id, authorId: user.id, side: "association", body });
  return { ok: true as const };
}

/**
 * The firmatecknare's signature on the hash they were shown; the workflow refuses anyone without
 * signing rights, the runtime a hash that is not the current version's (a missing one included).
 */
export async function signAgreement(caseRow: AssociationCase, user: CurrentUser, documentSha256: string | undefined, expectedRevision?: number) {
  return transitionCase({
    loaded: caseRow,
    // No hash posted is a stale one: the runtime checks it after the case's revision and the workflow's rules.
    command: { type: "SIGN", documentSha256: documentSha256 ?? "" },
    actor: userActor(user),
    expectedRevision,
    signer: signerOf(user),
  });
}
