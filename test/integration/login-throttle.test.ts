import { describe, expect, it } from "vitest";
import { createUser, DEFAULT_TEST_PASSWORD } from "../../seed/factories";
import { logIn, TOO_MANY_ATTEMPTS } from "../../app/accounts/login.server";
import {
  MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS,
  SLOW_DOWN_AFTER_FAILURES_PER_ADDRESS,
  THROTTLE_WINDOW_MINUTES,
} from "../../app/auth/throttle.server";
import { linkIn, setupPortal } from "../support/portal";
import { textOf } from "../support/visitor";

const portal = setupPortal();

/** Sign-ins as they arrive from two places: the attacker's address and the owner's. */
function attempt(email: string, clientAddress: string, password = "inte rätt lösenord") {
  return logIn({ email, password, clientAddress });
}

describe("login throttle", () => {
  it("pauses a guesser's address, while the owner with the right password gets in from another", async () => {
    const owner = await createUser(portal.db, { email: "agare@test.example" });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
      expect((await attempt(owner.email, "203.0.113.66")).ok).toBe(false);
    }
    const paused = await attempt(owner.email, "203.0.113.66", DEFAULT_TEST_PASSWORD);
    expect(paused).toEqual({ ok: false, formError: TOO_MANY_ATTEMPTS(THROTTLE_WINDOW_MINUTES) });

    expect((await attempt(owner.email, "198.51.100.7", DEFAULT_TEST_PASSWORD)).ok).toBe(true);
  });

  it("lets the owner in again from the paused address once they reset the password", async () => {
    const visitor = portal.visitor();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
      expect((await visitor.logIn("registrator@demo.example", "inte rätt lösenord")).status).toBe(400);
    }
    const paused = await visitor.logIn("registrator@demo.example");
    expect(textOf(await paused.text())).toContain("För många misslyckade inloggningsförsök");

    await visitor.post("/glomt-losenord", { email: "registrator@demo.example" });
    const link = linkIn((await portal.lastEmailTo("registrator@demo.example"))!.textBody, "/aterstall-losenord/");
    await visitor.post(link, { password: "ett helt nytt lösenord" });
    expect((await visitor.logIn("registrator@demo.example", "ett helt nytt lösenord")).status).toBe(302);
  });

  it("never refuses everyone behind one shared address: many failures there only slow it down", async () => {
    const colleague = await createUser(portal.db, { email: "kollega@test.example" });
    for (let i = 0; i < SLOW_DOWN_AFTER_FAILURES_PER_ADDRESS; i++) {
      await attempt(`gissning-${i}@test.example`, "192.0.2.10");
    }
    const started = Date.now();
    expect((await attempt(colleague.email, "192.0.2.10", DEFAULT_TEST_PASSWORD)).ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
  }, 30_000);
});
