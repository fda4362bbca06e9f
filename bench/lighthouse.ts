// The reader-page gate of issue 13: Lighthouse 12 (its default mobile settings, simulated throttling) on
// the home page, an article, a category, a search with a query and a province's weather page.
//
//   npm run gate:lighthouse -- [--runs N] [--ports FROM-TO]
//
// Starts `haberci serve --demo` on a fresh SQLite file (page cache on, as in production) with a fake
// Open-Meteo on loopback so the weather page has data, warms each page once, then runs Lighthouse N times
// per page (3 by default; pages take turns, so a burst of load on the machine does not land on one page's
// runs), each in a fresh headless Chromium. Prints the median per category and page, writes
// bench/results/lighthouse-<date>.json, and exits 1 when a median is below THRESHOLDS (bench/lighthouse/judge.ts).
// Exit codes: 0 passed, 1 below a threshold or the harness broke, 2 bad arguments.
// Chromium: CHROMIUM_PATH (default /usr/bin/chromium). About 20 s per Lighthouse run on two cores.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { fakeOpenMeteo } from "../test/fakeWeather.ts";
import { type RunningApp, startApp } from "./http/app.ts";
import { bodyText, getJson, httpRequest } from "./http/client.ts";
import { freePort, killAllNow, stopAll } from "./http/processes.ts";
import {
  CATEGORIES,
  type Category,
  EXCEPTIONS,
  type FailingAudit,
  type LighthouseResult,
  type PageScores,
  THRESHOLDS,
  categoryScore,
  exceptedAudits,
  failingAudits,
  judge,
  median,
  medianScores,
  scoreTable,
  staleExceptions,
} from "./lighthouse/judge.ts";

const USAGE = "usage: npm run gate:lighthouse -- [--runs N (1-9, default 3)] [--ports FROM-TO (default 47300-47399)]";
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
/** A word the demo articles contain (İzmir is in several of them). */
const SEARCH_WORD = "izmir";
const WEATHER_PROVINCE = "ankara";
/** The Lighthouse metrics kept in the record, by audit id (numericValue: ms, CLS unitless). */
const METRICS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"] as const;

/** How many times a run that Lighthouse reports as broken (runtimeError) is repeated. */
const MAX_RETRIES = 2;

const log = (line: string) => process.stderr.write(`${line}\n`);

interface Args {
  runs: number;
  ports: { from: number; to: number };
}

class UsageError extends Error {}

function parseGateArgs(argv: string[]): Args {
  const { values } = parseArgs({ args: argv, options: { runs: { type: "string" }, ports: { type: "string" }, help: { type: "boolean" } }, strict: true });
  if (values.help) throw new UsageError(USAGE);
  const runs = values.runs === undefined ? 3 : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 9) throw new UsageError(`--runs must be a whole number from 1 to 9\n${USAGE}`);
  const m = /^(\d+)-(\d+)$/.exec(values.ports ?? "47300-47399");
  const from = Number(m?.[1]);
  const to = Number(m?.[2]);
  if (!m || from < 1024 || to > 65535 || from > to) throw new UsageError(`--ports must be FROM-TO between 1024 and 65535\n${USAGE}`);
  return { runs, ports: { from, to } };
}

interface PageUrl {
  page: string;
  path: string;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null;
}

/** The five pages of the gate, with a real article and its category from the running site. */
async function pickPages(origin: string): Promise<PageUrl[]> {
  const list = await getJson(`${origin}/api/v1/articles?limit=1`);
  const items: unknown[] = isRecord(list) && Array.isArray(list.items) ? list.items : [];
  const first = items[0];
  if (!isRecord(first) || typeof first.url !== "string") throw new Error("the demo site has no published article");
  const articlePath = new URL(first.url).pathname;
  const category = /^\/haber\/[a-z0-9-]+\//.exec(articlePath)?.[0];
  if (!category) throw new Error(`cannot tell the category of ${articlePath}`);
  return [
    { page: "home", path: "/" },
    { page: "article", path: articlePath },
    { page: "category", path: category },
    { page: "search", path: `/arama?q=${SEARCH_WORD}` },
    { page: "weather", path: `/hava-durumu/${WEATHER_PROVINCE}/` },
  ];
}

/** Waits until the province page shows a report (the app fetched the fake provider), for at most 60 s. */
async function waitForWeather(origin: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const page = bodyText(await httpRequest(`${origin}/hava-durumu/${WEATHER_PROVINCE}/`));
    if (!page.includes("henüz hava durumu verisi yok")) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the weather page still has no data after 60 s");
}

interface Run {
  scores: Record<Category, number | null>;
  /** Lighthouse's own category scores (0–100), exceptions included. */
  lighthouseScores: Record<Category, number | null>;
  metrics: Record<(typeof METRICS)[number], number | null>;
  failing: FailingAudit[];
  staleExceptions: string[];
  runtimeError: string | null;
  seconds: number;
}

/** One Lighthouse run of `url` in a fresh headless Chromium. */
async function runLighthouse(page: string, url: string): Promise<Run> {
  const started = Date.now();
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS, logLevel: "silent" });
  try {
    const answer = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] });
    if (!answer) throw new Error(`Lighthouse returned nothing for ${url}`);
    const lhr = answer.lhr;
    const result = lhr as unknown as LighthouseResult;
    const excluded = exceptedAudits(page);
    const scores = {} as Record<Category, number | null>;
    const lighthouseScores = {} as Record<Category, number | null>;
    for (const category of CATEGORIES) {
      scores[category] = categoryScore(result, category, excluded);
      const own = lhr.categories[category]?.score;
      lighthouseScores[category] = typeof own === "number" ? Math.round(own * 100) : null;
    }
    const metrics = {} as Run["metrics"];
    for (const id of METRICS) metrics[id] = lhr.audits[id]?.numericValue ?? null;
    return {
      scores,
      lighthouseScores,
      metrics,
      failing: failingAudits(result),
      staleExceptions: staleExceptions(page, result).map((e) => e.audit),
      runtimeError: lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : null,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
  } finally {
    chrome.kill();
  }
}

function isoBasic(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
}

/** HEAD and whether src/ had uncommitted changes (the scores are then not HEAD's). */
function codeVersion(): { commit: string | null; srcChanged: boolean | null } {
  const git = (args: string[]) => spawnSync("git", args, { cwd: path.join(import.meta.dirname, ".."), encoding: "utf8" });
  const head = git(["rev-parse", "HEAD"]);
  const status = git(["status", "--porcelain", "--", "src"]);
  return { commit: head.status === 0 ? head.stdout.trim() : null, srcChanged: status.status === 0 ? status.stdout.trim() !== "" : null };
}

async function main(args: Args): Promise<number> {
  const startedAt = new Date();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "haberci-lighthouse-"));
  process.on("exit", () => {
    killAllNow();
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  const weather = await fakeOpenMeteo();
  let app: RunningApp | undefined;
  try {
    const port = await freePort(args.ports.from, args.ports.to, new Set());
    log(`gate:lighthouse: seeding the demo and starting the app on 127.0.0.1:${port}…`);
    app = await startApp({
      name: "haberci",
      port,
      settings: { databaseUrl: `sqlite:${path.join(tmp, "haberci.db")}`, dataDir: path.join(tmp, "data"), metricsToken: randomBytes(16).toString("hex") },
      demo: true,
      logFile: path.join(tmp, "app.log"),
      extraEnv: { WEATHER_PROVIDER: "open-meteo", OPEN_METEO_URL: weather.url },
    });
    await waitForWeather(app.url);
    const pages = await pickPages(app.url);
    // Production serves these from the page cache: the first request renders, the measured ones do not.
    for (const p of pages) {
      const answer = await httpRequest(app.url + p.path);
      if (answer.status !== 200) throw new Error(`${p.path} answered ${answer.status}`);
    }

    const runs = new Map<string, Run[]>(pages.map((p) => [p.page, []]));
    for (let i = 1; i <= args.runs; i++) {
      for (const p of pages) {
        let run = await runLighthouse(p.page, app.url + p.path);
        // A broken trace (e.g. NO_NAVSTART on a busy machine) is no score: run again, at most twice.
        for (let retry = 1; run.runtimeError !== null && retry <= MAX_RETRIES; retry++) {
          log(`  run ${i}/${args.runs} ${p.page}: ${run.runtimeError}; running it again`);
          run = await runLighthouse(p.page, app.url + p.path);
        }
        runs.get(p.page)?.push(run);
        const cells = CATEGORIES.map((c) => `${c} ${run.scores[c] ?? "–"}`).join(", ");
        log(`  run ${i}/${args.runs} ${p.page.padEnd(8)} ${cells} (${run.seconds} s)${run.runtimeError ? ` — ${run.runtimeError}` : ""}`);
      }
    }

    const scores: PageScores[] = pages.map((p) => ({ page: p.page, url: p.path, runs: (runs.get(p.page) ?? []).map((r) => r.scores) }));
    const failures = judge(scores);
    const seconds = Math.round((Date.now() - startedAt.getTime()) / 1000);

    process.stdout.write(`\nLighthouse ${args.runs}× per page, mobile, simulated throttling; median (runs):\n${scoreTable(scores)}\n`);
    for (const e of EXCEPTIONS) process.stdout.write(`exception: ${e.page} ${e.category} leaves out ${e.audit}: ${e.why}\n`);
    for (const p of pages) {
      const pageRuns = runs.get(p.page) ?? [];
      const audits = new Map<string, FailingAudit>();
      for (const r of pageRuns) for (const a of r.failing) if (a.category !== "performance" || a.score < 0.9) audits.set(a.id, a);
      for (const a of audits.values()) process.stdout.write(`  ${p.page}: ${a.category} ${a.id} ${a.score} ${a.displayValue} (${a.title})\n`);
      const stale = new Set(pageRuns.flatMap((r) => r.staleExceptions));
      for (const id of stale) process.stdout.write(`  ${p.page}: ${id} passes now: remove its exception from bench/lighthouse/judge.ts\n`);
    }

    const record = {
      benchmark: "lighthouse",
      createdAt: startedAt.toISOString(),
      code: codeVersion(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
        node: process.version,
        loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
      },
      settings: {
        runs: args.runs,
        formFactor: "mobile",
        throttling: "simulate (Lighthouse default)",
        database: "sqlite (temporary file, demo content)",
        pageCache: "on (default size)",
      },
      thresholds: THRESHOLDS,
      exceptions: EXCEPTIONS,
      seconds,
      pages: pages.map((p) => {
        const pageRuns = runs.get(p.page) ?? [];
        const metricMedians = Object.fromEntries(METRICS.map((id) => [id, median(pageRuns.map((r) => r.metrics[id]).filter((v): v is number => v !== null))]));
        const pageScores = scores.find((s) => s.page === p.page);
        return { page: p.page, path: p.path, medians: pageScores ? medianScores(pageScores) : null, metricMedians, runs: pageRuns };
      }),
      failures,
      passed: failures.length === 0,
    };
    const resultsDir = path.join(import.meta.dirname, "results");
    fs.mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `lighthouse-${isoBasic(startedAt)}.json`);
    fs.writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
    process.stdout.write(`\nwrote ${path.relative(process.cwd(), file)}; ${seconds} s in all (load average at the start ${record.machine.loadAverage.join(", ")})\n`);

    if (failures.length > 0) {
      for (const f of failures) process.stdout.write(`FAIL ${f.page} ${f.category}: median ${f.median ?? "missing"} < ${f.threshold}\n`);
      return 1;
    }
    process.stdout.write("PASS: every page meets every threshold\n");
    return 0;
  } finally {
    await stopAll();
    await weather.close();
  }
}

let args: Args;
try {
  args = parseGateArgs(process.argv.slice(2));
} catch (error) {
  log(error instanceof Error ? error.message : String(error));
  process.exit(error instanceof UsageError && error.message === USAGE ? 0 : 2);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`\ngate:lighthouse: ${signal === "SIGINT" ? "interrupted" : "terminated"}; stopping…`);
    void stopAll().finally(() => process.exit(130));
  });
}
main(args).then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`gate:lighthouse: the harness broke: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
