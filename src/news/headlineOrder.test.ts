import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors.ts";
import { HEADLINES_FULL, HEADLINE_SLOTS, applySlotChange, headlineStamp } from "./headlineOrder.ts";

describe("manşet order rules", () => {
  it("has the README's five slots", () => {
    expect(HEADLINE_SLOTS).toBe(5);
  });

  it("stamps an order: the same ids in the same order, the same stamp; any change, another", () => {
    expect(headlineStamp([3, 1, 2])).toMatch(/^[0-9a-f]{16}$/);
    expect(headlineStamp([3, 1, 2])).toBe(headlineStamp([3, 1, 2]));
    expect(headlineStamp([1, 3, 2])).not.toBe(headlineStamp([3, 1, 2]));
    expect(headlineStamp([3, 1])).not.toBe(headlineStamp([3, 1, 2]));
    expect(headlineStamp([31, 2])).not.toBe(headlineStamp([3, 12]));
    expect(headlineStamp([])).not.toBe(headlineStamp([0]));
  });

  it("moves an article one slot up or down, and not past either end", () => {
    expect(applySlotChange([1, 2, 3], { kind: "up", articleId: 3 })).toEqual([1, 3, 2]);
    expect(applySlotChange([1, 2, 3], { kind: "down", articleId: 1 })).toEqual([2, 1, 3]);
    expect(applySlotChange([1, 2, 3], { kind: "up", articleId: 1 })).toEqual([1, 2, 3]);
    expect(applySlotChange([1, 2, 3], { kind: "down", articleId: 3 })).toEqual([1, 2, 3]);
    expect(applySlotChange([1, 2, 3], { kind: "up", articleId: 9 })).toEqual([1, 2, 3]);
  });

  it("takes an article out, and adds one in the last slot unless it is in already", () => {
    expect(applySlotChange([1, 2, 3], { kind: "remove", articleId: 2 })).toEqual([1, 3]);
    expect(applySlotChange([1, 2], { kind: "add", articleId: 7 })).toEqual([1, 2, 7]);
    expect(applySlotChange([1, 2], { kind: "add", articleId: 1 })).toEqual([1, 2]);
  });

  it("refuses to add to a full manşet", () => {
    const full = [1, 2, 3, 4, 5];
    expect(() => applySlotChange(full, { kind: "add", articleId: 6 })).toThrow(InvalidInputError);
    expect(() => applySlotChange(full, { kind: "add", articleId: 6 })).toThrow(HEADLINES_FULL);
    expect(applySlotChange(full, { kind: "add", articleId: 5 })).toEqual(full);
  });
});
