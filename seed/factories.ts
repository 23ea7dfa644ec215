/**
 * Factories for districts, föreningar and people: the demo seed and the tests build their data with
 * the same functions, so the demo shows what the tests prove.
 */
import crypto from "node:crypto";
import type { Executor } from "../db/client";
import {
  districtMemberships,
  districts,
  namedSignatories,
  organisationEvents,
  organisationMemberships,
  organisationVerifications,
  organisations,
  users,
} from "../db/schema";
import { maskedPersonalNumber, personalNumberHash } from "../app/auth/personnummer.server";
import { hashPassword } from "../app/auth/password.server";
import { withCheckDigit } from "../app/domain/organisation-number";
import type { DistrictRole, OrganisationRole } from "../app/auth/roles";

const hashes = new Map<string, Promise<string>>();
/** Hashing is deliberately slow; the same demo password is hashed once per process. */
function cachedHash(password: string) {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return hashes.get(password)!;
}

const unique = () => crypto.randomBytes(4).toString("hex");

export function randomOrganisationNumber(): string {
  // 8xxxxx is the range for ideella föreningar; the check digit makes it pass validation.
  const nine = `8${String(crypto.randomInt(0, 1e8)).padStart(8, "0")}`;
  return withCheckDigit(nine);
}

export async function createDistrict(
  db: Executor,
  input: Partial<typeof districts.$inferInsert> = {},
) {
  const code = input.code ?? `T${unique().toUpperCase().slice(0, 5)}`;
  const name = input.name ?? `Testdistrikt ${code}`;
  const [row] = await db
    .insert(districts)
    .values({
      code,
      name,
      boardName: input.boardName ?? `${name} stadsdelsnämnd`,
      administrationName: input.administrationName ?? `${name} stadsdelsförvaltning`,
    })
    .returning();
  return row!;
}

export async function createOrganisation(
  db: Executor,
  input: Partial<typeof organisations.$inferInsert> = {},
) {
  const [row] = await db
    .insert(organisations)
    .values({
      name: input.name ?? `Föreningen ${unique()}`,
      organisationNumber: input.organisationNumber ?? randomOrganisationNumber(),
      email: input.email ?? `info-${unique()}@forening.example`,
      phone: input.phone ?? null,
      streetAddress: input.streetAddress ?? null,
      postalCode: input.postalCode ?? null,
      city: input.city ?? "Stockholm",
      // A förening made here is as the demo has them: already verified by its district (ADR 0028).
      // A test of an unverified förening passes `verifiedAt: null`.
      verifiedAt: input.verifiedAt === undefined ? new Date() : input.verifiedAt,
    })
    .returning();
  return row!;
}

export const DEFAULT_TEST_PASSWORD = "Demo-losenord-2026";

export async function createUser(
  db: Executor,
  input: {
    email?: string;
    name?: string;
    title?: string | null;
    phone?: string | null;
    password?: string | null;
    verified?: boolean;
  } = {},
) {
  const password = input.password === undefined ? DEFAULT_TEST_PASSWORD : input.password;
  const [row] = await db
    .insert(users)
    .values({
      email: (input.email ?? `person-${unique()}@test.example`).toLowerCase(),
      name: input.name ?? "Testperson",
      title: input.title ?? null,
      phone: input.phone ?? null,
      passwordHash: password ? await cachedHash(password) : null,
      emailVerifiedAt: input.verified === false ? null : new Date(),
    })
    .returning();
  return row!;
}

export async function addOrganisationRoles(
  db: Executor,
  userId: string,
  organisationId: string,
  roles: OrganisationRole[],
) {
  if (roles.length === 0) return;
  // Members who have joined (said yes); a pending invitation is made through inviteOrganisationMember.
  await db
    .insert(organisationMemberships)
    .values(roles.map((role) => ({ userId, organisationId, role, acceptedAt: new Date() })));
}

export async function addDistrictRoles(db: Executor, userId: string, districtId: string, roles: DistrictRole[]) {
  if (roles.length === 0) return;
  await db.insert(districtMemberships).values(roles.map((role) => ({ userId, districtId, role })));
}

/** A förening user in one step: organisation (new unless given), person, roles. */
export async function createOrganisationUser(
  db: Executor,
  input: { organisationId?: string; roles?: OrganisationRole[]; email?: string; name?: string } = {},
) {
  const organisationId = input.organisationId ?? (await createOrganisation(db)).id;
  const user = await createUser(db, { email: input.email, name: input.name ?? "Kontaktperson" });
  await addOrganisationRoles(db, user.id, organisationId, input.roles ?? ["contact_person"]);
  return { user, organisationId };
}

/** A förvaltning user in one step. */
export async function createStaffUser(
  db: Executor,
  input: { districtId: string; roles: DistrictRole[]; email?: string; name?: string; title?: string },
) {
  const user = await createUser(db, { email: input.email, name: input.name ?? "Tjänsteperson", title: input.title });
  await addDistrictRoles(db, user.id, input.districtId, input.roles);
  return user;
}

/**
 * A verification the district has confirmed, naming these firmatecknare (matched to `userId` where
 * given), as the förening would have it after sending its protokoll. No document is kept.
 */
export async function addConfirmedVerification(
  db: Executor,
  organisationId: string,
  named: { fullName: string; personalNumber: string; userId?: string }[],
) {
  const now = new Date();
  const [request] = await db
    .insert(organisationVerifications)
    .values({ organisationId, status: "confirmed", documentName: "Protokollsutdrag (demo)", documentSize: 0, submittedAt: now, decidedAt: now })
    .returning({ id: organisationVerifications.id });
  await db.insert(namedSignatories).values(
    named.map((n) => ({
      verificationId: request!.id,
      organisationId,
      fullName: n.fullName,
      personalNumberHash: personalNumberHash(n.personalNumber),
      personalNumberMasked: maskedPersonalNumber(n.personalNumber),
      userId: n.userId ?? null,
      activeFrom: now,
    })),
  );
  await db.insert(organisationEvents).values({ organisationId, kind: "verification_confirmed", detail: "Verifierad när portalen startade (demo)" });
  return request!.id;
}
