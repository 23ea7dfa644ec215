/**
 * Where mail goes: SMTP when SMTP_URL is set; otherwise the development mailbox (/dev/mail), which is
 * off in production unless DEV_MAILBOX=true (npm start sets it for the demo); otherwise nowhere, and
 * rows wait in the outbox until SMTP is configured.
 */
import { smtpUrl } from "../utils/config.server";

export type MailMode = "smtp" | "devMailbox" | "off";

// Read through an alias: the Remix compiler replaces the literal `process.env.NODE_ENV` with the
// build's mode, and this must be the mode the process runs in.
const env = process.env;

export function mailMode(): MailMode {
  if (smtpUrl()) return "smtp";
  if (env.NODE_ENV !== "production" || env.DEV_MAILBOX === "true") return "devMailbox";
  return "off";
}

export const devMailboxEnabled = () => mailMode() === "devMailbox";

/** MAIL_WORKER=false: this process does not deliver (another process runs `npm run worker`). */
export const mailWorkerEnabled = () => process.env.MAIL_WORKER !== "false";

export function mailFrom(): string {
  return process.env.MAIL_FROM ?? "IOP-portalen <no-reply@iop-portalen.invalid>";
}

/** Stable per outbox row, so a message sent again after a crash is recognisable as the same one. */
export const messageIdFor = (outboxId: string) => `<outbox-${outboxId}@iop-portalen>`;
