/**
 * db/ is the ground floor (ADR 0022): schema, migrations and the client. Nothing in it may reach up to
 * app/ (or through the `~/` alias) or to the seed tooling in seed/, which stands on top of app/.
 * Read from the import statements of every source file under db/.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DB = path.join(ROOT, "db");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

/** Every module a file names: `import … from`, `export … from`, bare `import "…"`, `import("…")`, `require("…")`. */
export function importedSpecifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((m) => m[1]!));
}

/** The top-level folder a specifier lands in, or null for a package. */
function targetFolder(file: string, specifier: string): string | null {
  if (specifier.startsWith("~/")) return "app";
  if (!specifier.startsWith(".") && !specifier.startsWith("/")) return null;
  const resolved = path.relative(ROOT, path.resolve(path.dirname(file), specifier));
  return resolved.split(path.sep)[0] ?? null;
}

describe("db/", () => {
  it("reads the imports it checks", () => {
    expect(
      importedSpecifiers(
        'import a from "../app/x";\nimport type { B } from "./b";\nexport { c } from "../seed/c";\nimport "./d";\nconst e = await import("~/e");\n// import f from "../app/f";',
      ),
    ).toEqual(["../app/x", "./b", "../seed/c", "./d", "~/e"]);
  });

  const files = sourceFiles(DB);
  it("has source files to check", () => {
    expect(files.map((f) => path.relative(ROOT, f))).toContain(path.join("db", "client.ts"));
  });

  it("imports nothing from app/ or seed/", () => {
    const upward = files.flatMap((file) =>
      importedSpecifiers(fs.readFileSync(file, "utf8"))
        .filter((specifier) => ["app", "seed"].includes(targetFolder(file, specifier) ?? ""))
        .map((specifier) => `${path.relative(ROOT, file)} → ${specifier}`),
    );
    expect(upward).toEqual([]);
  });
});
