/**
 * A second registration of a förening in the portal is not refused silently: it becomes a request to
 * join (issue 15, ADR 0028), which the förening's verified firmatecknare, or a district it has applied
 * to, answers. Accepting makes the person a kontaktperson; every answer is mailed and in the history.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { organisationJoinRequests, organisationMemberships, users } from "../../db/schema";
import { linkIn, setupPortal } from "../support/portal";
import { signedIn } from "../support/signed-in";
import { textOf } from "../support/visitor";
import { browserRequest, signInAs } from "../support/oidc";
import { caseAfter, stepIndex } from "../support/forvaltning-agreement";

const portal = setupPortal();
const as = signedIn(portal, {
  firmatecknare: "firmatecknare@demo.example", // Filip, Fryshuset's verified firmatecknare
  contact: "forening@demo.example", // Fatima, kontaktperson only
  otherForening: "iogt@demo.example",
  caseworker: "handlaggare@demo.example",
  otherDistrict: "handlaggare.jarva@demo.example",
});
const FRYSHUSET_NUMBER = "899900-0303";
let fryshuset: string;
const requestsPage = () => `/forening/${fryshuset}/forfragningar`;

const registration = (email: string) => ({
  organisationName: "Fryshuset",
  organisationNumber: FRYSHUSET_NUMBER,
  organisationEmail: "info@fryshuset.example",
  contactName: "Sam Ny",
  email,
  password: "ett långt och bra lösenord",
});

async function rolesOf(email: string) {
  const rows = await portal.db
    .select({ role: organisationMemberships.role })
    .from(organisationMemberships)
    .innerJoin(users, eq(users.id, organisationMemberships.userId))
    .where(and(eq(organisationMemberships.organisationId, fryshuset), eq(users.email, email)));
  return rows.map((r) => r.role);
}

const pendingIdIn = (html: string) => /name="requestId" value="([^"]+)"/.exec(html)?.[1];

beforeAll(async () => {
  fryshuset = portal.organisationIds.get("Fryshuset")!;
  // Fryshuset has sent Rinkeby-Kista a case, so that district may answer too.
  await caseAfter(portal.db, { organisationIds: portal.organisationIds, districtIds: portal.districtIds }, stepIndex("take"));
});

describe("a second registration with a password", () => {
  it("becomes a request the verified firmatecknare answers, once the person's address is confirmed", async () => {
    const registered = await portal.visitor().post("/registrera", registration("sam.ny@test.example"));
    expect(registered.headers.get("location")).toBe("/registrera/klar?forfragan=1");
    const toFilip = (await portal.lastEmailTo("firmatecknare@demo.example"))!;
    expect(toFilip.subject).toBe("Sam Ny vill gå med i Fryshuset – IOP-portalen");
    expect(await rolesOf("sam.ny@test.example")).toEqual([]);

    // The kontaktperson sees the request but does not answer it.
    const contactView = await (await as.contact.get(requestsPage())).text();
    expect(textOf(contactView)).toContain("Sam Ny");
    expect(pendingIdIn(contactView)).toBeUndefined();
    const html = await (await as.firmatecknare.get(requestsPage())).text();
    expect(textOf(html)).toContain("sam.ny@test.example (e-postadressen är inte bekräftad än), utan e-legitimation");
    const requestId = pendingIdIn(html)!;
    expect((await as.contact.post(requestsPage(), { intent: "acceptJoin", requestId })).status).toBe(403);

    const early = await as.firmatecknare.post(requestsPage(), { intent: "acceptJoin", requestId });
    expect(early.status).toBe(409);
    expect(textOf(await early.text())).toContain("Sam Ny har inte bekräftat sin e-postadress än");

    const confirmation = (await portal.lastEmailTo("sam.ny@test.example"))!;
    expect(confirmation.textBody).toContain("Föreningen finns redan i IOP-portalen");
    expect((await portal.visitor().get(linkIn(confirmation.textBody, "/bekrafta-epost/"))).status).toBeLessThan(400);

    const accepted = await as.firmatecknare.post(requestsPage(), { intent: "acceptJoin", requestId });
    expect(accepted.status).toBe(302);
    expect(await rolesOf("sam.ny@test.example")).toEqual(["contact_person"]);
    expect((await portal.lastEmailTo("sam.ny@test.example"))!.subject).toBe("Du är med i Fryshuset – IOP-portalen");
    const sam = portal.visitor();
    expect((await sam.logIn("sam.ny@test.example", "ett långt och bra lösenord")).status).toBe(302);
    expect(textOf(await (await sam.get("/forening")).text())).toContain("Fryshuset");
    // Answered once.
    expect((await as.firmatecknare.post(requestsPage(), { intent: "refuseJoin", requestId })).status).toBe(409);
    expect(textOf(await (await as.contact.get(`/forening/${fryshuset}/verifiering`)).text())).toContain("Förfrågan om att gå med godkändes");
  });

  it("is not made for an address that already has an account, and the answer is the same", async () => {
    const before = await portal.db.select().from(organisationJoinRequests);
    const response = await portal.visitor().post("/registrera", registration("iogt@demo.example"));
    expect(response.headers.get("location")).toBe("/registrera/klar?forfragan=1");
    expect(await portal.db.select().from(organisationJoinRequests)).toHaveLength(before.length);
  });
});

describe("a second registration with e-legitimation", () => {
  it("signs the person in with a request the district can answer", async () => {
    const olle = portal.visitor();
    expect((await signInAs(olle, "eid", "olle")).headers.get("location")).toBe("/registrera/e-legitimation");
    const registered = await browserRequest(olle, "/registrera/e-legitimation", {
      method: "POST",
      form: { intent: "register", organisationName: "Fryshuset", organisationNumber: FRYSHUSET_NUMBER, organisationEmail: "info@fryshuset.example", email: "olle@test.example" },
    });
    expect(registered.headers.get("location")).toBe("/konto?meddelande=forfragan");
    expect(textOf(await (await browserRequest(olle, "/konto?meddelande=forfragan")).text())).toContain("Vi har frågat föreningens firmatecknare");
    expect(await rolesOf("olle@test.example")).toEqual([]);

    const staffPage = `/forvaltning/rk/foreningar/${fryshuset}`;
    expect((await as.otherDistrict.get(`/forvaltning/ja/foreningar/${fryshuset}`)).status).toBe(404);
    const html = await (await as.caseworker.get(staffPage)).text();
    expect(textOf(html)).toContain("olle@test.example (e-postadressen är inte bekräftad än), e-legitimation 19651230-XXXX");
    const refused = await as.caseworker.post(staffPage, { intent: "refuseJoin", requestId: pendingIdIn(html)! });
    expect(refused.status).toBe(302);
    expect((await portal.lastEmailTo("olle@test.example"))!.subject).toBe("Förfrågan om Fryshuset – IOP-portalen");
    expect(await rolesOf("olle@test.example")).toEqual([]);
  });
});

describe("the requests page", () => {
  it("is the förening's own", async () => {
    expect((await as.otherForening.get(requestsPage())).status).toBe(403);
    expect((await as.otherForening.post(requestsPage(), { intent: "acceptJoin", requestId: crypto.randomUUID() })).status).toBe(403);
    expect((await as.caseworker.get(requestsPage())).status).toBe(403);
  });
});
