import { describe, expect, it } from "vitest";
import { formatIstanbulClock, formatIstanbulTime, parseIstanbulLocal, toIstanbulIso, toIstanbulLocalInput } from "./time.ts";

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

describe("parseIstanbulLocal", () => {
  it("reads datetime-local values as Istanbul wall time", () => {
    expect(parseIstanbulLocal("2026-11-27T15:30")?.toISOString()).toBe("2026-11-27T12:30:00.000Z");
    expect(parseIstanbulLocal("2015-01-15T12:00")?.toISOString()).toBe("2015-01-15T10:00:00.000Z");
    expect(toIstanbulLocalInput("2026-11-27T12:30:00.000Z")).toBe("2026-11-27T15:30");
  });

  it.each(["", "yarın", "2026-13-01T10:00", "2026-11-27 15:30", "2026-02-30T10:00"])("refuses %j", (text) => {
    expect(parseIstanbulLocal(text)).toBeNull();
  });
});
