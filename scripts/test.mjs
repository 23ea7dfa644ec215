// npm test: typecheck, lint, build, then every test (unit, integration, browser) with vitest.
// Runs on PostgreSQL when DATABASE_URL is set, else on embedded PGlite. Browser tests need
// Debian's Chromium; without it they are skipped and the run says so, except under CI=true
// where a missing browser fails the run.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const run = (cmd, args, env = process.env) => spawnSync(cmd, args, { stdio: "inherit", env }).status ?? 1;
const database = process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : "inbäddad PGlite";
const extraArgs = process.argv.slice(2);

for (const [label, cmd, args] of [
  ["typecheck", "npx", ["tsc"]],
  ["lint", "npx", ["eslint", "--max-warnings", "0", "."]],
  ["build", "npx", ["remix", "build"]],
]) {
  console.log(`\n▶ ${label}`);
  if (run(cmd, args) !== 0) {
    console.log(`\n${label} failed`);
    console.log("0 passed, 1 failed");
    process.exit(1);
  }
}

const projects = ["--project", "unit", "--project", "integration"];
let browserNote = "";
if (existsSync(chromium)) {
  projects.push("--project", "browser");
} else if (process.env.CI === "true") {
  console.log(`\nChromium saknas (${chromium}) och CI=true: webbläsartesterna kan inte köras.`);
  console.log("0 passed, 1 failed");
  process.exit(1);
} else {
  browserNote = `Browser tests SKIPPED: no Chromium at ${chromium} (install with: apt-get install -y chromium).`;
  console.log(`\n${browserNote}`);
}

const dir = mkdtempSync(path.join(os.tmpdir(), "iop-vitest-"));
const report = path.join(dir, "report.json");
console.log(`\n▶ tests on ${database}`);
const status = run("npx", [
  "vitest",
  "run",
  ...projects,
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${report}`,
  ...extraArgs,
]);
let passed = 0;
let failed = status === 0 ? 0 : 1;
let skipped = 0;
if (existsSync(report)) {
  const result = JSON.parse(readFileSync(report, "utf8"));
  passed = result.numPassedTests;
  skipped = result.numPendingTests + result.numTodoTests;
  failed = result.numFailedTests + (status !== 0 && result.numFailedTests === 0 ? 1 : 0);
}
rmSync(dir, { recursive: true, force: true });
if (browserNote) console.log(`\n${browserNote}`);
console.log(`Database: ${database}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed === 0 ? 0 : 1);
