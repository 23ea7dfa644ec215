/**
 * Nobody is made a member of a förening without saying yes (ADR 0024). A kontaktperson who invites
 * someone who already has an account gets the same answer as for a new address; the person sees
 * nothing of the förening and gets none of its case mail until they open the mailed link, signed in,
 * and choose "Gå med i föreningen". The link works only for the account it was sent to.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { setupPortal } from "../support/portal";
import { setupMailbox } from "../support/mailbox";
import { textOf, type Visitor } from "../support/visitor";
import { createCast, createDraftCase, driveCase, LIFECYCLE, type Cast } from "../../seed/case-factory";
import { CASE_TEXTS } from "../../emails/case-notifications";
import { RECEIPT_TEXTS } from "../../emails/receipts";

const portal = setupPortal();
const mailbox = setupMailbox(portal);
const { deliver } = mailbox;

async function loggedIn(email: string) {
  const visitor = portal.visitor();
  expect((await visitor.logIn(email)).status).toBe(302);
  return visitor;
}

const EXISTING = "iogt@demo.example"; // kontaktperson of IOGT-NTO Spånga, not of Fryshuset
const TO_SIGNING = LIFECYCLE.slice(0, LIFECYCLE.findIndex((s) => s.name === "send for signing") + 1);
const subjectsTo = (email: string) => mailbox.smtp.received.filter((m) => m.to.includes(email)).map((m) => m.subject ?? "");

describe("inviting someone who already has an account to a förening", () => {
  let fryshuset: string;
  let contact: Visitor;
  let invitee: Visitor;
  let parties: { organisationId: string; districtId: string };
  let cast: Cast;

  beforeAll(async () => {
    fryshuset = portal.organisationIds.get("Fryshuset")!;
    parties = { organisationId: fryshuset, districtId: portal.districtIds.get("RK")! };
    cast = await createCast(portal.db, parties);
    contact = await loggedIn("forening@demo.example");
    invitee = await loggedIn(EXISTING);
  });

  const invite = (email: string) =>
    contact.post(`/forening/${fryshuset}/personer`, { intent: "invite", name: "Inbjuden person", email, roles: ["contact_person"] });

  it("answers exactly as for a new address, so the form does not tell who has an account", async () => {
    const fresh = await invite("helt-ny@test.example");
    const existing = await invite(EXISTING);
    expect(existing.status).toBe(302);
    expect(existing.status).toBe(fresh.status);
    const freshLocation = fresh.headers.get("location")!;
    const existingLocation = existing.headers.get("location")!;
    expect(existingLocation).toBe(freshLocation.replace(encodeURIComponent("helt-ny@test.example"), encodeURIComponent(EXISTING)));
    const notice = async (location: string) => textOf(await (await contact.get(location)).text());
    expect(await notice(existingLocation)).toContain(`En inbjudan har skickats till ${EXISTING}.`);
    expect(await notice(freshLocation)).toContain("En inbjudan har skickats till helt-ny@test.example.");
    expect(await notice(existingLocation)).not.toContain("har redan ett konto");
  });

  it("before saying yes the person cannot see the förening's cases and gets none of its mail; the people list says Inbjuden", async () => {
    const caseId = await createDraftCase(parties, cast);
    expect((await invitee.get(`/forening/arenden/${caseId}`)).status).toBe(404);
    expect((await invitee.get(`/forening/${fryshuset}`)).status).toBe(403);
    expect(textOf(await (await invitee.get("/forening")).text())).not.toContain("Fryshuset");

    mailbox.smtp.received.length = 0;
    await driveCase(caseId, cast, TO_SIGNING);
    await deliver();
    const toInvitee = subjectsTo(EXISTING);
    expect(toInvitee.some((s) => s.includes(RECEIPT_TEXTS.application.subject))).toBe(false);
    expect(toInvitee.some((s) => s.includes(CASE_TEXTS.agreement_ready_to_sign.subject))).toBe(false);
    // The förening's own people do get it: the mail went out, just not to the person who has not joined.
    expect(mailbox.smtp.received.some((m) => m.subject?.includes(CASE_TEXTS.agreement_ready_to_sign.subject))).toBe(true);

    // Listed by the address, like anyone invited: not by the account's name, which would tell that it exists.
    const people = textOf(await (await contact.get(`/forening/${fryshuset}/personer`)).text());
    expect(people).toMatch(/iogt@demo\.example\s*Kontaktperson\s*Inbjuden/u);
    expect(people).toMatch(/helt-ny@test\.example\s*Kontaktperson\s*Inbjuden/u);
    expect(people).not.toContain("Ingrid Spånga");
    expect(textOf(await (await contact.get(`/forening/${fryshuset}`)).text())).not.toContain("Ingrid Spånga");
  });

  it("the mailed link works only for the account it was sent to; signed in, that person joins with one button", async () => {
    await invite(EXISTING); // a fresh invitation, mailed through SMTP
    mailbox.smtp.received.length = 0;
    await deliver();
    const mail = mailbox.smtp.received.find((m) => m.to.includes(EXISTING));
    expect(mail?.subject).toBe("Inbjudan att gå med i Fryshuset – IOP-portalen");
    const link = /https?:\/\/\S+(\/forening-medlemskap\/\S+)/u.exec(mail!.text)![1]!;

    // Not signed in: to the login page, back here afterwards.
    expect((await portal.visitor().get(link)).headers.get("location")).toBe(`/logga-in?redirectTo=${encodeURIComponent(link)}`);
    // Someone else signed in, even of the same förening: the page does not exist for them, and they cannot answer.
    const other = await loggedIn("firmatecknare@demo.example");
    expect((await other.get(link)).status).toBe(404);
    expect((await other.post(link, { answer: "accept" })).status).toBe(404);
    const caseId = await createDraftCase(parties, cast);
    expect((await invitee.get(`/forening/arenden/${caseId}`)).status).toBe(404);

    const page = await invitee.get(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(textOf(html)).toContain("Inbjudan till Fryshuset");
    expect(textOf(html)).toContain("i IOP-portalen som kontaktperson .");
    // A plain form: works without JavaScript.
    expect(html).toMatch(/<form method="post"/u);
    expect(html).toContain('name="answer" value="accept"');
    expect(textOf(html)).toContain("Gå med i föreningen");
    expect(textOf(html)).toContain("Avböj");

    const joined = await invitee.post(link, { answer: "accept" });
    expect(joined.headers.get("location")).toBe("/forening");
    expect((await invitee.get(`/forening/arenden/${caseId}`)).status).toBe(200);
    expect(textOf(await (await invitee.get("/forening")).text())).toContain("Fryshuset");
    // Once only.
    expect((await invitee.post(link, { answer: "decline" })).status).toBe(404);
    expect(textOf(await (await invitee.get(link)).text())).toContain("Inbjudan gäller inte längre");

    mailbox.smtp.received.length = 0;
    await driveCase(caseId, cast, TO_SIGNING);
    await deliver();
    const toInvitee = subjectsTo(EXISTING);
    expect(toInvitee.some((s) => s.includes(RECEIPT_TEXTS.application.subject))).toBe(true);
    expect(toInvitee.some((s) => s.includes(CASE_TEXTS.agreement_ready_to_sign.subject))).toBe(true);
    const people = textOf(await (await contact.get(`/forening/${fryshuset}/personer`)).text());
    expect(people).toMatch(/iogt@demo\.example\s*Kontaktperson\s*Aktiv/u);
  });

  it("declining leaves the person outside the förening", async () => {
    const iogt = portal.organisationIds.get("IOGT-NTO Spånga")!;
    const iogtContact = await loggedIn(EXISTING);
    const person = await loggedIn("firmatecknare@demo.example");
    await iogtContact.post(`/forening/${iogt}/personer`, {
      intent: "invite",
      name: "Firmatecknare",
      email: "firmatecknare@demo.example",
      roles: "contact_person",
    });
    mailbox.smtp.received.length = 0;
    await deliver();
    const mail = mailbox.smtp.received.find((m) => m.to.includes("firmatecknare@demo.example"))!;
    const link = /https?:\/\/\S+(\/forening-medlemskap\/\S+)/u.exec(mail.text)![1]!;
    const declined = await person.post(link, { answer: "decline" });
    expect(declined.status).toBe(200);
    expect(textOf(await declined.text())).toContain("Du har avböjt inbjudan till IOGT-NTO Spånga");
    expect((await person.get(`/forening/${iogt}`)).status).toBe(403);
    expect(textOf(await (await iogtContact.get(`/forening/${iogt}/personer`)).text())).not.toContain("firmatecknare@demo.example");
  });
});
