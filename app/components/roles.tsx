import { ROLE_LABELS, type Role } from "../auth/roles";

export const rolesText = (roles: readonly Role[]) => roles.map((r) => ROLE_LABELS[r]).join(", ");
