/**
 * The application as a PDF (every section, the budget with computed totals and shares, the attachments
 * listed) and its attachments as one ZIP with the very bytes uploaded; for the förening that owns the
 * case and for staff of its district, nobody else.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { unzipSync } from "fflate";
import { applicationVersions, attachments, users } from "../../db/schema";
import { storeFile } from "../../app/attachments/storage.server";
import { setupPortal } from "../support/portal";
import { textOf } from "../support/visitor";
import { pdfText } from "../support/documents-read-back";
import { SAMPLE_APPLICATION, caseAt, loggedIn, through } from "../support/forvaltning";

const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-app-docs-"));
process.env.UPLOAD_DIR = uploadDir;
afterAll(() => fs.rmSync(uploadDir, { recursive: true, force: true }));

const portal = setupPortal();
const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
const PNG = Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), crypto.randomBytes(3000)]);
let caseId: string;
const expected = new Map<string, Buffer>();

async function attach(versionId: string, fileName: string, bytes: Buffer, extra: Partial<typeof attachments.$inferInsert> = {}) {
  await portal.db.insert(attachments).values({
    caseId,
    ownerKind: "application",
    ownerId: versionId,
    fileName,
    mediaType: fileName.endsWith(".png") ? "image/png" : "application/pdf",
    sizeBytes: bytes.byteLength,
    sha256: crypto.createHash("sha256").update(bytes).digest("hex"),
    storageKey: await storeFile(bytes),
    side: "association",
    ...extra,
  });
}

beforeAll(async () => {
  ({ caseId } = await caseAt(portal, through("submit"), {
    content: {
      budgetLines: [
        { description: "Personal", associationAmount: 150_000, administrationAmount: 600_000 },
        { description: "Lokalhyra", associationAmount: 50_000, administrationAmount: 200_000 },
      ],
    },
  }));
  const [v1] = await portal.db.select().from(applicationVersions).where(and(eq(applicationVersions.caseId, caseId), eq(applicationVersions.version, 1)));
  await attach(v1!.id, "Verksamhetsplan.pdf", PDF);
  await attach(v1!.id, "Foto från lokalen.png", PNG);
  // Same name twice: both must survive unpacking.
  const second = Buffer.concat([PDF, Buffer.from("% andra\n")]);
  await attach(v1!.id, "Verksamhetsplan.pdf", second);
  expected.set("Verksamhetsplan.pdf", PDF).set("Foto från lokalen.png", PNG).set("Verksamhetsplan (2).pdf", second);
  // Neither a removed file nor the förvaltning's own working file belongs in the förening's ZIP.
  await attach(v1!.id, "Borttagen.pdf", PDF, { deletedAt: new Date() });
  await attach(v1!.id, "Förvaltningens PM.pdf", PDF, { ownerKind: "statement", side: "administration" });
  // A later, complemented version with its own title.
  await portal.db.insert(applicationVersions).values({
    caseId,
    version: 2,
    status: "submitted",
    submittedAt: new Date("2025-02-09T10:00:00Z"),
    content: { ...SAMPLE_APPLICATION, title: "Läxhjälp, idrott och kör i Husby" },
  });
});

const SECTIONS = ["Grunduppgifter", "Syfte och samhällsutmaning", "Målgrupper", "Aktiviteter och samverkan", "Budget", "Bilagor"];

describe("the application as PDF and its attachments as ZIP", () => {
  it("lays out version 1 for the förening: sections in order, budget totals and shares, attachments listed", async () => {
    const visitor = await loggedIn(portal, "forening@demo.example");
    const response = await visitor.get(`/forening/arenden/${caseId}/ansokan.pdf?version=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const text = await pdfText(Buffer.from(await response.arrayBuffer()));
    let at = -1;
    for (const heading of SECTIONS) {
      const next = text.indexOf(heading, at + 1);
      expect(next, heading).toBeGreaterThan(at);
      at = next;
    }
    expect(text).toContain("Läxhjälp och idrott i Husby");
    expect(text).toContain("Fryshuset");
    expect(text).toContain("Ge unga i Husby en trygg plats efter skolan.");
    expect(text).toContain("Unga i Husby (12–18 år)");
    // 150 000 + 50 000 = 200 000 (20 %), 600 000 + 200 000 = 800 000 (80 %), in all 1 000 000.
    for (const figure of ["750 000 kr", "250 000 kr", "200 000 kr", "800 000 kr", "1 000 000 kr", "20 %", "80 %"]) expect(text, figure).toContain(figure);
    for (const name of ["Verksamhetsplan.pdf", "Foto från lokalen.png", "PNG-bild", "3 kB"]) expect(text, name).toContain(name);
    expect(text).not.toContain("Borttagen.pdf");
    expect(text).not.toContain("Förvaltningens PM.pdf");
  });

  it("gives the latest submitted version by default, to the förening and to the district's staff", async () => {
    for (const [email, base] of [
      ["forening@demo.example", `/forening/arenden/${caseId}`],
      ["handlaggare@demo.example", `/forvaltning/rk/arenden/${caseId}`],
      ["samordnare@demo.example", `/forvaltning/rk/arenden/${caseId}`],
    ]) {
      const response = await (await loggedIn(portal, email!)).get(`${base}/ansokan.pdf`);
      expect(response.status, email).toBe(200);
      const text = await pdfText(Buffer.from(await response.arrayBuffer()));
      expect(text).toContain("Läxhjälp, idrott och kör i Husby");
      expect(text).toContain("version 2");
    }
    expect((await (await loggedIn(portal, "forening@demo.example")).get(`/forening/arenden/${caseId}/ansokan.pdf?version=9`)).status).toBe(404);
  });

  it("zips exactly the version's attachments, byte for byte, for both sides", async () => {
    for (const [email, path] of [
      ["forening@demo.example", `/forening/arenden/${caseId}/bilagor.zip?version=1`],
      ["handlaggare@demo.example", `/forvaltning/rk/arenden/${caseId}/bilagor.zip?version=1`],
    ]) {
      const response = await (await loggedIn(portal, email!)).get(path!);
      expect(response.status, email).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/zip");
      const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
      expect(Object.keys(files).sort()).toEqual([...expected.keys()].sort());
      for (const [name, bytes] of expected) expect(Buffer.from(files[name]!).equals(bytes), name).toBe(true);
    }
    // Version 2 has no attachments: nothing to zip.
    expect((await (await loggedIn(portal, "forening@demo.example")).get(`/forening/arenden/${caseId}/bilagor.zip`)).status).toBe(404);
  });

  it("links the files from the förening's and the staff's case pages", async () => {
    const forening = textOf(await (await (await loggedIn(portal, "forening@demo.example")).get(`/forening/arenden/${caseId}`)).text());
    expect(forening).toContain("Ladda ner version 1 som PDF , bilagorna (3) som ZIP");
    expect(forening).toContain("Ladda ner version 2 som PDF");
    const html = await (await (await loggedIn(portal, "handlaggare@demo.example")).get(`/forvaltning/rk/arenden/${caseId}`)).text();
    expect(html).toContain(`/forvaltning/rk/arenden/${caseId}/ansokan.pdf?version=2`);
    expect(textOf(html)).toContain("Ladda ner ansökan (version 2) som PDF");
  });
});

describe("who may download the application files", () => {
  const forening = () => [`/forening/arenden/${caseId}/ansokan.pdf`, `/forening/arenden/${caseId}/bilagor.zip?version=1`];
  const staff = (district = "rk") => [`/forvaltning/${district}/arenden/${caseId}/ansokan.pdf`, `/forvaltning/${district}/arenden/${caseId}/bilagor.zip?version=1`];

  // Not the visitor's case: the same 404 as an unknown id, so existence is not revealed.
  it("refuses another förening's user, by URL on both sides", async () => {
    const visitor = await loggedIn(portal, "iogt@demo.example");
    for (const path of [...forening(), ...staff()]) expect((await visitor.get(path)).status, path).toBe(404);
  });

  it("refuses staff of another district, and staff on the förening's addresses", async () => {
    const jarva = await loggedIn(portal, "handlaggare.jarva@demo.example");
    for (const path of [...staff(), ...staff("ja"), ...forening()]) expect([403, 404], path).toContain((await jarva.get(path)).status);
    const rk = await loggedIn(portal, "handlaggare@demo.example");
    for (const path of forening()) expect((await rk.get(path)).status, path).toBe(404);
  });

  it("refuses the owning förening on the förvaltning's addresses", async () => {
    const visitor = await loggedIn(portal, "forening@demo.example");
    for (const path of staff()) expect([403, 404], path).toContain((await visitor.get(path)).status);
  });

  it("sends a logged-out visitor to the login page", async () => {
    for (const path of [...forening(), ...staff()]) {
      const response = await portal.visitor().get(path);
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location")).toMatch(/^\/logga-in/);
    }
  });

  it("refuses a disabled förening user", async () => {
    const visitor = await loggedIn(portal, "firmatecknare@demo.example");
    expect((await visitor.get(forening()[0]!)).status).toBe(200);
    await portal.db.update(users).set({ disabledAt: new Date() }).where(eq(users.email, "firmatecknare@demo.example"));
    const response = await visitor.get(forening()[0]!);
    expect([302, 403]).toContain(response.status);
  });
});
