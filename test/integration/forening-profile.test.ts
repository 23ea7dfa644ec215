/** The förening's own profile and its people: validation, uniqueness, invitations, roles, removal. */
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { organisationMemberships, organisations, users } from "../../db/schema";
import { createOrganisationUser } from "../../seed/factories";
import { linkIn, setupPortal } from "../support/portal";
import { textOf, type Visitor } from "../support/visitor";

const portal = setupPortal();
const visitors = {} as Record<"contact" | "iogt" | "staff" | "anonymous" | "signatoryOnly", Visitor>;
let fryshuset: string;

async function loggedIn(email: string) {
  const visitor = portal.visitor();
  expect((await visitor.logIn(email)).status).toBe(302);
  return visitor;
}

beforeAll(async () => {
  fryshuset = portal.organisationIds.get("Fryshuset")!;
  visitors.anonymous = portal.visitor();
  visitors.contact = await loggedIn("forening@demo.example");
  visitors.iogt = await loggedIn("iogt@demo.example");
  visitors.staff = await loggedIn("handlaggare@demo.example");
  await createOrganisationUser(portal.db, { organisationId: fryshuset, roles: ["signatory"], email: "bara.firma@test.example" });
  visitors.signatoryOnly = await loggedIn("bara.firma@test.example");
});

const PROFILE = {
  name: "Fryshuset",
  organisationNumber: "899900-0303",
  streetAddress: "Mårbackagatan 19",
  postalCode: "12343",
  city: "Farsta",
  email: "info@fryshuset.example",
  phone: "08-691 76 00",
};
const orgRow = async () => (await portal.db.select().from(organisations).where(eq(organisations.id, fryshuset)))[0]!;

describe("who may see and change the profile and the people", () => {
  it("refuses other föreningar, staff and visitors who are not logged in; a firmatecknare may read but not change", async () => {
    for (const path of [`/forening/${fryshuset}`, `/forening/${fryshuset}/personer`]) {
      expect((await visitors.iogt.get(path)).status).toBe(403);
      expect((await visitors.staff.get(path)).status).toBe(403);
      expect((await visitors.anonymous.get(path)).headers.get("location")).toMatch(/^\/logga-in\?redirectTo=/);
      expect((await visitors.signatoryOnly.get(path)).status).toBe(200);
      for (const who of [visitors.iogt, visitors.staff, visitors.signatoryOnly]) {
        expect((await who.post(path, { ...PROFILE, name: "Kapad", roles: "contact_person", email: "x@y.example" })).status).toBe(403);
      }
      expect((await visitors.anonymous.post(path, PROFILE)).status).toBe(302);
    }
    expect((await orgRow()).name).toBe("Fryshuset");
    expect(await portal.db.select().from(users).where(eq(users.email, "x@y.example"))).toHaveLength(0);
  });
});

describe("the profile", () => {
  it("refuses the seed's eleven-digit number at the field and keeps what was typed", async () => {
    const response = await visitors.contact.post(`/forening/${fryshuset}`, {
      ...PROFILE,
      organisationNumber: "8002012-1581",
      city: "Stockholm City",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(textOf(html)).toContain("Organisationsnumret ska ha tio siffror");
    expect(html).toContain('value="8002012-1581"');
    expect(html).toContain('value="Stockholm City"');
    expect((await orgRow()).organisationNumber).toBe("899900-0303");
  });

  it("refuses a number another förening has, with a clear message at the field", async () => {
    const response = await visitors.contact.post(`/forening/${fryshuset}`, { ...PROFILE, organisationNumber: "802012-1581" });
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain("En annan förening i portalen har redan det organisationsnumret");
    expect((await orgRow()).organisationNumber).toBe("899900-0303");
  });

  it("saves address, e-mail and phone", async () => {
    const bad = await visitors.contact.post(`/forening/${fryshuset}`, { ...PROFILE, postalCode: "1234", email: "inte" });
    expect(bad.status).toBe(400);
    const text = textOf(await bad.text());
    expect(text).toContain("Skriv postnumret med fem siffror");
    expect(text).toContain("Skriv en e-postadress i formatet namn@exempel.se.");
    const saved = await visitors.contact.post(`/forening/${fryshuset}`, PROFILE);
    expect(saved.headers.get("location")).toBe(`/forening/${fryshuset}?sparad=1`);
    expect(await orgRow()).toMatchObject({ streetAddress: "Mårbackagatan 19", postalCode: "123 43", city: "Farsta", phone: "08-691 76 00" });
  });
});

describe("people", () => {
  it("saves a bankgiro number in its usual form and explains a wrong one at the field", async () => {
    const wrong = await visitors.contact.post(`/forening/${fryshuset}`, {
      ...PROFILE,
      paymentAccountType: "bankgiro",
      paymentAccountNumber: "5050-1056",
    });
    expect(wrong.status).toBe(400);
    const html = await wrong.text();
    expect(textOf(html)).toContain("Numret stämmer inte. Kontrollera att du har skrivit rätt bankgironummer.");
    expect(html).toContain('value="5050-1056"');
    const missingType = await visitors.contact.post(`/forening/${fryshuset}`, { ...PROFILE, paymentAccountNumber: "50501055" });
    expect(textOf(await missingType.text())).toContain("Välj om numret är ett bankgiro eller ett plusgiro.");

    const saved = await visitors.contact.post(`/forening/${fryshuset}`, {
      ...PROFILE,
      paymentAccountType: "bankgiro",
      paymentAccountNumber: "50501055",
    });
    expect(saved.status).toBe(302);
    expect(await orgRow()).toMatchObject({ paymentAccountType: "bankgiro", paymentAccountNumber: "5050-1055" });
  });

  it("invites a new person, who sets a password and lands on /forening as firmatecknare", async () => {
    const path = `/forening/${fryshuset}/personer`;
    const noRole = await visitors.contact.post(path, { intent: "invite", name: "Nils Ny", email: "nils@forening.example" });
    expect(noRole.status).toBe(400);
    expect(textOf(await noRole.text())).toContain("Välj minst en roll.");

    const invited = await visitors.contact.post(path, {
      intent: "invite",
      name: "Nils Ny",
      email: "Nils@Forening.example",
      roles: ["contact_person"],
    });
    expect(invited.headers.get("location")).toContain("inbjuden=");
    // Until Nils has joined he is listed by the address he was invited at, as anyone invited is.
    const list = textOf(await (await visitors.contact.get(path)).text());
    expect(list).toMatch(/nils@forening\.example\s*Kontaktperson\s*Inbjuden/u);
    const email = await portal.lastEmailTo("nils@forening.example");
    expect(email?.subject).toBe("Inbjudan till IOP-portalen – Fryshuset");
    expect(email?.textBody).toContain("Fatima Förening har bjudit in dig");
    expect(email?.textBody).toContain("som kontaktperson.");

    const link = linkIn(email!.textBody, "/forening-inbjudan/");
    const nils = portal.visitor();
    expect(textOf(await (await nils.get(link)).text())).toContain("Du har bjudits in av din förening");
    const accepted = await nils.post(link, { password: "nils eget lösenord" });
    expect(accepted.headers.get("location")).toBe("/forening");
    const home = textOf(await (await nils.get("/forening")).text());
    expect(home).toContain("Välkommen, Nils Ny");
    expect(home).toContain("Kontaktperson");
    expect(textOf(await (await portal.visitor().get(link)).text())).toContain("Länken har redan använts");
  });

  it("an existing account is invited, not added: it gets a link to answer and sees nothing of the förening until it says yes", async () => {
    const before = await portal.lastEmailTo("iogt@demo.example");
    const invited = await visitors.contact.post(`/forening/${fryshuset}/personer`, {
      intent: "invite",
      name: "Ingrid",
      email: "iogt@demo.example",
      roles: "contact_person",
    });
    expect(invited.headers.get("location")).toContain("inbjuden=");
    const mail = await portal.lastEmailTo("iogt@demo.example");
    expect(mail?.id).not.toBe(before?.id);
    expect(mail?.subject).toBe("Inbjudan att gå med i Fryshuset – IOP-portalen");
    expect((await visitors.iogt.get(`/forening/${fryshuset}`)).status).toBe(403);
    expect(textOf(await (await visitors.contact.get(`/forening/${fryshuset}/personer`)).text())).toMatch(/iogt@demo\.example\s*Kontaktperson\s*Inbjuden/u);

    expect((await visitors.iogt.post(linkIn(mail!.textBody, "/forening-medlemskap/"), { answer: "accept" })).status).toBe(302);
    expect(textOf(await (await visitors.iogt.get(`/forening/${fryshuset}`)).text())).toContain("Fryshuset");
  });

  it("answers a post with no intent or an unknown one with a plain 400 and invites nobody", async () => {
    const { organisationId } = await createOrganisationUser(portal.db, { roles: ["contact_person"], email: "utan-avsikt@test.example" });
    const contact = await loggedIn("utan-avsikt@test.example");
    const path = `/forening/${organisationId}/personer`;
    const person = { name: "Ingen Avsikt", email: "ingen.avsikt@test.example", roles: "signatory" };
    for (const body of <Record<string, string>[]>[person, { ...person, intent: "promote" }]) {
      const response = await contact.post(path, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(textOf(await response.text())).toContain("Formuläret kunde inte läsas");
    }
    expect(await portal.db.select({ id: users.id }).from(users).where(eq(users.email, person.email))).toEqual([]);
    expect(await portal.lastEmailTo(person.email)).toBeFalsy();
  });

  it("changes roles and removes people, but never the last kontaktperson", async () => {
    const { user, organisationId } = await createOrganisationUser(portal.db, { roles: ["contact_person"], email: "ensam@test.example" });
    const alone = await loggedIn("ensam@test.example");
    const path = `/forening/${organisationId}/personer`;
    // Firmatecknare come from the protokoll the district confirms, not from this page (ADR 0028).
    const promote = await alone.post(path, { intent: "roles", userId: user.id, roles: "signatory" });
    expect(promote.status).toBe(400);
    expect(textOf(await promote.text())).toContain("Firmatecknare bestäms av föreningens protokoll");
    const remove = await alone.post(path, { intent: "remove", userId: user.id });
    expect(remove.status).toBe(400);
    expect(textOf(await remove.text())).toContain("Föreningen måste ha minst en kontaktperson");

    const other = await createOrganisationUser(portal.db, { organisationId, roles: ["signatory"], email: "andra@test.example" });
    expect((await alone.post(path, { intent: "roles", userId: other.user.id, roles: ["contact_person", "signatory"] })).status).toBe(302);
    const roles = await portal.db
      .select({ role: organisationMemberships.role })
      .from(organisationMemberships)
      .where(and(eq(organisationMemberships.organisationId, organisationId), eq(organisationMemberships.userId, other.user.id)));
    expect(roles.map((r) => r.role).sort()).toEqual(["contact_person", "signatory"]);
    // Now there is another kontaktperson, so the first one may leave.
    expect((await alone.post(path, { intent: "remove", userId: user.id })).status).toBe(302);
    expect((await alone.get(path)).status).toBe(403);
  });
});
