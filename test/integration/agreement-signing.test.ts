/**
 * Signing the agreement for real (issue 15): sending it freezes a version whose SHA-256 both signing
 * pages show; each signature binds the signer and that hash; after both, the signed PDF carries a
 * signature page and the portal's PAdES seal, which `pdfsig` verifies and a flipped byte breaks. A
 * change after a signature is a new version with a new hash; the old one stays readable.
 */
import crypto from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { agreementSignatures, agreementVersions, cases } from "../../db/schema";
import { userActor } from "../../app/cases/case-roles";
import { loadUser } from "../../app/auth/current-user.server";
import { setupPortal } from "../support/portal";
import { signedIn } from "../support/signed-in";
import { textOf, type Visitor } from "../support/visitor";
import { demoUserId, fryshusetCase } from "../support/forening-after-decision";
import { run } from "../support/forvaltning-agreement";
import { signInWithEid, signInWithStaffSso } from "../support/oidc";

const portal = setupPortal();
const as = signedIn(portal, {
  contact: "forening@demo.example",
  signatory: "firmatecknare@demo.example",
  caseworker: "handlaggare@demo.example",
  chef: "avdelningschef@demo.example",
  otherForening: "iogt@demo.example",
  otherDistrict: "handlaggare.jarva@demo.example",
});

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "iop-signing-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const sha256 = (bytes: Uint8Array) => crypto.createHash("sha256").update(bytes).digest("hex");
const staffPage = (caseId: string) => `/forvaltning/rk/arenden/${caseId}/overenskommelse`;
const signPage = (caseId: string) => `/forening/arenden/${caseId}/overenskommelse/underteckna`;
const caseRow = async (caseId: string) => (await portal.db.select().from(cases).where(eq(cases.id, caseId)))[0]!;

async function bytesOf(visitor: Visitor, url: string) {
  const response = await visitor.get(url);
  expect(response.status, url).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

/** The hash a page shows as "Kontrollsumma (SHA-256)". */
function shownHash(html: string): string {
  const match = /Kontrollsumma \(SHA-256\):? ([0-9a-f]{64})/.exec(textOf(html));
  expect(match, "the page shows the SHA-256").toBeTruthy();
  return match![1]!;
}

/** A Fryshuset case with a saved agreement, bifall registered, worked by the demo handläggare, sent for signing through the page. */
async function sentForSigning() {
  const { caseId, cast } = await fryshusetCase(portal.db, portal, { through: "bifall registered" });
  const handlaggare = userActor((await loadUser(await demoUserId(portal.db, "handlaggare@demo.example")))!);
  await run(caseId, { type: "REASSIGN", caseworkerId: handlaggare.id }, cast.caseworker, "2025-03-21");
  const sent = await as.caseworker.post(staffPage(caseId), {
    intent: "send",
    expectedRevision: String((await caseRow(caseId)).revision),
    agreementRevision: "1",
  });
  expect(sent.status).toBe(200);
  expect((await caseRow(caseId)).state).toBe("agreement.signing");
  return caseId;
}

async function signAsForening(caseId: string, hash: string) {
  return as.signatory.post(signPage(caseId), { confirm: "yes", caseRevision: String((await caseRow(caseId)).revision), documentSha256: hash });
}
async function signAsChef(caseId: string, hash: string) {
  return as.chef.post(staffPage(caseId), { intent: "sign", confirm: "yes", expectedRevision: String((await caseRow(caseId)).revision), documentSha256: hash });
}

function pdfsig(bytes: Uint8Array, name: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, bytes);
  try {
    return execFileSync("pdfsig", [file], { encoding: "utf8" });
  } catch (error) {
    // pdfsig exits non-zero for an invalid signature; its report is still what we read.
    const e = error as { stdout?: string; stderr?: string };
    return `${e.stdout ?? ""}${e.stderr ?? ""}`;
  }
}
const pdfText = (bytes: Uint8Array, name: string) => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
};

describe("sending for signing freezes the agreement", () => {
  it("shows both signing pages the same SHA-256, that of the PDF they download, and signing seals the record", async () => {
    const caseId = await sentForSigning();
    const foreningHash = shownHash(await (await as.signatory.get(signPage(caseId))).text());
    const staffHash = shownHash(await (await as.chef.get(staffPage(caseId))).text());
    expect(staffHash).toBe(foreningHash);
    expect(shownHash(await (await as.contact.get(`/forening/arenden/${caseId}/overenskommelse`)).text())).toBe(foreningHash);

    // The version's PDF, and the plain download links, are exactly the bytes with that hash.
    const frozen = await bytesOf(as.signatory, `/forening/arenden/${caseId}/overenskommelse/versioner/1/overenskommelse.pdf`);
    expect(sha256(frozen)).toBe(foreningHash);
    expect(sha256(await bytesOf(as.contact, `/forening/arenden/${caseId}/overenskommelse.pdf`))).toBe(foreningHash);
    expect(sha256(await bytesOf(as.caseworker, `${staffPage(caseId)}.pdf`))).toBe(foreningHash);
    expect(sha256(await bytesOf(as.caseworker, `${staffPage(caseId)}/versioner/1/overenskommelse.pdf`))).toBe(foreningHash);
    expect((await as.caseworker.get(`${staffPage(caseId)}/versioner/1/overenskommelse.docx`)).status).toBe(200);
    expect(pdfText(frozen, "frozen.pdf")).toContain("Version för underskrift: 1");
    // Not signed yet: no sealed copy.
    expect((await as.contact.get(`/forening/arenden/${caseId}/overenskommelse/versioner/1/underskriven.pdf`)).status).toBe(404);

    // The signing page says who signs and how they proved it.
    const form = textOf(await (await as.signatory.get(signPage(caseId))).text());
    expect(form).toContain("Legitimering lösenord (demo)");

    expect((await signAsForening(caseId, foreningHash)).status).toBe(302);
    expect((await signAsChef(caseId, staffHash)).status).toBe(200);
    expect((await caseRow(caseId)).state).toBe("followUp.reportDue");

    const signatures = await portal.db
      .select()
      .from(agreementSignatures)
      .innerJoin(agreementVersions, eq(agreementVersions.id, agreementSignatures.versionId))
      .where(eq(agreementVersions.caseId, caseId));
    expect(signatures.map((s) => [s.agreement_signatures.party, s.agreement_signatures.signerName, s.agreement_signatures.sha256]).sort()).toEqual([
      ["administration", "Alva Avdelningschef", foreningHash],
      ["association", "Filip Firmatecknare", foreningHash],
    ]);

    // The record: the sealed PDF, the same from both sides and from the version list.
    const sealed = await bytesOf(as.contact, `/forening/arenden/${caseId}/overenskommelse.pdf`);
    expect(sha256(sealed)).not.toBe(foreningHash);
    expect(sha256(await bytesOf(as.caseworker, `${staffPage(caseId)}.pdf`))).toBe(sha256(sealed));
    expect(sha256(await bytesOf(as.signatory, `/forening/arenden/${caseId}/overenskommelse/versioner/1/underskriven.pdf`))).toBe(sha256(sealed));

    const report = pdfsig(sealed, "sealed.pdf");
    expect(report).toContain("Signature is Valid.");
    expect(report).toContain("Total document signed");
    expect(report).toContain("adbe.pkcs7.detached");

    const text = pdfText(sealed, "sealed-text.pdf");
    expect(text).toContain("Underskrifter");
    expect(text).toContain("Filip Firmatecknare");
    expect(text).toContain("Alva Avdelningschef");
    expect(text).toContain("lösenord (demo)");
    expect(text).toContain(foreningHash);
    expect(text).toContain("För Fryshuset");
    expect(text).toContain("För Rinkeby-Kista stadsdelsnämnd");

    // One byte changed inside the signed range: every reader sees the seal broken.
    const range = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(Buffer.from(sealed).toString("latin1"));
    expect(range).toBeTruthy();
    const firstLength = Number(range![2]);
    const streamAt = Buffer.from(sealed).indexOf("stream\n", Math.floor(firstLength / 3));
    expect(streamAt).toBeGreaterThan(0);
    const tampered = new Uint8Array(sealed);
    tampered[streamAt + 20] = tampered[streamAt + 20]! ^ 0x01;
    expect(streamAt + 20).toBeLessThan(firstLength);
    const broken = pdfsig(tampered, "tampered.pdf");
    expect(broken).not.toContain("Signature is Valid.");
    expect(broken).toMatch(/Signature is Invalid|Digest Mismatch/);

    // The versions list on both pages: the hash, both signatures, the downloads.
    const staffText = textOf(await (await as.caseworker.get(staffPage(caseId))).text());
    expect(staffText).toContain("Versioner");
    expect(staffText).toContain("Underskriven av båda parter.");
    expect(staffText).toContain("Föreningen: Filip Firmatecknare, lösenord (demo)");
    // Staff sign in with the password and the second factor (ADR 0027), and the signature says so.
    expect(staffText).toContain("Förvaltningen: Alva Avdelningschef, lösenord och engångskod");
    expect(staffText).toContain("Den underskrivna överenskommelsen (PDF med sigill)");
    const foreningText = textOf(await (await as.contact.get(`/forening/arenden/${caseId}/overenskommelse`)).text());
    expect(foreningText).toContain(`Kontrollsumma (SHA-256): ${foreningHash}`);
    expect(foreningText).toContain("Ladda ner den underskrivna överenskommelsen som PDF");
  });

  it("keeps a signature as it was given: the database refuses to change or remove one", async () => {
    const caseId = await sentForSigning();
    const hash = shownHash(await (await as.signatory.get(signPage(caseId))).text());
    expect((await signAsForening(caseId, hash)).status).toBe(302);
    await expect(portal.db.execute(sql`update agreement_signatures set signer_name = 'Någon annan'`)).rejects.toThrow();
    await expect(portal.db.execute(sql`delete from agreement_signatures`)).rejects.toThrow();
    await expect(portal.db.execute(sql`update agreement_versions set sha256 = 'x'`)).rejects.toThrow();
  });
});

describe("a change after a signature", () => {
  it("is a new version with a new hash; the old signature does not count, the old version stays readable, and a stale hash is refused", async () => {
    const caseId = await sentForSigning();
    const first = shownHash(await (await as.signatory.get(signPage(caseId))).text());
    expect((await signAsForening(caseId, first)).status).toBe(302);

    // The förvaltning takes it back, changes a goal and sends it again.
    const taken = await as.caseworker.post(staffPage(caseId), {
      intent: "return",
      expectedRevision: String((await caseRow(caseId)).revision),
      comment: "Målvärdet ska vara 60 %.",
    });
    expect(taken.status).toBe(200);
    const draftPage = await (await as.caseworker.get(staffPage(caseId))).text();
    const revision = /name="agreementRevision" value="(\d+)"/.exec(draftPage)![1]!;
    const saved = await as.caseworker.post(staffPage(caseId), {
      intent: "save",
      agreementRevision: revision,
      purposeAndGoals: "Unga i Husby ska ha en trygg mötesplats efter skolan.",
      targetGroup: "Unga 13–22 år i Husby och Akalla.",
      associationResources: "Två fritidsledare på kvällar och helger.",
      administrationResources: "Lokal i Husby träff två kvällar i veckan.",
      "yearlyAmounts.0.year": "2025",
      "yearlyAmounts.0.amount": "600 000",
      "yearlyAmounts.1.year": "2026",
      "yearlyAmounts.1.amount": "650 000",
      startDate: "2025-05-01",
      endDate: "2026-04-30",
      extensionAllowed: "yes",
      extensionTerms: "Möjlighet till ett års förlängning.",
      steeringGroup: "Två från föreningen och två från förvaltningen.",
      workingGroups: "Arbetsgrupp för aktiviteterna.",
      coordinator: "Sara Samordnare",
      "reportDueDates.0": "2025-09-30",
      "reportDueDates.1": "2026-03-31",
      finalReportDueDate: "2026-06-30",
      "goals.0.description": "Andel deltagare som är flickor",
      "goals.0.target": "60 %",
    });
    expect(saved.status).toBe(200);
    const sent = await as.caseworker.post(staffPage(caseId), {
      intent: "send",
      expectedRevision: String((await caseRow(caseId)).revision),
      agreementRevision: String(Number(revision) + 1),
    });
    expect(sent.status).toBe(200);

    const formHtml = await (await as.signatory.get(signPage(caseId))).text();
    const second = shownHash(formHtml);
    expect(second).not.toBe(first);
    expect(textOf(formHtml)).toContain("Version 2");
    expect(sha256(await bytesOf(as.signatory, `/forening/arenden/${caseId}/overenskommelse/versioner/2/overenskommelse.pdf`))).toBe(second);
    expect(pdfText(await bytesOf(as.signatory, `/forening/arenden/${caseId}/overenskommelse/versioner/2/overenskommelse.pdf`), "v2.pdf")).toContain("60 %");

    // The earlier signature is on version 1 only: the förening has not signed version 2.
    const foreningPage = textOf(await (await as.contact.get(`/forening/arenden/${caseId}/overenskommelse`)).text());
    expect(foreningPage).not.toMatch(/Underskriven av Filip Firmatecknare \d{4}-\d{2}-\d{2}/);
    expect(foreningPage).toContain("Version 2, skickad");
    expect(foreningPage).toContain("Version 1, skickad");
    expect(foreningPage).toContain("Togs tillbaka för ändringar");
    expect(foreningPage).toContain("Föreningen: Filip Firmatecknare, lösenord (demo)");
    // The old version, still downloadable, still with the hash its signature was on.
    expect(sha256(await bytesOf(as.contact, `/forening/arenden/${caseId}/overenskommelse/versioner/1/overenskommelse.pdf`))).toBe(first);
    expect(sha256(await bytesOf(as.caseworker, `${staffPage(caseId)}/versioner/1/overenskommelse.pdf`))).toBe(first);

    // Signing with the hash of the page opened before the change is refused, on both sides.
    const stale = await signAsForening(caseId, first);
    expect(stale.status).toBe(400);
    expect(textOf(await stale.text())).toContain("Överenskommelsen har ändrats sedan du öppnade den");
    const staleChef = await signAsChef(caseId, first);
    expect(staleChef.status).toBe(409);
    expect(textOf(await staleChef.text())).toContain("Överenskommelsen har ändrats sedan du öppnade den");
    const missing = await as.signatory.post(signPage(caseId), { confirm: "yes", caseRevision: String((await caseRow(caseId)).revision) });
    expect(missing.status).toBe(400);
    const v2 = (await portal.db.select().from(agreementVersions).where(eq(agreementVersions.caseId, caseId))).find((v) => v.version === 2)!;
    expect(await portal.db.select().from(agreementSignatures).where(eq(agreementSignatures.versionId, v2.id))).toHaveLength(0);
    expect((await caseRow(caseId)).state).toBe("agreement.signing");

    // Both sign the new version: the sealed record is version 2's, listing the new signatures only.
    expect((await signAsForening(caseId, second)).status).toBe(302);
    expect((await signAsChef(caseId, second)).status).toBe(200);
    const sealed = await bytesOf(as.contact, `/forening/arenden/${caseId}/overenskommelse/versioner/2/underskriven.pdf`);
    expect(pdfsig(sealed, "v2-sealed.pdf")).toContain("Signature is Valid.");
    const text = pdfText(sealed, "v2-sealed-text.pdf");
    expect(text).toContain(second);
    expect(text).not.toContain(first);
    expect((await as.contact.get(`/forening/arenden/${caseId}/overenskommelse/versioner/1/underskriven.pdf`)).status).toBe(404);
  });
});

describe("signing with e-legitimation and the city's sign-in", () => {
  it("binds the e-ID's name, the masked personnummer and the method; the staff side records stadens inloggning", async () => {
    const caseId = await sentForSigning();
    // Filip's e-ID (BankID, the development provider) is linked to firmatecknare@demo.example.
    const filip = await signInWithEid(portal, "filip");
    const formHtml = await (await filip.get(signPage(caseId))).text();
    const form = textOf(formHtml);
    expect(form).toContain("Personnummer 19920303-XXXX");
    expect(form).toContain("Legitimering BankID");
    const hash = shownHash(formHtml);
    const signed = await filip.post(signPage(caseId), { confirm: "yes", caseRevision: String((await caseRow(caseId)).revision), documentSha256: hash });
    expect(signed.status).toBe(302);

    const alva = await signInWithStaffSso(portal, "avdelningschef@demo.example");
    const staffHtml = await (await alva.get(staffPage(caseId))).text();
    expect(textOf(staffHtml)).toContain("Legitimering stadens inloggning");
    expect(shownHash(staffHtml)).toBe(hash);
    const chef = await alva.post(staffPage(caseId), { intent: "sign", confirm: "yes", expectedRevision: String((await caseRow(caseId)).revision), documentSha256: hash });
    expect(chef.status).toBe(200);

    const sealed = await bytesOf(filip, `/forening/arenden/${caseId}/overenskommelse/versioner/1/underskriven.pdf`);
    expect(pdfsig(sealed, "eid-sealed.pdf")).toContain("Signature is Valid.");
    const text = pdfText(sealed, "eid-sealed-text.pdf");
    expect(text).toContain("Filip Firmatecknare");
    expect(text).toContain("19920303-XXXX");
    expect(text).toContain("BankID");
    expect(text).toContain("stadens inloggning");
    // The personnummer itself is nowhere: not in the record, not in the database's signatures.
    expect(text).not.toContain("199203034344");
    expect(text).not.toContain("4344");
    const rows = await portal.db.select().from(agreementSignatures);
    expect(JSON.stringify(rows)).not.toContain("199203034344");
    const page = textOf(await (await filip.get(`/forening/arenden/${caseId}/overenskommelse`)).text());
    expect(page).toContain("Föreningen: Filip Firmatecknare (19920303-XXXX), BankID");
    expect(page).toContain("Förvaltningen: Alva Avdelningschef, stadens inloggning");
  });
});

describe("who may read the versions", () => {
  it("answers 404 to another förening, another district, an unknown version or file, and Word to the förening", async () => {
    const caseId = await sentForSigning();
    const forening = `/forening/arenden/${caseId}/overenskommelse/versioner/1`;
    for (const file of ["overenskommelse.pdf", "underskriven.pdf"]) {
      expect((await as.otherForening.get(`${forening}/${file}`)).status).toBe(404);
      expect((await as.otherDistrict.get(`/forvaltning/rk/arenden/${caseId}/overenskommelse/versioner/1/${file}`)).status).toBe(404);
      expect((await as.otherDistrict.get(`/forvaltning/ja/arenden/${caseId}/overenskommelse/versioner/1/${file}`)).status).toBe(404);
      const anonymous = await as.anonymous.get(`${forening}/${file}`);
      expect(anonymous.status).toBe(302);
    }
    expect((await as.otherDistrict.get(`/forvaltning/rk/arenden/${caseId}/overenskommelse/versioner/1/overenskommelse.docx`)).status).toBe(404);
    expect((await as.otherForening.get(`/forening/arenden/${caseId}/overenskommelse/underteckna`)).status).toBe(404);
    expect((await as.otherDistrict.get(`/forvaltning/ja/arenden/${caseId}/overenskommelse`)).status).toBe(404);
    expect((await as.contact.get(`${forening}/overenskommelse.docx`)).status).toBe(404);
    expect((await as.contact.get(`/forening/arenden/${caseId}/overenskommelse/versioner/2/overenskommelse.pdf`)).status).toBe(404);
    expect((await as.contact.get(`${forening}/hemligt.pdf`)).status).toBe(404);
    expect((await as.contact.get(`/forening/arenden/${caseId}/overenskommelse/versioner/01/overenskommelse.pdf`)).status).toBe(404);
    expect((await as.contact.get(`${forening}/overenskommelse.pdf`)).status).toBe(200);
  });
});
