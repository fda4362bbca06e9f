// What every CDN purger is, and the one way they talk HTTP: a timeout per attempt, retries with
// exponential backoff (p-retry) on network errors, 429 and 5xx, Retry-After honoured within a cap.
import pRetry, { AbortError } from "p-retry";

/**
 * Tells one CDN to drop everything cached under some surrogate keys.
 * `purge` resolves once the CDN has accepted every key; it throws a PurgeError when it has not
 * (after its own retries), or a RangeError when a key is not a surrogate key (surrogateKeys.ts).
 * `signal` cancels the request in flight and any retry still to come (the purge queue's shutdown).
 */
export interface CdnPurger {
  /** The vendor, for logs and metrics: "fastly", "cloudflare", "varnish". */
  readonly name: string;
  purge(keys: readonly string[], signal?: AbortSignal): Promise<void>;
}

/** How the purgers call their HTTP APIs. Every field is optional; the defaults suit production. */
export interface PurgerHttpOptions {
  /** The fetch to use (tests give none: a fake server on 127.0.0.1 answers). Default: the global fetch. */
  fetch?: typeof fetch;
  /** Time allowed for one attempt, answer body included, in milliseconds. Default 5000. */
  timeoutMs?: number;
  /** Retries after the first attempt (so up to retries + 1 requests per batch). Default 4. */
  retries?: number;
  /** First backoff delay in milliseconds; it doubles per retry (randomised 1–2×). Default 500. */
  minRetryMs?: number;
  /** Longest backoff delay in milliseconds. Default 10000. */
  maxRetryMs?: number;
  /** Longest wait a Retry-After answer may impose before the next attempt, in milliseconds. Default 30000. */
  maxRetryAfterMs?: number;
}

/** PurgerHttpOptions with every default filled in. */
export type PurgerHttpSettings = Required<PurgerHttpOptions>;

/** Fills in the defaults of PurgerHttpOptions (see there). */
export function purgerHttpSettings(options: PurgerHttpOptions = {}): PurgerHttpSettings {
  return {
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    timeoutMs: options.timeoutMs ?? 5000,
    retries: options.retries ?? 4,
    minRetryMs: options.minRetryMs ?? 500,
    maxRetryMs: options.maxRetryMs ?? 10_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 30_000,
  };
}

/**
 * A purge the CDN did not accept. `unpurgedKeys` lists the keys that may still be cached (the failed
 * batch and the batches after it), so a caller can try exactly those again; `status` is the last HTTP
 * status, when there was an answer. The message names the vendor, the request and the vendor's
 * error text; it never carries an API token.
 */
export class PurgeError extends Error {
  constructor(
    message: string,
    readonly unpurgedKeys: readonly string[],
    readonly status?: number,
  ) {
    super(message);
    this.name = "PurgeError";
  }
}

/** One failed attempt: whether another attempt may help, and how long the server asked us to wait. */
class AttemptError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "AttemptError";
  }
}

/** One HTTP request of a purge. Header values may hold secrets: they never reach a message. */
export interface PurgeRequest {
  method: "POST" | "PURGE" | "BAN";
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * Reads an answer: undefined when the purge was accepted, else the vendor's error text.
 * Called for every status; the status alone decides whether a failure is retried.
 */
export type AnswerReader = (status: number, body: string) => string | undefined;

/** Accepts any 2xx answer; otherwise reports the start of the body. */
export const plainAnswer: AnswerReader = (status, body) => (status >= 200 && status < 300 ? undefined : snippet(body));

/** At most 200 characters of `text` on one line, for error messages. */
export function snippet(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/**
 * Retry-After (RFC 9110, section 10.2.3: delay-seconds or an HTTP-date) as milliseconds from `now`;
 * undefined when absent or unreadable. A date in the past gives 0.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Retried: 429 Too Many Requests and any 5xx (the CDN's API is busy or down); other failures are not. */
function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === "TimeoutError") return `no answer within ${timeoutMs} ms`;
  if (error instanceof Error) {
    const cause: unknown = error.cause;
    const code = cause instanceof Error && "code" in cause && typeof cause.code === "string" ? ` (${cause.code})` : "";
    return `${error.message}${code}`;
  }
  return String(error);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Sends `request` until it is accepted, with `settings.retries` retries. Each attempt gets
 * `settings.timeoutMs` for the whole exchange. Network errors, timeouts, 429 and 5xx are retried
 * after an exponential backoff (at least the answer's Retry-After, capped at `maxRetryAfterMs`);
 * other answers `readAnswer` refuses (4xx, or a 2xx whose body reports failure) are not retried.
 * Throws an Error whose message reads `<vendor>: <METHOD> <url>: <what happened>`, with `status`
 * set when there was an answer; `signal` aborts at once with its reason.
 */
export async function sendWithRetries(
  vendor: string,
  request: PurgeRequest,
  readAnswer: AnswerReader,
  settings: PurgerHttpSettings,
  signal?: AbortSignal,
): Promise<void> {
  const where = `${vendor}: ${request.method} ${request.url}`;
  const attempt = async (): Promise<void> => {
    const attemptSignal = signal ? AbortSignal.any([signal, AbortSignal.timeout(settings.timeoutMs)]) : AbortSignal.timeout(settings.timeoutMs);
    let status: number;
    let body: string;
    let retryAfter: string | null;
    try {
      const response = await settings.fetch(request.url, { method: request.method, headers: request.headers, body: request.body, signal: attemptSignal });
      status = response.status;
      retryAfter = response.headers.get("retry-after");
      // Read the body under the same timeout: it frees the connection and may hold the vendor's error.
      body = await response.text();
    } catch (error) {
      if (signal?.aborted) throw new AbortError(new AttemptError(`${where}: cancelled`, false));
      throw new AttemptError(`${where}: ${describeNetworkError(error, settings.timeoutMs)}`, true);
    }
    const problem = readAnswer(status, body);
    if (problem === undefined) return;
    const message = `${where}: HTTP ${status}${problem === "" ? "" : ` ${problem}`}`;
    if (!isRetryableStatus(status)) throw new AbortError(new AttemptError(message, false, status));
    throw new AttemptError(message, true, status, parseRetryAfter(retryAfter));
  };
  await pRetry(attempt, {
    retries: settings.retries,
    factor: 2,
    minTimeout: settings.minRetryMs,
    maxTimeout: settings.maxRetryMs,
    randomize: true,
    signal,
    shouldRetry: ({ error }) => error instanceof AttemptError && error.retryable,
    // p-retry waits its backoff after this returns; wait longer first when the server asked for it.
    onFailedAttempt: async ({ error, retriesLeft, retriesConsumed }) => {
      if (!(error instanceof AttemptError) || error.retryAfterMs === undefined || retriesLeft <= 0) return;
      const backoff = Math.min(settings.minRetryMs * 2 ** retriesConsumed, settings.maxRetryMs);
      const extra = Math.min(error.retryAfterMs, settings.maxRetryAfterMs) - backoff;
      if (extra > 0) await sleep(extra, signal);
    },
  });
}

/** The HTTP status of an error from sendWithRetries, when the server answered. */
export function statusOf(error: unknown): number | undefined {
  return error instanceof AttemptError ? error.status : undefined;
}

/**
 * Sends one request per batch, in order, through sendWithRetries. On the first batch that fails,
 * throws a PurgeError whose `unpurgedKeys` are that batch and all later ones.
 */
export async function purgeInBatches(batches: readonly (readonly string[])[], send: (batch: readonly string[]) => Promise<void>): Promise<void> {
  for (const [index, batch] of batches.entries()) {
    try {
      await send(batch);
    } catch (error) {
      const rest = batches.slice(index).flat();
      const message = error instanceof Error ? error.message : String(error);
      throw new PurgeError(batches.length > 1 ? `${message} (batch ${index + 1} of ${batches.length})` : message, rest, statusOf(error));
    }
  }
}
