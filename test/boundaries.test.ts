// The import-boundary check of `npm run lint` (dependency-cruiser, .dependency-cruiser.cjs) fails on a planted
// import from src/news into src/site, and lets an allowed import through. Runs the exact `lint:deps` script.
import { execFile } from "node:child_process";
import fs from "node:fs";
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

/** Writes `source` to src/news/<name> for the duration of `check`, and always removes it. */
async function withPlantedFile<T>(name: string, source: string, check: (relative: string) => Promise<T>): Promise<T> {
  const relative = `src/news/${name}`;
  const file = path.join(root, relative);
  try {
    fs.writeFileSync(file, source);
    return await check(relative);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

describe("import boundaries (npm run lint:deps)", () => {
  it("fails when src/news imports the reader site, naming the rule and the import", async () => {
    await withPlantedFile(`__planted-${process.pid}.ts`, 'import "../site/routes.tsx";\n', async (planted) => {
      const result = await runBoundaryCheck();
      expect(result.exitCode).toBeGreaterThan(0);
      expect(result.errors.filter((e) => e.includes(planted))).toEqual([`news-boundary: ${planted} → src/site/routes.tsx`]);
    });
  });

  it("lets src/news import the neutral lib folder", async () => {
    await withPlantedFile(`__allowed-${process.pid}.ts`, 'import "../lib/slug.ts";\n', async (planted) => {
      const result = await runBoundaryCheck();
      // The check ran and reported (its exit code counts the violations it printed), none of them about this file.
      expect(result.exitCode).toBe(result.errors.length);
      expect(result.errors.filter((e) => e.includes(planted))).toEqual([]);
    });
  });
});
