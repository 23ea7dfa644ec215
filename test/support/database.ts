/**
 * A fresh database for one test file, copied from the migrated template, installed as the database
 * the app uses. It never touches a running dev server's data.
 */
import fs from "node:fs";
import crypto from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";
import { openDatabase, installDatabase, disconnect, type DatabaseHandle } from "../../db/client";

export interface TestDatabase {
  handle: DatabaseHandle;
  /** For child processes (the browser tests' server). */
  env: Record<string, string>;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const templateUrl = inject("templateDatabaseUrl");
  if (templateUrl) {
    const template = new URL(templateUrl);
    const name = `iop_test_${crypto.randomBytes(6).toString("hex")}`;
    const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template ${template.pathname.slice(1)}`);
    const url = new URL(templateUrl);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 10 });
    installDatabase(handle);
    return {
      handle,
      env: { DATABASE_URL: url.toString() },
      async drop() {
        await disconnect();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const dumpPath = inject("pgliteDumpPath");
  if (!dumpPath) throw new Error("global setup did not prepare a database");
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const schema = await import("../../db/schema");
  const client = await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(dumpPath)]) });
  const handle: DatabaseHandle = {
    db: drizzle(client, { schema }) as unknown as DatabaseHandle["db"],
    kind: "pglite",
    close: () => client.close(),
  };
  installDatabase(handle);
  return {
    handle,
    env: {},
    async drop() {
      await disconnect();
    },
  };
}
