/** The SMTP side of delivery: one pooled nodemailer transport and what an SMTP failure means. */
import nodemailer from "nodemailer";

export interface OutgoingMessage {
  id: string;
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
}

export interface MailTransport {
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}

export function smtpTransport(url: string, connections = 4): MailTransport {
  const parsed = new URL(url);
  const secure = parsed.protocol === "smtps:";
  const transport = nodemailer.createTransport({
    host: parsed.hostname,
    port: Number(parsed.port || (secure ? 465 : 587)),
    secure,
    auth: parsed.username
      ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) }
      : undefined,
    pool: true,
    maxConnections: connections,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(m) {
      await transport.sendMail({
        messageId: m.messageId,
        from: m.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html ?? undefined,
        headers: { "X-IOP-Outbox-Id": m.id },
      });
    },
    close: () => transport.close(),
  };
}

/** A 5xx answer will not change on retry (unknown mailbox, rejected message). */
export function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

/**
 * The server itself is unreachable or refuses service (421 at the greeting, connection refused, timeout):
 * the rest of the batch would fail the same way, so it waits for the next attempt without trying.
 */
export function isServerUnavailable(error: unknown): boolean {
  const e = error as { responseCode?: unknown; code?: unknown; command?: unknown };
  if (e.responseCode === 421) return true;
  return typeof e.code === "string" && ["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ECONNREFUSED"].includes(e.code) && e.responseCode === undefined;
}

/**
 * The error as stored in last_error and logged: SMTP servers echo addresses in their answers, and
 * neither the table's error column nor the log should hold personal data.
 */
export function describeError(error: unknown): string {
  const e = error as { responseCode?: number; code?: string; response?: string; message?: string };
  const text = (e.response ?? e.message ?? String(error)).replace(/[^\s<>"'()]+@[^\s<>"'()]+/g, "[adress]");
  return [e.responseCode, e.code, text.slice(0, 300)].filter(Boolean).join(" ");
}
