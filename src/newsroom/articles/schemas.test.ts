import { describe, expect, it } from "vitest";
import { MERGE_FIELDS } from "../../news/mergeArticleEdit.ts";
import { ResolutionFormFields, articleInputFromForm, resolutionsOf } from "./schemas.ts";

describe("resolution form fields", () => {
  it("has one `resolve.<field>` per article field, and reads only mine or theirs", () => {
    expect(Object.keys(ResolutionFormFields)).toEqual(MERGE_FIELDS.map((f) => `resolve.${f}`));
    expect(resolutionsOf({ "resolve.title": "theirs", "resolve.spot": "mine", "resolve.body": "ikisi", "resolve.nope": "mine" })).toEqual({
      title: "theirs",
      spot: "mine",
    });
  });
});

describe("reading the editor form", () => {
  it("reads absent text as empty, tags as a list, a picture number, the checkbox as a flag and empty SEO fields as unset", () => {
    const input = articleInputFromForm({ _csrf: "x", title: "Başlık", tags: "Ankara, Kar", imageId: 7, isBreaking: "1", seoTitle: "" });
    expect(input).toMatchObject({ title: "Başlık", spot: "", body: "", tags: ["Ankara", "Kar"], imageId: 7, isBreaking: true, seoTitle: null, seoDescription: null });
    expect(articleInputFromForm({ _csrf: "x", imageId: "" })).toMatchObject({ imageId: null, isBreaking: false, tags: [] });
  });
});
