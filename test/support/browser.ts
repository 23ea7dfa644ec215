/** Debian's Chromium driven by playwright-core, and the portal started as `npm start` would start it. */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { DEMO_PASSWORD } from "../../seed/demo-data";
import { nextSignInCode, rememberRecoveryCodes, rememberSecret, SECOND_FACTOR_PATHS, setUpCode } from "./second-factor";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = fs.existsSync(CHROMIUM_PATH);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface PortalProcess {
  origin: string;
  databaseUrl: string | null;
  stop(): Promise<void>;
}

/** Starts `tsx server/index.ts` on its own empty database: it migrates and seeds the demo data itself. */
export async function startPortalProcess(extraEnv: Record<string, string> = {}): Promise<PortalProcess> {
  const port = await freePort();
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: "production",
    PORT: String(port),
    LOG_REQUESTS: "false",
    // As `npm start`'s demo (scripts/start.mjs): the development identity providers and key.
    DEV_IDENTITY_PROVIDER: "true",
    ...extraEnv,
  };
  let cleanup = async () => {};
  let databaseUrl: string | null = null;
  const templateUrl = inject("templateDatabaseUrl");
  if (templateUrl) {
    const name = `iop_browser_${crypto.randomBytes(5).toString("hex")}`;
    const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template ${new URL(templateUrl).pathname.slice(1)}`);
    const url = new URL(templateUrl);
    url.pathname = `/${name}`;
    databaseUrl = env.DATABASE_URL = url.toString();
    cleanup = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    delete env.DATABASE_URL;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-browser-"));
    env.DATA_DIR = dir;
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const child: ChildProcess = spawn(path.resolve("node_modules/.bin/tsx"), ["server/index.ts"], {
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const origin = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  while (!output.includes("IOP-portalen: http://localhost")) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      await cleanup();
      throw new Error(`the portal did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    origin,
    databaseUrl,
    async stop() {
      // server/index.ts closes its listener, stops the mail worker and exits on SIGTERM: wait for
      // that exit (usually well under a second), and SIGKILL only a server that hangs.
      await stopProcess(child, 10_000);
      await cleanup();
    },
  };
}

/** SIGTERM, then waits for the exit; SIGKILL (and waits again) if it has not come within `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs: number): Promise<void> {
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  if (exited()) return;
  const exit = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), graceMs)));
  const outcome = await Promise.race([exit, late]);
  clearTimeout(timer);
  if (outcome === "late" && !exited()) {
    child.kill("SIGKILL");
    await exit;
  }
}

/** A phone's viewport: the pages are tested where they are tightest. */
export const PHONE = { width: 360, height: 800 };

/**
 * One Chromium for a test file: launched before its tests, closed (with every page) after them.
 * Each page gets a fresh context at phone width, so nobody is signed in on it yet.
 */
export function useBrowser() {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ ...options, viewport: PHONE });
    return context.newPage();
  }
  return {
    newPage,
    /** A demo user signed in through the login form. */
    async signedIn(origin: string, email: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
      const page = await newPage(options);
      await logInThroughForm(page, origin, email, DEMO_PASSWORD);
      return page;
    },
  };
}

/** axe-core over WCAG 2.1 A and AA; returns readable violation lines (empty when clean). */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

/** Waits until the page's first heading reads `text`: after a client-side navigation the URL changes first. */
export async function waitForHeading(page: Page, text: string) {
  await page.getByRole("heading", { level: 1, name: text, exact: true }).waitFor({ timeout: 15_000 });
}

/**
 * Signs in through the login form; a member of staff then passes the second step as a person with the
 * app would (test/support/second-factor.ts): the first time it sets the app up by typing the secret
 * shown for manual entry, then types each code.
 */
export async function logInThroughForm(page: Page, origin: string, email: string, password: string) {
  await page.goto(`${origin}/logga-in`);
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  await Promise.all([page.waitForURL((url) => url.pathname !== "/logga-in"), page.getByRole("button", { name: "Logga in", exact: true }).click()]);
  const step = new URL(page.url()).pathname;
  if (step === SECOND_FACTOR_PATHS.setUp) {
    await waitForHeading(page, "Ställ in tvåstegsverifiering");
    const secret = (await page.locator("#totp-secret").innerText()).replace(/\s+/gu, "");
    const { code, step: used } = await setUpCode(secret);
    await page.getByLabel("Kod från appen").fill(code);
    await Promise.all([
      page.waitForURL((url) => url.pathname === SECOND_FACTOR_PATHS.recoveryCodes),
      page.getByRole("button", { name: "Bekräfta och logga in" }).click(),
    ]);
    rememberSecret(origin, email, secret, used);
    await waitForHeading(page, "Spara dina återställningskoder");
    rememberRecoveryCodes(origin, email, await page.locator(".recovery-codes code").allInnerTexts());
    await Promise.all([
      page.waitForURL((url) => !url.pathname.startsWith("/logga-in")),
      page.getByRole("link", { name: "Jag har sparat koderna – fortsätt" }).click(),
    ]);
  } else if (step === SECOND_FACTOR_PATHS.code) {
    await waitForHeading(page, "Skriv koden från appen");
    await page.getByLabel("Kod", { exact: true }).fill(await nextSignInCode(origin, email));
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith("/logga-in")), page.getByRole("button", { name: "Logga in", exact: true }).click()]);
  }
}
