import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors.ts";
import { type ArticleInput, cleanLine, cleanMultiLine, emptyArticleInput, normaliseArticleInput, parseTagList } from "./articleInput.ts";

const KNOWN = { categories: ["gundem", "dunya"], sources: ["haberci"] };

function input(overrides: Partial<ArticleInput> = {}): ArticleInput {
  return {
    ...emptyArticleInput("gundem", "haberci"),
    title: "Ankara'da mevsimin ilk karı",
    spot: "Başkentte sabah saatlerinde kar yağışı başladı.",
    body: "<p>Kar yağışı öğleye kadar sürdü.</p>",
    tags: ["Ankara", "Kar"],
    ...overrides,
  };
}

/** The per-field messages of the InvalidInputError that normaliseArticleInput throws. */
function fieldErrors(overrides: Partial<ArticleInput>): Record<string, string> {
  try {
    normaliseArticleInput(input(overrides), KNOWN);
  } catch (error) {
    if (error instanceof InvalidInputError) return error.fields;
    throw error;
  }
  throw new Error("expected an InvalidInputError");
}

describe("parseTagList", () => {
  it("splits, trims and merges names with one slug (first spelling wins)", () => {
    expect(parseTagList("Ankara, Ekonomi , ankara,  ,İSTANBUL, istanbul")).toEqual(["Ankara", "Ekonomi", "İSTANBUL"]);
  });

  it("keeps non-Latin tags, merged by their transliterated slug", () => {
    expect(parseTagList(["Путин", "путин", "Putin"])).toEqual(["Путин"]);
  });

  it("keeps a tag without a usable slug so that it can be refused by name", () => {
    expect(parseTagList(["🚀", "Deprem", "🚀", "🔥"])).toEqual(["🚀", "Deprem", "🔥"]);
  });

  it("puts each name on one line without control characters", () => {
    expect(parseTagList(["Son\u0000 \tdakika\n", "Ekono\u007fmi"])).toEqual(["Son dakika", "Ekonomi"]);
  });
});

describe("cleanLine and cleanMultiLine", () => {
  it("removes NUL, the other C0 and C1 controls and DEL", () => {
    expect(cleanLine("a\u0000b\u0001c\u001bd\u007fe\u0080f\u0085g\u009fh")).toBe("abcdefgh");
    expect(cleanMultiLine("a\u0000b\u0001c\u001bd\u007fe\u0080f\u0085g\u009fh")).toBe("abcdefgh");
  });

  it("a single line collapses tabs and line breaks to one space", () => {
    expect(cleanLine("  Meclis\tbugün\r\n\r\ntoplanıyor  ")).toBe("Meclis bugün toplanıyor");
  });

  it("a multi-line field keeps tab and newline; CRLF becomes LF", () => {
    expect(cleanMultiLine(" Birinci satır\r\nikinci\tsatır\rüçüncü\u0000 ")).toBe("Birinci satır\nikinci\tsatır\nüçüncü");
  });
});

describe("normaliseArticleInput", () => {
  it("accepts a good article and cleans every text field", () => {
    const out = normaliseArticleInput(
      input({
        title: "Meclis\u0000 bugün\ntoplanıyor",
        spot: "Gündem\u0007 yoğun.\r\nOturum uzun sürecek.",
        body: "<p>Genel\u0000 Kurul</p>",
        imageCaption: "Genel\u0085 Kurul\nsalonu",
        seoTitle: "\u0000\u0001",
      }),
      KNOWN,
    );
    expect(out.title).toBe("Meclis bugün toplanıyor");
    expect(out.spot).toBe("Gündem yoğun.\nOturum uzun sürecek.");
    expect(out.body).toBe("<p>Genel Kurul</p>");
    expect(out.imageCaption).toBe("Genel Kurul salonu");
    expect(out.seoTitle).toBeNull();
  });

  it("accepts a Cyrillic or Greek title: it gets a transliterated slug", () => {
    expect(normaliseArticleInput(input({ title: "Путин и Эрдоган" }), KNOWN).title).toBe("Путин и Эрдоган");
    expect(normaliseArticleInput(input({ title: "Ελλάδα" }), KNOWN).title).toBe("Ελλάδα");
  });

  it("keeps a Cyrillic tag instead of dropping it", () => {
    expect(normaliseArticleInput(input({ tags: ["Путин", "Rusya"] }), KNOWN).tags).toEqual(["Путин", "Rusya"]);
  });

  it("tells an empty title apart from one that gives no address", () => {
    expect(fieldErrors({ title: " \u0000 " }).title).toBe("Başlık boş olamaz.");
    expect(fieldErrors({ title: "🔥🔥 !!!" }).title).toBe("Başlıktan bir adres üretilemedi: Latin harflerine çevrilebilen en az bir harf ya da rakam olmalı.");
    expect(fieldErrors({ title: "北京" }).title).toMatch(/^Başlıktan bir adres üretilemedi/);
  });

  it("refuses a tag without a usable slug, naming it", () => {
    expect(fieldErrors({ tags: ["Deprem", "🚀"] }).tags).toBe('"🚀" etiketinden bir adres üretilemedi: Latin harflerine çevrilebilen en az bir harf ya da rakam olmalı.');
  });

  it("names every such tag, and cuts a long one", () => {
    const message = fieldErrors({ tags: ["🚀", "Deprem", "北京", "!".repeat(100)] }).tags ?? "";
    expect(message).toMatch(/^"🚀", "北京", "!{40}…" etiketlerinden adres üretilemedi: her etikette /);
  });

  it("comes from the form's comma-separated text the same way", () => {
    expect(fieldErrors({ tags: parseTagList("Deprem, 🚀") }).tags).toMatch(/^"🚀" etiketinden/);
  });
});
