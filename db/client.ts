/**
 * The one place that decides the database driver: no DATABASE_URL → embedded PGlite in DATA_DIR;
 * DATABASE_URL → postgres.js with a pool. Everything else asks `getDb()` and never knows which.
 */
import path from "node:path";
import fs from "node:fs";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** A database handle or an open transaction: use cases accept either. */
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  /** PGlite data directory; "memory://" for a throw-away database. */
  dataDir?: string;
  poolSize?: number;
  /**
   * Called with the SQLSTATE code of a PostgreSQL WARNING (such a warning points at a bug: no
   * transaction in progress, …). The server passes its logger; db/ imports nothing from app/.
   */
  onWarning?: (code: string) => void;
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(options.databaseUrl, {
      max: options.poolSize ?? 10,
      // After a PostgreSQL restart, dead pooled connections must not hang requests for tens of
      // seconds: give up connecting after 3 s, drop idle connections and recycle old ones.
      connect_timeout: 3,
      idle_timeout: 30,
      max_lifetime: 60 * 30,
      // PostgreSQL's warnings point at a bug (no transaction in progress, …): logged by code only,
      // since a notice's text may quote a value.
      onnotice: (notice) => {
        if (notice.severity === "WARNING") options.onWarning?.(String(notice.code ?? ""));
      },
    });
    // drizzle runs every query through `unsafe`, which postgres.js does not prepare by default, so
    // PostgreSQL would parse and plan the same statements on every call. Prepared per connection,
    // a workflow transition costs about half as much (bench/transitions.ts).
    const unsafe = client.unsafe.bind(client);
    client.unsafe = ((query: string, args?: unknown[], opts?: Record<string, unknown>) =>
      unsafe(query, args as never, { ...opts, prepare: true })) as typeof client.unsafe;
    return {
      db: drizzle(client, { schema }) as unknown as Database,
      kind: "postgres",
      close: () => client.end({ timeout: 5 }),
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const dataDir = options.dataDir ?? "memory://";
  if (!dataDir.startsWith("memory://")) fs.mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  await client.waitReady;
  return {
    db: drizzle(client, { schema }) as unknown as Database,
    kind: "pglite",
    close: () => client.close(),
  };
}

export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  if (env.DATABASE_URL) {
    return { databaseUrl: env.DATABASE_URL, poolSize: Number(env.DATABASE_POOL_SIZE ?? 10) };
  }
  return { dataDir: path.resolve(env.DATA_DIR ?? "data", "pglite") };
}

// The handle lives on globalThis so that the server entry, the Remix build and scripts share one
// instance: two PGlite instances on one data directory would corrupt it.
const GLOBAL_KEY = Symbol.for("iop-portalen.database");
type GlobalWithDb = typeof globalThis & { [GLOBAL_KEY]?: Promise<DatabaseHandle> };
const holder = globalThis as GlobalWithDb;

/**
 * Opens (once) the database the environment names. The first caller's `onWarning` is the one kept:
 * the server and the worker connect, with their logger, before anything else asks.
 */
export function connect(hooks: Pick<DatabaseOptions, "onWarning"> = {}): Promise<DatabaseHandle> {
  holder[GLOBAL_KEY] ??= openDatabase({ ...optionsFromEnv(), ...hooks });
  return holder[GLOBAL_KEY];
}

/** Installs an already opened handle (tests, scripts with their own database). */
export function installDatabase(handle: DatabaseHandle): void {
  holder[GLOBAL_KEY] = Promise.resolve(handle);
}

export async function getDb(): Promise<Database> {
  return (await connect()).db;
}

export async function disconnect(): Promise<void> {
  const pending = holder[GLOBAL_KEY];
  delete holder[GLOBAL_KEY];
  if (pending) await (await pending).close();
}
