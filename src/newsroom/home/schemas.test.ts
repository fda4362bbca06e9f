import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../errors.ts";
import { breakingUntilOf, slotIdsOf } from "./schemas.ts";

describe("home control forms", () => {
  it("reads the manşet slots in order, leaving empty slots out", () => {
    expect(slotIdsOf({ _csrf: "x", slot: [5, "", 3] })).toEqual([5, 3]);
    expect(slotIdsOf({ _csrf: "x", slot: 9 })).toEqual([9]);
    expect(slotIdsOf({ _csrf: "x" })).toEqual([]);
  });

  it("reads the son dakika end time in Istanbul, none when empty, and refuses one it cannot read", () => {
    expect(breakingUntilOf({ _csrf: "x", breaking: "1" })).toBeNull();
    expect(breakingUntilOf({ _csrf: "x", breaking: "1", until: "2026-11-27T18:30" })?.toISOString()).toBe("2026-11-27T15:30:00.000Z");
    expect(() => breakingUntilOf({ _csrf: "x", breaking: "1", until: "yarın" })).toThrow(InvalidInputError);
  });
});
