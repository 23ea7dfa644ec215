/**
 * While PostgreSQL cannot be reached, a visitor gets a quick Swedish "try again shortly" page (503,
 * Retry-After), not a 500 or a page that hangs; once it is back, the next request works. The outage
 * is a TCP proxy in front of the shared PostgreSQL that this test cuts and restores: the server itself
 * is never restarted.
 */
import crypto from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { disconnect, installDatabase, openDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { seedDemoData } from "../../seed/seed";
import { startTestServer, type TestServer } from "../support/server";
import { textOf, Visitor } from "../support/visitor";
import { CuttableProxy } from "../support/tcp-proxy";

const SERVER_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function postgresAnswers(): Promise<boolean> {
  const probe = postgres(SERVER_URL, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await probe`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await probe.end({ timeout: 1 });
  }
}

// Needs the PostgreSQL server (PGlite has no connection to lose); CI always has one.
const available = await postgresAnswers();

describe.skipIf(!available)("database outage", () => {
  const serverUrl = new URL(SERVER_URL);
  const proxy = new CuttableProxy({ host: serverUrl.hostname, port: Number(serverUrl.port || 5432) });
  const name = `iop_outage_${crypto.randomBytes(6).toString("hex")}`;
  const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  let server: TestServer;
  let visitor: Visitor;

  beforeAll(async () => {
    const template = inject("templateDatabaseUrl");
    if (template) await admin.unsafe(`create database ${name} template ${new URL(template).pathname.slice(1)}`);
    else await admin.unsafe(`create database ${name}`);
    await proxy.start();
    const url = new URL(SERVER_URL);
    url.host = `127.0.0.1:${proxy.port}`;
    url.pathname = `/${name}`;
    const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
    if (!template) await migrateDatabase(handle);
    installDatabase(handle);
    await seedDemoData(handle.db);
    server = await startTestServer();
    visitor = new Visitor(server.origin);
    expect((await visitor.logIn("handlaggare@demo.example")).status).toBe(302);
  });

  afterAll(async () => {
    await server?.close();
    await proxy.cut();
    await disconnect().catch(() => {});
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it("answers a quick Swedish 503 while the database is unreachable, and works again once it is back", async () => {
    // The case worker's start page, which reads their district's cases.
    const home = (await visitor.get("/forvaltning")).headers.get("location") ?? "/forvaltning";
    const before = await visitor.get(home);
    expect(before.status).toBe(200);

    await proxy.cut();
    for (const path of [home, "/logga-in"]) {
      const started = Date.now();
      const response = await visitor.get(path);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(response.status).toBe(503);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(textOf(await response.text())).toContain("Tjänsten är tillfälligt otillgänglig");
    }

    await proxy.start();
    const after = await visitor.get(home);
    expect(after.status).toBe(200);
    expect(textOf(await after.text())).not.toContain("otillgänglig");
  });
});
