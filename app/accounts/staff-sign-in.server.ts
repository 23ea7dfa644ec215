/**
 * Förvaltning staff sign in with the city's SSO (ADR 0026). The SSO proves an e-mail address; the
 * portal matches it to a staff account a district has already invited (app/accounts/staff.server.ts).
 * No account is ever created here: who works in which district, and in which role, is the
 * district administrator's decision, not the SSO's.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { districtMemberships, users } from "../../db/schema";
import { getDb } from "../../db/client";
import { beginSignIn, completeSignIn } from "../auth/oidc/index.server";
import { FAILURE_NOTICES, loginPathWithNotice } from "../auth/oidc/messages";
import { homePathFor, loadUser, safeRedirectPath } from "../auth/current-user.server";
import { startSession } from "../auth/session.server";
import { logInfo } from "../utils/log.server";

/** Sends the browser to the city's SSO; `redirectTo` (a portal path) is where the person lands after. */
export function beginStaffSignIn(request: Request, redirectTo: string | undefined): Promise<Response> {
  return beginSignIn("staff", request, { returnTo: safeRedirectPath(redirectTo, "") });
}

/** Where the callback sends the browser, and the cookies it sets (the attempt cleared, the session). */
export interface StaffSignInOutcome {
  location: string;
  setCookies: string[];
}

/** The staff account with this e-mail that belongs to at least one district, not deactivated. */
async function staffAccountIdByEmail(email: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.email, email.toLowerCase()),
        isNull(users.disabledAt),
        sql`exists (select 1 from ${districtMemberships} where ${districtMemberships.userId} = ${users.id})`,
      ),
    );
  return row?.id ?? null;
}

export async function completeStaffSignIn(request: Request): Promise<StaffSignInOutcome> {
  const result = await completeSignIn("staff", request);
  if (!result.ok) return { location: loginPathWithNotice(FAILURE_NOTICES[result.reason]), setCookies: [result.setCookie] };
  const { claims } = result;
  if (!claims.email || claims.emailVerified !== true) {
    logInfo("staff sso refused reason=unverified-email");
    return { location: loginPathWithNotice("stad-epost-ej-bekraftad"), setCookies: [result.setCookie] };
  }
  const userId = await staffAccountIdByEmail(claims.email);
  const user = userId ? await loadUser(userId, "staff_sso") : null;
  if (!user || user.districts.length === 0) {
    logInfo("staff sso refused reason=no-staff-account");
    return { location: loginPathWithNotice("stad-inget-konto"), setCookies: [result.setCookie] };
  }
  const sessionCookie = await startSession(user.id, "staff_sso");
  return { location: safeRedirectPath(result.returnTo, homePathFor(user)), setCookies: [result.setCookie, sessionCookie] };
}
