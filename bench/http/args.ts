// Command-line arguments of `npm run bench:http` (pure: no I/O, unit-tested in args.test.ts).
import { parseArgs } from "node:util";

/** Every scenario the harness knows, in the order it runs them. */
export const SCENARIOS = [
  "cached-article",
  "cached-article-identity",
  "cached-home",
  "category-1",
  "category-50",
  "search",
  "api-list",
  "nginx",
  "stampede",
  "uncached-article",
  "uncached-home",
  "sitemap-month",
] as const;

export type ScenarioName = (typeof SCENARIOS)[number];

/** What the site holds while it is measured. */
export type Content = { kind: "demo" } | { kind: "articles"; count: number };

export interface HttpBenchArgs {
  content: Content;
  /** Passed to the app as DATABASE_URL; undefined: a fresh SQLite file in the run's temp dir. */
  databaseUrl: string | undefined;
  /** Concurrent keep-alive connections of each load run (autocannon). */
  connections: number;
  /** Seconds each scenario is measured for, after its warm-up. */
  durationSeconds: number;
  /** The scenarios to run, in SCENARIOS order. */
  only: ScenarioName[];
}

export class UsageError extends Error {}

export const USAGE = `usage: npm run bench:http -- [--demo | --articles N] [--database URL]
                          [--connections N] [--duration S] [--only SCENARIO,...]

  --demo            the demo content (default), seeded by \`haberci serve --demo\`
  --articles N      N generated articles (the search benchmark's corpus generator)
  --database URL    sqlite:FILE or postgres://… (default: a fresh SQLite file in a temp dir);
                    the run edits one article and adds a newsroom user and API token there
  --connections N   concurrent connections per load run (default 32)
  --duration S      seconds per scenario, after a short warm-up (default 10)
  --only LIST       comma-separated scenarios (default all):
                    ${SCENARIOS.join(", ")}
  --help            show this help`;

const MAX_ARTICLES = 10_000_000;

function wholeNumber(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const clean = raw.replace(/_/g, "");
  if (!/^[1-9]\d*$/.test(clean) || Number(clean) > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max} (got "${raw}")`);
  return Number(clean);
}

function isScenario(name: string): name is ScenarioName {
  return (SCENARIOS as readonly string[]).includes(name);
}

/**
 * Reads the arguments after `npm run bench:http --`.
 * Returns "help" for --help/-h; throws UsageError (a one-line message) for anything it cannot use:
 * unknown options, positionals, --demo with --articles, numbers out of range, unknown scenarios.
 * Defaults: demo content, 32 connections, 10 s, every scenario.
 */
export function parseHttpBenchArgs(argv: readonly string[]): HttpBenchArgs | "help" {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        demo: { type: "boolean" },
        articles: { type: "string" },
        database: { type: "string" },
        connections: { type: "string" },
        duration: { type: "string" },
        only: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0] ?? "bad arguments");
  }
  if (values.help) return "help";
  if (values.demo && values.articles !== undefined) throw new UsageError("--demo and --articles exclude each other");
  const content: Content = values.articles === undefined ? { kind: "demo" } : { kind: "articles", count: wholeNumber("articles", values.articles, 0, MAX_ARTICLES) };

  const databaseUrl = values.database?.trim();
  if (databaseUrl !== undefined && !/^(sqlite:.+|postgres(ql)?:\/\/.+)$/.test(databaseUrl)) {
    throw new UsageError(`--database must be sqlite:FILE or postgres://… (got "${values.database}")`);
  }

  let only: ScenarioName[] = [...SCENARIOS];
  if (values.only !== undefined) {
    const names = values.only
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    const unknown = names.filter((n) => !isScenario(n));
    if (unknown.length > 0) throw new UsageError(`--only: unknown scenario ${unknown.map((n) => `"${n}"`).join(", ")} (known: ${SCENARIOS.join(", ")})`);
    if (names.length === 0) throw new UsageError("--only needs at least one scenario");
    only = SCENARIOS.filter((s) => names.includes(s));
  }

  return {
    content,
    databaseUrl,
    connections: wholeNumber("connections", values.connections, 32, 10_000),
    durationSeconds: wholeNumber("duration", values.duration, 10, 3600),
    only,
  };
}
