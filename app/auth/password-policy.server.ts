/**
 * Who may use a password (ADR 0026, "E-legitimation för föreningar"). Where a kommun has its e-ID
 * broker, it can turn passwords off for föreningar: FORENING_PASSWORD_LOGIN=false. Then a förening's
 * people (every account without a role in a district) sign in with e-legitimation only, and cannot
 * have a password reset either; staff keep their password (and its second factor) or the city's SSO.
 * Default on: the demo and the tests sign in with passwords.
 */
import { eq } from "drizzle-orm";
import { districtMemberships } from "../../db/schema";
import type { Executor } from "../../db/client";

export const FORENING_PASSWORD_OFF =
  "Föreningar loggar in med e-legitimation (BankID eller Freja eID), inte med lösenord. Välj ”Logga in med e-legitimation”.";

export function foreningPasswordLoginAllowed(): boolean {
  const env = process.env;
  return env.FORENING_PASSWORD_LOGIN !== "false";
}

/** Staff: anyone with a role in a district. */
export async function isStaffAccount(db: Executor, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: districtMemberships.id })
    .from(districtMemberships)
    .where(eq(districtMemberships.userId, userId))
    .limit(1);
  return row !== undefined;
}

/** Whether this account may sign in with, or reset, a password. */
export async function passwordAllowedFor(db: Executor, userId: string): Promise<boolean> {
  return foreningPasswordLoginAllowed() || (await isStaffAccount(db, userId));
}
