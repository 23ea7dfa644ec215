/**
 * Case e-mail reaches only förening members who have accepted their invitation (set a password);
 * someone invited who never answered has not agreed to take part and must not get "klar att skriva under".
 */
import { describe, expect, it } from "vitest";
import { setupPortal } from "../support/portal";
import { setupMailbox } from "../support/mailbox";
import { createDistrict, createOrganisation } from "../../seed/factories";
import { createCast, createDraftCase, driveCase, LIFECYCLE } from "../../seed/case-factory";
import { CASE_TEXTS } from "../../emails/case-notifications";
import { RECEIPT_TEXTS } from "../../emails/receipts";
import { createMailWorker } from "../../app/mail/worker.server";
import { acceptOrganisationInvitation, inviteOrganisationMember } from "../../app/organisations/members.server";

const portal = setupPortal();
const mailbox = setupMailbox(portal);

describe("invited förening members", () => {
  it("get no case e-mail until they accept the invitation; once accepted they do", async () => {
    const district = await createDistrict(portal.db);
    const organisation = await createOrganisation(portal.db);
    const parties = { organisationId: organisation.id, districtId: district.id };
    const cast = await createCast(portal.db, parties);
    const invite = (name: string, email: string) =>
      inviteOrganisationMember({ organisationId: organisation.id, invitedBy: "Kontaktperson", name, email, roles: ["contact_person", "signatory"] });
    await invite("Aldrig svarat", "aldrig-svarat@test.example");
    await invite("Har svarat", "har-svarat@test.example");

    const mailer = createMailWorker({ mode: "smtp", smtpUrl: mailbox.smtp.url, reminderIntervalMs: 0, log: () => {} });
    await mailer.drain();
    const invitation = mailbox.smtp.received.find((m) => m.to.includes("har-svarat@test.example"))!;
    const token = /\/forening-inbjudan\/(\S+)/.exec(invitation.text)![1]!;
    expect(await acceptOrganisationInvitation(token, "Ett-langt-losenord-2026")).not.toBeNull();
    mailbox.smtp.received.length = 0;

    const caseId = await createDraftCase(parties, cast);
    const steps = LIFECYCLE.slice(0, LIFECYCLE.findIndex((s) => s.name === "send for signing") + 1);
    await driveCase(caseId, cast, steps);
    await mailer.drain();
    await mailer.stop();

    const subjectsTo = (email: string) => mailbox.smtp.received.filter((m) => m.to.includes(email)).map((m) => m.subject!);
    expect(subjectsTo("aldrig-svarat@test.example")).toEqual([]);
    const accepted = subjectsTo("har-svarat@test.example");
    expect(accepted.some((s) => s.includes(RECEIPT_TEXTS.application.subject))).toBe(true);
    expect(accepted.some((s) => s.includes(CASE_TEXTS.agreement_ready_to_sign.subject))).toBe(true);
  });
});
