import { describe, expect, it } from "vitest";
import { formatIstanbulClock, formatIstanbulTime, toIstanbulIso } from "./time.ts";

describe("formatIstanbulTime", () => {
  it.each([
    ["2021-12-27T12:22:00Z", "27.12.2021 15:22"], // UTC+3 since 2016
    ["2026-11-26T21:30:00Z", "27.11.2026 00:30"], // crosses midnight into the next day
    ["2026-12-31T21:05:00Z", "01.01.2027 00:05"], // and into the next year
    ["2015-01-15T10:00:00Z", "15.01.2015 12:00"], // winter time (UTC+2) before 2016
    ["2015-07-15T10:00:00Z", "15.07.2015 13:00"], // summer time (UTC+3) before 2016
    ["2026-03-05T06:07:00.000Z", "05.03.2026 09:07"], // zero-padded day, month, hour, minute
  ])("%s -> %s", (iso, expected) => {
    expect(formatIstanbulTime(iso)).toBe(expected);
    expect(formatIstanbulTime(new Date(iso))).toBe(expected);
  });

  it("gives the clock alone", () => {
    expect(formatIstanbulClock("2026-11-27T11:15:00Z")).toBe("14:15");
  });

  it("gives ISO 8601 with the Istanbul offset", () => {
    expect(toIstanbulIso("2021-12-27T12:22:00Z")).toBe("2021-12-27T15:22:00+03:00");
    expect(toIstanbulIso("2015-01-15T10:00:00Z")).toBe("2015-01-15T12:00:00+02:00");
  });
});
