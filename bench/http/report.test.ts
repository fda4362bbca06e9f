import { describe, expect, it } from "vitest";
import { type LoadFigures, type StampedeFigures, formatMs, judgeTargets, markdownTable, resultsTable } from "./report.ts";

function run(name: LoadFigures["name"], label: string, rps: number, p99: number, rss: number | null = 100): LoadFigures {
  return {
    name,
    label,
    paths: ["/"],
    acceptEncoding: null,
    connections: 32,
    durationSeconds: 10,
    requests: rps * 10,
    requestsPerSecond: rps,
    p50Ms: p99 / 4,
    p99Ms: p99,
    maxMs: p99 * 2,
    non2xx: 0,
    errors: 0,
    timeouts: 0,
    bytesPerResponse: 30_000,
    maxRssMiB: rss,
    renders: null,
  };
}

const stampede = (renders: number | null): StampedeFigures => ({
  path: "/haber/x/y-1.html",
  requests: 2000,
  statuses: { "200": 2000 },
  errors: 0,
  fresh: 2000,
  seconds: 1.2,
  renders,
  staleServed: null,
  maxRssMiB: 150,
});

describe("formatMs", () => {
  it("prints autocannon's whole milliseconds without false decimals", () => {
    expect([2, 17, 2384, 1.125, 4.5, 12.34, 123.4].map(formatMs)).toEqual(["2", "17", "2384", "1.13", "4.50", "12.3", "123"]);
  });
});

describe("markdownTable", () => {
  it("pads columns, right-aligns numbers and escapes pipes", () => {
    expect(
      markdownTable(
        ["scenario", "req/s"],
        [
          ["a|b", "12,345"],
          ["home", "7"],
        ],
        ["l", "r"],
      ),
    ).toBe(["| scenario |  req/s |", "| -------- | -----: |", "| a\\|b     | 12,345 |", "| home     |      7 |"].join("\n"));
  });
});

describe("resultsTable", () => {
  it("gives each run's throughput against nginx's", () => {
    const table = resultsTable([run("cached-article", "cached article", 12_000, 4.5), run("nginx", "nginx", 20_000, 2)], 20_000);
    expect(table.split("\n")[0]).toBe("| scenario       |  req/s | p50 ms | p99 ms | vs nginx |");
    expect(table).toContain("| cached article | 12,000 |   1.13 |   4.50 |    0.60× |");
    expect(table).toContain("|    1.00× |");
  });

  it("shows a dash without nginx", () => {
    expect(resultsTable([run("cached-home", "cached home", 900, 12)], null)).toContain("|        – |");
  });
});

describe("judgeTargets", () => {
  it("passes a run that meets every target", () => {
    const runs = [
      run("cached-article", "cached article", 14_000, 8),
      run("cached-article-identity", "cached article (identity)", 13_000, 6),
      run("cached-home", "cached home", 12_000, 9),
      run("uncached-article", "uncached article", 2000, 20),
      run("uncached-home", "uncached home", 800, 45, 390),
      run("nginx", "nginx", 20_000, 2, null),
    ];
    const targets = judgeTargets(runs, 20_000, stampede(1));
    expect(targets.map((t) => t.verdict)).toEqual(["PASS", "PASS", "PASS", "PASS", "PASS", "PASS"]);
    expect(targets[0]?.figure).toBe("0.65× (cached article (identity))");
    expect(targets[5]?.figure).toBe("390 MiB");
  });

  it("misses on the worst cached p99, too many renders and too much memory", () => {
    const runs = [run("cached-article", "cached article", 5000, 8), run("cached-home", "cached home", 3000, 31, 512)];
    const targets = judgeTargets(runs, 20_000, stampede(2000));
    expect(targets.find((t) => t.target.startsWith("cached article"))).toMatchObject({ verdict: "MISS", figure: "0.25× (cached article)" });
    expect(targets.find((t) => t.target.startsWith("cached p99"))).toMatchObject({ verdict: "MISS", figure: "31 ms (cached home)" });
    expect(targets.find((t) => t.target.includes("render"))).toMatchObject({ verdict: "MISS", figure: "2000 renders" });
    expect(targets.find((t) => t.target.startsWith("RSS"))).toMatchObject({ verdict: "MISS", figure: "512 MiB" });
  });

  it("says n/a for what did not run or could not be counted", () => {
    const targets = judgeTargets([], null, { ...stampede(null), maxRssMiB: null });
    expect(targets.map((t) => t.verdict)).toEqual(["n/a", "n/a", "n/a", "n/a", "n/a", "n/a"]);
    expect(targets.find((t) => t.target.includes("render"))?.figure).toBe("no render counter (/metrics)");
  });

  it("counts 0 renders as a miss: the edit did not reach the cached page", () => {
    expect(judgeTargets([], null, stampede(0)).find((t) => t.target.includes("render"))?.verdict).toBe("MISS");
  });
});
