// Figures of one `bench:http` run, the targets they are held against, and the tables printed at the end
// (pure: no I/O; report.test.ts).
import type { ScenarioName } from "./args.ts";

/** One load run (autocannon), as recorded and printed. Latencies in milliseconds. */
export interface LoadFigures {
  name: ScenarioName | "nginx-auto";
  label: string;
  /** Path(s) requested; a search run cycles through several. */
  paths: string[];
  /** The Accept-Encoding sent, or null for none (identity). */
  acceptEncoding: string | null;
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Mean response size in bytes (headers and body, as autocannon counts them). */
  bytesPerResponse: number;
  /** Highest VmRSS of the server process while measured, in MiB; null for nginx or when unreadable. */
  maxRssMiB: number | null;
  /** Pages rendered meanwhile (`haberci_page_renders_total`, all routes); null without /metrics. */
  renders: number | null;
}

export interface StampedeFigures {
  path: string;
  requests: number;
  /** Answers by HTTP status, e.g. {"200": 2000}. */
  statuses: Record<string, number>;
  errors: number;
  /** Answers whose body carries the text of the edit (decoded from br/gzip): not a stale page. */
  fresh: number;
  seconds: number;
  /** Renders between the edit and the last answer; null without /metrics. */
  renders: number | null;
  /** Old pages served meanwhile (`haberci_page_cache_stale_served_total`); null without that counter. */
  staleServed: number | null;
  maxRssMiB: number | null;
}

export type Verdict = "PASS" | "MISS" | "n/a";

export interface TargetResult {
  target: string;
  figure: string;
  verdict: Verdict;
}

/** Requests per second, as printed: "12,345". */
export function formatRate(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/**
 * Milliseconds, as printed: whole numbers as they are (autocannon's latency histogram counts whole
 * milliseconds, so "2" rather than a false "2.00"), others with two decimals below 10, one below 100.
 */
export function formatMs(n: number): string {
  if (Number.isInteger(n) || n >= 100) return n.toFixed(0);
  return n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

/** `ratio` as "0.84×"; "–" when there is nothing to compare with. */
export function formatRatio(ratio: number | null): string {
  return ratio === null || !Number.isFinite(ratio) ? "–" : `${ratio.toFixed(2)}×`;
}

/**
 * A Markdown table whose columns are padded to line up in a terminal as well.
 * `align` per column: "l" or "r" (numbers). Pipes in cells are escaped.
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly ("l" | "r")[]): string {
  const cells = [header, ...rows].map((row) => header.map((_, i) => (row[i] ?? "").replace(/\|/g, "\\|")));
  const widths = header.map((_, i) => Math.max(3, ...cells.map((row) => [...(row[i] ?? "")].length)));
  const pad = (s: string, i: number) => {
    const room = " ".repeat((widths[i] ?? 0) - [...s].length);
    return align[i] === "r" ? room + s : s + room;
  };
  const line = (row: readonly string[]) => `| ${row.map(pad).join(" | ")} |`;
  const rule = `| ${widths.map((w, i) => (align[i] === "r" ? `${"-".repeat(w - 1)}:` : "-".repeat(w))).join(" | ")} |`;
  const [head, ...body] = cells;
  return [line(head ?? []), rule, ...body.map(line)].join("\n");
}

/**
 * The README table: scenario | req/s | p50 ms | p99 ms | vs nginx, where "vs nginx" is the run's
 * requests per second over nginx's (worker_processes 1) serving the same article bytes.
 */
export function resultsTable(runs: readonly LoadFigures[], nginxRps: number | null): string {
  const rows = runs.map((r) => [
    r.label,
    formatRate(r.requestsPerSecond),
    formatMs(r.p50Ms),
    formatMs(r.p99Ms),
    formatRatio(nginxRps ? r.requestsPerSecond / nginxRps : null),
  ]);
  return markdownTable(["scenario", "req/s", "p50 ms", "p99 ms", "vs nginx"], rows, ["l", "r", "r", "r", "r"]);
}

const verdict = (ok: boolean): Verdict => (ok ? "PASS" : "MISS");

/**
 * The issue's targets (Haberci issue 11, "Benchmark"), judged on what ran; a target whose figures
 * did not run (or, for renders, without /metrics) is "n/a". Informational only: never an exit code.
 * - cached article ≥ 0.6× nginx: the identity run when it ran (nginx serves identity bytes), else br/gzip;
 * - cached p99 < 10 ms: the worst of the cached runs;
 * - uncached article p99 < 25 ms, uncached home p99 < 50 ms;
 * - 2,000 concurrent requests for a just-changed article → exactly 1 render;
 * - RSS < 400 MB (taken as MiB, the stricter reading), the highest of any app process.
 */
export function judgeTargets(runs: readonly LoadFigures[], nginxRps: number | null, stampede: StampedeFigures | null): TargetResult[] {
  const by = (name: LoadFigures["name"]) => runs.find((r) => r.name === name);
  const out: TargetResult[] = [];

  const article = by("cached-article-identity") ?? by("cached-article");
  out.push(
    article && nginxRps
      ? {
          target: "cached article ≥ 0.6× nginx",
          figure: `${formatRatio(article.requestsPerSecond / nginxRps)} (${article.label})`,
          verdict: verdict(article.requestsPerSecond >= 0.6 * nginxRps),
        }
      : { target: "cached article ≥ 0.6× nginx", figure: "not measured", verdict: "n/a" },
  );

  const cached = runs.filter((r) => r.name.startsWith("cached-"));
  const worst = cached.reduce<LoadFigures | undefined>((w, r) => (w === undefined || r.p99Ms > w.p99Ms ? r : w), undefined);
  out.push(
    worst
      ? { target: "cached p99 < 10 ms", figure: `${formatMs(worst.p99Ms)} ms (${worst.label})`, verdict: verdict(worst.p99Ms < 10) }
      : { target: "cached p99 < 10 ms", figure: "not measured", verdict: "n/a" },
  );

  for (const [name, limit, target] of [
    ["uncached-article", 25, "uncached article p99 < 25 ms"],
    ["uncached-home", 50, "uncached home p99 < 50 ms"],
  ] as const) {
    const r = by(name);
    out.push(r ? { target, figure: `${formatMs(r.p99Ms)} ms`, verdict: verdict(r.p99Ms < limit) } : { target, figure: "not measured", verdict: "n/a" });
  }

  const stampedeTarget = `${stampede ? stampede.requests.toLocaleString("en-US") : "2,000"} concurrent GETs of a just-changed article → 1 render`;
  if (!stampede) out.push({ target: stampedeTarget, figure: "not measured", verdict: "n/a" });
  else if (stampede.renders === null) out.push({ target: stampedeTarget, figure: "no render counter (/metrics)", verdict: "n/a" });
  else out.push({ target: stampedeTarget, figure: `${stampede.renders} render${stampede.renders === 1 ? "" : "s"}`, verdict: verdict(stampede.renders === 1) });

  const rss = [...runs.map((r) => r.maxRssMiB), stampede?.maxRssMiB ?? null].filter((x): x is number => x !== null);
  out.push(
    rss.length > 0
      ? { target: "RSS < 400 MB", figure: `${Math.max(...rss).toFixed(0)} MiB`, verdict: verdict(Math.max(...rss) < 400) }
      : { target: "RSS < 400 MB", figure: "not measured", verdict: "n/a" },
  );
  return out;
}

/** The targets as a Markdown table: target | figure | verdict. */
export function targetsTable(targets: readonly TargetResult[]): string {
  return markdownTable(
    ["target", "figure", "verdict"],
    targets.map((t) => [t.target, t.figure, t.verdict]),
    ["l", "l", "l"],
  );
}
