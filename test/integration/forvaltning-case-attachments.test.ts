/**
 * The staff case page lists each attachment of the application once, with the version it came with,
 * even though a komplettering carries the earlier version's files over to the new version.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupPortal } from "../support/portal";
import { textOf, type Visitor } from "../support/visitor";
import { actorFor, fillComplete, saveStep, startApplication, submit } from "../support/forening-application";
import { transitionCase } from "../../app/cases/transition.server";

const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-case-files-"));
process.env.UPLOAD_DIR = uploadDir;
afterAll(() => fs.rmSync(uploadDir, { recursive: true, force: true }));

const portal = setupPortal();
const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
const OTHER_PDF = Buffer.concat([PDF, Buffer.from("% budget\n")]);
let fatima: Visitor;
let staff: Visitor;

beforeAll(async () => {
  fatima = portal.visitor();
  expect((await fatima.logIn("forening@demo.example")).status).toBe(302);
  staff = portal.visitor();
  expect((await staff.logIn("handlaggare@demo.example")).status).toBe(302);
});

async function upload(caseId: string, name: string, bytes: Buffer) {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)]), name);
  const response = await fetch(`${fatima.origin}/forening/arenden/${caseId}/ansokan/bilagor`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: fatima.cookie, origin: fatima.origin },
    body: form,
  });
  expect(response.status, textOf(await response.text())).toBe(200);
}

const linksTo = (html: string, fileName: string) => html.split(`>${fileName}</a>`).length - 1;

describe("attachments on the staff case page after a komplettering", () => {
  it("lists a file once, saying it came with the application, and a file added in the komplettering as added then", async () => {
    const caseId = await startApplication(portal, fatima);
    await fillComplete(portal, fatima, caseId);
    await upload(caseId, "Stadgar-9k.pdf", PDF);
    expect((await submit(portal, fatima, caseId)).status).toBe(302);
    const caseworker = await actorFor(portal, "handlaggare@demo.example");
    expect((await transitionCase({ caseId, command: { type: "TAKE" }, actor: caseworker })).ok).toBe(true);
    const requested = await transitionCase({
      caseId,
      command: { type: "REQUEST_COMPLETION", message: "Bifoga budgeten.", dueDate: "2099-12-31" },
      actor: caseworker,
    });
    expect(requested.ok).toBe(true);
    expect((await fatima.post(`/forening/arenden/${caseId}/komplettera`, {})).status).toBe(302);
    await saveStep(portal, fatima, caseId, "aktiviteter", { cooperation: "Vi träffar skolans rektor varje månad." });
    await upload(caseId, "Budget-9k.pdf", OTHER_PDF);
    const resubmitted = await submit(portal, fatima, caseId);
    expect(resubmitted.headers.get("location")).toBe(`/forening/arenden/${caseId}/kvitto`);

    const html = await (await staff.get(`/forvaltning/rk/arenden/${caseId}`)).text();
    expect(linksTo(html, "Stadgar-9k.pdf")).toBe(1);
    expect(linksTo(html, "Budget-9k.pdf")).toBe(1);
    const text = textOf(html);
    expect(text).toMatch(/Stadgar-9k\.pdf \([^)]*\) Inskickad med ansökan \d{4}-\d{2}-\d{2}/);
    expect(text).toMatch(/Budget-9k\.pdf \([^)]*\) Tillagd i kompletteringen \d{4}-\d{2}-\d{2}/);
  });
});
