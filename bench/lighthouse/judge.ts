// The reader-page gate's arithmetic (pure: no I/O, unit-tested in judge.test.ts): category scores of a
// Lighthouse run, the median over runs, the thresholds of issue 13 and the table printed at the end.

/** The four Lighthouse categories the gate reads, in the order they are printed. */
export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * Lowest passing median score per category, on Lighthouse's 0–100 scale. Source: issue 13, "Gate":
 * performance 98 (median of three runs), accessibility 100, best practices 100, SEO 100.
 */
export const THRESHOLDS: Readonly<Record<Category, number>> = { performance: 98, accessibility: 100, "best-practices": 100, seo: 100 };

/**
 * An audit a page fails on purpose, left out of its category's score. Each one names why; the run says
 * when such an audit passes after all (`staleExceptions`), so the list does not outlive its reason.
 */
export interface AuditException {
  page: string;
  audit: string;
  category: Category;
  why: string;
}

/**
 * Search result pages carry `<meta name="robots" content="noindex">` on purpose: Google asks sites to keep
 * internal search results out of its index (Search Essentials, spam policies: "auto-generated pages"), and an
 * indexable `/arama?q=` would let anyone mint pages under the site's name. Lighthouse's `is-crawlable`
 * fails on exactly that tag.
 */
export const EXCEPTIONS: readonly AuditException[] = [
  { page: "search", audit: "is-crawlable", category: "seo", why: "search results are noindex on purpose (Google: keep internal search results out of the index)" },
];

/** What the gate needs of one audit of a Lighthouse result (LH.Result's `audits[id]`). */
export interface AuditResult {
  score: number | null;
  scoreDisplayMode: string;
  title: string;
  displayValue?: string;
}

/** What the gate needs of a Lighthouse result (LH.Result). */
export interface LighthouseResult {
  categories: Partial<Record<string, { score: number | null; auditRefs: ReadonlyArray<{ id: string; weight: number }> }>>;
  audits: Record<string, AuditResult>;
}

/** Audits Lighthouse leaves out of a category's score (their weight does not count). */
const UNSCORED = new Set(["notApplicable", "manual", "informative", "error"]);

/**
 * A category's score on the 0–100 scale, computed as Lighthouse does (the weighted mean of its scored audits,
 * core/scoring.js), leaving out the audits named in `excluded`. Returns null when the category is missing
 * or has no scored audit.
 */
export function categoryScore(result: LighthouseResult, category: Category, excluded: ReadonlySet<string> = new Set()): number | null {
  const refs = result.categories[category]?.auditRefs;
  if (!refs) return null;
  let sum = 0;
  let weights = 0;
  for (const ref of refs) {
    const audit = result.audits[ref.id];
    if (!audit || excluded.has(ref.id) || ref.weight === 0 || UNSCORED.has(audit.scoreDisplayMode)) continue;
    sum += (audit.score ?? 0) * ref.weight;
    weights += ref.weight;
  }
  if (weights === 0) return null;
  // Lighthouse clamps the mean to two decimals and shows it times 100: the same whole number.
  return Math.round((sum / weights) * 100);
}

/** The exceptions for `page`, as the set of audit ids `categoryScore` leaves out. */
export function exceptedAudits(page: string, exceptions: readonly AuditException[] = EXCEPTIONS): Set<string> {
  return new Set(exceptions.filter((e) => e.page === page).map((e) => e.audit));
}

/** The exceptions for `page` whose audit passed in `result` anyway: they can be removed. */
export function staleExceptions(page: string, result: LighthouseResult, exceptions: readonly AuditException[] = EXCEPTIONS): AuditException[] {
  return exceptions.filter((e) => e.page === page && result.audits[e.audit]?.score === 1);
}

/** The middle value of `values` (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

/** One failing audit, for the report: which, its score (0–1) and what Lighthouse shows next to it. */
export interface FailingAudit {
  category: Category;
  id: string;
  title: string;
  score: number;
  displayValue: string;
}

/**
 * The audits of `result` that pull a category below 100: scored, weight above zero, score below 1.
 * Performance metrics are included (their score is below 1 well before the gate fails).
 */
export function failingAudits(result: LighthouseResult): FailingAudit[] {
  const found: FailingAudit[] = [];
  for (const category of CATEGORIES) {
    for (const ref of result.categories[category]?.auditRefs ?? []) {
      const audit = result.audits[ref.id];
      if (!audit || ref.weight === 0 || UNSCORED.has(audit.scoreDisplayMode) || audit.score === null || audit.score >= 1) continue;
      found.push({ category, id: ref.id, title: audit.title, score: audit.score, displayValue: audit.displayValue ?? "" });
    }
  }
  return found;
}

/** One page's runs, reduced to what the gate judges. */
export interface PageScores {
  page: string;
  url: string;
  /** Per run, the score of each category on the 0–100 scale (exceptions left out); null when missing. */
  runs: Array<Record<Category, number | null>>;
}

/** The median per category over the page's runs; null when no run had the category. */
export function medianScores(scores: PageScores): Record<Category, number | null> {
  const out = {} as Record<Category, number | null>;
  for (const category of CATEGORIES) {
    const values = scores.runs.map((run) => run[category]).filter((v): v is number => v !== null);
    out[category] = values.length === scores.runs.length ? median(values) : null;
  }
  return out;
}

/** A reason the gate fails, in words for the CI log. */
export interface GateFailure {
  page: string;
  category: Category;
  median: number | null;
  threshold: number;
}

/** The categories of each page whose median is below its threshold (or missing). Empty: the gate passes. */
export function judge(pages: readonly PageScores[], thresholds: Readonly<Record<Category, number>> = THRESHOLDS): GateFailure[] {
  const failures: GateFailure[] = [];
  for (const page of pages) {
    const medians = medianScores(page);
    for (const category of CATEGORIES) {
      const m = medians[category];
      if (m === null || m < thresholds[category]) failures.push({ page: page.page, category, median: m, threshold: thresholds[category] });
    }
  }
  return failures;
}

/** A monospace table: one row per page, one column per category, each cell "median (run, run, run)". */
export function scoreTable(pages: readonly PageScores[], thresholds: Readonly<Record<Category, number>> = THRESHOLDS): string {
  const header = ["page", ...CATEGORIES.map((c) => `${c} ≥${thresholds[c]}`)];
  const rows = pages.map((page) => {
    const medians = medianScores(page);
    return [
      page.page,
      ...CATEGORIES.map((c) => {
        const m = medians[c];
        const runs = page.runs.map((r) => (r[c] === null ? "–" : String(r[c]))).join(", ");
        const mark = m === null || m < thresholds[c] ? " ✗" : "";
        return `${m === null ? "–" : String(m)}${mark} (${runs})`;
      }),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
