import { describe, expect, it } from "vitest";
import { appErrors } from "./app.ts";

describe("appErrors", () => {
  it("counts pino lines at error and fatal by message, most frequent first", () => {
    const log = [
      "Haberci is running at http://127.0.0.1:47200/",
      JSON.stringify({ level: 40, msg: "slow request" }),
      JSON.stringify({ level: 50, msg: "request failed", err: { message: "timeout exceeded when trying to connect\n    at Pool" } }),
      JSON.stringify({ level: 50, msg: "request failed", err: { message: "timeout exceeded when trying to connect" } }),
      JSON.stringify({ level: 60, msg: "cannot listen" }),
      "{not json",
    ].join("\n");
    expect(appErrors(log)).toEqual({
      count: 3,
      messages: [
        { message: "timeout exceeded when trying to connect", count: 2 },
        { message: "cannot listen", count: 1 },
      ],
    });
  });

  it("finds nothing in a quiet log", () => {
    expect(appErrors("Haberci is running\n")).toEqual({ count: 0, messages: [] });
  });
});
