/**
 * A förening's pages of one case: the case page, the receipt, one version, and taking the application back.
 * The routes check the case (requireCaseForOrganisation) and hand over to these.
 */
import { redirect } from "@remix-run/node";
import type { CurrentUser } from "../auth/current-user.server";
import type { OrganisationCase } from "../cases/access.server";
import { describeState } from "../cases/status-text";
import { linkedCases } from "../cases/case-links.server";
import { downloadableVersions } from "../documents/application-download.server";
import { stockholmIsoString } from "../utils/time";
import { formDataToObject, formFailure, parseForm, NOT_THIS_FORM, type FormFailure } from "../utils/forms";
import { loadCaseOverview } from "./case-overview.server";
import { withdrawApplication } from "./case-actions.server";
import { diffApplications } from "./diff";
import { EDITABLE_STATES } from "./steps";
import { summarySections } from "./summary.server";
import { listApplicationVersions } from "./versions.server";
import { withdrawEnvelope, withdrawSchema } from "./forening-case-forms";

const FOLLOW_UP_LINKS = [
  { prefix: "agreement.", path: "overenskommelse", label: "Överenskommelsen" },
  { prefix: "followUp.", path: "rapport", label: "Rapportera hur arbetet går" },
  { prefix: "finalReport.", path: "slutrapport", label: "Slutrapporten" },
];

export async function loadForeningCasePage(found: OrganisationCase) {
  const c = found.case;
  const overview = await loadCaseOverview(c);
  const draftOpen = overview.versions.some((v) => v.status === "draft");
  return {
    id: c.id,
    title: c.title,
    diaryNumber: c.diaryNumber,
    state: c.state,
    organisationName: found.organisationName,
    districtName: found.districtName,
    ...overview,
    timeline: overview.timeline.map((t) => ({ ...t, at: stockholmIsoString(t.at).slice(0, 16).replace("T", " ") })),
    canEdit: found.can("application.draft") && draftOpen && EDITABLE_STATES.includes(c.state),
    canComplete: found.can("completion.respond") && c.state === "review.awaitingCompletion",
    canWithdraw: found.can("application.withdraw") && (c.stage === "application" || c.stage === "review"),
    links: FOLLOW_UP_LINKS.filter((l) => c.state.startsWith(l.prefix)),
    downloads: await downloadableVersions(c.id),
    linked: await linkedCases(c),
  };
}

/** The receipt for the last version sent in; before anything is sent in, the case page. */
export async function loadReceiptPage(found: OrganisationCase) {
  const submitted = (await listApplicationVersions(found.case.id)).filter((v) => v.status === "submitted").at(-1);
  if (!submitted?.submittedAt) throw redirect(`/forening/arenden/${found.case.id}`);
  return {
    id: found.case.id,
    title: found.case.title,
    diaryNumber: found.case.diaryNumber,
    districtName: found.districtName,
    version: submitted.version,
    submittedAt: stockholmIsoString(submitted.submittedAt).slice(0, 16).replace("T", " kl. "),
    next: describeState(found.case.state, "association", found.case.outcome).next,
  };
}

/** One version of the application and what changed since the one before; an unknown version is 404. */
export async function loadVersionPage(found: OrganisationCase, version: string | undefined) {
  const versions = await listApplicationVersions(found.case.id);
  const index = versions.findIndex((v) => String(v.version) === version);
  const current = versions[index];
  if (!current) throw new Response("Not found", { status: 404 });
  const previous = index > 0 ? versions[index - 1] : undefined;
  return {
    id: found.case.id,
    title: found.case.title,
    version: current.version,
    status: current.status,
    submittedAt: current.submittedAt ? stockholmIsoString(current.submittedAt).slice(0, 10) : null,
    sections: await summarySections(current.content),
    previousVersion: previous?.version ?? null,
    changes: previous ? diffApplications(previous.content, current.content) : [],
  };
}

export function loadWithdrawPage(found: OrganisationCase) {
  return { id: found.case.id, title: found.case.title, revision: found.case.revision, closed: found.case.state === "closed" };
}

export type FormReply = { status: number; body: FormFailure };

/** Take the application back; on success the case page (a redirect is thrown). */
export async function withdrawFromForm(user: CurrentUser, found: OrganisationCase, formData: FormData): Promise<FormReply> {
  const values = formDataToObject(formData);
  if (!withdrawEnvelope.safeParse(values).success) return { status: 400, body: formFailure({}, values, NOT_THIS_FORM) };
  const parsed = parseForm(withdrawSchema, values);
  if (!parsed.ok) return { status: 400, body: parsed };
  const result = await withdrawApplication({ user, found, reason: parsed.data.reason ?? "", expectedRevision: parsed.data.revision });
  if (!result.ok) return { status: 409, body: formFailure({}, values, result.message) };
  throw redirect(`/forening/arenden/${found.case.id}`);
}
