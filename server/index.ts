/**
 * Starts the portal: open the database the environment names, apply migrations, seed demo data
 * into an empty database, then serve on PORT.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { connect } from "../db/client";
import { logError, logInfo, logProcessErrors, logWarn } from "../app/utils/log.server";
import { migrateDatabase } from "../db/migrate";
import { seedIfEmpty } from "../seed/seed";
import { createApp } from "./app";
import { createMailWorker } from "../app/mail/worker.server";
import { mailWorkerEnabled } from "../app/mail/config.server";

async function main() {
  const handle = await connect({ onWarning: (code) => logWarn("database warning", { code }) });
  await migrateDatabase(handle);
  if (process.env.SEED_DEMO_DATA !== "false") {
    const seeded = await seedIfEmpty(handle.db);
    if (seeded) logInfo("Tom databas: demodata har lagts in (se README för konton).");
  }
  // Delivers the outbox from this process unless MAIL_WORKER=false (then run `npm run worker`).
  const mailWorker = mailWorkerEnabled() ? createMailWorker() : null;
  mailWorker?.start();
  const buildPath = path.resolve(process.env.REMIX_BUILD ?? "build/index.js");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  const port = Number(process.env.PORT ?? 3000);
  const server = createApp(build).listen(port, () => {
    logInfo(
      `IOP-portalen: http://localhost:${port} (${handle.kind === "pglite" ? "inbäddad PGlite" : "PostgreSQL"})`,
    );
  });
  const shutdown = () => {
    server.close();
    void (mailWorker?.stop() ?? Promise.resolve())
      .then(() => handle.close())
      .finally(() => process.exit(0));
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

logProcessErrors();
main().catch((error) => {
  logError("start failed", error);
  process.exit(1);
});
