/**
 * The demo as a newcomer meets it after `npm start` on an empty database: seeded by the same
 * seedIfEmpty, every demo person finds cases waiting for them, and the e-mails of those cases are in
 * the development mailbox.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { seedIfEmpty } from "../../seed/seed";
import { DEMO_CASES } from "../../seed/demo-cases";
import { applicationVersions, attachments, caseDeadlines, cases, emailOutbox } from "../../db/schema";
import { stockholmDate } from "../../app/utils/time";
import { createMailWorker } from "../../app/mail/worker.server";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { textOf, Visitor } from "../support/visitor";
import { tableByCaption } from "../support/dashboards-fixture";

// The demo's attachments are stored files: in a folder of this test's own, never ./data.
const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-demo-"));
process.env.UPLOAD_DIR = uploadDir;

let database: TestDatabase;
let server: TestServer;
let seedMs = 0;
const savedSmtp = process.env.SMTP_URL;
const title = (key: (typeof DEMO_CASES)[number]["key"]) => DEMO_CASES.find((c) => c.key === key)!.title;

beforeAll(async () => {
  database = await createTestDatabase();
  const started = performance.now();
  expect(await seedIfEmpty(database.handle.db)).toBe(true);
  seedMs = performance.now() - started;
  delete process.env.SMTP_URL;
  await createMailWorker({ reminderIntervalMs: 0, log: () => {} }).drain();
  server = await startTestServer();
}, 120_000);

afterAll(async () => {
  if (savedSmtp !== undefined) process.env.SMTP_URL = savedSmtp;
  await server?.close();
  await database?.drop();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

async function caseIdOf(caseTitle: string) {
  const [row] = await database.handle.db.select({ id: cases.id }).from(cases).where(and(eq(cases.title, caseTitle), isNull(cases.previousCaseId)));
  return row!.id;
}

async function page(email: string, path: string) {
  const visitor = new Visitor(server.origin);
  expect((await visitor.logIn(email)).status).toBe(302);
  const response = await visitor.get(path);
  expect(response.status).toBe(200);
  return response.text();
}

describe("the demo after npm start", () => {
  it("has a case in every stage, driven through the runtime, and seeds in a few seconds", async () => {
    const rows = await database.handle.db.select({ title: cases.title, state: cases.state, previous: cases.previousCaseId }).from(cases);
    const stateOf = (t: string) => rows.filter((r) => r.title === t && !r.previous).map((r) => r.state);
    expect(stateOf(title("draft"))).toEqual(["application.draft"]);
    expect(stateOf(title("completion"))).toEqual(["review.awaitingCompletion"]);
    expect(stateOf(title("attestation"))).toEqual(["review.attestation.awaitingHeadOfUnit"]);
    expect(stateOf(title("board"))).toEqual(["decision.awaitingBoard"]);
    expect(stateOf(title("followUp"))).toEqual(["followUp.reportSubmitted"]);
    expect(stateOf(title("reportDue"))).toEqual(["followUp.reportDue"]);
    expect(stateOf(title("finalReport"))).toEqual(["finalReport.submitted"]);
    expect(stateOf(title("closed"))).toEqual(["closed"]);
    // The renegotiation the nämnd decided opened a new case for Fryshuset.
    expect(rows.filter((r) => r.previous).map((r) => r.state)).toEqual(["application.draft"]);
    console.info(`demo seed: ${Math.round(seedMs)} ms`);
    expect(seedMs).toBeLessThan(30_000);
  });

  it("gives the handläggare a new case, her own cases (one with a report to review) and a komplettering", async () => {
    const mine = textOf(await page("handlaggare@demo.example", "/forvaltning/rk/arenden?ko=mina"));
    for (const key of ["completion", "attestation", "board", "followUp", "finalReport"] as const) expect(mine).toContain(title(key));
    expect(mine).not.toContain(title("draft"));
    expect(textOf(await page("handlaggare@demo.example", "/forvaltning/rk/arenden?ko=ny"))).toContain(title("new"));
    expect(textOf(await page("handlaggare@demo.example", "/forvaltning/rk/arenden?ko=komplettering"))).toContain(title("completion"));
  });

  it("gives the avdelningschef an utlåtande to attest and the registrator a case for the nämnd", async () => {
    const attest = textOf(await page("avdelningschef@demo.example", "/forvaltning/rk/arenden?ko=attestering"));
    expect(attest).toContain(title("attestation"));
    const board = textOf(await page("registrator@demo.example", "/forvaltning/rk/arenden?ko=beslut"));
    expect(board).toContain(title("board"));
  });

  it("fills the förvaltning's dashboard with this year's cases and funding", async () => {
    const html = await page("handlaggare@demo.example", "/forvaltning/rk/oversikt");
    const year = Number(new Date().toISOString().slice(0, 4));
    const stages = tableByCaption(html, `Ärenden per steg, inlämnade ${year - 4}–${year}`);
    expect(Number(stages.at(-1)![1])).toBeGreaterThanOrEqual(6);
    const funding = tableByCaption(html, `Bidrag per IOP och år, ${year - 4}–${year}`);
    expect(funding.filter((row) => row[0]!.startsWith("Fryshuset RK")).length).toBeGreaterThanOrEqual(2);
    expect(funding.at(-1)![0]).toBe("Totalt");
  });

  it("shows participants by gender from the demo's yearly reports", async () => {
    const html = await page("handlaggare@demo.example", "/forvaltning/rk/oversikt");
    const year = Number(new Date().toISOString().slice(0, 4));
    const rows = tableByCaption(html, `Deltagare per kön och år, ${year - 4}–${year}`);
    const women = rows.filter((r) => /^\d{4}$/.test(r[0]!)).map((r) => r[1]!);
    expect(women.length).toBeGreaterThan(0);
    expect(women.some((w) => /[1-9]/.test(w))).toBe(true);
    // The report the handläggare is to review shows its figures per activity.
    const caseId = await caseIdOf(title("followUp"));
    const review = textOf(await page("handlaggare@demo.example", `/forvaltning/rk/arenden/${caseId}/uppfoljning`));
    expect(review).toContain("Öppen verksamhet 120 40 52 3");
  });

  it("gives Fryshuset a yearly report to write, its deadline ahead", async () => {
    const caseId = await caseIdOf(title("reportDue"));
    const open = await database.handle.db
      .select({ dueOn: caseDeadlines.dueOn })
      .from(caseDeadlines)
      .where(and(eq(caseDeadlines.caseId, caseId), eq(caseDeadlines.kind, "report"), isNull(caseDeadlines.clearedAt)));
    expect(open).toHaveLength(1);
    expect(open[0]!.dueOn > stockholmDate(new Date())).toBe(true);
    const html = await page("forening@demo.example", `/forening/arenden/${caseId}/rapport`);
    expect(textOf(html)).toContain(`Rapport 2 av 2 · Ska vara inskickad senast ${open[0]!.dueOn}`);
    expect(html).toContain('name="narrative"');
  });

  it("has an attachment with every application, kept in a komplettering, that staff can open", async () => {
    const rows = await database.handle.db
      .select({ caseId: cases.id, title: cases.title, version: applicationVersions.version, file: attachments.fileName })
      .from(cases)
      .innerJoin(applicationVersions, eq(applicationVersions.caseId, cases.id))
      .leftJoin(attachments, and(eq(attachments.ownerKind, "application"), eq(attachments.ownerId, applicationVersions.id)))
      .where(isNull(cases.previousCaseId));
    for (const row of rows) expect(row.file, `${row.title} version ${row.version}`).toBe("Budget och verksamhetsplan.pdf");
    expect(rows.some((r) => r.title === title("completion") && r.version === 2)).toBe(true);
    const caseId = await caseIdOf(title("new"));
    const html = await page("handlaggare@demo.example", `/forvaltning/rk/arenden/${caseId}`);
    const link = /href="([^"]*bilagor\/[^"]+)"[^>]*>[^<]*Budget och verksamhetsplan\.pdf/.exec(html) ?? /href="([^"]+)"[^>]*>\s*Budget och verksamhetsplan\.pdf/.exec(html);
    expect(link, "a link to the attachment on the staff case page").not.toBeNull();
    const visitor = new Visitor(server.origin);
    await visitor.logIn("handlaggare@demo.example");
    const file = await visitor.get(link![1]!.replace(/&amp;/g, "&"));
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("shows Fryshuset its draft, its komplettering, its agreement in follow-up and the renegotiated one", async () => {
    const text = textOf(await page("forening@demo.example", "/forening"));
    for (const key of ["draft", "completion", "followUp", "closed"] as const) expect(text).toContain(title(key));
    expect(text).not.toContain(title("attestation"));
  });

  it("has delivered the cases' e-mails to the development mailbox", async () => {
    const sent = await database.handle.db
      .select({ to: emailOutbox.recipientEmail, subject: emailOutbox.subject, status: emailOutbox.status })
      .from(emailOutbox)
      .where(eq(emailOutbox.recipientEmail, "forening@demo.example"));
    expect(sent.length).toBeGreaterThanOrEqual(5);
    expect(sent.every((m) => m.status === "sent")).toBe(true);
    const mailbox = textOf(await (await new Visitor(server.origin).get("/dev/mail")).text());
    expect(mailbox).toContain("forening@demo.example");
    expect(mailbox).toContain("handlaggare@demo.example");
    expect(mailbox).toContain("avdelningschef@demo.example");
    expect(mailbox).toContain("registrator@demo.example");
  });
});
