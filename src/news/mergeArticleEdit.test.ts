import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ArticleInput } from "./articleInput.ts";
import { MERGE_FIELDS, applyResolutions, mergeArticleEdit, sameValue } from "./mergeArticleEdit.ts";

const base: ArticleInput = {
  title: "Gökçeada açıklarında şişe postası bulundu",
  spot: "Balıkçılar şişeyi sabah erken saatte ağlarında buldu.",
  body: "<p>Şişenin içinden 1974 tarihli bir mektup çıktı.</p>",
  category: "gundem",
  source: "haberci",
  tags: ["Gökçeada", "Deniz"],
  authors: ["elif-karaca"],
  imageId: null,
  imageCaption: "",
  imageCredit: "",
  imageAlt: "",
  isBreaking: false,
  seoTitle: null,
  seoDescription: null,
};

describe("mergeArticleEdit", () => {
  it("keeps the other tab's spot when the editor changed only title and body (the two-tab case)", () => {
    const theirs = { ...base, spot: "Şişe, Çanakkale'deki müzeye teslim edildi." };
    const mine = { ...base, title: "Gökçeada'da 50 yıllık şişe postası", body: "<p>Mektubu bir İzmirli denizci yazmış.</p>" };
    const result = mergeArticleEdit(base, theirs, mine);
    expect(result.conflicts).toEqual([]);
    expect(result.taken).toEqual(["spot"]);
    expect(result.merged).toEqual({ ...base, title: mine.title, body: mine.body, spot: theirs.spot });
  });

  it("reports a field both sides changed differently as a conflict, holding the editor's value", () => {
    const theirs = { ...base, title: "Şişe postası müzede", tags: ["Gökçeada", "Müze"] };
    const mine = { ...base, title: "Şişe postasının sahibi bulundu", tags: ["Gökçeada", "Müze"] };
    const result = mergeArticleEdit(base, theirs, mine);
    expect(result.conflicts).toEqual([{ field: "title", mine: mine.title, theirs: theirs.title }]);
    expect(result.merged.title).toBe(mine.title);
    // Both made the same change: no conflict.
    expect(result.merged.tags).toEqual(["Gökçeada", "Müze"]);
  });

  it("treats tags that name the same tags as unchanged, whatever their letter case", () => {
    const theirs = { ...base, tags: ["Gökçeada", "Deniz", "Çanakkale"] };
    const mine = { ...base, tags: ["gökçeada", "DENİZ"] };
    const result = mergeArticleEdit(base, theirs, mine);
    expect(result.conflicts).toEqual([]);
    expect(result.merged.tags).toEqual(theirs.tags);
  });

  it("keeps a flag or picture the other side set when the editor did not touch it", () => {
    const theirs = { ...base, isBreaking: true, imageId: 7, imageAlt: "Balıkçı teknesi" };
    const result = mergeArticleEdit(base, theirs, { ...base, spot: "Yeni spot." });
    expect(result.merged).toMatchObject({ isBreaking: true, imageId: 7, imageAlt: "Balıkçı teknesi", spot: "Yeni spot." });
  });

  it("applies the editor's choices: 'theirs' takes the shown value, 'mine' keeps the typed one", () => {
    const shown = { ...base, title: "Başkasının başlığı", spot: "Başkasının spotu" };
    const typed = { ...base, title: "Benim başlığım", spot: "Benim spotum" };
    const resolved = applyResolutions(typed, shown, { title: "theirs", spot: "mine" });
    expect(resolved).toMatchObject({ title: "Başkasının başlığı", spot: "Benim spotum" });
    // Saved on top of the version that was shown, nothing conflicts any more.
    const result = mergeArticleEdit(shown, shown, resolved);
    expect(result.conflicts).toEqual([]);
    expect(result.merged).toMatchObject({ title: "Başkasının başlığı", spot: "Benim spotum" });
  });

  const text = fc.constantFrom("a", "b", "c");
  const optional = fc.constantFrom(null, "a", "b");
  const article: fc.Arbitrary<ArticleInput> = fc.record({
    title: text,
    spot: text,
    body: text,
    category: text,
    source: text,
    tags: fc.array(fc.constantFrom("Ankara", "İzmir", "Deniz", "Kar"), { maxLength: 3 }),
    authors: fc.array(fc.constantFrom("elif-karaca", "mert-aksoy"), { maxLength: 2 }),
    imageId: fc.constantFrom(null, 1, 2),
    imageCaption: text,
    imageCredit: text,
    imageAlt: text,
    isBreaking: fc.boolean(),
    seoTitle: optional,
    seoDescription: optional,
  });

  it("never reverts a field the editor did not change, and never drops one only the editor changed", () => {
    fc.assert(
      fc.property(article, article, article, (b, theirs, mine) => {
        const { merged, conflicts } = mergeArticleEdit(b, theirs, mine);
        for (const field of MERGE_FIELDS) {
          const conflict = conflicts.some((c) => c.field === field);
          if (sameValue(field, mine[field], b[field])) expect(merged[field]).toEqual(theirs[field]);
          else if (sameValue(field, theirs[field], b[field])) expect(merged[field]).toEqual(mine[field]);
          else expect(conflict).toBe(!sameValue(field, mine[field], theirs[field]));
          if (conflict) expect(merged[field]).toEqual(mine[field]);
        }
      }),
      { numRuns: 500 },
    );
  });
});
