/**
 * The page Personer i föreningen: who is in the förening, and its three forms (invite, change roles,
 * remove). The route checks the membership (organisation.view, organisation.inviteMember) and hands over.
 */
import { redirect } from "@remix-run/node";
import type { CurrentUser, OrganisationMembership } from "../auth/current-user.server";
import { rolesGrant } from "../auth/permissions";
import { formDataToObject, formFailure, parseForm, NOT_THIS_FORM, type FormFailure } from "../utils/forms";
import { inviteOrganisationMember, removeMember, setMemberRoles } from "./members.server";
import { getOrganisationProfile } from "./profile.server";
import { changeRolesSchema, inviteMemberSchema, memberIntentSchema, removeMemberSchema } from "./schemas";

export async function loadMembersPage(membership: OrganisationMembership) {
  const profile = await getOrganisationProfile(membership.id);
  if (!profile) throw new Response("Not found", { status: 404 });
  return {
    organisationId: membership.id,
    organisationName: profile.organisation.name,
    members: profile.members,
    canManage: rolesGrant(membership.roles, "organisation.inviteMember"),
  };
}

type MemberIntent = "invite" | "roles" | "remove";
export type MembersReply = { status: number; body: FormFailure & { intent: MemberIntent | null } };

/** Invite, change roles or remove; on success the page again with a notice (a redirect is thrown). */
export async function manageMembers(user: CurrentUser, membership: OrganisationMembership, formData: FormData): Promise<MembersReply> {
  const organisationId = membership.id;
  const values = formDataToObject(formData, ["roles"]);
  const back = `/forening/${organisationId}/personer`;
  const fail = (intent: MemberIntent | null, failure: FormFailure): MembersReply => ({ status: 400, body: { ...failure, intent } });
  const chosen = memberIntentSchema.safeParse(values);
  if (!chosen.success) return fail(null, formFailure({}, values, NOT_THIS_FORM));
  const { intent } = chosen.data;
  if (intent === "roles") {
    const parsed = parseForm(changeRolesSchema, values);
    if (!parsed.ok) return fail(intent, parsed);
    const result = await setMemberRoles(organisationId, parsed.data.userId, parsed.data.roles);
    if (!result.ok) return fail(intent, formFailure({}, values, result.message));
    throw redirect(`${back}?roller=1`);
  }
  if (intent === "remove") {
    const parsed = parseForm(removeMemberSchema, values);
    if (!parsed.ok) return fail(intent, parsed);
    const result = await removeMember(organisationId, parsed.data.userId);
    if (!result.ok) return fail(intent, formFailure({}, values, result.message));
    throw redirect(`${back}?borttagen=1`);
  }
  const parsed = parseForm(inviteMemberSchema, values);
  if (!parsed.ok) return fail(intent, parsed);
  // The same answer whether or not the address has an account (ADR 0024).
  await inviteOrganisationMember({ organisationId, invitedBy: user.name, ...parsed.data });
  throw redirect(`${back}?inbjuden=${encodeURIComponent(parsed.data.email)}`);
}
