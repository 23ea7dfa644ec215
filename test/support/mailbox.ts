/**
 * A file's own SMTP server and the worker that delivers to it: started before the file's tests, with
 * whatever the seed queued marked sent, so a test sees only the mail its own steps cause.
 */
import { afterAll, beforeAll } from "vitest";
import { createMailWorker } from "../../app/mail/worker.server";
import { emailOutbox } from "../../db/schema";
import type { Portal } from "./portal";
import { startTestSmtp, type TestSmtp } from "./smtp";

export interface Mailbox {
  readonly smtp: TestSmtp;
  /** Sends everything the outbox holds now, through real SMTP, and waits until it is done. */
  deliver(): Promise<void>;
}

export function setupMailbox(portal: Portal): Mailbox {
  let smtp: TestSmtp | undefined;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    await portal.db.update(emailOutbox).set({ status: "sent" });
  });
  afterAll(async () => {
    await smtp?.close();
  });
  const started = () => {
    if (!smtp) throw new Error("The mailbox starts in beforeAll.");
    return smtp;
  };
  return {
    get smtp() {
      return started();
    },
    async deliver() {
      const mailer = createMailWorker({ mode: "smtp", smtpUrl: started().url, reminderIntervalMs: 0, log: () => {} });
      await mailer.drain();
      await mailer.stop();
    },
  };
}
