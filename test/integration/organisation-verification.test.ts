/**
 * Who may act for a förening, proven (issue 15, ADR 0028): an unverified förening can apply but no
 * agreement goes out for signing; it sends its protokollsutdrag naming its firmatecknare; a
 * handläggare of the district checks it and refuses (with a message) or confirms; the confirmed
 * people, matched by their e-ID identity, are the only firmatecknare. Nobody in the förening can
 * make someone firmatecknare on the people page.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import {
  cases,
  namedSignatories,
  organisationEvents,
  organisationMemberships,
  organisations,
  userIdentities,
  users,
} from "../../db/schema";
import { personalNumberHash, maskedPersonalNumber } from "../../app/auth/personnummer.server";
import { DEMO_EID_PERSONS } from "../../seed/demo-persons";
import { createUser } from "../../seed/factories";
import { setupPortal } from "../support/portal";
import { signedIn } from "../support/signed-in";
import { fieldErrorOf, textOf, type Visitor } from "../support/visitor";
import { atProvider, browserRequest, choosePerson, finishSignIn } from "../support/oidc";
import { AGREEMENT, caseAfter, stepIndex } from "../support/forvaltning-agreement";

const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-verification-"));
process.env.UPLOAD_DIR = uploadDir;
afterAll(() => fs.rmSync(uploadDir, { recursive: true, force: true }));

const portal = setupPortal();
const as = signedIn(portal, {
  contact: "forening@demo.example", // Fatima, kontaktperson in Fryshuset
  otherForening: "iogt@demo.example",
  caseworker: "handlaggare@demo.example",
  coordinator: "samordnare@demo.example",
  otherDistrict: "handlaggare.jarva@demo.example",
});

const filip = DEMO_EID_PERSONS.find((p) => p.key === "filip")!;
const nora = DEMO_EID_PERSONS.find((p) => p.key === "nora")!;
const PROTOKOLL = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

let fryshuset: string;
let caseId: string;
let formerSignatoryId: string;
const staffPage = () => `/forvaltning/rk/foreningar/${fryshuset}`;
const foreningPage = () => `/forening/${fryshuset}/verifiering`;

async function sendVerification(visitor: Visitor, fields: Record<string, string>, file: Buffer | null = PROTOKOLL) {
  const form = new FormData();
  form.append("intent", "request");
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append("document", new Blob([new Uint8Array(file)]), "protokollsutdrag.pdf");
  return fetch(`${visitor.origin}${foreningPage()}`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: visitor.cookie, origin: visitor.origin },
    body: form,
  });
}

async function sendForSigning() {
  const [row] = await portal.db.select().from(cases).where(eq(cases.id, caseId));
  return as.caseworker.post(`/forvaltning/rk/arenden/${caseId}/overenskommelse`, {
    intent: "send",
    expectedRevision: String(row!.revision),
    agreementRevision: "1",
  });
}

async function stateOf() {
  const [row] = await portal.db.select({ state: cases.state }).from(cases).where(eq(cases.id, caseId));
  return row!.state;
}

async function rolesIn(organisationId: string, email: string) {
  const rows = await portal.db
    .select({ role: organisationMemberships.role })
    .from(organisationMemberships)
    .innerJoin(users, eq(users.id, organisationMemberships.userId))
    .where(and(eq(organisationMemberships.organisationId, organisationId), eq(users.email, email)));
  return rows.map((r) => r.role).sort();
}

beforeAll(async () => {
  fryshuset = portal.organisationIds.get("Fryshuset")!;
  // Fryshuset as a newly registered förening would be: nobody has checked who signs for it.
  await portal.db.update(organisations).set({ verifiedAt: null }).where(eq(organisations.id, fryshuset));
  const world = await caseAfter(
    portal.db,
    { organisationIds: portal.organisationIds, districtIds: portal.districtIds },
    stepIndex("send for signing"),
    { agreement: AGREEMENT },
  );
  caseId = world.caseId;
  formerSignatoryId = world.cast.signatory.kind === "user" ? world.cast.signatory.id : "";
  // Filip has signed in with e-legitimation once: his account carries that identity.
  const [filipUser] = await portal.db.select({ id: users.id }).from(users).where(eq(users.email, filip.email!));
  await portal.db
    .insert(userIdentities)
    .values({
      userId: filipUser!.id,
      personalNumberHash: personalNumberHash(filip.personalNumber),
      personalNumberMasked: maskedPersonalNumber(filip.personalNumber),
      givenName: filip.givenName,
      familyName: filip.familyName,
    })
    .onConflictDoNothing();
});

describe("an unverified förening", () => {
  it("is marked on the case and in the queue, and its agreement cannot be sent for signing", async () => {
    const casePage = textOf(await (await as.caseworker.get(`/forvaltning/rk/arenden/${caseId}`)).text());
    expect(casePage).toContain("Föreningen är inte verifierad");
    const queue = textOf(await (await as.caseworker.get("/forvaltning/rk/arenden?ko=alla")).text());
    expect(queue).toContain("Föreningen är inte verifierad");

    const refused = await sendForSigning();
    expect(refused.status).toBe(400);
    expect(textOf(await refused.text())).toContain("Föreningen är inte verifierad. Överenskommelsen kan skickas för underskrift när");
    expect(await stateOf()).toBe("agreement.drafting");
  });
});

describe("the förening sends its protokollsutdrag", () => {
  it("needs the document and a valid personnummer per firmatecknare, and keeps what was typed", async () => {
    const noFile = await sendVerification(as.contact, { "signatories.0.fullName": "Filip Firmatecknare", "signatories.0.personalNumber": filip.personalNumber }, null);
    expect(noFile.status).toBe(400);
    const noFileHtml = await noFile.text();
    expect(fieldErrorOf(noFileHtml, "document")).toBe("Välj en fil att ladda upp.");
    expect(noFileHtml).toContain('value="Filip Firmatecknare"');

    const badNumber = await sendVerification(as.contact, { "signatories.0.fullName": "Filip Firmatecknare", "signatories.0.personalNumber": "19920303-4345" });
    expect(badNumber.status).toBe(400);
    expect(fieldErrorOf(await badNumber.text(), "signatories.0.personalNumber")).toContain("Personnumret stämmer inte");

    const nobody = await sendVerification(as.contact, {});
    expect(fieldErrorOf(await nobody.text(), "signatories.0.fullName")).toContain("Skriv minst en firmatecknare");
  });

  it("is received: a receipt to the kontaktperson, the personnummer nowhere in clear", async () => {
    const sent = await sendVerification(as.contact, {
      "signatories.0.fullName": "Filip Firmatecknare",
      "signatories.0.personalNumber": "19920303-4344",
      "signatories.1.fullName": "Nora Nyström",
      "signatories.1.personalNumber": nora.personalNumber,
    });
    expect(sent.status).toBe(302);
    expect((await portal.lastEmailTo("forening@demo.example"))!.subject).toBe("Verifiering av Fryshuset – IOP-portalen");
    const page = textOf(await (await as.contact.get(foreningPage())).text());
    expect(page).toContain("Protokollsutdraget väntar på förvaltningens granskning");
    expect(page).toContain("19920303-XXXX");
    const stored = await portal.db.execute(sql`select t::text as row from named_signatories t union all select t::text from organisation_events t`);
    const rows = ((stored as unknown as { rows?: { row: string }[] }).rows ?? (stored as unknown as { row: string }[])).map((r) => r.row).join("\n");
    expect(rows).not.toContain("199203034344");
    expect(rows).not.toContain(nora.personalNumber);
    expect(rows).not.toContain("4344");
  });
});

describe("who reaches the verification", () => {
  it("is the förening's own people and staff of a district it has applied to", async () => {
    expect((await as.otherForening.get(foreningPage())).status).toBe(403);
    expect((await as.otherDistrict.get(`/forvaltning/ja/foreningar/${fryshuset}`)).status).toBe(404);
    // In Rinkeby-Kista's addresses the district's own layout turns Järva's staff away first.
    expect((await as.otherDistrict.get(staffPage())).status).toBe(403);
    expect((await as.contact.get(staffPage())).status).toBe(403);
    expect((await as.coordinator.get(staffPage())).status).toBe(200);
    const html = await (await as.caseworker.get(staffPage())).text();
    const link = /href="(\/forvaltning\/rk\/foreningar\/[^"]+\/protokoll\/[^"]+)"/.exec(html)![1]!;
    const download = await as.caseworker.get(link);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(PROTOKOLL)).toBe(true);
    expect((await as.otherDistrict.get(link)).status).toBe(404);
    expect((await as.coordinator.get(link)).status).toBe(403);
    // The samordnare reads it but does not decide.
    const verificationId = link.split("/").at(-1)!;
    expect((await as.coordinator.post(staffPage(), { intent: "confirm", verificationId })).status).toBe(403);
  });
});

describe("the district answers", () => {
  const pendingId = async () => {
    const html = await (await as.caseworker.get(staffPage())).text();
    return /name="verificationId" value="([^"]+)"/.exec(html)![1]!;
  };

  it("refuses only with a message, which the förening reads and is mailed", async () => {
    const verificationId = await pendingId();
    const silent = await as.caseworker.post(staffPage(), { intent: "refuse", verificationId, message: " " });
    expect(silent.status).toBe(400);
    expect(fieldErrorOf(await silent.text(), "message")).toContain("Skriv varför");
    const refused = await as.caseworker.post(staffPage(), { intent: "refuse", verificationId, message: "Protokollet saknar justering." });
    expect(refused.status).toBe(302);
    const mail = (await portal.lastEmailTo("forening@demo.example"))!;
    expect(mail.subject).toBe("Verifieringen av Fryshuset behöver kompletteras – IOP-portalen");
    expect(mail.textBody).toContain("Protokollet saknar justering.");
    const page = textOf(await (await as.contact.get(foreningPage())).text());
    expect(page).toContain("Förvaltningens meddelande: Protokollet saknar justering.");
    expect(page).toContain("Verifieringen avslogs");
    expect(await sendForSigning().then((r) => r.status)).toBe(400);
    // An answered request cannot be answered again.
    expect((await as.caseworker.post(staffPage(), { intent: "confirm", verificationId })).status).toBe(409);
  });

  it("confirms: the förening is verified, the named people with e-ID are its only firmatecknare, and the agreement goes out", async () => {
    const again = await sendVerification(as.contact, {
      "signatories.0.fullName": "Filip Firmatecknare",
      "signatories.0.personalNumber": filip.personalNumber,
      "signatories.1.fullName": "Nora Nyström",
      "signatories.1.personalNumber": nora.personalNumber,
    });
    expect(again.status).toBe(302);
    expect(await rolesIn(fryshuset, filip.email!)).toEqual(["contact_person", "signatory"]);
    const confirmed = await as.caseworker.post(staffPage(), { intent: "confirm", verificationId: await pendingId(), message: "" });
    expect(confirmed.status).toBe(302);
    expect((await portal.lastEmailTo("forening@demo.example"))!.subject).toBe("Fryshuset är verifierad – IOP-portalen");

    // Filip, named and known by his e-ID, keeps signing; the case's earlier firmatecknare, not named, does not.
    expect(await rolesIn(fryshuset, filip.email!)).toEqual(["contact_person", "signatory"]);
    const former = await portal.db.select().from(organisationMemberships).where(and(eq(organisationMemberships.userId, formerSignatoryId), eq(organisationMemberships.role, "signatory")));
    expect(former).toEqual([]);
    const staffText = textOf(await (await as.caseworker.get(staffPage())).text());
    expect(staffText).toContain("Föreningen är verifierad");
    expect(staffText).toMatch(/Nora Nyström 20000101-XXXX Inte inloggad med e-legitimation än/);
    expect(textOf(await (await as.caseworker.get(`/forvaltning/rk/arenden/${caseId}`)).text())).not.toContain("Föreningen är inte verifierad");

    expect((await sendForSigning()).status).toBe(200);
    expect(await stateOf()).toBe("agreement.signing");
  });

  it("makes Nora firmatecknare when she proves with e-ID that she is the person named", async () => {
    // Nora has an account made with a password; she links her e-legitimation on Ditt konto, through the
    // real development provider. The link is her proof: the confirmed protokoll names her.
    await createUser(portal.db, { email: "nora@test.example", name: "Nora Nyström" });
    const visitor = portal.visitor();
    expect((await visitor.logIn("nora@test.example")).status).toBe(302);
    expect(await rolesIn(fryshuset, "nora@test.example")).toEqual([]);
    const started = await browserRequest(visitor, "/konto", { method: "POST", form: { intent: "linkEid" } });
    expect(started.status).toBe(302);
    const step = await atProvider(visitor, started.headers.get("location")!);
    const linked = await finishSignIn(visitor, step.kind === "page" ? await choosePerson(visitor, step, "nora") : step.url);
    expect(linked.headers.get("location")).toBe("/konto?meddelande=kopplad");
    expect(await rolesIn(fryshuset, "nora@test.example")).toEqual(["signatory"]);
    const [matched] = await portal.db.select().from(namedSignatories).where(and(eq(namedSignatories.personalNumberHash, personalNumberHash(nora.personalNumber)), eq(namedSignatories.organisationId, fryshuset), isNotNull(namedSignatories.userId)));
    expect(matched!.fullName).toBe("Nora Nyström");
    expect(textOf(await (await as.contact.get(foreningPage())).text())).toContain("Firmatecknare loggade in med e-legitimation");
    expect(textOf(await (await visitor.get(`/forening/${fryshuset}`)).text())).toContain("Fryshuset");
  });

  it("keeps the förening's history as a record the database will not change", async () => {
    await expect(portal.db.update(organisationEvents).set({ detail: "ändrad" })).rejects.toThrow();
    await expect(portal.db.delete(organisationEvents)).rejects.toThrow();
  });
});

describe("the people page", () => {
  const people = () => `/forening/${fryshuset}/personer`;

  it("cannot make anyone firmatecknare, nor take the role away", async () => {
    const invite = await as.contact.post(people(), { intent: "invite", name: "Mallory", email: "mallory@test.example", roles: ["contact_person", "signatory"] });
    expect(invite.status).toBe(400);
    expect(textOf(await invite.text())).toContain("Firmatecknare bestäms av föreningens protokoll");
    const [fatima] = await portal.db.select({ id: users.id }).from(users).where(eq(users.email, "forening@demo.example"));
    const promote = await as.contact.post(people(), { intent: "roles", userId: fatima!.id, roles: ["contact_person", "signatory"] });
    expect(promote.status).toBe(400);
    expect(await rolesIn(fryshuset, "forening@demo.example")).toEqual(["contact_person"]);
    const [filipUser] = await portal.db.select({ id: users.id }).from(users).where(eq(users.email, filip.email!));
    // Saving Filip's roles without the (no longer offered) box keeps him firmatecknare.
    expect((await as.contact.post(people(), { intent: "roles", userId: filipUser!.id, roles: ["contact_person"] })).status).toBe(302);
    expect(await rolesIn(fryshuset, filip.email!)).toEqual(["contact_person", "signatory"]);
    const remove = await as.contact.post(people(), { intent: "remove", userId: filipUser!.id });
    expect(remove.status).toBe(400);
    expect(textOf(await remove.text())).toContain("En firmatecknare tas bort genom ett nytt protokollsutdrag");
  });
});
