import { expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases.ts";
import { PASSWORD } from "../../test/newsroomFixtures.ts";
import type { Database } from "../db/schema.ts";
import { InvalidInputError, RateLimitedError, UnauthorizedError } from "../errors.ts";
import type { Kysely } from "kysely";
import { verifyPassword } from "./passwords.ts";
import { ACCOUNT_MAX_FAILURES, AUDIT_IP_MAX_LENGTH, EMAIL_MAX_LENGTH, IP_MAX_FAILURES, LOCK_MINUTES, type PasswordCheck, signIn } from "./signIn.ts";
import { addUser, changeOwnPassword } from "./users.ts";

const NOW = new Date("2026-11-27T12:00:00.000Z");
const minutesLater = (minutes: number, from = NOW) => new Date(from.getTime() + minutes * 60_000);

/** A password check that records every password it is asked about (real argon2 by default). */
function counting(inner: PasswordCheck = verifyPassword): { calls: string[]; check: PasswordCheck } {
  const calls: string[] = [];
  return {
    calls,
    check: async (hash, password) => {
      calls.push(password);
      return inner(hash, password);
    },
  };
}

/** Stands in for argon2 where the test is about counting, not hashing: only PASSWORD is right. */
const fakeCheck: PasswordCheck = async (_hash, password) => password === PASSWORD;

/** The error a promise rejects with (fails the test when it resolves). */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describeEachDatabase("sign-in that holds", (get) => {
  let userCount = 0;
  /** A fresh user per test (the database is shared by the tests of one describe). */
  async function newUser(db: Kysely<Database>, label: string) {
    userCount += 1;
    const email = `${label}-${userCount}@haberci.test`;
    const user = await addUser(db, { email, name: `Kullanıcı ${userCount}`, role: "muhabir", password: PASSWORD, actor: null, now: NOW });
    return { ...user, email };
  }
  const auditOf = (subject: string) =>
    get().db.selectFrom("auditLog").select(["action", "subject", "ip", "detail"]).where("subject", "=", subject).orderBy("id").execute();
  const throttleRows = async () =>
    Number(
      (
        await get()
          .db.selectFrom("signInThrottles")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("verifies at most 5 of 40 parallel wrong passwords, and refuses the right one sent while they are checked", async () => {
    const { db } = get();
    const user = await newUser(db, "burst");
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    // argon2 waits at the gate, so the right password arrives while the first guesses are still being checked.
    const { calls, check } = counting(async (hash, password) => {
      await gate;
      return verifyPassword(hash, password);
    });
    let settled = 0;
    const burst = Array.from({ length: 40 }, (_, i) =>
      signIn(db, { email: user.email, password: `yanlis-parola-${i}`, ip: `198.51.100.${i}`, now: NOW }, check)
        .then(
          () => "signed in",
          (error: unknown) => error,
        )
        .finally(() => {
          settled += 1;
        }),
    );
    await waitFor(() => calls.length === ACCOUNT_MAX_FAILURES && settled === 40 - ACCOUNT_MAX_FAILURES, "the first five checks");
    const right = await failure(signIn(db, { email: user.email, password: PASSWORD, ip: "198.51.100.200", now: NOW }, check));
    expect(right).toBeInstanceOf(RateLimitedError);
    open();
    const results = await Promise.all(burst);
    expect(calls).toHaveLength(ACCOUNT_MAX_FAILURES);
    expect(calls).not.toContain(PASSWORD);
    expect(results.filter((r) => r instanceof UnauthorizedError)).toHaveLength(ACCOUNT_MAX_FAILURES - 1);
    expect(results.filter((r) => r instanceof RateLimitedError)).toHaveLength(40 - (ACCOUNT_MAX_FAILURES - 1));

    // Locked for 15 minutes from the fifth failure, whatever the address; then the right password works again.
    const later = await failure(signIn(db, { email: user.email, password: PASSWORD, ip: "192.0.2.1", now: minutesLater(14) }, check));
    expect(later).toBeInstanceOf(RateLimitedError);
    expect((later as RateLimitedError).retryAfterSeconds).toBe(60);
    const session = await signIn(db, { email: user.email, password: PASSWORD, ip: "192.0.2.1", now: minutesLater(LOCK_MINUTES, minutesLater(0.1)) }, check);
    expect(session.user.email).toBe(user.email);
    expect(calls).toHaveLength(ACCOUNT_MAX_FAILURES + 1);

    const audit = await auditOf(user.email);
    expect(audit.filter((a) => a.action === "sign_in_failed")).toHaveLength(ACCOUNT_MAX_FAILURES - 1);
    expect(audit.filter((a) => a.action === "sign_in_locked")).toEqual([
      { action: "sign_in_locked", subject: user.email, ip: expect.stringMatching(/^198\.51\.100\./), detail: "Hesap 15 dakika kilitlendi." },
    ]);
  });

  it("lets no more than 5 of 40 parallel guesses through when the right password is among them", async () => {
    const { db } = get();
    const user = await newUser(db, "karisik");
    const { calls, check } = counting();
    const passwords = Array.from({ length: 41 }, (_, i) => (i === 20 ? PASSWORD : `yanlis-parola-${i}`));
    const results = await Promise.all(
      passwords.map((password) =>
        signIn(db, { email: user.email, password, ip: "198.51.100.77", now: NOW }, check).then(
          () => "signed in",
          (error: unknown) => error,
        ),
      ),
    );
    // At most five wrong guesses are checked; the right password signs in only if it was checked
    // before the limit was reached (it then takes back its own count), otherwise it gets 429.
    expect(calls.filter((p) => p !== PASSWORD).length).toBeLessThanOrEqual(ACCOUNT_MAX_FAILURES);
    if (calls.includes(PASSWORD)) expect(results[20]).toBe("signed in");
    else expect(results[20]).toBeInstanceOf(RateLimitedError);
    expect(results.filter((r) => r instanceof RateLimitedError).length).toBeGreaterThanOrEqual(41 - ACCOUNT_MAX_FAILURES - 1);
  });

  it("locks an account after 5 failures from different addresses, and never locks others on an office's address", async () => {
    const { db } = get();
    const colleague = await newUser(db, "ofis");
    const office = "203.0.113.10";
    // Five typos for an address that does not exist, from the office.
    for (let i = 0; i < ACCOUNT_MAX_FAILURES - 1; i++) {
      expect(await failure(signIn(db, { email: "yok-boyle-biri@haberci.test", password: "yanlis-parola", ip: office, now: NOW }, fakeCheck))).toBeInstanceOf(
        UnauthorizedError,
      );
    }
    expect(await failure(signIn(db, { email: "YOK-boyle-biri@haberci.test ", password: "yanlis-parola", ip: office, now: NOW }, fakeCheck))).toBeInstanceOf(
      RateLimitedError,
    );
    // That address is locked from anywhere; the colleague on the same office address is not.
    expect(await failure(signIn(db, { email: "yok-boyle-biri@haberci.test", password: PASSWORD, ip: "192.0.2.50", now: NOW }, fakeCheck))).toBeInstanceOf(
      RateLimitedError,
    );
    expect((await signIn(db, { email: colleague.email, password: PASSWORD, ip: office, now: NOW }, fakeCheck)).user.id).toBe(colleague.id);

    // An account is locked by failures from five different addresses too.
    const target = await newUser(db, "hedef");
    for (let i = 0; i < ACCOUNT_MAX_FAILURES; i++) await failure(signIn(db, { email: target.email, password: "yanlis", ip: `192.0.2.${100 + i}`, now: NOW }, fakeCheck));
    const refused = await failure(signIn(db, { email: target.email, password: PASSWORD, ip: "192.0.2.200", now: minutesLater(1) }, fakeCheck));
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).message).toBe("Çok fazla başarısız giriş denemesi. Lütfen 14 dakika sonra yeniden deneyin.");
  });

  it("limits one address more loosely: 50 failures in 15 minutes lock it for everyone there", async () => {
    const { db } = get();
    const user = await newUser(db, "ag");
    const ip = "2001:db8:5:6:1::1";
    const { calls, check } = counting(fakeCheck);
    for (let i = 0; i < IP_MAX_FAILURES - 1; i++) {
      expect(await failure(signIn(db, { email: `tahmin-${i}@haberci.test`, password: "yanlis", ip, now: NOW }, check))).toBeInstanceOf(UnauthorizedError);
    }
    // Another host in the same /64 takes the last allowed failure and locks the network.
    expect(await failure(signIn(db, { email: "tahmin-son@haberci.test", password: "yanlis", ip: "2001:db8:5:6:2::9", now: NOW }, check))).toBeInstanceOf(
      RateLimitedError,
    );
    const refused = await failure(signIn(db, { email: user.email, password: PASSWORD, ip, now: minutesLater(5) }, check));
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).message).toBe("Bu ağ adresinden çok fazla başarısız giriş denemesi yapıldı. Lütfen 10 dakika sonra yeniden deneyin.");
    expect(calls).toHaveLength(IP_MAX_FAILURES);
    // The refused attempt was not counted against the account: it signs in from elsewhere.
    expect((await signIn(db, { email: user.email, password: PASSWORD, ip: "192.0.2.9", now: minutesLater(5) }, check)).user.id).toBe(user.id);
    const locked = await auditOf("tahmin-son@haberci.test");
    expect(locked).toEqual([{ action: "sign_in_locked", subject: "tahmin-son@haberci.test", ip: "2001:db8:5:6:2::9", detail: "Ağ adresi 15 dakika kilitlendi." }]);
  });

  it("forgets failures after 15 minutes; a successful sign-in takes back only its own attempt", async () => {
    const { db } = get();
    const user = await newUser(db, "pencere");
    const fail = (now: Date) => failure(signIn(db, { email: user.email, password: "yanlis", ip: "192.0.2.30", now }, fakeCheck));
    for (let i = 0; i < 4; i++) expect(await fail(NOW)).toBeInstanceOf(UnauthorizedError);
    // The window opened at NOW; 15 minutes later those four no longer count.
    for (let i = 0; i < 3; i++) expect(await fail(minutesLater(15))).toBeInstanceOf(UnauthorizedError);
    // Three failures in this window; signing in does not count, nor does it wipe them.
    await signIn(db, { email: user.email, password: PASSWORD, ip: "192.0.2.30", now: minutesLater(16) }, fakeCheck);
    await signIn(db, { email: user.email, password: PASSWORD, ip: "192.0.2.30", now: minutesLater(16) }, fakeCheck);
    expect(await fail(minutesLater(17))).toBeInstanceOf(UnauthorizedError);
    expect(await fail(minutesLater(17))).toBeInstanceOf(RateLimitedError);
  });

  it("refuses an e-mail over 254 characters before any work, and bounds what a 6,000-character address stores", async () => {
    const { db } = get();
    const { calls, check } = counting(fakeCheck);
    const rowsBefore = await throttleRows();
    const long = `${"a".repeat(EMAIL_MAX_LENGTH - "@haberci.test".length + 1)}@haberci.test`;
    const error = await failure(signIn(db, { email: long, password: "yanlis", ip: "192.0.2.40", now: NOW }, check));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).fields).toEqual({ email: "En çok 254 karakter." });
    expect(await failure(signIn(db, { email: "x".repeat(1_000_000), password: "yanlis", ip: "192.0.2.40", now: NOW }, check))).toBeInstanceOf(InvalidInputError);
    expect(calls).toHaveLength(0);
    expect(await throttleRows()).toBe(rowsBefore);
    expect(await auditOf(long)).toEqual([]);

    // At the limit it is an ordinary failure; a 6,000-character client address (a forged X-Forwarded-For
    // behind a trusting proxy) is counted like any other and locks after five on PostgreSQL too.
    const atLimit = `${"b".repeat(EMAIL_MAX_LENGTH - "@haberci.test".length)}@haberci.test`;
    const hugeIp = `10.${"9".repeat(6_000)}`;
    for (let i = 0; i < ACCOUNT_MAX_FAILURES - 1; i++)
      expect(await failure(signIn(db, { email: atLimit, password: "yanlis", ip: hugeIp, now: NOW }, check))).toBeInstanceOf(UnauthorizedError);
    expect(await failure(signIn(db, { email: atLimit, password: "yanlis", ip: hugeIp, now: NOW }, check))).toBeInstanceOf(RateLimitedError);
    expect(await failure(signIn(db, { email: atLimit, password: "yanlis", ip: hugeIp, now: NOW }, check))).toBeInstanceOf(RateLimitedError);
    expect(calls).toHaveLength(ACCOUNT_MAX_FAILURES);
    const audit = await auditOf(atLimit);
    expect(audit.map((a) => a.action)).toEqual([...Array<string>(ACCOUNT_MAX_FAILURES - 1).fill("sign_in_failed"), "sign_in_locked"]);
    for (const row of audit) {
      expect(row.ip).toHaveLength(AUDIT_IP_MAX_LENGTH);
      expect(row.ip?.startsWith("10.999")).toBe(true);
    }
    const keys = await db.selectFrom("signInThrottles").select("keyHash").execute();
    expect(keys.every((k) => /^[0-9a-f]{64}$/.test(k.keyHash))).toBe(true);
  });

  it("throttles the current-password check on the password page with the account's limit", async () => {
    const { db } = get();
    const user = await newUser(db, "parola");
    const { calls, check } = counting();
    const change = (current: string, now = NOW) =>
      changeOwnPassword(db, { userId: user.id, current, next: "yepyeni-parola-42", sessionToken: "x".repeat(43), now, ip: "192.0.2.60" }, check);
    const outcomes: unknown[] = [];
    for (let i = 0; i < 25; i++) outcomes.push(await failure(change(`tahmin-${i}`)));
    expect(calls).toHaveLength(ACCOUNT_MAX_FAILURES);
    expect(outcomes.slice(0, ACCOUNT_MAX_FAILURES - 1).every((o) => o instanceof InvalidInputError)).toBe(true);
    expect(outcomes.slice(ACCOUNT_MAX_FAILURES - 1).every((o) => o instanceof RateLimitedError)).toBe(true);
    // The right current password is refused while locked, and so is sign-in.
    expect(await failure(change(PASSWORD))).toBeInstanceOf(RateLimitedError);
    expect(await failure(signIn(db, { email: user.email, password: PASSWORD, ip: "192.0.2.61", now: minutesLater(1) }, fakeCheck))).toBeInstanceOf(RateLimitedError);
    expect(calls).toHaveLength(ACCOUNT_MAX_FAILURES);
    const audit = await auditOf(user.email);
    expect(audit.filter((a) => a.action === "sign_in_failed")).toHaveLength(ACCOUNT_MAX_FAILURES - 1);
    expect(audit.filter((a) => a.action === "sign_in_locked").map((a) => a.detail)).toEqual(["Parola sayfasında mevcut parola hatalı. Hesap 15 dakika kilitlendi."]);

    // After the lock the right password changes it, and the count starts again.
    await change(PASSWORD, minutesLater(LOCK_MINUTES + 1));
    expect(await failure(change("eski-tahmin", minutesLater(LOCK_MINUTES + 2)))).toBeInstanceOf(InvalidInputError);
  });
});
