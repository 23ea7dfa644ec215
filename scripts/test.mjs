// npm test: typecheck, lint, build, then every test (unit, integration, browser) with vitest.
// Runs on PostgreSQL when DATABASE_URL is set, else on embedded PGlite. Browser tests need
// Debian's Chromium; without it they are skipped and the run says so, except under CI=true
// where a missing browser fails the run. It ends with the time of each part (typecheck, lint, build,
// unit, integration, browser) in a table, then the counts as its last line ("N passed, N failed"),
// which .ci/run reads.
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const run = (cmd, args, env = process.env) => spawnSync(cmd, args, { stdio: "inherit", env }).status ?? 1;
const database = process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : "inbäddad PGlite";
const extraArgs = process.argv.slice(2);

/** Each part's time, for the table at the end. */
const timings = [];
const runStarted = performance.now();

function printTimings() {
  const s = (seconds) => (seconds === undefined ? "" : `${seconds.toFixed(1)} s`);
  const rows = [
    ["part", "time", "files", "tests", "failed", "result"],
    ...timings.map((t) => [t.part, s(t.seconds), t.files ?? "", t.tests ?? "", t.failed ?? "", t.status]),
    ["total", s((performance.now() - runStarted) / 1000), "", "", "", ""],
  ].map((row) => row.map(String));
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row) => `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(" | ")} |`;
  console.log(`\nTime per part (${database}):`);
  console.log(line(rows[0]));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of rows.slice(1)) console.log(line(row));
}

for (const [label, cmd, args] of [
  ["typecheck", "npx", ["tsc"]],
  ["lint", "npx", ["eslint", "--max-warnings", "0", "."]],
  ["build", "npx", ["remix", "build"]],
]) {
  console.log(`\n▶ ${label}`);
  const started = performance.now();
  const status = run(cmd, args);
  timings.push({ part: label, seconds: (performance.now() - started) / 1000, status: status === 0 ? "ok" : "failed" });
  if (status !== 0) {
    console.log(`\n${label} failed`);
    printTimings();
    console.log("0 passed, 1 failed");
    process.exit(1);
  }
}

const parts = ["unit", "integration"];
let browserNote = "";
if (existsSync(chromium)) {
  parts.push("browser");
} else if (process.env.CI === "true") {
  console.log(`\nChromium saknas (${chromium}) och CI=true: webbläsartesterna kan inte köras.`);
  printTimings();
  console.log("0 passed, 1 failed");
  process.exit(1);
} else {
  browserNote = `Browser tests SKIPPED: no Chromium at ${chromium} (install with: apt-get install -y chromium).`;
  console.log(`\n${browserNote}`);
}

// One vitest run per part, one after the other, so each part's time is its own. On this 2-core
// machine vitest runs one file at a time anyway (its default is cores − 1 workers), so this costs
// only each run's start and its template database (test/setup/global-setup.ts), a few seconds.
// With file filters (`npm test -- test/unit/x.test.ts`) a part that has none of them passes.
const dir = mkdtempSync(path.join(os.tmpdir(), "iop-vitest-"));
let passed = 0;
let failed = 0;
let skipped = 0;
for (const part of parts) {
  const report = path.join(dir, `${part}.json`);
  console.log(`\n▶ ${part} tests on ${database}`);
  const started = performance.now();
  const status = run("npx", [
    "vitest",
    "run",
    "--project",
    part,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
    ...(extraArgs.length > 0 ? ["--passWithNoTests"] : []),
    ...extraArgs,
  ]);
  const seconds = (performance.now() - started) / 1000;
  let counts = { files: 0, tests: 0, failed: status === 0 ? 0 : 1 };
  if (existsSync(report)) {
    const result = JSON.parse(readFileSync(report, "utf8"));
    const partFailed = result.numFailedTests + (status !== 0 && result.numFailedTests === 0 ? 1 : 0);
    counts = { files: result.testResults.length, tests: result.numTotalTests, failed: partFailed };
    passed += result.numPassedTests;
    skipped += result.numPendingTests + result.numTodoTests;
  }
  failed += counts.failed;
  timings.push({ part, seconds, ...counts, status: status === 0 ? "ok" : "failed" });
}
if (browserNote) timings.push({ part: "browser", status: "skipped (no Chromium)" });
rmSync(dir, { recursive: true, force: true });
printTimings();
if (browserNote) console.log(`\n${browserNote}`);
console.log(`Database: ${database}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed === 0 ? 0 : 1);
