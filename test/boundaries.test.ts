// The import-boundary check of `npm run lint` (dependency-cruiser, .dependency-cruiser.cjs) fails on a planted
// import from src/news into src/site, and lets an allowed import through. Runs the exact `lint:deps` script.
// The Mermaid diagram in docs/architecture.md draws the same folder table as the rules.
import { execFile } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

interface CheckResult {
  exitCode: number;
  /** The violations as the check prints them: `<rule>: <from> → <to>`, one per line. */
  errors: string[];
}

/** The command line of package.json's `lint:deps` script, minus the leading `depcruise`. */
function lintDepsArgs(): string[] {
  const pkg: { scripts: Record<string, string> } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const [command, ...args] = (pkg.scripts["lint:deps"] ?? "").split(/\s+/);
  expect(command).toBe("depcruise");
  return args;
}

/** Runs `npm run lint:deps` as CI does (without npm's wrapper); the exit code counts the error-level violations. */
function runBoundaryCheck(): Promise<CheckResult> {
  const bin = path.join(root, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...lintDepsArgs()], { cwd: root, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const exitCode = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
      const errors = `${stdout}\n${stderr}`
        .split("\n")
        .map((line) => /^\s*error (.+)$/.exec(line)?.[1])
        .filter((line) => line !== undefined);
      resolve({ exitCode, errors });
    });
  });
}

/** Writes each `name → source` under src/news/ for the duration of `check`, and always removes them. */
async function withPlantedFiles<T>(files: Record<string, string>, check: () => Promise<T>): Promise<T> {
  const paths = Object.keys(files).map((name) => path.join(root, "src/news", name));
  try {
    for (const [name, source] of Object.entries(files)) fs.writeFileSync(path.join(root, "src/news", name), source);
    return await check();
  } finally {
    for (const file of paths) fs.rmSync(file, { force: true });
  }
}

describe("import boundaries (npm run lint:deps)", () => {
  it("fails on an import from src/news into the reader site, naming the rule, and lets an import of lib/ through", async () => {
    const planted = `__planted-${process.pid}.ts`;
    const allowed = `__allowed-${process.pid}.ts`;
    const files = { [planted]: 'import "../site/routes.tsx";\n', [allowed]: 'import "../lib/slug.ts";\n' };
    await withPlantedFiles(files, async () => {
      const result = await runBoundaryCheck();
      // The exit code counts the violations printed: the build fails.
      expect(result.exitCode).toBeGreaterThan(0);
      expect(result.exitCode).toBe(result.errors.length);
      expect(result.errors.filter((e) => e.includes(planted))).toEqual([`news-boundary: src/news/${planted} → src/site/routes.tsx`]);
      expect(result.errors.filter((e) => e.includes(allowed))).toEqual([]);
    });
  });
});

interface BoundaryRule {
  name: string;
  to: { pathNot?: string[] };
}

const NEUTRAL = new Set(["lib", "errors", "config"]);

/** `^src/news/` → news, `^src/search/index\\.ts$` → search, `^src/errors\\.ts$` → errors. */
function folderOf(pattern: string): string {
  const match = /^\^src\/([a-z]+)/.exec(pattern);
  if (!match?.[1]) throw new Error(`Not a src/ pattern: ${pattern}`);
  return match[1];
}

/** Folder → the folders it may import, from the `<folder>-boundary` rules (own folder and neutral ones left out). */
function allowedByRules(): Map<string, Set<string>> {
  const config: { forbidden: BoundaryRule[] } = createRequire(import.meta.url)(path.join(root, ".dependency-cruiser.cjs"));
  const allowed = new Map<string, Set<string>>();
  for (const rule of config.forbidden) {
    const folder = /^([a-z]+)-boundary$/.exec(rule.name)?.[1];
    if (folder === undefined) continue;
    const targets = (rule.to.pathNot ?? []).map(folderOf).filter((target) => target !== folder && !NEUTRAL.has(target));
    allowed.set(folder, new Set(targets));
  }
  return allowed;
}

/** Folder → the folders its arrows point to in the diagram of docs/architecture.md (neutral ones left out). */
function allowedByDiagram(): Map<string, Set<string>> {
  const doc = fs.readFileSync(path.join(root, "docs/architecture.md"), "utf8");
  const diagram = /## Folder boundaries[\s\S]*?```mermaid\n([\s\S]*?)```/.exec(doc)?.[1];
  if (diagram === undefined) throw new Error("No Mermaid diagram under “Folder boundaries”");
  const arrows = new Map<string, Set<string>>();
  for (const line of diagram.split("\n")) {
    const edge = /^\s*([a-z]+) (?:-->|-\.->)(?:\|[^|]*\|)? ([a-z &]+)$/.exec(line);
    if (!edge?.[1] || !edge[2]) continue;
    const targets = arrows.get(edge[1]) ?? new Set<string>();
    for (const target of edge[2].split("&").map((t) => t.trim())) if (!NEUTRAL.has(target)) targets.add(target);
    arrows.set(edge[1], targets);
  }
  return arrows;
}

describe("the architecture diagram", () => {
  it("draws exactly the folder dependencies the boundary rules allow", () => {
    const rules = allowedByRules();
    const diagram = allowedByDiagram();
    expect(rules.size).toBeGreaterThanOrEqual(12);
    const sorted = (m: Map<string, Set<string>>, folders: string[]) => Object.fromEntries(folders.map((f) => [f, [...(m.get(f) ?? [])].sort()]));
    const folders = [...rules.keys()].sort();
    expect(sorted(diagram, folders)).toEqual(sorted(rules, folders));
  });
});
