/**
 * Whose a case is: another förening, or staff of another district, get the same 404 for an existing
 * case as for an unknown id (existence is not revealed); and until the förening first sends in its
 * application, the draft and its files do not exist for the förvaltning either.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { attachments } from "../../db/schema";
import { setupPortal } from "../support/portal";
import { textOf, type Visitor } from "../support/visitor";
import { fillComplete, startApplication, submit } from "../support/forening-application";
import { caseAt, loggedIn, through } from "../support/forvaltning";

const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-privacy-"));
process.env.UPLOAD_DIR = uploadDir;
afterAll(() => fs.rmSync(uploadDir, { recursive: true, force: true }));

const portal = setupPortal();
const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
const UNKNOWN = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
let owner: Visitor, otherForening: Visitor, caseworker: Visitor, jarva: Visitor, admin: Visitor;
let draftId: string;
let draftFileId: string;

async function upload(visitor: Visitor, caseId: string, name: string) {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(PDF)]), name);
  const response = await fetch(`${visitor.origin}/forening/arenden/${caseId}/ansokan/bilagor`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: visitor.cookie, origin: visitor.origin },
    body: form,
  });
  expect(response.status).toBe(200);
  const rows = await portal.db.select().from(attachments).where(eq(attachments.caseId, caseId));
  return rows.find((r) => r.fileName === name)!.id;
}

beforeAll(async () => {
  owner = await loggedIn(portal, "forening@demo.example");
  otherForening = await loggedIn(portal, "iogt@demo.example");
  caseworker = await loggedIn(portal, "handlaggare@demo.example");
  jarva = await loggedIn(portal, "handlaggare.jarva@demo.example");
  admin = await loggedIn(portal, "admin@demo.example");
  draftId = await startApplication(portal, owner, "Hemligt utkast");
  draftFileId = await upload(owner, draftId, "utkast-budget.pdf");
});

const FORENING_PAGES = ["", "/ansokan/syfte", "/ansokan/granska", "/ansokan/bilagor", "/kvitto", "/versioner/1", "/aterta", "/komplettera", "/ansokan.pdf", "/bilagor.zip"];
const STAFF_PAGES = ["", "/ansokan.pdf", "/bilagor.zip", "/bedomning", "/utlatande", "/attestering", "/beslut", "/overenskommelse", "/uppfoljning", "/slutrapport", "/utlatande.pdf"];

describe("another förening's case is a 404, like an unknown one", () => {
  it.each(FORENING_PAGES)("GET /forening/arenden/<case>%s", async (tail) => {
    const existing = await otherForening.get(`/forening/arenden/${draftId}${tail}`);
    const unknown = await otherForening.get(`/forening/arenden/${UNKNOWN}${tail}`);
    expect(existing.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(textOf(await existing.text())).toBe(textOf(await unknown.text()));
  });

  it("a posted form and a file of another förening's case are 404s too, and nothing changes", async () => {
    const post = await otherForening.post(`/forening/arenden/${draftId}/ansokan/syfte`, { intent: "save", revision: "1", purpose: "Intrång" });
    expect(post.status).toBe(404);
    expect((await otherForening.get(`/bilagor/${draftFileId}`)).status).toBe(404);
    const page = textOf(await (await owner.get(`/forening/arenden/${draftId}/ansokan/syfte`)).text());
    expect(page).not.toContain("Intrång");
  });

  it("staff of another district get a 404 for a submitted case and its files", async () => {
    const { caseId } = await caseAt(portal, through("submit"));
    expect((await caseworker.get(`/forvaltning/rk/arenden/${caseId}`)).status).toBe(200);
    expect((await jarva.get(`/forvaltning/ja/arenden/${caseId}`)).status).toBe(404);
    expect((await jarva.get(`/forvaltning/ja/arenden/${caseId}/ansokan.pdf`)).status).toBe(404);
  });
});

describe("a draft is the förening's until it is sent in", () => {
  it.each(STAFF_PAGES.flatMap((tail) => [{ tail, who: "caseworker" }, { tail, who: "admin" }]))(
    "GET /forvaltning/rk/arenden/<draft>$tail as $who is a 404",
    async ({ tail, who }) => {
      const response = await (who === "admin" ? admin : caseworker).get(`/forvaltning/rk/arenden/${draftId}${tail}`);
      expect(response.status).toBe(404);
    },
  );

  it("staff cannot download the draft's attachment, nor post to the draft's case page", async () => {
    expect((await caseworker.get(`/bilagor/${draftFileId}`)).status).toBe(404);
    expect((await admin.get(`/bilagor/${draftFileId}`)).status).toBe(404);
    expect((await caseworker.post(`/forvaltning/rk/arenden/${draftId}`, { intent: "take", revision: "1" })).status).toBe(404);
    expect((await owner.get(`/bilagor/${draftFileId}`)).status).toBe(200);
  });

  it("after the first submission staff see the case and its file", async () => {
    await fillComplete(portal, owner, draftId);
    expect((await submit(portal, owner, draftId)).status).toBe(302);
    const page = await caseworker.get(`/forvaltning/rk/arenden/${draftId}`);
    expect(page.status).toBe(200);
    expect(textOf(await page.text())).toContain("utkast-budget.pdf");
    expect((await caseworker.get(`/bilagor/${draftFileId}`)).status).toBe(200);
  });
});
