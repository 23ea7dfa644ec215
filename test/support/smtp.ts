/**
 * A real SMTP server in the test process (smtp-server) on a free port, collecting what it accepts.
 * `mode` makes it answer like a server that is down (421 on connect), busy (451) or refusing (550).
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  messageId: string | null;
  outboxId: string | null;
  subject: string | null;
  raw: string;
  /** The text part, quoted-printable decoded. */
  text: string;
  acceptedAt: number;
}

export type SmtpMode = "up" | "down" | "busy" | "reject";

export interface TestSmtp {
  url: string;
  received: ReceivedMail[];
  mode: SmtpMode;
  /** Called after each accepted message (e.g. to kill a worker in the middle of a batch). */
  onAccepted?: (mail: ReceivedMail) => void;
  /** Called when a message has arrived, before the server answers 250: a promise holds the answer back. */
  beforeReply?: (mail: ReceivedMail) => Promise<void> | void;
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const header = (raw: string, name: string) => {
  const match = new RegExp(`^${name}:[ \\t]*((?:.*)(?:\\r?\\n[ \\t].*)*)`, "im").exec(raw);
  return match ? match[1]!.replace(/\r?\n[ \t]+/g, " ").trim() : null;
};

function decodeQuotedPrintable(input: string): string {
  const bytes = input
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

function textPart(raw: string): string {
  const match = /Content-Type: text\/plain[^\r\n]*\r?\n((?:[^\r\n]+\r?\n)*)\r?\n([\s\S]*?)(?:\r?\n--|$)/i.exec(raw);
  if (!match) return "";
  const body = match[2]!;
  const encoding = /Content-Transfer-Encoding:\s*(\S+)/i.exec(match[1]!)?.[1]?.toLowerCase();
  if (encoding === "quoted-printable") return decodeQuotedPrintable(body);
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  return body;
}

function decodeSubject(value: string | null): string | null {
  if (!value) return null;
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, kind: string, text: string) =>
    kind.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : decodeQuotedPrintable(text.replace(/_/g, " ")),
  );
}

const smtpError = (message: string, responseCode: number) => Object.assign(new Error(message), { responseCode });

export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const waiters: (() => void)[] = [];
  const state: Omit<TestSmtp, "url" | "close" | "waitFor"> = { received, mode: "up" };
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    logger: false,
    onConnect(_session, callback) {
      if (state.mode === "down") return callback(smtpError("Tjänsten är tillfälligt nere", 421));
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (state.mode === "busy") return callback(smtpError("Försök igen senare", 451));
      if (state.mode === "reject") return callback(smtpError(`Okänd mottagare ${address.address}`, 550));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const mail: ReceivedMail = {
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          messageId: header(raw, "Message-ID"),
          outboxId: header(raw, "X-IOP-Outbox-Id"),
          subject: decodeSubject(header(raw, "Subject")),
          raw,
          text: textPart(raw),
          acceptedAt: Date.now(),
        };
        const reply = () => {
          received.push(mail);
          callback();
          state.onAccepted?.(mail);
          for (const w of waiters.splice(0)) w();
        };
        const held = state.beforeReply?.(mail);
        if (held) void held.then(reply);
        else reply();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(state, {
    url: `smtp://127.0.0.1:${port}`,
    async waitFor(count: number, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`waited for ${count} messages, got ${received.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
