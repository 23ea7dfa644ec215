/**
 * The förvaltning's staff page: who works in the district, and inviting, changing roles and deactivating.
 * The route checks the district role (staff.manage) and hands over.
 */
import { NOT_THIS_FORM, formDataToObject, parseForm, type FormFailure } from "../utils/forms";
import type { CurrentUser, DistrictMembership } from "../auth/current-user.server";
import { isDistrictRole } from "../auth/roles";
import { inviteStaffSchema } from "./schemas";
import { INVITE_STAFF, RESET_SECOND_FACTOR, SET_STAFF_ROLES, staffPageFormSchema } from "./staff-page-forms";
import { rolesGrant } from "../auth/permissions";
import { resetSecondFactor } from "../auth/second-factor.server";
import { deactivateStaff, inviteStaff, listDistrictStaff, setStaffRoles } from "./staff.server";

export async function loadStaffPage(user: CurrentUser, district: DistrictMembership) {
  return {
    districtName: district.name,
    staff: await listDistrictStaff(district.id),
    currentUserId: user.id,
    mayResetSecondFactor: rolesGrant(district.roles, "staff.resetSecondFactor"),
  };
}

/** A form that is not one of the page's own (no intent, an unknown one, no person). */

export type StaffPageReply =
  | { status: 200; body: { ok: true; message: string } }
  | { status: 400; body: { ok: false; notThisForm: string } }
  | { status: 400; body: { ok: false; change: { userId: string; message: string } } }
  | { status: 400; body: FormFailure };

export async function changeFromStaffPage(user: CurrentUser, district: DistrictMembership, formData: FormData): Promise<StaffPageReply> {
  const values = formDataToObject(formData, ["roles"]);
  const form = staffPageFormSchema.safeParse(values);
  if (!form.success) return { status: 400, body: { ok: false, notThisForm: NOT_THIS_FORM } };
  if (form.data.intent === INVITE_STAFF) {
    const parsed = parseForm(inviteStaffSchema, values);
    if (!parsed.ok) return { status: 400, body: parsed };
    const { invited } = await inviteStaff({ districtId: district.id, ...parsed.data });
    const message = invited ? `En inbjudan har skickats till ${parsed.data.email}.` : `${parsed.data.name} har fått de valda rollerna.`;
    return { status: 200, body: { ok: true, message } };
  }
  const { userId } = form.data;
  if (form.data.intent === RESET_SECOND_FACTOR && !rolesGrant(district.roles, "staff.resetSecondFactor")) {
    return { status: 400, body: { ok: false, change: { userId, message: "Du har inte behörighet att återställa tvåstegsverifiering." } } };
  }
  const change =
    form.data.intent === RESET_SECOND_FACTOR
      ? await resetSecondFactor({ districtId: district.id, actingUserId: user.id, userId })
      : form.data.intent === SET_STAFF_ROLES
      ? await setStaffRoles({ districtId: district.id, actingUserId: user.id, userId, roles: form.data.roles.filter(isDistrictRole) })
      : await deactivateStaff({ districtId: district.id, actingUserId: user.id, userId });
  if (change.ok) return { status: 200, body: { ok: true, message: change.message } };
  return { status: 400, body: { ok: false, change: { userId, message: change.message } } };
}
