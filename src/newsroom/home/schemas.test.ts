import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../errors.ts";
import { breakingUntilOf, requestedOrderOf, slotChangeOf, slotIdsOf } from "./schemas.ts";

const base = { _csrf: "x", stamp: "s" };

describe("home control forms", () => {
  it("reads the manşet slots in order", () => {
    expect(slotIdsOf({ ...base, slot: [5, 3] })).toEqual([5, 3]);
    expect(slotIdsOf({ ...base, slot: 9 })).toEqual([9]);
    expect(slotIdsOf(base)).toEqual([]);
  });

  it("applies the pressed button's change to the slots", () => {
    expect(slotChangeOf({ ...base, slot: [5, 3] })).toBeNull();
    expect(requestedOrderOf({ ...base, slot: [5, 3, 8] })).toEqual([5, 3, 8]);
    expect(requestedOrderOf({ ...base, slot: [5, 3, 8], up: 8 })).toEqual([5, 8, 3]);
    expect(requestedOrderOf({ ...base, slot: [5, 3, 8], down: 5 })).toEqual([3, 5, 8]);
    expect(requestedOrderOf({ ...base, slot: [5, 3, 8], remove: 3 })).toEqual([5, 8]);
    expect(requestedOrderOf({ ...base, slot: [5, 3], add: 11 })).toEqual([5, 3, 11]);
    expect(() => requestedOrderOf({ ...base, slot: [1, 2, 3, 4, 5], add: 11 })).toThrow(InvalidInputError);
  });

  it("reads the son dakika end time in Istanbul, none when empty, and refuses one it cannot read", () => {
    expect(breakingUntilOf({ _csrf: "x", breaking: "1" })).toBeNull();
    expect(breakingUntilOf({ _csrf: "x", breaking: "1", until: "" })).toBeNull();
    expect(breakingUntilOf({ _csrf: "x", breaking: "1", until: "2026-11-27T18:30" })?.toISOString()).toBe("2026-11-27T15:30:00.000Z");
    expect(() => breakingUntilOf({ _csrf: "x", breaking: "1", until: "yarın" })).toThrow(InvalidInputError);
  });
});
