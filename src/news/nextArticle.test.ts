import { describe, expect, it } from "vitest";
import { chooseNextArticle } from "./nextArticle.ts";

const a = (id: number) => ({ id });

describe("chooseNextArticle", () => {
  it.each([
    { name: "an older article exists: it comes next", current: 5, older: a(4), newest: a(9), next: 4 },
    { name: "the oldest article wraps to the newest of the category", current: 1, older: undefined, newest: a(9), next: 9 },
    { name: "the only article of its category has no next", current: 3, older: undefined, newest: a(3), next: null },
    { name: "an empty category has no next", current: 3, older: undefined, newest: undefined, next: null },
  ])("$name", ({ current, older, newest, next }) => {
    expect(chooseNextArticle(current, older, newest)?.id ?? null).toBe(next);
  });
});
