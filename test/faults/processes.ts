/**
 * The processes under test, each started the way production starts it (node with tsx as a loader,
 * NODE_ENV=production) and remembered by PID, so the suite can SIGKILL one and stop all of them at
 * the end, also when it fails.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export interface Managed {
  name: string;
  child: ChildProcess;
  logFile: string;
  exited: Promise<void>;
}

const running = new Set<Managed>();

export function startProcess(name: string, script: string, env: Record<string, string>, logDir: string): Managed {
  const logFile = path.join(logDir, `${name}.log`);
  const out = fs.openSync(logFile, "a");
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    env: { ...process.env, ...env, NODE_ENV: "production" },
    stdio: ["ignore", out, out],
  });
  fs.closeSync(out);
  const managed: Managed = {
    name,
    child,
    logFile,
    exited: new Promise((resolve) => child.once("exit", () => resolve())),
  };
  running.add(managed);
  void managed.exited.then(() => running.delete(managed));
  return managed;
}

/** SIGKILL: no handler runs, nothing is flushed or marked, as when the machine loses the process. */
export async function killHard(managed: Managed): Promise<void> {
  if (managed.child.exitCode === null && managed.child.signalCode === null && managed.child.pid) {
    process.kill(managed.child.pid, "SIGKILL");
  }
  await managed.exited;
}

export async function stopGently(managed: Managed, timeoutMs = 5000): Promise<void> {
  if (managed.child.exitCode !== null || managed.child.signalCode !== null || !managed.child.pid) return;
  process.kill(managed.child.pid, "SIGTERM");
  const timer = setTimeout(() => void killHard(managed), timeoutMs);
  await managed.exited;
  clearTimeout(timer);
}

/** Synchronous, for process exit: every process still running gets SIGKILL by its PID. */
export function killAllSync(): void {
  for (const managed of running) {
    const pid = managed.child.pid;
    if (pid && managed.child.exitCode === null && managed.child.signalCode === null) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((m) => stopGently(m)));
}

export function logTail(managed: Managed, lines = 15): string {
  try {
    return fs.readFileSync(managed.logFile, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 60_000, stepMs = 200): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check().catch(() => false)) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

export async function healthy(origin: string): Promise<boolean> {
  const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2000) });
  return response.status === 200;
}
