/**
 * The floor for bench/queues.ts: a minimal node:http server that runs a queue page's SQL (and the
 * counts' SQL, in parallel as the loader does) with postgres.js and returns the rows as JSON. No
 * Express, no session, no React: what the queue costs with nothing but the database and HTTP.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import postgres from "postgres";

export interface FloorStatement {
  page: { sql: string; params: unknown[] };
  counts: { sql: string; params: unknown[] };
}

export async function startFloor(databaseUrl: string, statements: Map<string, FloorStatement>, poolSize: number) {
  const client = postgres(databaseUrl, { max: poolSize, onnotice: () => {} });
  // Prepared, as db/client.ts prepares the app's statements.
  const run = (s: { sql: string; params: unknown[] }) => client.unsafe(s.sql, s.params as never[], { prepare: true });
  const server = http.createServer((req, res) => {
    const key = new URL(req.url ?? "/", "http://floor").searchParams.get("q") ?? "";
    const statement = statements.get(key);
    if (!statement) {
      res.writeHead(404).end();
      return;
    }
    Promise.all([run(statement.page), run(statement.counts)]).then(
      ([rows, counts]) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ rows: rows.length, page: rows, counts: counts[0] }));
      },
      (error: unknown) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(error));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await client.end({ timeout: 5 });
    },
  };
}
