import ipaddr from "ipaddr.js";
import type { Kysely, Transaction } from "kysely";
import { recordAudit } from "../audit/store.ts";
import type { Database, Role } from "../db/schema.ts";
import { InvalidInputError, RateLimitedError, UnauthorizedError } from "../errors.ts";
import { DUMMY_HASH, verifyPassword } from "./passwords.ts";
import { randomToken, sha256 } from "./secrets.ts";
import * as store from "./store.ts";

export const SESSION_HOURS = 12;

/** Failures are counted over this many minutes; older ones no longer count. */
export const THROTTLE_WINDOW_MINUTES = 15;
/**
 * Failed password checks for one account (its normalised e-mail, existing or not), from any
 * address, within THROTTLE_WINDOW_MINUTES that lock the account for LOCK_MINUTES. Sign-in and
 * the current-password check on the password page share this count.
 */
export const ACCOUNT_MAX_FAILURES = 5;
/**
 * Failed sign-ins from one client address (for IPv6, its /64 network) within
 * THROTTLE_WINDOW_MINUTES that lock sign-in from that address for LOCK_MINUTES. Looser than
 * the account limit, so a newsroom behind one office address is not locked by one person's typos.
 */
export const IP_MAX_FAILURES = 50;
/** How long a lock lasts, counted from the failure that set it (minutes). */
export const LOCK_MINUTES = 15;
/** RFC 5321 §4.5.3.1.3: a path is at most 256 octets with its angle brackets, so an address at most 254. */
export const EMAIL_MAX_LENGTH = 254;
/** Client addresses are stored in the audit log cut to this many characters (IPv6 text is at most 45). */
export const AUDIT_IP_MAX_LENGTH = 64;

export interface SessionUser {
  id: number;
  name: string;
  email: string;
  role: Role;
  csrfToken: string;
}

/** Checks a password against a stored hash: `verifyPassword`, or a counting stand-in in tests. */
export type PasswordCheck = (passwordHash: string, password: string) => Promise<boolean>;

/** The one form of an e-mail address used for accounts and throttles: trimmed, Turkish lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLocaleLowerCase("tr");
}

/**
 * The part of a client address that is throttled: an IPv4 address as it is, an IPv4-mapped
 * IPv6 address as its IPv4 address, other IPv6 addresses as their /64 network (one host or
 * one site holds a whole /64, e.g. with privacy addresses); anything else as given.
 * "2001:db8:0:1:aa::5" -> "2001:db8:0:1::/64", "::ffff:10.0.0.1" -> "10.0.0.1".
 */
export function throttledAddress(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  const address = ipaddr.parse(ip);
  if (address.kind() === "ipv4") return address.toString();
  const v6 = ipaddr.IPv6.parse(ip);
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
  return `${v6.parts
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}

/** `text` cut to `max` characters, the cut marked with "…". */
export function bounded(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

type ThrottleScope = "account" | "ip";

interface Attempt {
  scope: ThrottleScope;
  keyHash: string;
}

interface ReservedAttempt extends Attempt {
  /** This attempt's number in the window: the one that reaches the limit locks when it fails. */
  failures: number;
}

const MAX_FAILURES: Record<ThrottleScope, number> = { account: ACCOUNT_MAX_FAILURES, ip: IP_MAX_FAILURES };

function accountAttempt(normalisedEmail: string): Attempt {
  return { scope: "account", keyHash: sha256(`account\n${normalisedEmail}`) };
}

function ipAttempt(ip: string): Attempt {
  return { scope: "ip", keyHash: sha256(`ip\n${throttledAddress(ip)}`) };
}

/**
 * Whether a counted attempt may go on to the password check: null when it may, else the
 * seconds to wait. Refused while a lock holds, and when earlier attempts in the window
 * (finished or still being checked) already took every allowed failure.
 */
export function refusalSeconds(maxFailures: number, state: store.ThrottleState, now: Date): number | null {
  if (state.lockedUntil !== null) {
    const left = Date.parse(state.lockedUntil) - now.getTime();
    if (left > 0) return Math.ceil(left / 1000);
  }
  return state.failures > maxFailures ? LOCK_MINUTES * 60 : null;
}

function rateLimited(scope: ThrottleScope, seconds: number): RateLimitedError {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  const message =
    scope === "account"
      ? `Çok fazla başarısız giriş denemesi. Lütfen ${minutes} dakika sonra yeniden deneyin.`
      : `Bu ağ adresinden çok fazla başarısız giriş denemesi yapıldı. Lütfen ${minutes} dakika sonra yeniden deneyin.`;
  return new RateLimitedError(message, seconds);
}

function windowOpenedBy(now: Date): string {
  return new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000).toISOString();
}

/**
 * Counts the attempts before any password is checked, in one transaction, in a fixed order
 * (account, then address) so concurrent transactions cannot deadlock. Throws RateLimitedError
 * (and counts nothing: the transaction rolls back) when one of them is locked or full.
 */
async function reserveAttempts(db: Kysely<Database>, attempts: Attempt[], now: Date): Promise<ReservedAttempt[]> {
  return db.transaction().execute(async (trx) => {
    const reserved: ReservedAttempt[] = [];
    for (const attempt of attempts) {
      const state = await store.reserveThrottle(trx, { keyHash: attempt.keyHash, now: now.toISOString(), windowOpenedBy: windowOpenedBy(now) });
      const seconds = refusalSeconds(MAX_FAILURES[attempt.scope], state, now);
      if (seconds !== null) throw rateLimited(attempt.scope, seconds);
      reserved.push({ ...attempt, failures: state.failures });
    }
    return reserved;
  });
}

/** Keeps failed attempts counted; the attempt that took the last allowed failure locks its row. Returns the scopes locked now. */
async function lockExhausted(trx: Transaction<Database>, reserved: ReservedAttempt[], now: Date): Promise<ThrottleScope[]> {
  const until = new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();
  const locked: ThrottleScope[] = [];
  for (const attempt of reserved) {
    if (attempt.failures >= MAX_FAILURES[attempt.scope] && (await store.lockThrottle(trx, attempt.keyHash, until))) locked.push(attempt.scope);
  }
  return locked;
}

const LOCK_DETAIL: Record<ThrottleScope, string> = {
  account: `Hesap ${LOCK_MINUTES} dakika kilitlendi.`,
  ip: `Ağ adresi ${LOCK_MINUTES} dakika kilitlendi.`,
};

/**
 * Records a failed password check: keeps it counted, locks what reached its limit and writes
 * the audit row (bounded subject and address). Throws RateLimitedError when this failure set
 * a lock, else the error `otherwise` gives.
 */
async function failCheck(
  db: Kysely<Database>,
  {
    reserved,
    actor,
    subject,
    ip,
    now,
    detail,
  }: { reserved: ReservedAttempt[]; actor: { id: number; name: string } | null; subject: string; ip: string | null; now: Date; detail: string },
  otherwise: () => Error,
): Promise<never> {
  const locked = await db.transaction().execute(async (trx) => {
    const scopes = await lockExhausted(trx, reserved, now);
    await recordAudit(trx, {
      at: now,
      actor,
      action: scopes.length > 0 ? "sign_in_locked" : "sign_in_failed",
      subject: bounded(subject, EMAIL_MAX_LENGTH),
      detail: [detail, ...scopes.map((s) => LOCK_DETAIL[s])].filter((d) => d !== "").join(" "),
      ip: ip === null ? null : bounded(ip, AUDIT_IP_MAX_LENGTH),
    });
    return scopes;
  });
  const scope = locked[0];
  throw scope ? rateLimited(scope, LOCK_MINUTES * 60) : otherwise();
}

function assertEmailLength(normalised: string): void {
  if (normalised.length > EMAIL_MAX_LENGTH) {
    throw new InvalidInputError(`E-posta adresi en çok ${EMAIL_MAX_LENGTH} karakter olabilir.`, { email: `En çok ${EMAIL_MAX_LENGTH} karakter.` });
  }
}

/**
 * Checks the password and opens a session: `{ token }` is the session cookie's value (stored
 * only as its SHA-256), `user` the signed-in user with the session's CSRF token.
 *
 * Throttling (the rows live in the database, so it holds across processes): each attempt is
 * counted for the account (normalised e-mail) and for the client address before the password
 * is checked, so parallel guesses cannot pass the limits. ACCOUNT_MAX_FAILURES failures for
 * one account, or IP_MAX_FAILURES from one address, within THROTTLE_WINDOW_MINUTES lock it for
 * LOCK_MINUTES: RateLimitedError (429) — even for the right password — with the seconds to
 * wait. A successful sign-in takes back only its own count (earlier failures keep counting, so
 * however guesses and sign-ins interleave, at most ACCOUNT_MAX_FAILURES wrong passwords are
 * checked per window). Failures and locks are audited.
 *
 * `ip` is the client address as the app sees it (Fastify's request.ip under TRUST_PROXY).
 * Errors: InvalidInputError for an e-mail over EMAIL_MAX_LENGTH (before any other work),
 * UnauthorizedError for a wrong e-mail or password or a disabled user, RateLimitedError.
 */
export async function signIn(
  db: Kysely<Database>,
  { email, password, ip, now }: { email: string; password: string; ip: string; now: Date },
  checkPassword: PasswordCheck = verifyPassword,
): Promise<{ token: string; user: SessionUser }> {
  const normalised = normaliseEmail(email);
  assertEmailLength(normalised);
  const account = accountAttempt(normalised);
  const address = ipAttempt(ip);
  const reserved = await reserveAttempts(db, [account, address], now);
  const user = await store.findUserByEmail(db, normalised);
  // Unknown users are checked against a dummy hash, so timing does not tell who has an account.
  const ok = await checkPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user || !ok || user.disabledAt) {
    return failCheck(
      db,
      { reserved, actor: user ? { id: user.id, name: user.name } : null, subject: normalised, ip, now, detail: "" },
      () => new UnauthorizedError("E-posta adresi ya da parola hatalı."),
    );
  }
  const token = randomToken();
  const csrfToken = randomToken(24);
  await db.transaction().execute(async (trx) => {
    await store.releaseThrottle(trx, account.keyHash);
    await store.releaseThrottle(trx, address.keyHash);
    await store.deleteStaleThrottles(trx, { now: now.toISOString(), windowOpenedBy: windowOpenedBy(now) });
    await store.insertSession(trx, {
      idHash: sha256(token),
      userId: user.id,
      csrfToken,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
    });
    await recordAudit(trx, { at: now, actor: user, action: "sign_in", subject: normalised, ip: bounded(ip, AUDIT_IP_MAX_LENGTH) });
  });
  return { token, user: { id: user.id, name: user.name, email: user.email, role: user.role, csrfToken } };
}

/**
 * Checks a signed-in user's current password (the password page) under the same account
 * throttle as sign-in: counted before the check, ACCOUNT_MAX_FAILURES failures lock the
 * account (sign-in too) for LOCK_MINUTES. A right password takes back its own count.
 * Errors: RateLimitedError while locked or when this failure locks; else `wrong()` on a wrong password.
 */
export async function checkCurrentPassword(
  db: Kysely<Database>,
  { user, password, ip, now }: { user: { id: number; name: string; email: string; passwordHash: string }; password: string; ip: string | null; now: Date },
  checkPassword: PasswordCheck,
  wrong: () => Error,
): Promise<void> {
  const account = accountAttempt(normaliseEmail(user.email));
  const reserved = await reserveAttempts(db, [account], now);
  if (!(await checkPassword(user.passwordHash, password))) {
    return failCheck(db, { reserved, actor: { id: user.id, name: user.name }, subject: user.email, ip, now, detail: "Parola sayfasında mevcut parola hatalı." }, wrong);
  }
  await db.transaction().execute(async (trx) => store.releaseThrottle(trx, account.keyHash));
}

/** The signed-in user of a session cookie, or undefined when it is unknown, expired or the user is disabled. */
export async function findSession(db: Kysely<Database>, token: string, now: Date): Promise<SessionUser | undefined> {
  if (token.length < 20 || token.length > 100) return undefined;
  const row = await store.findSessionUser(db, sha256(token), now);
  return row ? { id: row.id, name: row.name, email: row.email, role: row.role, csrfToken: row.csrfToken } : undefined;
}

export async function signOut(db: Kysely<Database>, { token, user, now, ip }: { token: string; user: SessionUser; now: Date; ip: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await store.deleteSession(trx, sha256(token));
    await recordAudit(trx, { at: now, actor: user, action: "sign_out", subject: user.email, ip: bounded(ip, AUDIT_IP_MAX_LENGTH) });
  });
}
