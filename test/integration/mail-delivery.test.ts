/** The worker against a real SMTP server in the test process. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { asc, eq, inArray } from "drizzle-orm";
import { setupPortal } from "../support/portal";
import { testClock } from "../support/clock";
import { startTestSmtp, type TestSmtp } from "../support/smtp";
import { createDistrict, createOrganisation } from "../../seed/factories";
import { LIFECYCLE, createCast, createDraftCase, driveCase, type Cast, type CastRole } from "../../seed/case-factory";
import { cases, emailOutbox } from "../../db/schema";
import { CASE_TEXTS } from "../../emails/case-notifications";
import { RECEIPT_TEXTS } from "../../emails/receipts";
import { INTERNAL_TEMPLATES, type NotificationTemplate, type ReceiptKind } from "../../workflows";
import { createMailWorker, type MailWorkerOptions } from "../../app/mail/worker.server";
import { enqueueEmail } from "../../app/mail/outbox.server";

const portal = setupPortal();
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp.close();
});
afterEach(async () => {
  smtp.mode = "up";
  smtp.onAccepted = undefined;
  smtp.received.length = 0;
  // Every test starts from an outbox with nothing left to deliver.
  await portal.db.update(emailOutbox).set({ status: "sent" });
});

const worker = (options: MailWorkerOptions = {}) =>
  createMailWorker({ mode: "smtp", smtpUrl: smtp.url, reminderIntervalMs: 0, log: () => {}, ...options });

async function world() {
  const district = await createDistrict(portal.db);
  const organisation = await createOrganisation(portal.db);
  const parties = { organisationId: organisation.id, districtId: district.id };
  return { district, parties, cast: await createCast(portal.db, parties) };
}

async function queueMessages(count: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(
      await enqueueEmail(portal.db, { email: `mottagare-${i}@test.example` }, {
        template: "test",
        subject: `Meddelande ${i}`,
        text: `Text ${i}`,
        html: `<p>Text ${i}</p>`,
      }),
    );
  }
  return ids;
}

/** Who should get what at each lifecycle step: read from the workflow's recipients, written down once. */
const EXPECTED: Record<string, [NotificationTemplate, CastRole[]][]> = {
  submit: [["application_received", ["caseworker"]]],
  take: [["case_assigned", ["applicant"]]],
  "request completion": [["completion_requested", ["applicant"]]],
  resubmit: [["completion_resubmitted", ["caseworker"]]],
  "statement to attestation": [["statement_ready_for_attestation", ["headOfUnit"]]],
  "head of unit returns": [["attestation_returned", ["caseworker"]]],
  "statement to attestation again": [["statement_ready_for_attestation", ["headOfUnit"]]],
  "head of unit attests": [["statement_ready_for_attestation", ["director"]]],
  "director attests": [["statement_attested", ["caseworker", "registrar"]]],
  "bifall registered": [["decision_approved", ["applicant", "signatory", "caseworker"]]],
  "send for signing": [["agreement_ready_to_sign", ["applicant", "signatory", "headOfUnit", "director"]]],
  "förening signs": [["agreement_signed_by_other_party", ["caseworker", "headOfUnit", "director"]]],
  // Signed before the agreement starts: "Dags att rapportera" waits (the reminder before the due date says it).
  "chef signs": [["agreement_in_force", ["applicant", "signatory", "caseworker"]]],
  "first report": [["report_submitted", ["caseworker"]]],
  "report completion requested": [["report_returned", ["applicant"]]],
  "report resubmitted": [["report_resubmitted", ["caseworker"]]],
  "first report approved": [
    ["report_approved", ["applicant"]],
    ["report_due", ["applicant"]],
  ],
  "second report": [["report_submitted", ["caseworker"]]],
  "second report approved": [["report_approved", ["applicant"]]],
  "agreement period over": [["final_report_due", ["applicant", "caseworker"]]],
  "final report": [["final_report_submitted", ["caseworker"]]],
  "final statement to attestation": [["statement_ready_for_attestation", ["headOfUnit"]]],
  "head of unit attests final": [["statement_ready_for_attestation", ["director"]]],
  "director attests final": [["statement_attested", ["caseworker", "registrar"]]],
  "nämnd approves final report": [
    ["final_report_approved", ["applicant", "signatory", "caseworker"]],
    ["renegotiation_opened", ["applicant", "signatory", "caseworker"]],
  ],
};

/** The förening's receipt (kvittens) at every step where it sends something in: to its kontaktperson. */
const RECEIPTS: Record<string, ReceiptKind> = {
  submit: "application",
  resubmit: "completion",
  "first report": "report",
  "report resubmitted": "reportCompletion",
  "second report": "report",
  "final report": "finalReport",
};

describe("a whole partnership", () => {
  it("delivers exactly the expected messages to exactly the expected people", async () => {
    const { district, parties, cast } = await world();
    const emailOf = new Map<CastRole, string>();
    const { users } = await import("../../db/schema");
    for (const [role, actor] of Object.entries(cast) as [CastRole, Cast[CastRole]][]) {
      if (actor.kind !== "user") continue;
      const [u] = await portal.db.select({ email: users.email }).from(users).where(eq(users.id, actor.id));
      emailOf.set(role, u!.email);
    }
    const caseId = await createDraftCase(parties, cast);
    const expected: string[] = [];
    const mailer = worker();
    for (const step of LIFECYCLE) {
      await driveCase(caseId, cast, [step]);
      await mailer.drain();
      for (const [template, roles] of EXPECTED[step.name] ?? []) {
        for (const role of roles) expected.push(`${emailOf.get(role)} ${CASE_TEXTS[template].subject}`);
      }
      const receipt = RECEIPTS[step.name];
      if (receipt) expected.push(`${emailOf.get("applicant")} ${RECEIPT_TEXTS[receipt].subject}`);
    }
    await mailer.stop();
    const received = smtp.received.map((m) => `${m.to.join(",")} ${m.subject!.replace(/^\S+ \d{4}\/\d+ /, "").replace(/ – .*$/, "")}`);
    expect(received.sort()).toEqual(expected.sort());

    const association = new Set([emailOf.get("applicant"), emailOf.get("signatory")]);
    const internalSubjects = INTERNAL_TEMPLATES.map((t) => CASE_TEXTS[t].subject);
    const code = district.code.toLowerCase();
    // The renegotiation mail leads the förening to the new case the decision opened, not to the closed
    // one; staff, who cannot open a draft, to the decided case.
    const [next] = await portal.db.select({ id: cases.id }).from(cases).where(eq(cases.previousCaseId, caseId));
    const renegotiationSubject = CASE_TEXTS.renegotiation_opened.subject;
    for (const mail of smtp.received) {
      const linkedCase = mail.subject!.includes(renegotiationSubject) && association.has(mail.to[0]) ? next!.id : caseId;
      // Förvaltning-internal steps never reach the förening.
      if (association.has(mail.to[0])) expect(internalSubjects.some((s) => mail.subject!.includes(s))).toBe(false);
      expect(mail.text).toContain(`Diarienummer: ${district.code} 2025/1`);
      expect(mail.text).toMatch(/Nästa steg: \S/);
      const link = /Öppna ärendet i IOP-portalen: (\S+)/.exec(mail.text)![1]!;
      expect(new URL(link).pathname).toBe(
        association.has(mail.to[0]) ? `/forening/arenden/${linkedCase}` : `/forvaltning/${code}/arenden/${linkedCase}`,
      );
      expect(mail.messageId).toBe(`<outbox-${mail.outboxId}@iop-portalen>`);
    }
    const rows = await portal.db.select().from(emailOutbox).where(eq(emailOutbox.caseId, caseId));
    expect(rows.every((r) => r.status === "sent" && r.sentAt !== null)).toBe(true);

    // Every link opens the case for the person it was sent to.
    const { startSession } = await import("../../app/auth/session.server");
    const roleOf = new Map([...emailOf].map(([role, email]) => [email, role]));
    const cookies = new Map<string, string>();
    for (const mail of smtp.received) {
      const actor = cast[roleOf.get(mail.to[0]!)!];
      if (actor.kind !== "user") continue;
      if (!cookies.has(actor.id)) cookies.set(actor.id, (await startSession(actor.id)).split(";")[0]!);
      const visitor = portal.visitor();
      visitor.cookie = cookies.get(actor.id)!;
      const link = /Öppna ärendet i IOP-portalen: (\S+)/.exec(mail.text)![1]!;
      const response = await visitor.get(new URL(link).pathname);
      expect(response.status, `${mail.subject} → ${link}`).toBe(200);
    }
  });
});

describe("when SMTP is down", () => {
  it("keeps the messages of 100 transitions and delivers each once when it is back", async () => {
    const { parties, cast } = await world();
    smtp.mode = "down";
    const mailer = worker({ backoff: { baseMs: 20, capMs: 40 }, batchSize: 40 });
    const caseIds: string[] = [];
    for (let i = 0; i < 50; i++) caseIds.push(await createDraftCase(parties, cast, `Ärende ${i}`));
    for (const [i, caseId] of caseIds.entries()) {
      await driveCase(caseId, cast, LIFECYCLE.slice(0, 2)); // 2 transitions each: 100 in all
      if (i % 10 === 0) await mailer.drain();
    }
    await mailer.drain();
    const rows = await portal.db.select().from(emailOutbox).where(inArray(emailOutbox.caseId, caseIds));
    expect(rows.length).toBe(150);
    expect(smtp.received).toHaveLength(0);
    const waiting = await portal.db.select().from(emailOutbox).where(inArray(emailOutbox.caseId, caseIds));
    expect(waiting.every((r) => r.status === "queued")).toBe(true);
    const tried = waiting.filter((r) => r.lastError !== null);
    expect(tried.length).toBeGreaterThan(0);
    expect(tried.every((r) => r.lastError!.includes("421"))).toBe(true);

    smtp.mode = "up";
    const deadline = Date.now() + 20_000;
    while (smtp.received.length < rows.length && Date.now() < deadline) {
      await mailer.drain();
      await new Promise((r) => setTimeout(r, 30));
    }
    await mailer.stop();
    const ids = smtp.received.map((m) => m.outboxId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(rows.map((r) => r.id)));
    const after = await portal.db.select().from(emailOutbox).where(inArray(emailOutbox.caseId, caseIds));
    expect(after.every((r) => r.status === "sent")).toBe(true);
  });

  it("retries a 451 and gives up at once on a 550, without the address in the error", async () => {
    const [id] = await queueMessages(1);
    smtp.mode = "busy";
    const clock = testClock();
    const mailer = worker({ backoff: { baseMs: 1_000, capMs: 1_000 }, now: clock.now });
    expect(await mailer.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    smtp.mode = "reject";
    expect((await mailer.runOnce()).claimed).toBe(0); // the backoff holds it back
    clock.advance(1_201);
    expect(await mailer.runOnce()).toMatchObject({ claimed: 1, failed: 1 });
    await mailer.stop();
    const [row] = await portal.db.select().from(emailOutbox).where(eq(emailOutbox.id, id!));
    expect(row).toMatchObject({ status: "failed", attempts: 2 });
    expect(row!.lastError).toContain("550");
    expect(row!.lastError).not.toContain("mottagare-0@test.example");
  });

  it("marks a message failed after the last attempt", async () => {
    const [id] = await queueMessages(1);
    smtp.mode = "busy";
    const clock = testClock();
    const mailer = worker({ backoff: { baseMs: 1_000, capMs: 1_000 }, maxAttempts: 3, now: clock.now });
    for (let i = 0; i < 3; i++) {
      expect((await mailer.runOnce()).claimed).toBe(1);
      clock.advance(1_201);
    }
    await mailer.stop();
    const [row] = await portal.db.select().from(emailOutbox).where(eq(emailOutbox.id, id!));
    expect(row).toMatchObject({ status: "failed", attempts: 3 });
  });
});

describe("crashes and competition", () => {
  it("loses nothing when the worker dies in the middle of a batch, and a resent message keeps its Message-ID", async () => {
    const ids = await queueMessages(20);
    // Both workers read one clock that only the test moves: the lease runs out when it says so.
    const clock = testClock();
    const first = worker({ batchSize: 20, concurrency: 1, leaseMs: 60_000, now: clock.now });
    smtp.onAccepted = () => {
      if (smtp.received.length === 5) first.kill();
    };
    await first.runOnce();
    await smtp.waitFor(5);
    const rows = await portal.db.select().from(emailOutbox).where(inArray(emailOutbox.id, ids));
    // The row SMTP accepted as the worker died is still `sending`; the rest of the batch too.
    expect(rows.filter((r) => r.status === "sent")).toHaveLength(4);
    expect(rows.filter((r) => r.status === "sending")).toHaveLength(16);

    const second = worker({ batchSize: 50, leaseMs: 60_000, now: clock.now });
    // The lease still holds: nobody else may take these rows yet, not even a second before it ends.
    expect((await second.runOnce()).claimed).toBe(0);
    clock.advance(59_000);
    expect((await second.runOnce()).claimed).toBe(0);
    clock.advance(1_001);
    await second.drain();
    await second.stop();

    const after = await portal.db.select().from(emailOutbox).where(inArray(emailOutbox.id, ids));
    expect(after.every((r) => r.status === "sent")).toBe(true);
    expect(new Set(smtp.received.map((m) => m.outboxId))).toEqual(new Set(ids));
    expect(smtp.received).toHaveLength(21);
    const fifth = smtp.received[4]!;
    const again = smtp.received.filter((m) => m.outboxId === fifth.outboxId);
    expect(again).toHaveLength(2);
    expect(again[1]!.messageId).toBe(again[0]!.messageId);
    expect(fifth.messageId).toBe(`<outbox-${fifth.outboxId}@iop-portalen>`);
  });

  it("two workers on one outbox never send the same row", async () => {
    const ids = await queueMessages(80);
    const a = worker({ batchSize: 5, concurrency: 2, pollMs: 10 });
    const b = worker({ batchSize: 5, concurrency: 2, pollMs: 10 });
    a.start();
    b.start();
    await smtp.waitFor(80);
    await new Promise((r) => setTimeout(r, 100));
    await Promise.all([a.stop(), b.stop()]);
    const received = smtp.received.map((m) => m.outboxId);
    expect(received).toHaveLength(80);
    expect(new Set(received)).toEqual(new Set(ids));
    const rows = await portal.db.select().from(emailOutbox).where(inArray(emailOutbox.id, ids)).orderBy(asc(emailOutbox.position));
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });
});
