/**
 * Sessions. The only module that knows lucia (deprecated by its authors in 2025, see
 * docs/decisions/0003-sessions-behind-one-module.md): swapping it is a change to this file alone.
 */
import { Lucia, TimeSpan } from "lucia";
import { DrizzlePostgreSQLAdapter } from "@lucia-auth/adapter-drizzle";
import { sessions, users } from "../../db/schema";
import { getDb, type Database } from "../../db/client";
import { isSignInMethod, type SignInMethod } from "./sign-in-method";

export const SESSION_COOKIE_NAME = "iop_session";

function idleMinutes() {
  return Number(process.env.SESSION_IDLE_MINUTES ?? 120);
}
function absoluteHours() {
  return Number(process.env.SESSION_MAX_HOURS ?? 12);
}

function createLucia(db: Database) {
  return new Lucia(new DrizzlePostgreSQLAdapter(db as never, sessions, users), {
    // lucia extends a session when less than half of this remains, so an idle session ends
    // between half and all of this time after the last request.
    sessionExpiresIn: new TimeSpan(idleMinutes(), "m"),
    sessionCookie: {
      name: SESSION_COOKIE_NAME,
      expires: false,
      attributes: {
        secure: process.env.NODE_ENV === "production" && process.env.COOKIE_SECURE !== "false",
        sameSite: "lax",
      },
    },
    getSessionAttributes: (attributes) => ({
      createdAt: attributes.createdAt,
      signInMethod: attributes.signInMethod,
    }),
    getUserAttributes: () => ({}),
  });
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    // The adapter writes these as the drizzle table's fields.
    DatabaseSessionAttributes: { createdAt: Date; signInMethod: string };
    DatabaseUserAttributes: Record<string, never>;
  }
}

let cached: { db: Database; lucia: ReturnType<typeof createLucia> } | undefined;
async function lucia() {
  const db = await getDb();
  if (cached?.db !== db) cached = { db, lucia: createLucia(db) };
  return cached.lucia;
}

/**
 * A browser-session cookie (no Max-Age): expiry is enforced on the server, so the cookie never needs
 * re-issuing when lucia extends a session. lucia cannot leave Max-Age out, hence the own serialiser.
 */
function sessionCookieHeader(l: ReturnType<typeof createLucia>, sessionId: string): string {
  const cookie = l.createSessionCookie(sessionId);
  const parts = [`${cookie.name}=${cookie.value}`, "Path=/", "HttpOnly", "SameSite=Lax"];
  if (cookie.attributes.secure) parts.push("Secure");
  return parts.join("; ");
}

/**
 * Starts a new session (a new id every login) and returns the Set-Cookie value. `method` is how the
 * person proved who they are; it stays with the session and nothing can upgrade it later.
 */
export async function startSession(userId: string, method: SignInMethod = "password"): Promise<string> {
  const l = await lucia();
  const session = await l.createSession(userId, { createdAt: new Date(), signInMethod: method });
  return sessionCookieHeader(l, session.id);
}

export interface SessionInfo {
  userId: string;
  signInMethod: SignInMethod;
}

/** The signed-in user's id, or null for no, expired or ended sessions. */
export async function readSessionUserId(request: Request): Promise<string | null> {
  return (await readSession(request))?.userId ?? null;
}

/** The signed-in user's id and how they signed in, or null for no, expired or ended sessions. */
export async function readSession(request: Request): Promise<SessionInfo | null> {
  const l = await lucia();
  const sessionId = l.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return null;
  const { session } = await l.validateSession(sessionId);
  if (!session) return null;
  const ageHours = (Date.now() - session.createdAt.getTime()) / 3_600_000;
  if (ageHours > absoluteHours()) {
    await l.invalidateSession(session.id);
    return null;
  }
  return { userId: session.userId, signInMethod: isSignInMethod(session.signInMethod) ? session.signInMethod : "password" };
}

/** Ends the current session and returns the Set-Cookie value that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  const l = await lucia();
  const sessionId = l.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (sessionId) await l.invalidateSession(sessionId);
  return l.createBlankSessionCookie().serialize();
}

export async function endAllSessionsOf(userId: string): Promise<void> {
  const l = await lucia();
  await l.invalidateUserSessions(userId);
}
