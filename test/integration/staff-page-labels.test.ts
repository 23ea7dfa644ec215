/**
 * What two staff pages say: the utlåtande page after a chef returns the statement, and the title of a
 * message in the development mailbox whose subject already names the portal.
 */
import { afterEach, describe, expect, it } from "vitest";
import { setupPortal } from "../support/portal";
import { textOf } from "../support/visitor";
import { transitionCase } from "../../app/cases/transition.server";
import { enqueueEmail } from "../../app/mail/outbox.server";
import { createMailWorker } from "../../app/mail/worker.server";
import { passwordResetEmail } from "../../emails/accounts";
import { caseInAttestation, loggedIn } from "../support/forvaltning";

const portal = setupPortal();
const savedSmtp = process.env.SMTP_URL;
afterEach(() => {
  if (savedSmtp !== undefined) process.env.SMTP_URL = savedSmtp;
});

describe("the utlåtande page after a return", () => {
  it("says the version was sent back, not that it is in attestering", async () => {
    const { caseId, cast } = await caseInAttestation(portal);
    const returned = await transitionCase({ caseId, command: { type: "RETURN", comment: "Komplettera barnrättsperspektivet." }, actor: cast.headOfUnit });
    expect(returned.ok).toBe(true);
    const visitor = await loggedIn(portal, "handlaggare@demo.example");
    const response = await visitor.get(`/forvaltning/rk/arenden/${caseId}/utlatande`);
    expect(response.status).toBe(200);
    const text = textOf(await response.text());
    expect(text).toContain("Version 1, skickad tillbaka från attesteringen.");
    expect(text).not.toContain("skickad till attestering");
  });
});

describe("the development mailbox", () => {
  it("names the portal once in a message's page title", async () => {
    delete process.env.SMTP_URL;
    const id = await enqueueEmail(portal.db, { email: "nagon@test.example" }, await passwordResetEmail({ name: "Någon", url: "http://localhost/x" }));
    await createMailWorker({ reminderIntervalMs: 0, log: () => {} }).drain();
    const html = await (await portal.visitor().get(`/dev/mail/${id}`)).text();
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1];
    expect(title).toBe("Återställ ditt lösenord – IOP-portalen");
  });
});
