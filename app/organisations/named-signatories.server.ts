/**
 * Who holds the firmatecknare role (ADR 0028): exactly the people a confirmed protokoll names, each
 * matched to an account by the keyed hash of the personnummer its e-ID identity carries. Always in
 * the caller's transaction (a confirmation, or an e-ID sign-in, link or registration).
 */
import { and, eq, inArray, isNotNull, isNull, notInArray } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { namedSignatories, organisationMemberships, userIdentities } from "../../db/schema";
import { recordEvent } from "./organisation-events.server";

/** The confirmed request's people become the förening's firmatecknare; nobody else stays one. */
export async function installSignatories(db: Executor, organisationId: string, verificationId: string, now: Date) {
  await db
    .update(namedSignatories)
    .set({ activeUntil: now })
    .where(and(eq(namedSignatories.organisationId, organisationId), isNotNull(namedSignatories.activeFrom), isNull(namedSignatories.activeUntil)));
  await db.update(namedSignatories).set({ activeFrom: now }).where(eq(namedSignatories.verificationId, verificationId));
  const named = await db.select().from(namedSignatories).where(eq(namedSignatories.verificationId, verificationId));
  const matched = await db
    .select({ userId: userIdentities.userId, hash: userIdentities.personalNumberHash })
    .from(userIdentities)
    .where(inArray(userIdentities.personalNumberHash, named.map((n) => n.personalNumberHash)));
  const userByHash = new Map(matched.map((m) => [m.hash, m.userId]));
  const signatoryUsers = new Set<string>();
  for (const n of named) {
    const userId = userByHash.get(n.personalNumberHash);
    if (!userId) continue;
    signatoryUsers.add(userId);
    await db.update(namedSignatories).set({ userId }).where(eq(namedSignatories.id, n.id));
  }
  // Whoever held the role without being named in this protokoll no longer signs for the förening.
  await db
    .delete(organisationMemberships)
    .where(
      and(
        eq(organisationMemberships.organisationId, organisationId),
        eq(organisationMemberships.role, "signatory"),
        signatoryUsers.size > 0 ? notInArray(organisationMemberships.userId, [...signatoryUsers]) : undefined,
      ),
    );
  for (const userId of signatoryUsers) await grantSignatory(db, organisationId, userId);
}

async function grantSignatory(db: Executor, organisationId: string, userId: string) {
  // Named by the styrelse and proven by e-ID: the role counts at once (ADR 0024's consent is the
  // person's own e-ID sign-in).
  await db
    .insert(organisationMemberships)
    .values({ userId, organisationId, role: "signatory", acceptedAt: new Date() })
    .onConflictDoUpdate({
      target: [organisationMemberships.userId, organisationMemberships.organisationId, organisationMemberships.role],
      set: { acceptedAt: new Date() },
    });
}

/**
 * After a person has proven their identity with e-ID (sign-in or linking): every förening whose
 * confirmed protokoll names them gets them as firmatecknare. In the caller's transaction.
 */
export async function grantNamedSignatoryRoles(db: Executor, userId: string, hash: string): Promise<number> {
  const open = await db
    .select({ id: namedSignatories.id, organisationId: namedSignatories.organisationId, userId: namedSignatories.userId, fullName: namedSignatories.fullName })
    .from(namedSignatories)
    .where(and(eq(namedSignatories.personalNumberHash, hash), isNotNull(namedSignatories.activeFrom), isNull(namedSignatories.activeUntil)));
  for (const row of open) {
    if (row.userId === null) {
      await db.update(namedSignatories).set({ userId }).where(eq(namedSignatories.id, row.id));
      await recordEvent(db, { organisationId: row.organisationId, kind: "signatory_matched", actor: null, detail: `${row.fullName} loggade in med e-legitimation` });
    }
    await grantSignatory(db, row.organisationId, userId);
  }
  return open.length;
}
