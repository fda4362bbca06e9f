import { describe, expect, it } from "vitest";
import { MERGE_FIELDS } from "../news/mergeArticleEdit.ts";
import { ResolutionFormFields, resolutionsOf } from "./schemas.ts";

describe("resolution form fields", () => {
  it("has one `resolve.<field>` per article field, and reads only mine or theirs", () => {
    expect(Object.keys(ResolutionFormFields)).toEqual(MERGE_FIELDS.map((f) => `resolve.${f}`));
    expect(resolutionsOf({ "resolve.title": "theirs", "resolve.spot": "mine", "resolve.body": "ikisi", "resolve.nope": "mine" })).toEqual({ title: "theirs", spot: "mine" });
  });
});
