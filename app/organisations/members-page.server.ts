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

/** Nobody in the förening makes someone firmatecknare: the district confirms it from the protokoll (ADR 0028). */
export const SIGNATORY_BY_VERIFICATION =
  "Firmatecknare bestäms av föreningens protokoll. Skicka protokollsutdraget under Verifiera föreningen, så bekräftar förvaltningen firmatecknarna.";
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
    const profile = await getOrganisationProfile(organisationId);
    const isSignatory = Boolean(profile?.members.find((m) => m.userId === parsed.data.userId)?.roles.includes("signatory"));
    if (parsed.data.roles.includes("signatory") && !isSignatory) return fail(intent, formFailure({ roles: SIGNATORY_BY_VERIFICATION }, values, SIGNATORY_BY_VERIFICATION));
    // The firmatecknare role is not this form's to take away either: it stays as the protokoll has it.
    const roles = [...parsed.data.roles.filter((r) => r !== "signatory"), ...(isSignatory ? (["signatory"] as const) : [])];
    if (roles.length === 0) return fail(intent, formFailure({ roles: "Välj minst en roll." }, values));
    const result = await setMemberRoles(organisationId, parsed.data.userId, roles);
    if (!result.ok) return fail(intent, formFailure({}, values, result.message));
    throw redirect(`${back}?roller=1`);
  }
  if (intent === "remove") {
    const parsed = parseForm(removeMemberSchema, values);
    if (!parsed.ok) return fail(intent, parsed);
    const profile = await getOrganisationProfile(organisationId);
    if (profile?.members.find((m) => m.userId === parsed.data.userId)?.roles.includes("signatory")) {
      return fail(intent, formFailure({}, values, "En firmatecknare tas bort genom ett nytt protokollsutdrag under Verifiera föreningen."));
    }
    const result = await removeMember(organisationId, parsed.data.userId);
    if (!result.ok) return fail(intent, formFailure({}, values, result.message));
    throw redirect(`${back}?borttagen=1`);
  }
  const parsed = parseForm(inviteMemberSchema, values);
  if (!parsed.ok) return fail(intent, parsed);
  if (parsed.data.roles.includes("signatory")) return fail(intent, formFailure({ roles: SIGNATORY_BY_VERIFICATION }, values));
  // The same answer whether or not the address has an account (ADR 0024).
  await inviteOrganisationMember({ organisationId, invitedBy: user.name, ...parsed.data });
  throw redirect(`${back}?inbjuden=${encodeURIComponent(parsed.data.email)}`);
}
