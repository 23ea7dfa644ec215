import { spawn } from "node:child_process";
import net from "node:net";
import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

describe("npm start", () => {
  it("stops the server on SIGTERM, leaving nothing on the port", async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    // Its own embedded database in a fresh directory: the start command migrates and seeds it.
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "iop-npm-start-"));
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), NODE_ENV: "production", DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    delete env.SMTP_URL;
    const start = spawn(process.execPath, ["scripts/start.mjs"], { env, stdio: "ignore" });
    expect(await waitFor(() => portAnswers(port), 60_000)).toBe(true);
    const exited = new Promise((resolve) => start.once("exit", resolve));
    start.kill("SIGTERM");
    await exited;
    expect(await waitFor(async () => !(await portAnswers(port)), 10_000)).toBe(true);
  }, 90_000);
});
