/**
 * Mail faults against the real SMTP test server: an outage of the mail server must not use up a
 * message's attempts (it is delivered once the server is back), while a message the server rejects
 * for good counts and ends as failed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { setupPortal } from "../support/portal";
import { startTestSmtp, type TestSmtp } from "../support/smtp";
import { emailOutbox } from "../../db/schema";
import { createMailWorker } from "../../app/mail/worker.server";
import { enqueueEmail } from "../../app/mail/outbox.server";

const portal = setupPortal();
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp.close();
});

const worker = () => createMailWorker({ mode: "smtp", smtpUrl: smtp.url, reminderIntervalMs: 0, maxAttempts: 3, log: () => {} });

async function queue(subject: string) {
  await portal.db.update(emailOutbox).set({ status: "sent" });
  return enqueueEmail(portal.db, { email: "mottagare@test.example" }, { template: "test", subject, text: "Text", html: "<p>Text</p>" });
}

const rowOf = async (id: string) => (await portal.db.select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0]!;
/** As if the backoff had passed. */
const makeDue = (id: string) => portal.db.update(emailOutbox).set({ nextAttemptAt: sql`now()` }).where(eq(emailOutbox.id, id));

describe("mail faults", () => {
  it("keeps a message's attempts while the SMTP server is down, and delivers it once when it is back", async () => {
    const id = await queue("Under avbrottet");
    smtp.mode = "down";
    const w = worker();
    for (let round = 0; round < 5; round++) {
      await makeDue(id);
      await w.runOnce();
    }
    const waiting = await rowOf(id);
    expect(waiting.status).toBe("queued");
    expect(waiting.attempts).toBe(0);

    smtp.mode = "up";
    await makeDue(id);
    await w.drain();
    await w.stop();
    expect((await rowOf(id)).status).toBe("sent");
    expect(smtp.received.filter((m) => m.subject === "Under avbrottet")).toHaveLength(1);
  });

  it("counts a permanent rejection (550) and ends the message as failed", async () => {
    const id = await queue("Avvisas");
    smtp.mode = "reject";
    const w = worker();
    await w.runOnce();
    await w.stop();
    smtp.mode = "up";
    const row = await rowOf(id);
    expect(row.status).toBe("failed");
    expect(row.attempts).toBe(1);
  });

  it("leases a claimed message briefly, so a crashed worker's message is retried within seconds", async () => {
    const id = await queue("Kraschar");
    const w = worker();
    // The worker dies after the server took the message but before it recorded that.
    smtp.onAccepted = () => w.kill();
    await w.runOnce().catch(() => {});
    smtp.onAccepted = undefined;
    const row = await rowOf(id);
    expect(row.status).toBe("sending");
    expect(row.nextAttemptAt.getTime() - Date.now()).toBeLessThan(30_000);
  });
});
