// npm start: build once if there is no build, then run the server (migrations and demo data on start).
import { existsSync } from "node:fs";
import { spawnSync, spawn } from "node:child_process";

process.env.NODE_ENV ??= "production";
// The demo has no mail server: deliver to the development mailbox (/dev/mail) so the links can be followed.
if (!process.env.SMTP_URL && !process.env.DEV_MAILBOX) {
  process.env.DEV_MAILBOX = "true";
  console.warn("Varning: SMTP_URL är inte satt. E-post skickas inte utan hamnar i utvecklingsbrevlådan på http://localhost:PORT/dev/mail (bara från den här datorn).");
}
// The demo has no e-legitimation broker or city SSO: the development identity providers stand in
// (/dev/e-legitimation, /dev/stads-sso, only from this computer). A configured issuer replaces its kind.
if (!process.env.DEV_IDENTITY_PROVIDER && (!process.env.EID_ISSUER || !process.env.STAFF_OIDC_ISSUER)) {
  process.env.DEV_IDENTITY_PROVIDER = "true";
  console.warn("Varning: EID_ISSUER eller STAFF_OIDC_ISSUER är inte satt. Testinloggningen (påhittade personer) används i stället, bara från den här datorn.");
}
if (!existsSync("build/index.js") || process.env.REBUILD === "true") {
  const result = spawnSync("npx", ["remix", "build"], { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
// Node itself runs the server (tsx as a loader, no npx or shell in between), so the SIGTERM forwarded below
// reaches the process that holds the port and no orphan is left behind.
const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
