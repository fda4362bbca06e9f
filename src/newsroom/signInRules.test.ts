// signIn's pure rules: refusal times, throttled addresses, e-mail normalisation (the use case's tests are in signIn.test.ts).
import { describe, expect, it } from "vitest";
import { AUDIT_IP_MAX_LENGTH, LOCK_MINUTES, bounded, normaliseEmail, refusalSeconds, throttledAddress } from "./signIn.ts";

const NOW = new Date("2026-11-27T12:00:00.000Z");
const minutesLater = (minutes: number, from = NOW) => new Date(from.getTime() + minutes * 60_000);

describe("sign-in rules", () => {
  it("refuses a counted attempt while locked or over the limit, with the seconds to wait", () => {
    expect(refusalSeconds(5, { failures: 5, lockedUntil: null }, NOW)).toBeNull();
    expect(refusalSeconds(5, { failures: 6, lockedUntil: null }, NOW)).toBe(LOCK_MINUTES * 60);
    expect(refusalSeconds(5, { failures: 1, lockedUntil: minutesLater(2).toISOString() }, NOW)).toBe(120);
    expect(refusalSeconds(5, { failures: 1, lockedUntil: minutesLater(-1).toISOString() }, NOW)).toBeNull();
  });

  it("throttles an IPv6 client by its /64 and an IPv4-mapped address as IPv4", () => {
    expect(throttledAddress("203.0.113.7")).toBe("203.0.113.7");
    expect(throttledAddress("2001:db8:0:1:aa::5")).toBe("2001:db8:0:1::/64");
    expect(throttledAddress("2001:db8:0:1:ffff:ffff:ffff:ffff")).toBe("2001:db8:0:1::/64");
    expect(throttledAddress("2001:DB8::1%eth0")).toBe("2001:db8:0:0::/64");
    expect(throttledAddress("::ffff:10.0.0.1")).toBe("10.0.0.1");
    expect(throttledAddress("::1")).toBe("0:0:0:0::/64");
    expect(throttledAddress("bozuk")).toBe("bozuk");
  });

  it("normalises e-mails the Turkish way and bounds stored text", () => {
    expect(normaliseEmail("  AYŞE.Işık@Haberci.Test ")).toBe("ayşe.ışık@haberci.test");
    expect(bounded("a".repeat(6_000), AUDIT_IP_MAX_LENGTH)).toHaveLength(AUDIT_IP_MAX_LENGTH);
    expect(bounded("10.0.0.1", AUDIT_IP_MAX_LENGTH)).toBe("10.0.0.1");
  });
});
