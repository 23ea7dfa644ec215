import { and, eq, ne } from "drizzle-orm";
import { organisationMemberships, organisations, users } from "../../db/schema";
import { getDb } from "../../db/client";
import { pgErrorCode, UNIQUE_VIOLATION } from "../../db/errors";
import { ORGANISATION_ROLES, type OrganisationRole } from "../auth/roles";
import { parseOrganisationNumber } from "../domain/organisation-number";
import { parsePaymentAccount } from "../domain/payment-account";
import type { FieldErrors } from "../utils/forms";
import type { OrganisationProfileInput } from "./schemas";

export async function getOrganisationProfile(organisationId: string) {
  const db = await getDb();
  const [organisation] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  if (!organisation) return null;
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: organisationMemberships.role,
      acceptedAt: organisationMemberships.acceptedAt,
    })
    .from(organisationMemberships)
    .innerJoin(users, eq(users.id, organisationMemberships.userId))
    .where(eq(organisationMemberships.organisationId, organisationId))
    .orderBy(users.name);
  // `active`: the person has said yes to the förening (some role accepted); `pendingRoles`: roles of an
  // invitation not yet answered. Someone with only pending roles is "Inbjuden" (ADR 0024).
  const members = new Map<
    string,
    { userId: string; name: string; email: string; active: boolean; roles: OrganisationRole[]; pendingRoles: OrganisationRole[] }
  >();
  const byRoleOrder = (a: OrganisationRole, b: OrganisationRole) => ORGANISATION_ROLES.indexOf(a) - ORGANISATION_ROLES.indexOf(b);
  for (const row of rows) {
    const member = members.get(row.userId) ?? {
      userId: row.userId,
      name: row.name,
      email: row.email,
      active: false,
      roles: [],
      pendingRoles: [],
    };
    member.roles.push(row.role);
    member.roles.sort(byRoleOrder);
    if (row.acceptedAt) member.active = true;
    else {
      member.pendingRoles.push(row.role);
      member.pendingRoles.sort(byRoleOrder);
    }
    members.set(row.userId, member);
  }
  // Until someone has joined they go by the address they were invited at: the name of an existing
  // account would tell the förening that the address has one, and who it is (ADR 0024).
  const list = [...members.values()].map((m) => (m.active ? m : { ...m, name: m.email }));
  list.sort((a, b) => a.name.localeCompare(b.name, "sv"));
  return { organisation, members: list };
}

const TAKEN = "En annan förening i portalen har redan det organisationsnumret. Kontrollera siffrorna.";

/** Saves the profile; an organisationsnummer another förening already has is refused at the field. */
/** The account in canonical form, or none; the schema has already checked the number. */
function paymentAccount(input: OrganisationProfileInput) {
  const type = input.paymentAccountType || null;
  const parsed = type && input.paymentAccountNumber ? parsePaymentAccount(type, input.paymentAccountNumber) : null;
  return parsed?.ok
    ? { paymentAccountType: type, paymentAccountNumber: parsed.value }
    : { paymentAccountType: null, paymentAccountNumber: null };
}

export async function updateOrganisationProfile(
  organisationId: string,
  input: OrganisationProfileInput,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const parsed = parseOrganisationNumber(input.organisationNumber);
  if (!parsed.ok) return { ok: false, errors: { organisationNumber: parsed.message } };
  const db = await getDb();
  const [other] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.organisationNumber, parsed.value), ne(organisations.id, organisationId)));
  if (other) return { ok: false, errors: { organisationNumber: TAKEN } };
  const blank = (v: string | undefined) => (v?.trim() ? v.trim() : null);
  try {
    await db
      .update(organisations)
      .set({
        name: input.name,
        organisationNumber: parsed.value,
        email: input.email,
        phone: blank(input.phone),
        streetAddress: blank(input.streetAddress),
        postalCode: input.postalCode?.trim() ? input.postalCode.replace(/^(\d{3}) ?(\d{2})$/, "$1 $2") : null,
        city: blank(input.city),
        ...paymentAccount(input),
        updatedAt: new Date(),
      })
      .where(eq(organisations.id, organisationId));
  } catch (error) {
    // Two föreningar saving the same number at once: the unique index decides.
    if (pgErrorCode(error) === UNIQUE_VIOLATION) return { ok: false, errors: { organisationNumber: TAKEN } };
    throw error;
  }
  return { ok: true };
}
