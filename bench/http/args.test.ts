import { describe, expect, it } from "vitest";
import { SCENARIOS, UsageError, parseHttpBenchArgs } from "./args.ts";

describe("parseHttpBenchArgs", () => {
  it("defaults to the demo content, 32 connections, 10 s and every scenario", () => {
    expect(parseHttpBenchArgs([])).toEqual({ content: { kind: "demo" }, databaseUrl: undefined, connections: 32, durationSeconds: 10, only: [...SCENARIOS] });
  });

  it("reads every option", () => {
    expect(
      parseHttpBenchArgs([
        "--articles",
        "100_000",
        "--database",
        "postgres://u:p@127.0.0.1/x",
        "--connections",
        "64",
        "--duration",
        "5",
        "--only",
        "stampede, cached-home",
      ]),
    ).toEqual({
      content: { kind: "articles", count: 100_000 },
      databaseUrl: "postgres://u:p@127.0.0.1/x",
      connections: 64,
      durationSeconds: 5,
      // In run order, whatever order they were given in.
      only: ["cached-home", "stampede"],
    });
  });

  it("answers help", () => {
    expect(parseHttpBenchArgs(["--help"])).toBe("help");
    expect(parseHttpBenchArgs(["-h"])).toBe("help");
  });

  it.each([
    [["--demo", "--articles", "10"], /exclude each other/],
    [["--articles", "0"], /--articles must be a whole number/],
    [["--duration", "2.5"], /--duration must be a whole number/],
    [["--connections", "-3"], /--connections/],
    [["--only", "cached-article,warp"], /unknown scenario "warp"/],
    [["--only", ","], /at least one scenario/],
    [["--database", "mysql://x"], /sqlite:FILE or postgres/],
    [["--fast"], /Unknown option/],
    [["extra"], /positional/],
  ])("refuses %j", (argv, message) => {
    expect(() => parseHttpBenchArgs(argv)).toThrow(UsageError);
    expect(() => parseHttpBenchArgs(argv)).toThrow(message);
  });
});
