import { describe, expect, it } from "vitest";
import {
  formatIstanbulClock,
  formatIstanbulTime,
  istanbulDayEnd,
  istanbulDayStart,
  parseIsoDay,
  parseIstanbulLocal,
  toIstanbulDay,
  toIstanbulIso,
  toIstanbulLocalInput,
} from "./time.ts";

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

  it("gives the Istanbul calendar day, which starts at 21:00 UTC since 2016 and at 22:00 UTC in winters before", () => {
    expect(toIstanbulDay("2026-11-26T21:00:00.000Z")).toBe("2026-11-27");
    expect(toIstanbulDay("2026-11-26T20:59:59.999Z")).toBe("2026-11-26");
    expect(toIstanbulDay(new Date("2015-01-14T21:30:00Z"))).toBe("2015-01-14");
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

  it("reads seconds when they are sent", () => {
    expect(parseIstanbulLocal("2026-11-27T15:30:45")?.toISOString()).toBe("2026-11-27T12:30:45.000Z");
  });

  it("keeps UTC+3 all year since 2016 (no summer time)", () => {
    expect(parseIstanbulLocal("2031-01-15T09:00")?.toISOString()).toBe("2031-01-15T06:00:00.000Z");
    expect(parseIstanbulLocal("2031-07-15T09:00")?.toISOString()).toBe("2031-07-15T06:00:00.000Z");
    expect(parseIstanbulLocal("2031-03-30T03:30")?.toISOString()).toBe("2031-03-30T00:30:00.000Z"); // was a spring-forward hour before 2016
  });

  it("refuses a wall time the clocks skipped, and takes the earlier of a repeated one (before 2016)", () => {
    expect(parseIstanbulLocal("2015-03-29T03:30")).toBeNull();
    expect(parseIstanbulLocal("2015-11-08T03:30")?.toISOString()).toBe("2015-11-08T00:30:00.000Z");
  });

  it("accepts the ends of the year range and 29 February of a leap year", () => {
    expect(parseIstanbulLocal("2028-02-29T10:00")?.toISOString()).toBe("2028-02-29T07:00:00.000Z");
    expect(parseIstanbulLocal("9999-12-31T23:59")?.toISOString()).toBe("9999-12-31T20:59:00.000Z");
    expect(parseIstanbulLocal("1900-01-01T12:00")).not.toBeNull();
  });

  it.each([
    "",
    "now",
    "yarın",
    "2026-13-01T10:00",
    "2031-00-10T10:00",
    "2026-11-27 15:30",
    "2026-02-30T10:00",
    "2031-02-30T10:00",
    "2030-02-29T10:00", // not a leap year
    "2031-04-31T10:00",
    "2031-01-00T10:00",
    "2031-01-01T24:00",
    "2031-01-01T23:60",
    "2031-01-01T10:00:60",
    "0000-01-01T10:00",
    "1899-12-31T23:59",
    "10000-01-01T00:00",
    "+2031-01-01T10:00",
    "2031-1-1T10:00",
    "2031-01-01T9:00",
    "2031-01-01T10:00Z",
    "2031-01-01T10:00+03:00",
    "2031-01-01T10:00:00.000",
    " 2031-01-01T10:00",
    "2031-01-01T10:00\n",
    "２０３１-01-01T10:00", // full-width digits
  ])("refuses %j", (text) => {
    expect(parseIstanbulLocal(text)).toBeNull();
  });
});

describe("parseIsoDay", () => {
  it.each([
    ["2031-02-28", { year: 2031, month: 2, day: 28 }],
    ["2028-02-29", { year: 2028, month: 2, day: 29 }],
    ["2000-02-29", { year: 2000, month: 2, day: 29 }],
    ["1900-01-01", { year: 1900, month: 1, day: 1 }],
    ["9999-12-31", { year: 9999, month: 12, day: 31 }],
  ])("reads %s", (text, expected) => {
    expect(parseIsoDay(text)).toEqual(expected);
  });

  it.each([
    "",
    "now",
    "0000-01-01",
    "1899-12-31",
    "10000-01-01",
    "2031-02-30",
    "2031-02-29",
    "1900-02-29", // 1900 was not a leap year
    "2031-13-01",
    "2031-00-01",
    "2031-06-31",
    "2031-01-00",
    "2031-1-01",
    "2031-01-01T00:00",
    " 2031-01-01",
    "-2031-01-01",
  ])("refuses %j", (text) => {
    expect(parseIsoDay(text)).toBeNull();
  });
});

describe("Istanbul days", () => {
  it("start at Istanbul midnight and end at the next one", () => {
    expect(istanbulDayStart({ year: 2031, month: 3, day: 5 }).toISOString()).toBe("2031-03-04T21:00:00.000Z");
    expect(istanbulDayEnd({ year: 2031, month: 3, day: 5 }).toISOString()).toBe("2031-03-05T21:00:00.000Z");
    expect(istanbulDayEnd({ year: 2031, month: 12, day: 31 }).toISOString()).toBe("2031-12-31T21:00:00.000Z");
  });

  it("follow the offset of the day before 2016", () => {
    expect(istanbulDayStart({ year: 2015, month: 1, day: 15 }).toISOString()).toBe("2015-01-14T22:00:00.000Z");
    expect(istanbulDayStart({ year: 2015, month: 7, day: 15 }).toISOString()).toBe("2015-07-14T21:00:00.000Z");
    // The clocks went back on 8 November 2015: a 25-hour day.
    const day = { year: 2015, month: 11, day: 8 };
    expect(istanbulDayEnd(day).getTime() - istanbulDayStart(day).getTime()).toBe(25 * 3_600_000);
  });

  it("start when a day's midnight was skipped (summer time from 00:00 to 01:00)", () => {
    expect(istanbulDayStart({ year: 1964, month: 5, day: 15 }).toISOString()).toBe("1964-05-14T22:00:00.000Z");
  });

  it("stay four-digit years in UTC at both ends of the range", () => {
    expect(istanbulDayEnd({ year: 9999, month: 12, day: 31 }).toISOString()).toBe("9999-12-31T21:00:00.000Z");
    expect(istanbulDayStart({ year: 1900, month: 1, day: 1 }).toISOString()).toMatch(/^1899-12-31T22:/);
  });
});
