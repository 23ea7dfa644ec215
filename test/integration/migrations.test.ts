import { describe, expect, it } from "vitest";
import crypto from "node:crypto";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { installDatabase, openDatabase, type DatabaseHandle } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { districts } from "../../db/schema";
import { seedIfEmpty } from "../../seed/seed";

async function emptyDatabase(): Promise<{ handle: DatabaseHandle; drop(): Promise<void> }> {
  if (!process.env.DATABASE_URL) {
    const handle = await openDatabase({ dataDir: "memory://" });
    return { handle, drop: () => handle.close() };
  }
  const name = `iop_empty_${crypto.randomBytes(5).toString("hex")}`;
  const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
  return {
    handle,
    async drop() {
      await handle.close();
      await admin.unsafe(`drop database ${name} with (force)`);
      await admin.end();
    },
  };
}

describe(`migrations on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("apply on an empty database, a second run changes nothing, and the seed runs once", async () => {
    const { handle, drop } = await emptyDatabase();
    try {
      await migrateDatabase(handle);
      await migrateDatabase(handle);
      installDatabase(handle);
      expect(await seedIfEmpty(handle.db)).toBe(true);
      expect(await seedIfEmpty(handle.db)).toBe(false);
      const rows = await handle.db.select({ code: districts.code }).from(districts).orderBy(districts.code);
      expect(rows.map((r) => r.code)).toEqual(["EAV", "JA", "RK"]);
      const version = await handle.db.execute(sql`select version()`);
      expect(JSON.stringify(version)).toContain("PostgreSQL");
    } finally {
      await drop();
    }
  });
});
