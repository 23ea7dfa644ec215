/**
 * Delivers the outbox: claim a batch of due rows, send each, record the outcome. Runs inside the app
 * process by default (server/index.ts) and as its own process (server/worker.ts); any number of
 * workers can share one outbox (see docs/decisions/0008-mail-delivery.md).
 */
import { getDb } from "../../db/client";
import {
  backoffMs,
  claimDue,
  markFailed,
  markRetry,
  markSent,
  outageDelayMs,
  renewLease,
  type ClaimedMail,
} from "./delivery.server";
import { mailFrom, mailMode, messageIdFor, type MailMode } from "./config.server";
import { describeError, isPermanent, isServerUnavailable, smtpTransport, type MailTransport } from "./smtp.server";
import { runReminders } from "./reminders.server";
import { logError, logInfo } from "../utils/log.server";
import { isConnectionError } from "../../db/errors";

const DATABASE_RETRY_MS = 250;

export interface MailWorkerOptions {
  /** Defaults to the environment (SMTP_URL, DEV_MAILBOX, NODE_ENV). */
  mode?: MailMode;
  smtpUrl?: string;
  batchSize?: number;
  /** Messages in flight at once (and SMTP connections); MAIL_CONCURRENCY, default 8. */
  concurrency?: number;
  /** How long a claimed row belongs to this worker before another may take it. */
  leaseMs?: number;
  pollMs?: number;
  maxAttempts?: number;
  backoff?: { baseMs: number; capMs: number };
  /** 0 turns the reminder timer off. */
  reminderIntervalMs?: number;
  log?: (line: string) => void;
  /**
   * The worker's clock (tests): leases, retries, the outage give-up and the reminders count from it
   * instead of the database's `now()`, so a test moves it past a lease rather than sleeping.
   */
  now?: () => Date;
}

export interface BatchResult {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
}

export interface MailWorker {
  /** Claims and delivers one batch. */
  runOnce(): Promise<BatchResult>;
  /** Delivers batch after batch until nothing is due or a batch delivered nothing (SMTP down). */
  drain(): Promise<BatchResult>;
  start(): void;
  /** Finishes the batch in hand, then stops. */
  stop(): Promise<void>;
  /** Stops at once without recording anything more, like a crash (tests). */
  kill(): void;
}

export function createMailWorker(options: MailWorkerOptions = {}): MailWorker {
  const mode = options.mode ?? mailMode();
  const batchSize = options.batchSize ?? 50;
  const concurrency = options.concurrency ?? Number(process.env.MAIL_CONCURRENCY ?? 8);
  // Short, and renewed while a message is being sent: a crashed worker's rows are due again within
  // seconds, while a slow SMTP server does not make a second worker send the same message.
  const leaseMs = options.leaseMs ?? Number(process.env.MAIL_LEASE_MS ?? 15_000);
  const pollMs = options.pollMs ?? 500;
  const maxAttempts = options.maxAttempts ?? 8;
  // MAIL_RETRY_BASE_MS: the first wait after a failed try (the fault suite shortens it to 5 s).
  const backoff = options.backoff ?? { baseMs: Number(process.env.MAIL_RETRY_BASE_MS ?? 30_000), capMs: 60 * 60_000 };
  // A mail server outage uses up no attempts; the message keeps waiting this long before it fails.
  const outageGiveUpMs = Number(process.env.MAIL_OUTAGE_GIVE_UP_MS ?? 72 * 3600_000);
  const reminderIntervalMs = options.reminderIntervalMs ?? 15 * 60_000;
  const log = options.log ?? ((line: string) => logInfo(line));
  const url = options.smtpUrl ?? process.env.SMTP_URL;
  // undefined: the database's clock (every worker agrees on it); a test's clock otherwise.
  const clock = options.now ? () => options.now!() : () => undefined;
  const nowMs = () => clock()?.getTime() ?? Date.now();
  let transport: MailTransport | null = null;
  let killed = false;
  let running = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  let reminderTimer: NodeJS.Timeout | null = null;
  let warnedOff = false;

  const transportFor = () => {
    if (!url) throw new Error("SMTP_URL saknas");
    transport ??= smtpTransport(url, concurrency);
    return transport;
  };

  async function deliver(row: ClaimedMail, result: BatchResult, batch: { unavailable: string | null }) {
    const db = await getDb();
    const waitForServer = async (description: string) => {
      if (nowMs() - row.createdAt.getTime() > outageGiveUpMs) {
        await markFailed(db, row.id, description);
        result.failed++;
        log(`[e-post] utskick ${row.id} gavs upp: e-postservern gick inte att nå på länge`);
        return;
      }
      await markRetry(db, row.id, outageDelayMs(row.createdAt, backoff.baseMs, backoff.capMs, nowMs()), description, true, clock());
      result.retried++;
    };
    if (batch.unavailable) {
      await waitForServer(batch.unavailable);
      return;
    }
    if (mode === "devMailbox") {
      await markSent(db, row.id, "dev-mailbox", clock());
      result.sent++;
      return;
    }
    // Until when this row is surely ours: the claim's lease, pushed on by each renewal that got through.
    let leaseUntil = row.claimedAt + leaseMs;
    const renewal = setInterval(() => {
      const asked = nowMs();
      void renewLease(db, row.id, leaseMs, clock())
        .then(() => (leaseUntil = asked + leaseMs))
        .catch(() => {});
    }, leaseMs / 3);
    try {
      let sendError: unknown = null;
      try {
        await transportFor().send({
          id: row.id,
          messageId: messageIdFor(row.id),
          from: mailFrom(),
          to: row.recipientEmail,
          subject: row.subject,
          text: row.textBody,
          html: row.htmlBody,
        });
      } catch (error) {
        sendError = error;
      }
      if (killed) return;
      if (!sendError) {
        // The SMTP server has the message: "sent" must be recorded even while the database restarts,
        // or the row comes due again and the message goes out twice. A database error here is no
        // failure of the message; if it lasts past the lease, the row is simply due again.
        await throughDatabaseOutage(() => markSent(db, row.id, undefined, clock()), () => leaseUntil);
        result.sent++;
        return;
      }
      const description = describeError(sendError);
      if (isServerUnavailable(sendError)) {
        batch.unavailable = description;
        await waitForServer(description);
      } else if (isPermanent(sendError) || row.attempts >= maxAttempts) {
        await markFailed(db, row.id, description);
        result.failed++;
        log(`[e-post] utskick ${row.id} misslyckades efter ${row.attempts} försök: ${description}`);
      } else {
        await markRetry(db, row.id, backoffMs(row.attempts, backoff.baseMs, backoff.capMs), description, false, clock());
        result.retried++;
      }
    } finally {
      clearInterval(renewal);
    }
  }

  /**
   * Runs a write, again and again while the database cannot be reached, as long as the lease keeps the
   * row this worker's (with a second's margin); then gives up and the row is due again after the lease.
   */
  async function throughDatabaseOutage(write: () => Promise<void>, leaseUntil: () => number) {
    for (;;) {
      try {
        return await write();
      } catch (error) {
        if (killed || !isConnectionError(error) || nowMs() + 1_000 + DATABASE_RETRY_MS > leaseUntil()) throw error;
        await new Promise((resolve) => setTimeout(resolve, DATABASE_RETRY_MS));
      }
    }
  }

  async function runOnce(): Promise<BatchResult> {
    const result: BatchResult = { claimed: 0, sent: 0, retried: 0, failed: 0 };
    if (mode === "off") {
      if (!warnedOff) log("[e-post] Varken SMTP_URL eller DEV_MAILBOX är satt: e-post väntar i utkorgen.");
      warnedOff = true;
      return result;
    }
    if (killed) return result;
    const rows = await claimDue(await getDb(), batchSize, leaseMs, clock());
    result.claimed = rows.length;
    let next = 0;
    const batch = { unavailable: null as string | null };
    await Promise.all(
      Array.from({ length: Math.min(concurrency, rows.length) }, async () => {
        while (next < rows.length && !killed) await deliver(rows[next++]!, result, batch);
      }),
    );
    return result;
  }

  async function drain(): Promise<BatchResult> {
    const total: BatchResult = { claimed: 0, sent: 0, retried: 0, failed: 0 };
    for (;;) {
      const r = await runOnce();
      for (const key of Object.keys(total) as (keyof BatchResult)[]) total[key] += r[key];
      // Rows put back for a retry may be due again at once with a short backoff: stop when a batch
      // delivered nothing, or they would be tried over and over within one drain.
      if (r.claimed === 0 || r.sent + r.failed === 0 || killed) return total;
    }
  }

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function reminders() {
    try {
      const done = await runReminders(clock());
      if (done.reminders + done.periodsElapsed > 0) {
        log(`[påminnelser] ${done.reminders} påminnelser, ${done.periodsElapsed} avtalsperioder avslutade`);
      }
    } catch (error) {
      logError("[påminnelser] fel", error);
    }
  }

  return {
    runOnce,
    drain,
    start() {
      if (running) return;
      running = true;
      if (reminderIntervalMs > 0) {
        void reminders();
        reminderTimer = setInterval(() => void reminders(), reminderIntervalMs);
        reminderTimer.unref();
      }
      loop = (async () => {
        while (running && !killed) {
          try {
            const r = await runOnce();
            if (r.claimed === batchSize) continue;
          } catch (error) {
            logError("[e-post] fel i utskicket", error);
          }
          if (running && !killed) await sleep(pollMs);
        }
      })();
    },
    async stop() {
      running = false;
      if (reminderTimer) clearInterval(reminderTimer);
      wake?.();
      await loop;
      transport?.close();
      transport = null;
    },
    kill() {
      killed = true;
      running = false;
      if (reminderTimer) clearInterval(reminderTimer);
      wake?.();
      transport?.close();
      transport = null;
    },
  };
}
