import { describe, expect, it } from "vitest";
import { keepQuery, queryOf } from "./redirect.ts";

describe("keepQuery", () => {
  it("carries the query string to a target without one", () => {
    expect(keepQuery("/etiket/deprem/", "/etiket/deprem?sayfa=2")).toBe("/etiket/deprem/?sayfa=2");
    expect(keepQuery("/haber/gundem/a-1.html", "/haber/dunya/a-1.html?utm_source=x&utm_medium=y")).toBe("/haber/gundem/a-1.html?utm_source=x&utm_medium=y");
  });

  it("leaves the target alone when the request had no query", () => {
    expect(keepQuery("/son-dakika/", "/son-dakika")).toBe("/son-dakika/");
    expect(keepQuery("/son-dakika/", "/son-dakika?")).toBe("/son-dakika/");
  });

  it("lets the target's own parameters win and adds the others", () => {
    expect(keepQuery("/etiket/deprem/?sayfa=3", "/x?sayfa=9&utm_source=a")).toBe("/etiket/deprem/?sayfa=3&utm_source=a");
  });

  it("reads the query of a request target", () => {
    expect(queryOf("/a?b=1")).toBe("b=1");
    expect(queryOf("/a")).toBe("");
  });
});
