/**
 * Prepares one migrated database that every test file copies: a template database on PostgreSQL
 * (DATABASE_URL set) or a dumped data directory for PGlite (no DATABASE_URL).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabaseUrl: string | null;
    pgliteDumpPath: string | null;
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `iop_template_${process.pid}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${name}`);
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 });
    await migrateDatabase(handle);
    await handle.close();
    project.provide("templateDatabaseUrl", url.toString());
    project.provide("pgliteDumpPath", null);
    return async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const handle = await openDatabase({ dataDir: "memory://" });
  await migrateDatabase(handle);
  const { PGlite } = await import("@electric-sql/pglite");
  void PGlite;
  // The drizzle handle hides the client; reopen through the dump API of the raw client instead.
  const client = (handle.db as unknown as { $client: import("@electric-sql/pglite").PGlite }).$client;
  const dump = await client.dumpDataDir("none");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-pglite-"));
  const dumpPath = path.join(dir, "template.tar");
  fs.writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide("templateDatabaseUrl", null);
  project.provide("pgliteDumpPath", dumpPath);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
