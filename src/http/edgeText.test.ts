import { describe, expect, it } from "vitest";
import { normaliseEdgeText, normaliseEdgeValue, TooDeepError } from "./edgeText.ts";

describe("normaliseEdgeText", () => {
  it("composes decomposed text (NFC)", () => {
    const nfd = "Gökçeada şişe".normalize("NFD");
    expect(normaliseEdgeText(nfd)).toBe("Gökçeada şişe");
  });

  it("removes control characters and bidi overrides but keeps tab and line breaks", () => {
    expect(normaliseEdgeText("a\u0000b\u0007c\u001bd\u007fe\u0085f")).toBe("abcdef");
    expect(normaliseEdgeText("Başlık\u202e txt.exe")).toBe("Başlık txt.exe");
    expect(normaliseEdgeText("satır\nsatır\r\n\tsekme")).toBe("satır\nsatır\r\n\tsekme");
  });

  it("replaces lone surrogates", () => {
    expect(normaliseEdgeText("a\ud800b")).toBe("a\ufffdb");
  });
});

describe("normaliseEdgeValue", () => {
  it("walks objects and arrays in place and leaves Buffers alone", () => {
    const file = Buffer.from([0, 1, 2]);
    const value = { title: "O\u0308", tags: ["s\u0327"], file, n: 5 };
    expect(normaliseEdgeValue(value)).toEqual({ title: "Ö", tags: ["ş"], file, n: 5 });
    expect(value.title).toBe("Ö");
  });

  it("refuses values nested past the limit instead of overflowing the stack", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 5000; i++) deep = [deep];
    expect(() => normaliseEdgeValue(deep)).toThrow(TooDeepError);
  });
});
