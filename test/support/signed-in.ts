/**
 * The signed-in visitors a test file works with: one logged-in Visitor per name, plus `anonymous`,
 * ready in a beforeAll after setupPortal's. Each login must land (302), so a broken demo account
 * stops the file at once rather than showing up as a forbidden page further down.
 *
 *   const portal = setupPortal();
 *   const as = signedIn(portal, { caseworker: "handlaggare@demo.example", association: "forening@demo.example" });
 *   it("…", async () => { await as.caseworker.get("/forvaltning/rk"); });
 */
import { beforeAll, expect } from "vitest";
import type { Portal } from "./portal";
import type { Visitor } from "./visitor";

export type SignedIn<Who extends string> = Record<Who | "anonymous", Visitor>;

export function signedIn<const Logins extends Record<string, string>>(
  portal: Portal,
  logins: Logins,
): SignedIn<Extract<keyof Logins, string>> {
  const visitors = {} as SignedIn<Extract<keyof Logins, string>>;
  beforeAll(async () => {
    visitors.anonymous = portal.visitor();
    for (const [who, email] of Object.entries(logins)) {
      const visitor = portal.visitor();
      const response = await visitor.logIn(email);
      expect(response.status, `${who} (${email}) logs in`).toBe(302);
      visitors[who as Extract<keyof Logins, string>] = visitor;
    }
  });
  return visitors;
}
