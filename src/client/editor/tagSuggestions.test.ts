import { describe, expect, it } from "vitest";
import { lastTerm, readSuggestions, replaceLastTerm } from "./tagSuggestions.ts";

describe("tag field helpers", () => {
  it("finds the term being typed", () => {
    expect(lastTerm("Ankara, Eko")).toBe("Eko");
    expect(lastTerm("İzmir")).toBe("İzmir");
    expect(lastTerm("Ankara, ")).toBe("");
  });

  it("replaces the last term and starts the next one", () => {
    expect(replaceLastTerm("Ankara, Eko", "Ekonomi")).toBe("Ankara, Ekonomi, ");
    expect(replaceLastTerm("Ankara,eko", "Ekonomi")).toBe("Ankara, Ekonomi, ");
    expect(replaceLastTerm("çev", "Çevre")).toBe("Çevre, ");
  });

  it("reads the suggestion answer and skips malformed items", () => {
    expect(readSuggestions({ items: [{ slug: "ankara", name: "Ankara" }, { slug: "x" }, "y", { name: " İzmir " }] })).toEqual([
      { slug: "ankara", name: "Ankara" },
      { slug: "", name: "İzmir" },
    ]);
    expect(readSuggestions({ error: {} })).toEqual([]);
    expect(readSuggestions(null)).toEqual([]);
  });
});
