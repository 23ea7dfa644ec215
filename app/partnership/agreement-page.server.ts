/**
 * The förvaltning's överenskommelse page: the draft, its comments and signatures.
 * The route checks the case (drafting or signing for the district) and hands over; the actions are in
 * agreement-actions.server.ts.
 */
import type { CurrentUser } from "../auth/current-user.server";
import type { DistrictCase } from "../cases/access.server";
import { stockholmDate } from "../utils/time";
import { formValuesFromContent, withEmptyRows } from "./agreement-form";
import { describeSignatures, listAgreementComments, loadAgreementDraft } from "./agreement.server";
import { caseContext, caseHeader } from "./case-context.server";
import { currentVersionInfo, listAgreementVersions, signerOf } from "../signing/versions.server";
import { versionViews } from "../signing/version-view.server";
import { SIGN_IN_METHOD_LABELS } from "../auth/sign-in-method";

export async function loadAgreementPage(user: CurrentUser, found: DistrictCase) {
  const { can } = found;
  const draft = await loadAgreementDraft(found.case.id);
  const context = caseContext(found.case);
  const district = found.membership;
  const base = `/forvaltning/${district.code.toLowerCase()}`;
  const current = found.case.state === "agreement.drafting" ? null : await currentVersionInfo(found.case.id);
  return {
    base,
    header: caseHeader(found),
    canDraft: can("agreement.draft"),
    canSign: can("agreement.signForDistrict"),
    canDownload: can("documents.generate"),
    draft,
    formValues: withEmptyRows(formValuesFromContent(draft.content)),
    comments: await listAgreementComments(found.case.id),
    signatures: await describeSignatures(context.signatures),
    administrationSigned: context.signatures.administration !== null,
    signer: { name: user.name, title: user.title, today: stockholmDate(new Date()) },
    /** The frozen version being signed: its hash is what the signatory signs. */
    version: current,
    versions: versionViews(await listAgreementVersions(found.case.id), `${base}/arenden/${found.case.id}/overenskommelse/versioner`, "administration"),
    identity: signerOf(user),
    signerMethod: SIGN_IN_METHOD_LABELS[user.signInMethod],
  };
}
