// Search benchmark: builds a synthetic Turkish corpus in a fresh SQLite file (articles + search
// index, written the way the newsroom writes them), then times searchArticles over a fixed query mix.
//
//   npm run bench:search -- [--articles N] [--queries N] [--keep DIR]
//
// One process, one connection, one query at a time: the figures are per-core latencies.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { type Kysely, sql } from "kysely";
import { connectDatabase, type Db } from "../src/db/connect.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import type { Database } from "../src/db/schema.ts";
import { installDefaults } from "../src/news/installDefaults.ts";
import { countArticles } from "../src/news/articleStore.ts";
import { parseQuery } from "../src/search/analyzer.ts";
import { findMatches } from "../src/search/backends.ts";
import { progressBar } from "../src/lib/progressBar.ts";
import { searchArticles } from "../src/search/searchArticles.ts";
import { CORPUS_VERSION, type CorpusOptions } from "./corpus.ts";
import { corpusTarget, writeGeneratedArticle } from "./corpusWriter.ts";

const SEED = 20_261_127;
/** The benchmark's clock: the corpus spans the two years before it; searches rank against it. */
const NOW = new Date("2026-11-27T12:00:00.000Z");
const BATCH = 2000;
const PAGE_SIZE = 20;
const DB_FILE = "search-bench.db";
const META_FILE = "search-bench.meta.json";
const MAX_COUNT = 10_000_000;

// ---- arguments ----

interface Args {
  articles: number;
  queries: number;
  keep: string | undefined;
}

class UsageError extends Error {}

const USAGE = "usage: npm run bench:search -- [--articles N] [--queries N] [--keep DIR]";

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const clean = raw.replace(/_/g, "");
  if (!/^[1-9]\d*$/.test(clean) || Number(clean) > MAX_COUNT) {
    throw new UsageError(`--${name} must be a whole number from 1 to ${MAX_COUNT} (got "${raw}")`);
  }
  return Number(clean);
}

function parseCli(argv: string[]): Args | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        articles: { type: "string" },
        queries: { type: "string" },
        keep: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0] ?? "bad arguments");
  }
  const v = parsed.values;
  if (v.help) return "help";
  if (v.keep !== undefined) {
    if (v.keep.trim() === "") throw new UsageError("--keep needs a directory");
    if (fs.existsSync(v.keep) && !fs.statSync(v.keep).isDirectory()) throw new UsageError(`--keep ${v.keep} is not a directory`);
  }
  return {
    articles: positiveInt("articles", v.articles, 100_000),
    queries: positiveInt("queries", v.queries, 2000),
    keep: v.keep === undefined ? undefined : path.resolve(v.keep),
  };
}

// ---- formatting ----

/** 12300 -> "12 300" */
function int(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

function ms(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

function bytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(2)} GiB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${(n / 1024).toFixed(0)} KiB`;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}

function padStart(s: string, n: number): string {
  return s.length >= n ? s : " ".repeat(n - s.length) + s;
}

// ---- the corpus ----

interface CorpusMeta {
  corpusVersion: number;
  seed: number;
  articles: number;
  words: number;
  generationSeconds: number;
  generationCpuSeconds: number;
  createdAt: string;
}

interface Generation {
  reused: boolean;
  seconds: number;
  /** Of which on the CPU (this process: JS, analyzer, SQLite); the rest is mostly waiting on the disk. */
  cpuSeconds: number;
  articlesPerSecond: number;
  words: number;
}

function readMeta(dir: string): CorpusMeta | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, META_FILE), "utf8")) as CorpusMeta;
  } catch {
    return undefined;
  }
}

function removeDatabase(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

async function openDatabase(file: string): Promise<Db> {
  const conn = await connectDatabase({ dialect: "sqlite", file });
  await migrateToLatest(conn.db);
  await installDefaults(conn.db);
  return conn;
}

/** The generation bar: `[██████░░░░] 60% 6000/10000 (1 234 art./s)`. */
class Progress {
  private readonly bar = progressBar({ width: 10, suffix: " ({rate} art./s)" });
  private readonly started = performance.now();

  constructor(private readonly total: number) {}

  update(done: number): void {
    const seconds = (performance.now() - this.started) / 1000;
    this.bar.update(done, this.total, { rate: int(seconds > 0 ? done / seconds : 0) });
  }

  finish(): void {
    this.update(this.total);
    this.bar.stop();
  }
}

async function generate(db: Kysely<Database>, count: number): Promise<{ seconds: number; cpuSeconds: number; words: number }> {
  const target = await corpusTarget(db);
  const options: CorpusOptions = { seed: SEED, count, now: NOW };
  const progress = new Progress(count);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  let words = 0;
  for (let start = 0; start < count; start += BATCH) {
    const end = Math.min(count, start + BATCH);
    await db.transaction().execute(async (trx) => {
      for (let i = start; i < end; i++) {
        words += await writeGeneratedArticle(trx, i, options, target);
        progress.update(i + 1);
      }
    });
  }
  progress.finish();
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  // Fold the WAL into the file, so the size on disk is the database's.
  await sql`pragma wal_checkpoint(truncate)`.execute(db);
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, words };
}

/** Opens (or builds) the corpus in `dir`; reuses a kept one with the same size and generator. */
async function prepareCorpus(dir: string, count: number, keep: boolean): Promise<{ conn: Db; file: string; generation: Generation }> {
  const file = path.join(dir, DB_FILE);
  if (keep && fs.existsSync(file)) {
    const meta = readMeta(dir);
    const conn = await openDatabase(file);
    const existing = await countArticles(conn.db);
    const sameGenerator = meta === undefined || (meta.corpusVersion === CORPUS_VERSION && meta.seed === SEED);
    if (existing === count && sameGenerator) {
      const known = meta?.articles === count;
      const seconds = known ? meta.generationSeconds : Number.NaN;
      process.stderr.write(`Reusing ${int(count)} articles in ${file}\n`);
      return {
        conn,
        file,
        generation: {
          reused: true,
          seconds,
          cpuSeconds: known ? meta.generationCpuSeconds : Number.NaN,
          articlesPerSecond: count / seconds,
          words: known ? meta.words : Number.NaN,
        },
      };
    }
    process.stderr.write(`${file} holds ${int(existing)} articles${sameGenerator ? "" : " from another generator"}; rebuilding\n`);
    await conn.close();
    removeDatabase(file);
    fs.rmSync(path.join(dir, META_FILE), { force: true });
  }
  const conn = await openDatabase(file);
  process.stderr.write(`Generating ${int(count)} articles into ${file}\n`);
  const { seconds, cpuSeconds, words } = await generate(conn.db, count);
  if (keep) {
    const meta: CorpusMeta = {
      corpusVersion: CORPUS_VERSION,
      seed: SEED,
      articles: count,
      words,
      generationSeconds: seconds,
      generationCpuSeconds: cpuSeconds,
      createdAt: new Date().toISOString(),
    };
    fs.writeFileSync(path.join(dir, META_FILE), `${JSON.stringify(meta, null, 2)}\n`);
  }
  return { conn, file, generation: { reused: false, seconds, cpuSeconds, articlesPerSecond: count / seconds, words } };
}

function sizeOnDisk(file: string): number {
  let total = 0;
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) total += fs.statSync(f).size;
  return total;
}

// ---- the queries ----

type QueryClass = "common" | "rare" | "province" | "apostrophe" | "multi-word" | "prefix" | "no-match";

const CLASSES: readonly QueryClass[] = ["common", "rare", "province", "apostrophe", "multi-word", "prefix", "no-match"];

/** What readers type: fixed, so runs compare. Every one-word query also matches as a prefix (analyzer rule). */
const QUERY_MIX: ReadonlyArray<{ q: string; cls: QueryClass }> = [
  ...["ve", "yeni", "açıkladı", "yüzde", "bakanlığı", "belediye", "enflasyon", "maç"].map((q) => ({ q, cls: "common" as const })),
  ...["kemençe", "sarnıç", "lahit", "kervansaray", "hüsnühat", "papirüs", "fındık"].map((q) => ({ q, cls: "rare" as const })),
  ...["istanbul", "İSTANBUL", "ISTANBUL", "igdir", "IĞDIR", "ığdır", "sanliurfa", "Şanlıurfa", "ardahan", "eskisehir"].map((q) => ({ q, cls: "province" as const })),
  ...["Kudüs'te", "NATO'nun", "İzmir'in", "Türkiye'nin", "AB'nin", "Iğdır'da"].map((q) => ({ q, cls: "apostrophe" as const })),
  ...[
    "merkez bankası faiz",
    "sağlık bakanlığı aşı",
    "enflasyon rakamı açıklandı",
    "istanbul trafik",
    "ankara'da toplantı",
    "teknik direktör transfer",
    "deprem bölge yardım",
    "fındık hasadı giresun",
  ].map((q) => ({ q, cls: "multi-word" as const })),
  ...["başla", "ekono", "yatır", "ist", "gör", "ba", "cumhurb", "sağl"].map((q) => ({ q, cls: "prefix" as const })),
  ...["qwxz", "zzyzx", "Reykjavik", "blokzincir metaverse", "kuantum dolanıklık"].map((q) => ({ q, cls: "no-match" as const })),
];

interface Stats {
  runs: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function stats(samplesMs: number[]): Stats {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  const mean = sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { runs: sorted.length, mean: round(mean), p50: round(at(50)), p95: round(at(95)), p99: round(at(99)), max: round(at(100)) };
}

interface QueryResult {
  q: string;
  cls: QueryClass;
  matches: number;
  /** searchArticles counted up to its cap: there are more than `matches`. */
  capped: boolean;
  latencyMs: Stats;
}

interface SlowQuery extends QueryResult {
  /** Median of findMatches alone (the newest matches and their count), the rest being ranking, cards and snippets. */
  matchPhaseMs: number;
}

async function timeOnce(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function runQueries(db: Kysely<Database>, runs: number) {
  const search = (q: string) => searchArticles(db, { q, page: 1, pageSize: PAGE_SIZE, now: NOW });
  const matches = new Map<string, { total: number; capped: boolean }>();
  for (const { q } of QUERY_MIX) {
    const r = await search(q); // the warm-up pass
    matches.set(q, { total: r.total, capped: r.capped });
  }

  const perQuery = new Map<string, number[]>(QUERY_MIX.map(({ q }) => [q, []]));
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    const entry = QUERY_MIX[i % QUERY_MIX.length];
    if (!entry) continue;
    const t = await timeOnce(() => search(entry.q));
    all.push(t);
    perQuery.get(entry.q)?.push(t);
  }

  const queries: QueryResult[] = QUERY_MIX.map(({ q, cls }) => ({
    q,
    cls,
    matches: matches.get(q)?.total ?? 0,
    capped: matches.get(q)?.capped ?? false,
    latencyMs: stats(perQuery.get(q) ?? []),
  }));
  const byClass = Object.fromEntries(CLASSES.map((cls) => [cls, stats(QUERY_MIX.filter((e) => e.cls === cls).flatMap((e) => perQuery.get(e.q) ?? []))])) as Record<
    QueryClass,
    Stats
  >;

  const slowest: SlowQuery[] = [];
  for (const r of [...queries]
    .filter((r) => r.latencyMs.runs > 0)
    .sort((a, b) => b.latencyMs.p50 - a.latencyMs.p50)
    .slice(0, 5)) {
    const terms = parseQuery(r.q);
    const filter = { terms, statuses: ["published" as const] };
    const times: number[] = [];
    for (let k = 0; k < 3; k++) times.push(await timeOnce(() => findMatches(db, filter)));
    slowest.push({ ...r, matchPhaseMs: stats(times).p50 });
  }
  return { warmupRuns: QUERY_MIX.length, overall: stats(all), byClass, queries, slowest };
}

// ---- the report ----

interface Report {
  benchmark: "search";
  createdAt: string;
  args: { articles: number; queries: number; keep: string | null };
  environment: { node: string; sqlite: string; cpu: string; platform: string };
  /** SHA-1 (first 12 hex digits) of the search code measured, since it changes between runs. */
  code: Record<string, string>;
  corpus: {
    articles: number;
    words: number | null;
    seed: number;
    corpusVersion: number;
    dbFile: string;
    dbBytes: number;
    generation: { reused: boolean; seconds: number | null; cpuSeconds: number | null; articlesPerSecond: number | null };
  };
  queries: { mixSize: number; warmupRuns: number; runs: number; pageSize: number };
  latencyMs: { overall: Stats; byClass: Record<QueryClass, Stats> };
  slowest: SlowQuery[];
  perQuery: QueryResult[];
}

const finite = (n: number): number | null => (Number.isFinite(n) ? Math.round(n * 100) / 100 : null);

function printReport(r: Report): void {
  const out: string[] = [];
  const g = r.corpus.generation;
  out.push("Haberci search benchmark");
  out.push(
    `  corpus       ${int(r.corpus.articles)} articles${r.corpus.words ? `, ${int(r.corpus.words)} words` : ""} (seed ${r.corpus.seed}, corpus v${r.corpus.corpusVersion})`,
  );
  out.push(`  database     ${bytes(r.corpus.dbBytes)} on disk  ${r.corpus.dbFile}`);
  out.push(
    g.seconds === null
      ? "  generation   reused a kept corpus (original time unknown)"
      : `  generation   ${g.reused ? "reused; originally " : ""}${g.seconds.toFixed(1)} s (${g.cpuSeconds === null ? "?" : g.cpuSeconds.toFixed(1)} s CPU), ${int(g.articlesPerSecond ?? 0)} art./s (insertArticle + indexArticle, ${BATCH} per transaction)`,
  );
  out.push(
    `  queries      ${int(r.queries.runs)} timed runs of a ${r.queries.mixSize}-query mix, after ${r.queries.warmupRuns} warm-up runs; page 1, ${r.queries.pageSize} per page`,
  );
  out.push(`  environment  node ${r.environment.node}, SQLite ${r.environment.sqlite}, ${r.environment.cpu}, one process`);
  out.push("");
  out.push(`  latency (ms)   ${padStart("runs", 6)} ${padStart("p50", 8)} ${padStart("p95", 8)} ${padStart("p99", 8)} ${padStart("max", 8)}`);
  const row = (label: string, s: Stats) =>
    `  ${pad(label, 14)} ${padStart(String(s.runs), 6)} ${padStart(ms(s.p50), 8)} ${padStart(ms(s.p95), 8)} ${padStart(ms(s.p99), 8)} ${padStart(ms(s.max), 8)}`;
  out.push(row("overall", r.latencyMs.overall));
  for (const cls of CLASSES) out.push(row(cls, r.latencyMs.byClass[cls]));
  out.push("");
  out.push("  slowest queries (by p50)");
  r.slowest.forEach((s, i) => {
    const label = pad(JSON.stringify(s.q), 24);
    out.push(
      `  ${i + 1}. ${label} ${pad(s.cls, 10)} p50 ${padStart(ms(s.latencyMs.p50), 6)} ms  max ${padStart(ms(s.latencyMs.max), 6)} ms  ${padStart(`${int(s.matches)}${s.capped ? "+" : ""}`, 9)} matches  findMatches ${ms(s.matchPhaseMs)} ms`,
    );
  });
  process.stdout.write(`${out.join("\n")}\n`);
}

function isoBasic(d: Date): string {
  return d
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

const MEASURED_FILES = [
  "src/search/analyzer.ts",
  "src/search/backends.ts",
  "src/search/index.ts",
  "src/search/searchArticles.ts",
  "src/search/snippet.ts",
  "src/news/searchFeed.ts",
  "src/news/cardQuery.ts",
];

function codeFingerprint(): Record<string, string> {
  const root = path.join(import.meta.dirname, "..");
  return Object.fromEntries(
    MEASURED_FILES.map((f) => {
      const file = path.join(root, f);
      return [f, fs.existsSync(file) ? createHash("sha1").update(fs.readFileSync(file)).digest("hex").slice(0, 12) : "missing"];
    }),
  );
}

// ---- main ----

async function main(): Promise<void> {
  let args: Args | "help";
  try {
    args = parseCli(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`bench:search: ${error.message} (try --help)\n`);
      process.exit(2);
    }
    throw error;
  }
  if (args === "help") {
    process.stdout.write(`${USAGE}\n`);
    return;
  }

  const keep = args.keep !== undefined;
  const dir = args.keep ?? fs.mkdtempSync(path.join(os.tmpdir(), "haberci-bench-"));
  fs.mkdirSync(dir, { recursive: true });
  const cleanup = () => {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once("SIGINT", () => {
    cleanup();
    process.stderr.write("\nbench:search: interrupted\n");
    process.exit(130);
  });

  // Taken before anything runs: the modules were loaded from these files.
  const code = codeFingerprint();
  try {
    const { conn, file, generation } = await prepareCorpus(dir, args.articles, keep);
    try {
      const dbBytes = sizeOnDisk(file);
      const sqliteVersion = (await sql<{ v: string }>`select sqlite_version() as v`.execute(conn.db)).rows[0]?.v ?? "?";
      process.stderr.write(`Running ${int(args.queries)} queries…\n`);
      const q = await runQueries(conn.db, args.queries);
      const createdAt = new Date();
      const report: Report = {
        benchmark: "search",
        createdAt: createdAt.toISOString(),
        args: { articles: args.articles, queries: args.queries, keep: args.keep ?? null },
        environment: {
          node: process.version,
          sqlite: sqliteVersion,
          cpu: `${os.cpus()[0]?.model.trim() ?? "unknown CPU"} (${os.cpus().length} cores)`,
          platform: `${process.platform}-${process.arch}`,
        },
        code,
        corpus: {
          articles: args.articles,
          words: finite(generation.words),
          seed: SEED,
          corpusVersion: CORPUS_VERSION,
          dbFile: file,
          dbBytes,
          generation: {
            reused: generation.reused,
            seconds: finite(generation.seconds),
            cpuSeconds: finite(generation.cpuSeconds),
            articlesPerSecond: finite(generation.articlesPerSecond),
          },
        },
        queries: { mixSize: QUERY_MIX.length, warmupRuns: q.warmupRuns, runs: args.queries, pageSize: PAGE_SIZE },
        latencyMs: { overall: q.overall, byClass: q.byClass },
        slowest: q.slowest,
        perQuery: q.queries,
      };
      printReport(report);
      const resultsDir = path.join(import.meta.dirname, "results");
      fs.mkdirSync(resultsDir, { recursive: true });
      const out = path.join(resultsDir, `search-${args.articles}-${isoBasic(createdAt)}.json`);
      fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
      process.stdout.write(`\n  written      ${path.relative(process.cwd(), out)}\n`);
    } finally {
      await conn.close();
    }
  } finally {
    cleanup();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:search: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}\n`);
  process.exit(1);
});
