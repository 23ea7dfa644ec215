/** The staff page's three forms, told apart by their intent; read by the page and by its action. */
import * as z from "zod/mini";

export const INVITE_STAFF = "invite";
export const SET_STAFF_ROLES = "roles";
export const DEACTIVATE_STAFF = "deactivate";
export const RESET_SECOND_FACTOR = "reset-second-factor";

/** Which form was posted; the invitation's own fields are read with inviteStaffSchema. */
export const staffPageFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal(INVITE_STAFF) }),
  z.object({ intent: z.literal(SET_STAFF_ROLES), userId: z.string(), roles: z.array(z.string()) }),
  z.object({ intent: z.literal(DEACTIVATE_STAFF), userId: z.string() }),
  z.object({ intent: z.literal(RESET_SECOND_FACTOR), userId: z.string() }),
]);
