/** The reset form cannot be used to flood a mailbox: a few mails per account and per address (ADR 0017). */
import { describe, expect, it } from "vitest";
import { createUser } from "../../seed/factories";
import { admitResetRequest, MAX_RESET_MAILS_PER_ACCOUNT, MAX_RESET_REQUESTS_PER_ADDRESS } from "../../app/auth/reset-throttle.server";
import { setupPortal } from "../support/portal";
import { setupMailbox } from "../support/mailbox";
import { textOf } from "../support/visitor";

const portal = setupPortal();
const mailbox = setupMailbox(portal);
const { deliver } = mailbox;

async function askForReset(email: string) {
  const response = await portal.visitor().post("/glomt-losenord", { email });
  return { status: response.status, text: textOf(await response.text()) };
}

describe("password-reset requests", () => {
  it("send at most three mails to one account in a row, and the page never tells", async () => {
    const owner = await createUser(portal.db, { email: "oversvamning@test.example" });
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await askForReset(owner.email));
    await deliver();

    const mails = mailbox.smtp.received.filter((m) => m.to.includes(owner.email));
    expect(mails).toHaveLength(MAX_RESET_MAILS_PER_ACCOUNT);
    expect(answers.at(-1)).toEqual(answers[0]);
    expect(answers[0]!.status).toBe(200);
    expect(answers[0]!.text).toContain("Kolla din e-post");
  });

  it("stop sending from one address after ten requests, whichever accounts they name", async () => {
    mailbox.smtp.received.length = 0;
    // The first test spent three of this address's ten; seven more for other addresses use up the rest.
    for (let i = 0; i < MAX_RESET_REQUESTS_PER_ADDRESS - MAX_RESET_MAILS_PER_ACCOUNT; i++) {
      await askForReset(`nagon-${i}@test.example`);
    }
    const next = await createUser(portal.db, { email: "nasta@test.example" });
    const answer = await askForReset(next.email);
    await deliver();

    expect(answer.text).toContain("Kolla din e-post");
    expect(mailbox.smtp.received.filter((m) => m.to.includes(next.email))).toHaveLength(0);
  });

  it("registering with an address that has an account mails its owner at most three times in a row, and the page never tells", async () => {
    mailbox.smtp.received.length = 0;
    const owner = await createUser(portal.db, { email: "registrerad-igen@test.example" });
    const register = async () => {
      const response = await portal.visitor().post("/registrera", {
        organisationName: "Ny förening",
        organisationNumber: "802500-0004",
        organisationEmail: "info@ny.example",
        contactName: "Någon",
        email: owner.email,
        password: "ett långt och bra lösenord",
      });
      return { status: response.status, location: response.headers.get("location") };
    };
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await register());
    await deliver();

    expect(answers[0]).toEqual({ status: 302, location: "/registrera/klar" });
    expect(answers.at(-1)).toEqual(answers[0]);
    const mails = mailbox.smtp.received.filter((m) => m.to.includes(owner.email));
    expect(mails).toHaveLength(MAX_RESET_MAILS_PER_ACCOUNT);
    expect(mails[0]!.subject).toContain("Någon försökte registrera sig med din e-postadress");
    // Attempts count on their own: they do not use up the owner's reset links (asked from another address,
    // since this file's tests have spent 127.0.0.1's reset requests).
    expect(await admitResetRequest(portal.db, owner.email, "203.0.113.9")).toBe(true);
  });
});
