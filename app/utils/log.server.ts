/**
 * The one logger (ADR 0018): every line the server, the Remix build, the mail worker
 * and the database client write goes through here. A line names the request (an id generated per
 * request, also sent as X-Request-Id and shown on error pages), its method and route pattern, and for
 * an error its class, code and stack frames. It never holds what a person typed or who they are:
 * error messages are scrubbed, and a failed statement's parameters, PostgreSQL's `detail` ("Failing
 * row contains …"), form content, cookies and query strings are never read at all.
 *
 * The Remix build is a separate bundle, so the request context lives on a global symbol that both
 * copies of this module find.
 */
import crypto from "node:crypto";
import { AsyncLocalStorage } from "node:async_hooks";

export interface RequestLogContext {
  requestId: string;
  method: string;
  /** Route pattern ("/inbjudan/:token") or path without query string; worked out only when logged. */
  route: () => string;
}

const KEY = Symbol.for("iop-portalen.log-context");
const global = globalThis as typeof globalThis & { [KEY]?: AsyncLocalStorage<RequestLogContext> };
const storage = (global[KEY] ??= new AsyncLocalStorage<RequestLogContext>());

// Crockford's base32 without look-alikes: short enough to read out on the phone.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A new request id: ten characters, 50 random bits. */
export function newRequestId(): string {
  const bytes = crypto.randomBytes(10);
  let id = "";
  for (const byte of bytes) id += ALPHABET[byte % 32];
  return id;
}

export function runWithLogContext<T>(context: RequestLogContext, handle: () => T): T {
  return storage.run(context, handle);
}

export function currentLogContext(): RequestLogContext | undefined {
  return storage.getStore();
}

/** The current request's id, if any. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

type Fields = Record<string, string | number | boolean | undefined>;

function prefix(level: string): string {
  const context = storage.getStore();
  const request = context ? ` req=${context.requestId} ${context.method} ${context.route()}` : "";
  return `${new Date().toISOString()} ${level}${request}`;
}

function formatFields(fields: Fields | undefined): string {
  if (!fields) return "";
  return Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}=${typeof v === "string" ? scrubText(v) : String(v)}`)
    .join("");
}

/** An event the operator may want to see; `message` is our own text, never user input. */
export function logInfo(message: string, fields?: Fields): void {
  process.stdout.write(`${prefix("INFO")} ${message}${formatFields(fields)}\n`);
}

export function logWarn(message: string, fields?: Fields): void {
  process.stderr.write(`${prefix("WARN")} ${message}${formatFields(fields)}\n`);
}

/** An error: what failed (our own words), then the error's class, code and scrubbed stack. */
export function logError(message: string, error: unknown, fields?: Fields): void {
  process.stderr.write(`${prefix("ERROR")} ${message}${formatFields(fields)}\n${describeError(error)}\n`);
}

/** Output of a command-line script (tables, summaries): printed as it is, not a log line. */
export function printLine(text = ""): void {
  process.stdout.write(`${text}\n`);
}

/**
 * Values that may identify a person or open a session, as they may appear in an error message:
 * anything quoted (PostgreSQL quotes the offending value: `invalid input syntax for type uuid: "…"`),
 * e-mail addresses, runs of four or more digits (personnummer, phone numbers), uuids and long tokens.
 */
export function scrubText(text: string): string {
  return text
    .replace(/"[^"]*"|'[^']*'|`[^`]*`|«[^»]*»|“[^”]*”/gu, "\"…\"")
    .replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/gu, "[e-post]")
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/giu, "[id]")
    .replace(/[A-Za-z0-9_\-+/=]{20,}/gu, "[värde]")
    .replace(/\d[\d\s\-+]{2,}\d/gu, (run) => (run.replace(/\D/gu, "").length >= 4 ? "[tal]" : run))
    .slice(0, 300);
}

const CODE = /^[0-9A-Za-z_]{2,40}$/u;
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/u;

/** One error of the chain: class, code and the schema names PostgreSQL gives, nothing typed. */
function headline(error: unknown): string {
  if (!(error instanceof Error) && (typeof error !== "object" || error === null)) return `${typeof error} thrown`;
  const e = error as Record<string, unknown> & { name?: unknown; message?: unknown };
  const name = typeof e.name === "string" && CODE.test(e.name) ? e.name : (error.constructor?.name ?? "Error");
  const parts = [name];
  if (typeof e.code === "string" && CODE.test(e.code)) parts.push(`code=${e.code}`);
  for (const [label, keys] of [
    ["table", ["table_name", "table"]],
    ["column", ["column_name", "column"]],
    ["constraint", ["constraint_name", "constraint"]],
  ] as const) {
    const value = keys.map((k) => e[k]).find((v) => typeof v === "string");
    if (typeof value === "string" && IDENTIFIER.test(value)) parts.push(`${label}=${value}`);
  }
  // A failed statement (drizzle's "Failed query: … params: …", postgres.js's `query`/`parameters`):
  // the message is the statement and its values, so it is left out; a database error's message may
  // quote a value, so its class and code say enough.
  const isStatement = "query" in e || "params" in e || "parameters" in e;
  const isDatabaseError = typeof e.code === "string" && /^[0-9A-Z]{5}$/u.test(e.code);
  if (isStatement) parts.push("(failed statement; its text and values are not logged)");
  else if (!isDatabaseError && typeof e.message === "string" && e.message) parts.push(`: ${scrubText(e.message)}`);
  return parts.join(" ");
}

/** Stack frames only: the first lines of a stack repeat the message. */
function frames(error: unknown): string {
  const stack = error instanceof Error ? error.stack : undefined;
  if (!stack) return "";
  return stack
    .split("\n")
    .filter((line) => /^\s+at /u.test(line))
    .slice(0, 15)
    .map((line) => `    ${line.trim().slice(0, 300)}`)
    .join("\n");
}

/** The error and its causes as log lines, with nothing personal in them. */
export function describeError(error: unknown): string {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth++) {
    lines.push(`  ${depth === 0 ? "" : "caused by "}${headline(current)}`);
    const stack = frames(current);
    if (stack) lines.push(stack);
    current = typeof current === "object" ? (current as { cause?: unknown }).cause : undefined;
  }
  return lines.join("\n");
}

/** A process-wide crash is logged the same way, then the process ends as Node would have ended it. */
export function logProcessErrors(): void {
  process.on("uncaughtException", (error) => {
    logError("uncaught exception, the process stops", error);
    process.exit(1);
  });
  process.on("unhandledRejection", (reason) => {
    logError("unhandled rejection, the process stops", reason);
    process.exit(1);
  });
}
