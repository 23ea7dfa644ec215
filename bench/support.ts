/** Shared by the benchmarks: a throw-away database on the PostgreSQL server, and percentiles. */
import crypto from "node:crypto";
import postgres from "postgres";
import { openDatabase, installDatabase, type DatabaseHandle } from "../db/client";
import { migrateDatabase } from "../db/migrate";

export const SERVER_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export async function benchDatabase(poolSize = 10): Promise<{ handle: DatabaseHandle; url: string; drop(): Promise<void> }> {
  const name = `iop_bench_${crypto.randomBytes(4).toString("hex")}`;
  const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize });
  await migrateDatabase(handle);
  installDatabase(handle);
  return {
    handle,
    url: url.toString(),
    async drop() {
      await handle.close();
      if (process.env.KEEP_BENCH_DB !== "true") await admin.unsafe(`drop database ${name} with (force)`);
      await admin.end();
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export function summarise(latenciesMs: number[], wallMs: number) {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    perSecond: (sorted.length / wallMs) * 1000,
  };
}

/** Runs `work(i)` for i in [0, total) with `concurrency` workers. */
export async function runPool(total: number, concurrency: number, work: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await work(next++);
    }),
  );
}

export const fmt = (n: number) => n.toFixed(2);
