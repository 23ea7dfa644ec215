import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { redirect } from "@remix-run/node";
import {
  districtMemberships,
  districts,
  organisationMemberships,
  organisations,
  userIdentities,
  users,
} from "../../db/schema";
import { getDb } from "../../db/client";
import { jsonList } from "../../db/rows";
import { retryReadOnConnectionError } from "../../db/errors";
import { readSession } from "./session.server";
import type { SignInMethod } from "./sign-in-method";
import { oncePerRequest } from "../utils/request-scope.server";
import { DISTRICT_ROLES, ORGANISATION_ROLES, type DistrictRole, type OrganisationRole } from "./roles";
import { rolesGrant, type DistrictPermission, type OrganisationPermission } from "./permissions";

export interface OrganisationMembership {
  id: string;
  name: string;
  organisationNumber: string;
  roles: OrganisationRole[];
}

export interface DistrictMembership {
  id: string;
  code: string;
  name: string;
  roles: DistrictRole[];
}

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  title: string | null;
  organisations: OrganisationMembership[];
  districts: DistrictMembership[];
  /** How this session began (a signature records it). */
  signInMethod: SignInMethod;
  /** The linked e-legitimation identity, masked; null until the person has signed in with e-ID once. */
  identity: { personalNumberMasked: string; givenName: string; familyName: string } | null;
}

function group<K, T, R>(rows: T[], keyOf: (row: T) => K, make: (row: T) => R, add: (acc: R, row: T) => void) {
  const map = new Map<K, R>();
  for (const row of rows) {
    const k = keyOf(row);
    if (!map.has(k)) map.set(k, make(row));
    add(map.get(k)!, row);
  }
  return [...map.values()];
}

interface MembershipRow<R> {
  id: string;
  name: string;
  role: R;
}

export async function loadUser(userId: string, signInMethod: SignInMethod = "password"): Promise<CurrentUser | null> {
  const db = await getDb();
  // One statement: the account and both kinds of membership arrive in one round trip, since every
  // page asks for them before anything else can start.
  const organisationList = db
    .select({
      list: sql`json_agg(json_build_object('id', ${organisations.id}, 'name', ${organisations.name},
        'organisationNumber', ${organisations.organisationNumber}, 'role', ${organisationMemberships.role})
        order by ${organisations.name})`,
    })
    .from(organisationMemberships)
    .innerJoin(organisations, eq(organisations.id, organisationMemberships.organisationId))
    // Only roles the person has agreed to: an unanswered invitation grants nothing (ADR 0024).
    .where(and(eq(organisationMemberships.userId, userId), isNotNull(organisationMemberships.acceptedAt)));
  const districtList = db
    .select({
      list: sql`json_agg(json_build_object('id', ${districts.id}, 'code', ${districts.code}, 'name', ${districts.name},
        'role', ${districtMemberships.role}) order by ${districts.name})`,
    })
    .from(districtMemberships)
    .innerJoin(districts, eq(districts.id, districtMemberships.districtId))
    .where(eq(districtMemberships.userId, userId));
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      title: users.title,
      orgRows: jsonList<MembershipRow<OrganisationRole> & { organisationNumber: string }>(organisationList),
      districtRows: jsonList<MembershipRow<DistrictRole> & { code: string }>(districtList),
      personalNumberMasked: userIdentities.personalNumberMasked,
      givenName: userIdentities.givenName,
      familyName: userIdentities.familyName,
    })
    .from(users)
    .leftJoin(userIdentities, eq(userIdentities.userId, users.id))
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!user) return null;
  const { orgRows, districtRows, personalNumberMasked, givenName, familyName, ...account } = user;
  return {
    ...account,
    signInMethod,
    identity:
      personalNumberMasked !== null && givenName !== null && familyName !== null
        ? { personalNumberMasked, givenName, familyName }
        : null,
    organisations: group(
      orgRows,
      (r) => r.id,
      (r) => ({ id: r.id, name: r.name, organisationNumber: r.organisationNumber, roles: [] as OrganisationRole[] }),
      (acc, r) => {
        acc.roles.push(r.role);
        acc.roles.sort((a, b) => ORGANISATION_ROLES.indexOf(a) - ORGANISATION_ROLES.indexOf(b));
      },
    ),
    districts: group(
      districtRows,
      (r) => r.id,
      (r) => ({ id: r.id, code: r.code, name: r.name, roles: [] as DistrictRole[] }),
      (acc, r) => {
        acc.roles.push(r.role);
        acc.roles.sort((a, b) => DISTRICT_ROLES.indexOf(a) - DISTRICT_ROLES.indexOf(b));
      },
    ),
  };
}

export async function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  // Only reads: safe to try once more when the first try met a connection that had died.
  const lookUp = () =>
    retryReadOnConnectionError(async () => {
      const session = await readSession(request);
      return session ? loadUser(session.userId, session.signInMethod) : null;
    });
  // A read shares one lookup across the page's loaders. A post does not: its action may change the
  // user's own roles or session, and the loaders that follow it must see that.
  if (request.method !== "GET" && request.method !== "HEAD") return lookUp();
  return oncePerRequest(`current-user ${request.headers.get("Cookie") ?? ""}`, lookUp);
}

/** Only same-site paths, so a crafted login link cannot send the user elsewhere. */
// Backslashes, whitespace (including U+3000) and control characters: browsers strip or rewrite them.
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_PATH = /[\\\s\u0000-\u001f\u007f]/u;

export function safeRedirectPath(target: string | null | undefined, fallback = "/"): string {
  // Parsed as a URL, as the browser will (ADR 0013): "/%09/evil", "//evil", "/\\evil" and
  // whitespace or control characters must never leave the portal's own origin.
  if (!target || !target.startsWith("/") || UNSAFE_IN_PATH.test(target)) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(target.split(/[?#]/u)[0] ?? "");
  } catch {
    return fallback;
  }
  if (UNSAFE_IN_PATH.test(decoded) || decoded.startsWith("//")) return fallback;
  const base = "http://portal.invalid";
  let url: URL;
  try {
    url = new URL(target, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  if (!user) {
    const url = new URL(request.url);
    const params = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` });
    throw redirect(`/logga-in?${params}`);
  }
  return user;
}

export function forbidden(message = "Du har inte behörighet att se den här sidan."): Response {
  return new Response(message, { status: 403, statusText: "Forbidden" });
}

/** A förening user acting for one of their own organisations, with the permission for the action. */
export function requireOrganisationMember(
  user: CurrentUser,
  organisationId: string,
  permission: OrganisationPermission,
): OrganisationMembership {
  const membership = user.organisations.find((o) => o.id === organisationId);
  if (!membership || !rolesGrant(membership.roles, permission)) throw forbidden();
  return membership;
}

/** A förvaltning user acting in their own district, with a role that grants the permission. */
export function requireDistrictRole(
  user: CurrentUser,
  districtCode: string,
  permission: DistrictPermission,
): DistrictMembership {
  const membership = user.districts.find((d) => d.code.toLowerCase() === districtCode.toLowerCase());
  if (!membership || !rolesGrant(membership.roles, permission)) throw forbidden();
  return membership;
}

export function requireOrganisationUser(user: CurrentUser): void {
  if (user.organisations.length === 0) throw forbidden("Den här delen av portalen är för föreningar.");
}

export function requireStaffUser(user: CurrentUser): void {
  if (user.districts.length === 0) throw forbidden("Den här delen av portalen är för förvaltningen.");
}

/** Where a user lands after login. */
export function homePathFor(user: CurrentUser): string {
  const [first] = user.districts;
  if (first && user.districts.length === 1) return `/forvaltning/${first.code.toLowerCase()}`;
  if (user.districts.length > 1) return "/forvaltning";
  return "/forening";
}
