/**
 * In demo mode the log tells that an account e-mail was stored in the development mailbox, and which
 * one, but never its subject, its link or the address: a reset or invitation link in a log would let
 * anyone who reads the log take over the account (logs hold no personal data, ADR 0018).
 */
import { describe, expect, it } from "vitest";
import { createUser } from "../../seed/factories";
import { setupPortal } from "../support/portal";
import { captureOutput } from "../support/output";

const portal = setupPortal();


describe("the development mailbox's log line", () => {
  it("names the stored message by its id, without subject, link or address", async () => {
    const owner = await createUser(portal.db, { email: "loggen@test.example" });
    const log = await captureOutput(async () => {
      expect((await portal.visitor().post("/glomt-losenord", { email: owner.email })).status).toBe(200);
    });
    const mail = await portal.lastEmailTo(owner.email);
    expect(mail?.template).toBe("password_reset");
    const line = log.split("\n").find((l) => l.includes("[e-post, demoläge]"));
    expect(line).toContain(`/dev/mail/${mail!.id}`);
    expect(log).not.toContain(mail!.subject);
    expect(log).not.toContain("/aterstall-losenord/");
    expect(log).not.toContain(owner.email);
  });
});
