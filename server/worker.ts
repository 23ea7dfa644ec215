/**
 * npm run worker — delivers the outbox and runs the reminders in a process of its own, next to app
 * servers started with MAIL_WORKER=false. Needs DATABASE_URL: an embedded PGlite database belongs to
 * one process.
 */
import { connect } from "../db/client";
import { logError, logInfo, logProcessErrors, logWarn } from "../app/utils/log.server";
import { createMailWorker } from "../app/mail/worker.server";
import { mailMode } from "../app/mail/config.server";

async function main() {
  if (!process.env.DATABASE_URL) {
    logWarn("En separat e-postprocess behöver DATABASE_URL (PostgreSQL). Med inbäddad databas skickar appen själv.");
    process.exit(1);
  }
  const handle = await connect({ onWarning: (code) => logWarn("database warning", { code }) });
  const worker = createMailWorker();
  worker.start();
  logInfo(`IOP-portalen: e-postprocessen är igång (${mailMode() === "smtp" ? "SMTP" : mailMode() === "devMailbox" ? "utvecklingsbrevlåda" : "avstängd"}).`);
  const shutdown = () => {
    void worker
      .stop()
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
