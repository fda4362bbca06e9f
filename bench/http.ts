// HTTP benchmark: the app as a child process under autocannon, next to nginx serving the same bytes.
//
//   npm run bench:http -- [--demo | --articles N] [--database URL] [--connections N] [--duration S] [--only a,b]
//
// Runs the cached scenarios against `haberci serve` with its default page cache, the uncached ones
// against a second process with PAGE_CACHE_MB=0, a stampede of 2,000 concurrent GETs after an edit,
// and nginx (when installed) as the yardstick. Prints the figures, a Markdown table for the README
// and the issue's targets (PASS/MISS, informational); writes bench/results/http-<date>.json.
// Exit codes: 0 done (whatever the figures), 1 the harness broke, 2 bad arguments, 130 Ctrl-C.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PAGE_SIZE } from "../src/news/listPublishedArticles.ts";
import { ARTICLE_LIMITS } from "../src/news/schemas.ts";
import { categoryPath } from "../src/news/slug.ts";
import { type AppErrors, type AppSettings, type RunningApp, appErrors, runCli, startApp } from "./http/app.ts";
import { type HttpBenchArgs, type ScenarioName, USAGE, UsageError, parseHttpBenchArgs } from "./http/args.ts";
import { bodyText, getJson, httpRequest } from "./http/client.ts";
import { fillWithGeneratedArticles } from "./http/corpus.ts";
import { type LoadPlan, runLoad, stopLoad, warmupSeconds } from "./http/load.ts";
import { NGINX_BIN, startNginx } from "./http/nginx.ts";
import { freePort, killAllNow, readCpuMs, sampleRss, stopAll } from "./http/processes.ts";
import { type LoadFigures, type StampedeFigures, formatMs, formatRate, judgeTargets, markdownTable, resultsTable, targetsTable } from "./http/report.ts";
import { fireAtOnce } from "./http/stampede.ts";
import { fillMonthForSitemap } from "./http/sitemapCorpus.ts";
import { sumCounter } from "./http/prometheus.ts";

const PORTS = { from: 47200, to: 47299 };
/** What a browser sends; the identity run sends no Accept-Encoding at all. */
const BROWSER_ENCODING = "br, gzip";
const STAMPEDE_REQUESTS = 2000;
const RENDER_COUNTER = "haberci_page_renders_total";
/** Words tried for the search run; those with no match on the corpus are dropped. */
const SEARCH_WORDS = ["istanbul", "büyük", "önemli", "eğitim", "deprem", "yüksek", "açıkladı", "yeni", "izmir", "ankara"];
const DEMO_EDITOR = "editor@haberci.local";
const BENCH_EDITOR = "bench@haberci.local";

const log = (line: string) => process.stderr.write(`${line}\n`);

/** The sitemap-month scenario: one month of this many articles, its sitemap built this many times (after one warm-up). */
const SITEMAP_MONTH = { month: "2020-01", articles: 30_000, builds: 7, targetMs: 500 };

/** What the sitemap-month scenario measured: each build's time (GET answered by an app without page cache). */
interface SitemapMonthFigures {
  month: string;
  articles: number;
  urls: number;
  bytes: number;
  buildsMs: number[];
  medianMs: number;
  maxMs: number;
  /** The app's CPU time (user + system) per build, in 10 ms steps; null without /proc. */
  buildsCpuMs: Array<number | null>;
  medianCpuMs: number | null;
  targetMs: number;
}

/** Set by Ctrl-C (or SIGTERM): the run is being stopped, its errors are expected. */
let stopping = false;

// ---- picking real URLs from the running site ----

interface SiteUrls {
  articleId: number;
  articlePath: string;
  category: { slug: string; articles: number; pages: number; laterPage: number };
  searchWords: string[];
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null;
}

function listItems(json: unknown): { items: Record<string, unknown>[]; total: number } {
  if (!isRecord(json) || !Array.isArray(json.items) || typeof json.total !== "number") throw new Error("unexpected answer from the article list API");
  return { items: json.items.filter(isRecord), total: json.total };
}

async function pickUrls(origin: string): Promise<SiteUrls> {
  const newest = listItems(await getJson(`${origin}/api/v1/articles?limit=1`));
  const first = newest.items[0];
  if (!first || typeof first.id !== "number" || typeof first.url !== "string") throw new Error("the site has no published article to measure");
  const articlePath = new URL(first.url).pathname;

  // The categories linked from the home page; the fullest one gives the deepest page.
  const home = bodyText(await httpRequest(`${origin}/`));
  const slugs = [...new Set([...home.matchAll(/href="\/haber\/([a-z0-9-]+)\/"/g)].map((m) => m[1] ?? ""))].filter((s) => s !== "");
  let best = { slug: "", articles: -1 };
  for (const slug of slugs) {
    const { total } = listItems(await getJson(`${origin}/api/v1/articles?limit=1&category=${slug}`));
    if (total > best.articles) best = { slug, articles: total };
  }
  if (best.slug === "") throw new Error("no category links on the home page");
  const pages = Math.max(1, Math.ceil(best.articles / PAGE_SIZE));

  const searchWords: string[] = [];
  for (const word of SEARCH_WORDS) {
    const hits = await getJson(`${origin}/api/v1/search?q=${encodeURIComponent(word)}`);
    if (isRecord(hits) && typeof hits.total === "number" && hits.total > 0) searchWords.push(word);
  }
  return {
    articleId: first.id,
    articlePath,
    category: { ...best, pages, laterPage: Math.min(50, pages) },
    searchWords: searchWords.length > 0 ? searchWords : SEARCH_WORDS,
  };
}

// ---- the app's counters ----

const STALE_COUNTER = "haberci_page_cache_stale_served_total";

interface Counters {
  /** `haberci_page_renders_total` summed over routes. */
  renders: number | null;
  /** `haberci_page_cache_stale_served_total`: old pages served while a fresh one renders. */
  staleServed: number | null;
}

/** A reader of the app's counters at /metrics; null for a counter it does not give (one notice for renders). */
function counterReader(origin: string, token: string): () => Promise<Counters> {
  let told = false;
  return async () => {
    const answer = await httpRequest(`${origin}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    const text = answer.status === 200 ? bodyText(answer) : "";
    const renders = sumCounter(text, RENDER_COUNTER) ?? null;
    if (renders === null && !told) {
      told = true;
      log(`  (no ${RENDER_COUNTER} at /metrics, which answered ${answer.status}: render counts are n/a)`);
    }
    return { renders, staleServed: sumCounter(text, STALE_COUNTER) ?? null };
  };
}

const difference = (before: number | null, after: number | null): number | null => (before !== null && after !== null ? after - before : null);

// ---- the stampede ----

async function apiToken(settings: AppSettings, demo: boolean): Promise<string> {
  let email = DEMO_EDITOR;
  if (!demo) {
    email = BENCH_EDITOR;
    try {
      await runCli(
        ["user", "add", "--email", email, "--name", "Yük Testi", "--role", "editor", "--password-stdin"],
        settings,
        `${randomBytes(18).toString("base64url")}\n`,
      );
    } catch (error) {
      // A kept database may have the user from an earlier run; token creation says if it does not.
      log(`  (user add: ${(error as Error).message})`);
    }
  }
  const out = await runCli(["token", "create", "--email", email, "--name", "bench:http"], settings);
  const token = out.trim().split("\n").at(-1)?.trim();
  if (!token) throw new Error("token create printed no token");
  return token;
}

async function stampede(app: RunningApp, urls: SiteUrls, settings: AppSettings, demo: boolean, counters: () => Promise<Counters>): Promise<StampedeFigures> {
  const token = await apiToken(settings, demo);
  const auth = { authorization: `Bearer ${token}` };
  const current = await getJson(`${app.url}/api/v1/articles/${urls.articleId}`, auth);
  if (!isRecord(current) || typeof current.version !== "number" || typeof current.spot !== "string")
    throw new Error("the article API gave no version for the token's user");

  // The page must be in the cache before the edit drops it.
  const page = `${app.url}${urls.articlePath}`;
  for (let i = 0; i < 3; i++) await httpRequest(page, { headers: { "accept-encoding": BROWSER_ENCODING } });

  const marker = `yuk-testi-${Date.now()}`;
  // The marker goes first, so cutting to the field's limit never loses it.
  const spot = `${marker} ${current.spot}`.slice(0, ARTICLE_LIMITS.spot);
  const before = await counters();
  const edit = await httpRequest(`${app.url}/api/v1/articles/${urls.articleId}`, {
    method: "PATCH",
    headers: { ...auth, "content-type": "application/json" },
    body: JSON.stringify({ version: current.version, spot }),
  });
  if (edit.status !== 200) throw new Error(`PATCH /api/v1/articles/${urls.articleId}: ${edit.status} ${bodyText(edit).slice(0, 200)}`);

  const rss = sampleRss(app.process.pid);
  let maxRssMiB: number | null = null;
  let answers;
  try {
    answers = await fireAtOnce(page, STAMPEDE_REQUESTS, { "accept-encoding": BROWSER_ENCODING }, marker);
  } finally {
    maxRssMiB = rss.stop();
  }
  const after = await counters();
  return {
    path: urls.articlePath,
    requests: STAMPEDE_REQUESTS,
    ...answers,
    renders: difference(before.renders, after.renders),
    staleServed: difference(before.staleServed, after.staleServed),
    maxRssMiB,
  };
}

// ---- the run ----

interface Machine {
  cpus: number;
  cpuModel: string;
  node: string;
  platform: string;
  memoryMiB: number;
  nginx: string | null;
  /** 1, 5 and 15 minute load averages when the run started: other work on the machine skews the figures. */
  loadAverage: number[];
}

function machine(): Machine {
  // nginx prints its version on stderr: "nginx version: nginx/1.22.1".
  const nginx = fs.existsSync(NGINX_BIN)
    ? spawnSync(NGINX_BIN, ["-v"], { encoding: "utf8" })
        .stderr.trim()
        .replace(/^nginx version:\s*/, "") || null
    : null;
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    memoryMiB: Math.round(os.totalmem() / 1024 ** 2),
    nginx,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

/** The code measured: HEAD and whether src/ had uncommitted changes (the figures are then not HEAD's). */
function codeVersion(): { commit: string | null; srcChanged: boolean | null } {
  const git = (args: string[]) => spawnSync("git", args, { cwd: path.join(import.meta.dirname, ".."), encoding: "utf8" });
  const head = git(["rev-parse", "HEAD"]);
  const status = git(["status", "--porcelain", "--", "src"]);
  return {
    commit: head.status === 0 ? head.stdout.trim() : null,
    srcChanged: status.status === 0 ? status.stdout.trim() !== "" : null,
  };
}

/** A database URL fit for a record: no password. */
function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/, "$1:***@");
}

function isoBasic(d: Date): string {
  return d
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

function printRun(r: LoadFigures): void {
  const rss = r.maxRssMiB === null ? "" : `  RSS ${r.maxRssMiB.toFixed(0)} MiB`;
  const renders = r.renders === null ? "" : `  renders ${r.renders}`;
  log(
    `  ${r.label.padEnd(34)} ${formatRate(r.requestsPerSecond).padStart(8)} req/s  p50 ${formatMs(r.p50Ms).padStart(5)} ms  p99 ${formatMs(r.p99Ms).padStart(5)} ms  non-2xx ${r.non2xx}  errors ${r.errors}${rss}${renders}`,
  );
}

/** Ends the run's next step once Ctrl-C is stopping it, so nothing new starts meanwhile. */
function assertRunning(): void {
  if (stopping) throw new Error("stopped");
}

/** Order of the rows in the tables. */
const ROW_ORDER: LoadFigures["name"][] = [
  "cached-article",
  "cached-article-identity",
  "cached-home",
  "uncached-article",
  "uncached-home",
  "category-1",
  "category-50",
  "search",
  "api-list",
  "nginx",
  "nginx-auto",
];

async function run(args: HttpBenchArgs, tmp: string): Promise<void> {
  const wants = (s: ScenarioName) => args.only.includes(s);
  const cachedScenarios: ScenarioName[] = [
    "cached-article",
    "cached-article-identity",
    "cached-home",
    "category-1",
    "category-50",
    "search",
    "api-list",
    "nginx",
    "stampede",
  ];
  const needCached = cachedScenarios.some(wants);
  const needUncached = wants("uncached-article") || wants("uncached-home");
  const demo = args.content.kind === "demo";
  const settings: AppSettings = {
    databaseUrl: args.databaseUrl ?? `sqlite:${path.join(tmp, "bench.db")}`,
    dataDir: path.join(tmp, "data"),
    metricsToken: randomBytes(24).toString("hex"),
  };
  fs.mkdirSync(settings.dataDir, { recursive: true });
  const info = machine();
  const startedAt = new Date();
  log(`Haberci HTTP benchmark: ${info.cpus} × ${info.cpuModel}, node ${info.node}`);
  const busy = (info.loadAverage[0] ?? 0) > info.cpus / 2;
  if (busy) log(`  warning: load average ${info.loadAverage.join(", ")} on ${info.cpus} CPUs; other work will skew the figures`);
  log(`  ${args.connections} connections, ${args.durationSeconds} s per scenario after a ${warmupSeconds(args.durationSeconds)} s warm-up; temp dir ${tmp}`);

  if (args.content.kind === "articles") {
    log(`Generating ${args.content.count.toLocaleString("en-US")} articles…`);
    const written = await fillWithGeneratedArticles(settings.databaseUrl, args.content.count, startedAt);
    if (written === 0) log("  the database already has articles: using them as they are");
  }

  const ports = new Set<number>();
  const port = async () => {
    const p = await freePort(PORTS.from, PORTS.to, ports);
    ports.add(p);
    return p;
  };
  const runs: LoadFigures[] = [];
  const notes: string[] = [];
  let urls: SiteUrls | undefined;
  let stampedeFigures: StampedeFigures | null = null;
  let nginxWorkersUsed: "1" | null = null;
  const errorsLogged: Record<string, AppErrors> = {};
  /** Stops an app and keeps what it logged as errors: a 500 in the figures then has its reason. */
  const stopApp = async (app: RunningApp, key: string) => {
    await app.process.stop();
    const found = appErrors(fs.readFileSync(app.process.logFile, "utf8"));
    errorsLogged[key] = found;
    if (found.count > 0) {
      log(`  the app (${key}) logged ${found.count} error(s): ${found.messages.map((m) => `${m.count}× ${m.message}`).join("; ")}`);
      notes.push(`the app (${key}) logged ${found.count} error(s), e.g. "${found.messages[0]?.message ?? ""}"`);
    }
  };

  const plan = (
    app: RunningApp,
    name: LoadFigures["name"],
    label: string,
    paths: string[],
    acceptEncoding: string | null,
    renders?: () => Promise<number | null>,
  ): LoadPlan => ({
    name,
    label,
    origin: app.url,
    paths,
    acceptEncoding,
    connections: args.connections,
    durationSeconds: args.durationSeconds,
    serverPid: app.process.pid,
    renders,
  });
  const measure = async (p: LoadPlan) => {
    assertRunning();
    log(`${p.label}: ${p.paths.length === 1 ? p.paths[0] : `${p.paths.length} paths`}…`);
    const figures = await runLoad(p);
    printRun(figures);
    runs.push(figures);
  };

  if (needCached) {
    assertRunning();
    log("Starting the app (default page cache)…");
    const app = await startApp({ name: "app (cached)", port: await port(), settings, demo, logFile: path.join(tmp, "app-cached.log") });
    try {
      urls = await pickUrls(app.url);
      log(
        `  article ${urls.articlePath}; category ${urls.category.slug} (${urls.category.articles} articles, ${urls.category.pages} pages); search: ${urls.searchWords.join(", ")}`,
      );
      const counters = counterReader(app.url, settings.metricsToken);
      const renders = async () => (await counters()).renders;
      const u = urls;
      if (wants("cached-article")) await measure(plan(app, "cached-article", "cached article", [u.articlePath], BROWSER_ENCODING, renders));
      if (wants("cached-article-identity")) await measure(plan(app, "cached-article-identity", "cached article (identity)", [u.articlePath], null, renders));
      if (wants("cached-home")) await measure(plan(app, "cached-home", "cached home", ["/"], BROWSER_ENCODING, renders));
      if (wants("category-1")) await measure(plan(app, "category-1", "category page 1", [categoryPath(u.category.slug)], BROWSER_ENCODING, renders));
      if (wants("category-50")) {
        if (u.category.laterPage < 50) notes.push(`category page 50: the corpus gives ${u.category.slug} only ${u.category.pages} page(s); its last page was measured`);
        await measure(
          plan(
            app,
            "category-50",
            `category page ${u.category.laterPage}${u.category.laterPage < 50 ? " (last)" : ""}`,
            [categoryPath(u.category.slug, u.category.laterPage)],
            BROWSER_ENCODING,
            renders,
          ),
        );
      }
      if (wants("search")) {
        const paths = u.searchWords.map((w) => `/arama?q=${encodeURIComponent(w)}`);
        await measure(plan(app, "search", "search", paths, BROWSER_ENCODING, renders));
      }
      if (wants("api-list")) await measure(plan(app, "api-list", "API list (limit 20)", ["/api/v1/articles?limit=20"], BROWSER_ENCODING, renders));

      if (wants("nginx")) {
        if (!fs.existsSync(NGINX_BIN)) {
          notes.push(`nginx: ${NGINX_BIN} not found; skipped`);
        } else {
          const page = await httpRequest(`${app.url}${u.articlePath}`);
          if (page.status !== 200 || page.headers["content-encoding"]) throw new Error(`the article did not answer 200 in identity (${page.status})`);
          for (const workers of ["1", "auto"] as const) {
            assertRunning();
            const nginxPort = await port();
            const nginx = await startNginx({ prefix: path.join(tmp, `nginx-${workers}`), port: nginxPort, body: page.body, workers });
            try {
              const label = `nginx, same bytes (worker_processes ${workers})`;
              await measure({ ...plan(app, workers === "1" ? "nginx" : "nginx-auto", label, ["/"], null), origin: `http://127.0.0.1:${nginxPort}`, serverPid: null });
            } finally {
              await nginx.stop();
            }
          }
          nginxWorkersUsed = "1";
        }
      }

      if (wants("stampede")) {
        log(`Stampede: edit article ${u.articleId}, then ${STAMPEDE_REQUESTS} concurrent GETs…`);
        stampedeFigures = await stampede(app, u, settings, demo, counters);
        const s = stampedeFigures;
        log(
          `  ${Object.entries(s.statuses)
            .map(([status, n]) => `${n}× ${status}`)
            .join(", ")}, ${s.errors} errors, ${s.fresh} with the edit, in ${s.seconds} s; renders ${s.renders ?? "n/a"}, stale pages served ${s.staleServed ?? "n/a"}`,
        );
      }
    } finally {
      await stopApp(app, "cached");
    }
  }

  if (needUncached) {
    assertRunning();
    log("Starting the app with PAGE_CACHE_MB=0…");
    const app = await startApp({
      name: "app (uncached)",
      port: await port(),
      settings,
      demo,
      logFile: path.join(tmp, "app-uncached.log"),
      extraEnv: { PAGE_CACHE_MB: "0" },
    });
    try {
      urls ??= await pickUrls(app.url);
      const counters = counterReader(app.url, settings.metricsToken);
      const renders = async () => (await counters()).renders;
      if (wants("uncached-article")) await measure(plan(app, "uncached-article", "uncached article", [urls.articlePath], BROWSER_ENCODING, renders));
      if (wants("uncached-home")) await measure(plan(app, "uncached-home", "uncached home", ["/"], BROWSER_ENCODING, renders));
    } finally {
      await stopApp(app, "uncached");
    }
  }

  let sitemapMonth: SitemapMonthFigures | null = null;
  if (wants("sitemap-month")) {
    assertRunning();
    // Its own SQLite file: 30,000 articles in one month would change what the other scenarios measure.
    const sitemapSettings: AppSettings = { ...settings, databaseUrl: `sqlite:${path.join(tmp, "sitemap-month.db")}`, dataDir: path.join(tmp, "data-sitemap") };
    fs.mkdirSync(sitemapSettings.dataDir, { recursive: true });
    log(`Monthly sitemap: writing ${SITEMAP_MONTH.articles.toLocaleString("en-US")} articles in ${SITEMAP_MONTH.month}…`);
    await fillMonthForSitemap(sitemapSettings.databaseUrl, SITEMAP_MONTH.month, SITEMAP_MONTH.articles);
    const app = await startApp({
      name: "app (sitemap)",
      port: await port(),
      settings: sitemapSettings,
      demo: false,
      logFile: path.join(tmp, "app-sitemap.log"),
      extraEnv: { PAGE_CACHE_MB: "0" },
    });
    try {
      const url = `${app.url}/sitemap/haber-${SITEMAP_MONTH.month}.xml`;
      const buildsMs: number[] = [];
      const buildsCpuMs: Array<number | null> = [];
      let body = "";
      for (let i = 0; i <= SITEMAP_MONTH.builds; i++) {
        assertRunning();
        const cpuBefore = readCpuMs(app.process.pid);
        const started = performance.now();
        const answer = await httpRequest(url);
        const ms = performance.now() - started;
        const cpuAfter = readCpuMs(app.process.pid);
        if (answer.status !== 200) throw new Error(`${url}: ${answer.status}`);
        body = bodyText(answer);
        // The first build warms the statement cache and the taxonomy: not counted.
        if (i > 0) {
          buildsMs.push(Math.round(ms * 10) / 10);
          buildsCpuMs.push(cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null);
        }
      }
      const sorted = [...buildsMs].sort((a, b) => a - b);
      const cpus = buildsCpuMs.filter((c): c is number => c !== null).sort((a, b) => a - b);
      sitemapMonth = {
        month: SITEMAP_MONTH.month,
        articles: SITEMAP_MONTH.articles,
        urls: body.split("<url>").length - 1,
        bytes: Buffer.byteLength(body),
        buildsMs,
        medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0,
        maxMs: sorted.at(-1) ?? 0,
        buildsCpuMs,
        medianCpuMs: cpus.length > 0 ? (cpus[Math.floor(cpus.length / 2)] ?? null) : null,
        targetMs: SITEMAP_MONTH.targetMs,
      };
      log(
        `  ${sitemapMonth.urls.toLocaleString("en-US")} URLs, ${(sitemapMonth.bytes / 1_048_576).toFixed(1)} MiB; build median ${sitemapMonth.medianMs} ms, max ${sitemapMonth.maxMs} ms (${buildsMs.join(", ")}); app CPU median ${sitemapMonth.medianCpuMs ?? "n/a"} ms (${buildsCpuMs.join(", ")})`,
      );
    } finally {
      await stopApp(app, "sitemap");
    }
  }

  // ---- report ----
  runs.sort((a, b) => ROW_ORDER.indexOf(a.name) - ROW_ORDER.indexOf(b.name));
  const nginxRps = runs.find((r) => r.name === "nginx")?.requestsPerSecond ?? null;
  const targets = judgeTargets(runs, nginxRps, stampedeFigures);
  const out: string[] = [];
  out.push("");
  out.push(`## HTTP benchmark (${startedAt.toISOString().slice(0, 10)})`);
  out.push("");
  out.push(
    `${info.cpus} × ${info.cpuModel}, node ${info.node}${info.nginx ? `, ${info.nginx}` : ""}; ${demo ? "demo content" : `${args.content.kind === "articles" ? args.content.count.toLocaleString("en-US") : ""} generated articles`} on ${args.databaseUrl ? redactUrl(args.databaseUrl).split(":")[0] : "sqlite"}; autocannon, ${args.connections} connections, ${args.durationSeconds} s after a ${warmupSeconds(args.durationSeconds)} s warm-up; pages asked with Accept-Encoding: ${BROWSER_ENCODING} unless marked identity.`,
  );
  out.push("");
  out.push("All figures:");
  out.push("");
  out.push(
    markdownTable(
      ["scenario", "req/s", "p50 ms", "p99 ms", "max ms", "non-2xx", "errors", "bytes/resp", "max RSS MiB", "renders"],
      runs.map((r) => [
        r.label,
        formatRate(r.requestsPerSecond),
        formatMs(r.p50Ms),
        formatMs(r.p99Ms),
        formatMs(r.maxMs),
        String(r.non2xx),
        String(r.errors),
        formatRate(r.bytesPerResponse),
        r.maxRssMiB === null ? "–" : r.maxRssMiB.toFixed(0),
        r.renders === null ? "–" : String(r.renders),
      ]),
      ["l", "r", "r", "r", "r", "r", "r", "r", "r", "r"],
    ),
  );
  if (stampedeFigures) {
    const s = stampedeFigures;
    out.push("");
    out.push(
      `Stampede: ${s.requests.toLocaleString("en-US")} concurrent GETs of ${s.path} right after an edit: ${Object.entries(s.statuses)
        .map(([status, n]) => `${n}× ${status}`)
        .join(
          ", ",
        )}, ${s.errors} errors, ${s.fresh} carried the edit (the others had the page as it was before), ${s.seconds} s; renders: ${s.renders ?? "n/a (no render counter)"}; stale pages served (haberci_page_cache_stale_served_total): ${s.staleServed ?? "n/a"}.`,
    );
  }
  if (nginxWorkersUsed) {
    out.push("");
    out.push(
      "vs nginx: against nginx with worker_processes 1, serving the cached article's identity bytes: the app is one Node process (one event loop), so one nginx worker is the like-for-like yardstick; worker_processes auto is shown for reference.",
    );
  }
  if (busy)
    notes.push(
      `the machine was busy (load average ${info.loadAverage.join(", ")} on ${info.cpus} CPUs at the start): the figures are lower and noisier than on a quiet one`,
    );
  for (const note of notes) out.push(`Note: ${note}.`);
  out.push("");
  out.push("README table:");
  out.push("");
  out.push(resultsTable(runs, nginxRps));
  out.push("");
  out.push("Targets (informational):");
  out.push("");
  out.push(targetsTable(targets));
  if (sitemapMonth) {
    const m = sitemapMonth;
    out.push("");
    out.push(
      `Monthly sitemap (${m.articles.toLocaleString("en-US")} articles with pictures in ${m.month}, SQLite, no page cache, GET timed from the client): ${m.urls.toLocaleString("en-US")} URLs, ${(m.bytes / 1_048_576).toFixed(1)} MiB, median ${m.medianMs} ms, slowest ${m.maxMs} ms of ${m.buildsMs.length} builds (the app's CPU time per build: median ${m.medianCpuMs ?? "n/a"} ms); target < ${m.targetMs} ms: ${m.maxMs < m.targetMs ? "met" : "missed"}.`,
    );
  }

  const record = {
    benchmark: "http",
    createdAt: startedAt.toISOString(),
    code: codeVersion(),
    machine: info,
    settings: {
      content: args.content,
      database: args.databaseUrl ? redactUrl(args.databaseUrl) : "sqlite (temporary file)",
      connections: args.connections,
      durationSeconds: args.durationSeconds,
      warmupSeconds: warmupSeconds(args.durationSeconds),
      scenarios: args.only,
      acceptEncoding: BROWSER_ENCODING,
      stampedeRequests: STAMPEDE_REQUESTS,
      nginxWorkersCompared: nginxWorkersUsed,
      ports: [...ports],
    },
    urls: urls ?? null,
    runs,
    nginxRequestsPerSecond: nginxRps,
    stampede: stampedeFigures,
    sitemapMonth,
    appErrors: errorsLogged,
    targets,
    notes,
  };
  const resultsDir = path.join(import.meta.dirname, "results");
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `http-${isoBasic(startedAt)}.json`);
  fs.writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  out.push("");
  out.push(`Written: ${path.relative(process.cwd(), file)}`);
  process.stdout.write(`${out.join("\n")}\n`);
}

async function main(): Promise<void> {
  let args: HttpBenchArgs | "help";
  try {
    args = parseHttpBenchArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      log(`bench:http: ${error.message} (try --help)`);
      process.exit(2);
    }
    throw error;
  }
  if (args === "help") {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "haberci-bench-http-"));
  // Whatever happens, no child outlives the run and the temp dir goes.
  process.on("exit", () => {
    killAllNow();
    try {
      fs.rmSync(tmp, { recursive: true, force: true });
    } catch (error) {
      log(`bench:http: could not remove ${tmp}: ${(error as Error).message}`);
    }
  });
  // `on`, not `once`: Ctrl-C reaches us twice (from the terminal and relayed by tsx), and a second
  // signal without a listener would end the process before the children are stopped.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log(`\nbench:http: ${signal === "SIGINT" ? "interrupted" : "terminated"}; stopping…`);
      stopLoad();
      void stopAll().finally(() => process.exit(130));
    });
  }
  try {
    await run(args, tmp);
  } finally {
    await stopAll();
  }
}

main().catch((error: unknown) => {
  // After Ctrl-C the aborted run fails on its way out; the signal handler ends the process.
  if (stopping) return;
  log(`bench:http: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
