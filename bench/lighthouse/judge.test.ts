import { describe, expect, it } from "vitest";
import { type LighthouseResult, type PageScores, categoryScore, exceptedAudits, judge, median, medianScores, scoreTable, staleExceptions } from "./judge.ts";

/** A Lighthouse result with an SEO category of three audits (weights 1, 1, 4) and the given scores. */
function seoResult(scores: { title: number | null; description: number | null; crawlable: number | null }, crawlableMode = "binary"): LighthouseResult {
  return {
    categories: {
      seo: {
        score: null,
        auditRefs: [
          { id: "document-title", weight: 1 },
          { id: "meta-description", weight: 1 },
          { id: "is-crawlable", weight: 4 },
          { id: "structured-data", weight: 0 },
        ],
      },
    },
    audits: {
      "document-title": { score: scores.title, scoreDisplayMode: "binary", title: "Document has a <title>" },
      "meta-description": { score: scores.description, scoreDisplayMode: "binary", title: "Document has a meta description" },
      "is-crawlable": { score: scores.crawlable, scoreDisplayMode: crawlableMode, title: "Page isn’t blocked from indexing" },
      "structured-data": { score: null, scoreDisplayMode: "manual", title: "Structured data is valid" },
    },
  };
}

const run = (performance: number | null, seo = 100) => ({ performance, accessibility: 100, "best-practices": 100, seo });

describe("categoryScore", () => {
  it("is the weighted mean of the scored audits on the 0–100 scale, as Lighthouse shows it", () => {
    expect(categoryScore(seoResult({ title: 1, description: 1, crawlable: 1 }), "seo")).toBe(100);
    expect(categoryScore(seoResult({ title: 1, description: 0, crawlable: 1 }), "seo")).toBe(83);
    expect(categoryScore(seoResult({ title: 1, description: 1, crawlable: 0 }), "seo")).toBe(33);
  });

  it("leaves out not-applicable audits and the audits it is told to", () => {
    expect(categoryScore(seoResult({ title: 1, description: 0, crawlable: null }, "notApplicable"), "seo")).toBe(50);
    expect(categoryScore(seoResult({ title: 1, description: 1, crawlable: 0 }), "seo", new Set(["is-crawlable"]))).toBe(100);
    expect(categoryScore(seoResult({ title: 1, description: 0, crawlable: 0 }), "seo", new Set(["is-crawlable"]))).toBe(50);
  });

  it("is null for a category the result does not have", () => {
    expect(categoryScore(seoResult({ title: 1, description: 1, crawlable: 1 }), "performance")).toBeNull();
  });
});

describe("exceptions", () => {
  it("leave out is-crawlable on the search page only, and say when it passes after all", () => {
    expect([...exceptedAudits("search")]).toEqual(["is-crawlable"]);
    expect(exceptedAudits("home").size).toBe(0);
    expect(staleExceptions("search", seoResult({ title: 1, description: 1, crawlable: 0 }))).toEqual([]);
    expect(staleExceptions("search", seoResult({ title: 1, description: 1, crawlable: 1 })).map((e) => e.audit)).toEqual(["is-crawlable"]);
  });
});

describe("median", () => {
  it("takes the middle run, so one slow run does not fail the gate", () => {
    expect(median([99, 71, 100])).toBe(99);
    expect(median([97, 100])).toBe(98.5);
    expect(median([])).toBeNull();
  });
});

describe("judge", () => {
  const pages: PageScores[] = [
    { page: "home", url: "/", runs: [run(100), run(62), run(99)] },
    { page: "search", url: "/arama?q=izmir", runs: [run(97), run(99), run(96, 92)] },
  ];

  it("fails a page whose median is below a threshold, and only that one", () => {
    expect(judge(pages)).toEqual([{ page: "search", category: "performance", median: 97, threshold: 98 }]);
  });

  it("fails a category missing from any run (a broken run is no pass)", () => {
    const broken: PageScores = { page: "article", url: "/x", runs: [run(100), run(null), run(100)] };
    expect(medianScores(broken).performance).toBeNull();
    expect(judge([broken])).toEqual([{ page: "article", category: "performance", median: null, threshold: 98 }]);
  });

  it("prints each median with its runs and marks what fails", () => {
    const table = scoreTable(pages);
    expect(table).toContain("performance ≥98");
    expect(table).toMatch(/home\s+99 \(100, 62, 99\)/);
    expect(table).toMatch(/search\s+97 ✗ \(97, 99, 96\)/);
  });
});
