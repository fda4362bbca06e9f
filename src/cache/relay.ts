// Carries news events between app instances on one PostgreSQL database (DESIGN.md, "Data" and
// "Speed": one LISTEN/NOTIFY channel carries the same events to every instance). Each instance
// NOTIFYs the events that happened in it and re-emits, with origin "remote", those of the others;
// the page cache and every other subscriber then treat both alike. NOTIFY is at-most-once: a
// notification sent while an instance was not listening is lost for it, so an instance that loses
// its LISTEN connection emits `changesMissed` once it listens again, and one that could not send
// a change tells the others to drop everything instead.
import crypto from "node:crypto";
import type { EventEmitter } from "node:events";
import { type Static, type TSchema, Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import pRetry from "p-retry";
import pg from "pg";
import { ConfigError } from "../errors.ts";
import { repeatEvery } from "../lib/repeatEvery.ts";
import { type ArticleChange, type EventOrigin, NEWS_EVENT_NAMES, type NewsEvents, newsEvents } from "../news/events.ts";

/** The channel every instance of one site listens on. */
export const DEFAULT_CHANNEL = "haberci_changes";

/**
 * PostgreSQL refuses a NOTIFY payload of 8000 bytes or more (NOTIFY_PAYLOAD_MAX_LENGTH with the
 * default 8 kB block size; less on a server built with smaller blocks). Changes are a few hundred
 * bytes; a larger one is sent as "drop everything" instead.
 */
export const MAX_PAYLOAD_BYTES = 7_000;

/** Reconnect backoff: 100 ms doubling to 5 s, each delay stretched by a random 1–2× so instances cut off together do not return together. */
const BACKOFF = { minTimeout: 100, factor: 2, maxTimeout: 5_000, randomize: true } as const;

export interface RelayLog {
  info(msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface ChangeRelayOptions {
  /** PostgreSQL connection string (the app's DATABASE_URL). */
  url: string;
  log: RelayLog;
  /** Seconds between a change's NOTIFY on another instance and its arrival here (clocks apart: 0 at least). */
  onLag?: (seconds: number) => void;
  /** Called each time the relay listens again after losing its connection (after `changesMissed`). */
  onReconnect?: () => void;
  /** LISTEN/NOTIFY channel: lower-case letters, digits and `_`, at most 63 (default `haberci_changes`). */
  channel?: string;
  /** The bus to relay (default `newsEvents`); tests give each relay its own to stand for one instance. */
  emitter?: EventEmitter<NewsEvents>;
  /** `application_name` of the listening connection, as seen in pg_stat_activity (default `haberci-relay`). */
  applicationName?: string;
  /** How often the listening connection is checked with `SELECT 1` (default 2,000 ms). */
  heartbeatMs?: number;
  /** How long that check may take before the connection is taken for dead and replaced (default 2,000 ms). */
  heartbeatTimeoutMs?: number;
}

export interface ChangeRelay {
  /** This instance's random id, carried by its notifications so it can ignore its own. */
  readonly instance: string;
  readonly channel: string;
  /** Stops relaying: unsubscribes, waits for notifications being sent, closes the connection, cancels timers. */
  stop(): Promise<void>;
}

const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
const ArticleFactsJson = Type.Object({
  visible: Type.Boolean(),
  categoryId: Id,
  sourceId: Id,
  tagIds: Type.Array(Id, { maxItems: 10_000 }),
  authorIds: Type.Array(Id, { maxItems: 1_000 }),
  breaking: Type.Boolean(),
  breakingUntil: Type.Union([Type.String({ maxLength: 64 }), Type.Null()]),
  headline: Type.Boolean(),
  publishedAt: Type.Union([Type.String({ maxLength: 64 }), Type.Null()]),
});
const ArticleChangeJson = Type.Object({
  articleId: Id,
  before: Type.Union([ArticleFactsJson, Type.Null()]),
  after: Type.Union([ArticleFactsJson, Type.Null()]),
});
const Nothing = Type.Object({});

/** What each relayed name carries; the variants below are checked against news/events.ts by the compiler. */
const envelope = <N extends string, C extends TSchema>(name: N, change: C) =>
  Type.Object({
    v: Type.Literal(1),
    instance: Type.String({ minLength: 1, maxLength: 64 }),
    /** When it was sent: milliseconds since the epoch. */
    at: Type.Number(),
    name: Type.Literal(name),
    change,
  });

/**
 * A notification, version 1: `{ v: 1, instance, at, name, change }`, `change` shaped as the event
 * `name` carries it. `changesMissed` here means "drop everything": the sender could not describe a
 * change (too large, or not sent while it was disconnected). Properties a newer version adds are
 * removed before use (Value.Clean), so a rolling upgrade that adds one does not silence old instances.
 */
const Notification = Type.Union([
  envelope("articleChanged", ArticleChangeJson),
  envelope("headlinesChanged", Type.Object({ articleIds: Type.Array(Id, { maxItems: 10_000 }) })),
  envelope("taxonomyChanged", Nothing),
  envelope("authorChanged", Type.Object({ authorId: Id })),
  envelope("settingsChanged", Type.Object({ sections: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 }) })),
  envelope("changesMissed", Nothing),
]);
type Notification = Static<typeof Notification>;

// The wire shapes are the event payloads: a change to news/events.ts that is not made here fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Carried<N extends Notification["name"]> = Extract<Notification, { name: N }>["change"];
const shapesAgree: [
  Same<Carried<"articleChanged">, ArticleChange>,
  Same<Carried<"headlinesChanged">, NewsEvents["headlinesChanged"][0]>,
  Same<Carried<"taxonomyChanged">, NewsEvents["taxonomyChanged"][0]>,
  Same<Carried<"authorChanged">, NewsEvents["authorChanged"][0]>,
  Same<Carried<"settingsChanged">, NewsEvents["settingsChanged"][0]>,
  Same<Carried<"changesMissed">, NewsEvents["changesMissed"][0]>,
] = [true, true, true, true, true, true];
void shapesAgree;

type RelayedName = (typeof NEWS_EVENT_NAMES)[number];

/** Reads a notification's text; null when it is not JSON or not a version-1 notification. */
export function parseNotification(text: string | undefined): Notification | null {
  if (text === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const cleaned = Value.Clean(Notification, value);
  return Value.Check(Notification, cleaned) ? cleaned : null;
}

const CHANNEL_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Starts relaying news events between this instance and the others listening on `channel` of the
 * database at `url`, over one dedicated connection (not the app's pool: a LISTEN belongs to one
 * session for as long as it lives). Resolves once it listens; rejects with a ConfigError when the
 * first connection or LISTEN fails (the caller has just reached the same database, so that is
 * worth stopping for), or at once on a channel name that is not a plain lower-case identifier.
 * Later losses are retried forever with backoff.
 *
 * Sending: every event of NEWS_EVENT_NAMES emitted with origin "local" becomes
 * `SELECT pg_notify(channel, json)` on the same connection, in emit order. A change larger than
 * MAX_PAYLOAD_BYTES is sent as "drop everything"; a NOTIFY that fails (or is due while the
 * connection is down) is logged, never thrown to the emitter, and owed as one "drop everything"
 * sent as soon as the connection works again.
 *
 * Receiving: a notification from another instance is validated (a malformed one is logged and
 * ignored: anyone with database access can NOTIFY) and emitted with origin "remote"; its lag goes
 * to `onLag`. Its own notifications (same `instance`) are ignored.
 *
 * Losing the connection (an error, the server ending it, or a `SELECT 1` that takes longer than
 * `heartbeatTimeoutMs`): reconnect with backoff, LISTEN again, emit `changesMissed` (origin
 * "local"), then call `onReconnect`.
 */
export async function startChangeRelay(options: ChangeRelayOptions): Promise<ChangeRelay> {
  const { url, log, onLag, onReconnect } = options;
  const channel = options.channel ?? DEFAULT_CHANNEL;
  if (!CHANNEL_NAME.test(channel)) throw new ConfigError(`change relay: invalid channel name "${channel}"`);
  const emitter = options.emitter ?? newsEvents;
  const heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 2_000;
  const instance = crypto.randomBytes(9).toString("base64url");

  let stopped = false;
  /** The listening connection, or null while reconnecting. */
  let current: pg.Client | null = null;
  /** A reconnect in progress (the loop's promise, so stop() can wait for it). */
  let reconnecting: Promise<void> | null = null;
  /** A change could not be sent: the others must be told to drop everything. */
  let owed = false;
  const sending = new Set<Promise<void>>();
  const abort = new AbortController();

  const message = (name: Notification["name"], change: object): string => JSON.stringify({ v: 1, instance, at: Date.now(), name, change });

  function notify(text: string): void {
    const client = current;
    if (!client) {
      owed = true;
      log.warn({ channel }, "change relay: not connected; other instances will be told to drop everything once it is");
      return;
    }
    const sent = client.query("select pg_notify($1, $2)", [channel, text]).then(
      () => undefined,
      (err: unknown) => {
        owed = true;
        log.warn({ err, channel }, "change relay: NOTIFY failed; other instances will be told to drop everything");
      },
    );
    sending.add(sent);
    void sent.finally(() => sending.delete(sent));
  }

  function payOwed(): void {
    if (!owed || !current) return;
    owed = false;
    notify(message("changesMissed", {}));
  }

  function send(name: RelayedName, change: object): void {
    payOwed();
    let text = message(name, change);
    const bytes = Buffer.byteLength(text);
    if (bytes > MAX_PAYLOAD_BYTES) {
      log.warn({ name, bytes, limit: MAX_PAYLOAD_BYTES }, "change relay: change too large for NOTIFY; telling other instances to drop everything");
      text = message("changesMissed", {});
    }
    notify(text);
  }

  function receive(text: string | undefined): void {
    const note = parseNotification(text);
    if (!note) {
      log.warn({ channel, payload: text?.slice(0, 200) }, "change relay: ignored a malformed notification");
      return;
    }
    if (note.instance === instance) return;
    try {
      // One emit per name, so each payload keeps its own type.
      if (note.name === "articleChanged") emitter.emit("articleChanged", note.change, "remote");
      else if (note.name === "headlinesChanged") emitter.emit("headlinesChanged", note.change, "remote");
      else if (note.name === "taxonomyChanged") emitter.emit("taxonomyChanged", {}, "remote");
      else if (note.name === "authorChanged") emitter.emit("authorChanged", note.change, "remote");
      else if (note.name === "settingsChanged") emitter.emit("settingsChanged", note.change, "remote");
      else emitter.emit("changesMissed", {}, "remote");
      onLag?.(Math.max(0, (Date.now() - note.at) / 1000));
    } catch (err) {
      log.warn({ err, name: note.name }, "change relay: a subscriber failed on a remote change");
    }
  }

  /** Connects and LISTENs; the connection reports its own end or failure to `lose`. */
  async function listen(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: url,
      application_name: options.applicationName ?? "haberci-relay",
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
    });
    let open = true;
    const lost = (err: Error) => {
      if (!open) return;
      open = false;
      lose(client, err);
    };
    // Kept for the client's whole life: an 'error' event without a listener would end the process.
    client.on("error", lost);
    client.on("end", () => lost(new Error("connection ended")));
    client.on("notification", (note) => {
      if (open && !stopped && note.channel === channel) receive(note.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
    } catch (error) {
      open = false;
      await client.end().catch(() => undefined);
      // p-retry gives up at once on a TypeError that is not a network error; a failed connection is always worth another try.
      throw error instanceof TypeError ? new Error(error.message, { cause: error }) : error;
    }
    if (!open) throw new Error("connection lost right after LISTEN");
    return client;
  }

  function lose(client: pg.Client, err: Error): void {
    if (client !== current) return;
    current = null;
    // Ends at once even when a query hangs (pg destroys the socket when a query is active).
    void client.end().catch(() => undefined);
    if (stopped) return;
    log.warn({ err, channel }, "change relay: lost its PostgreSQL connection; reconnecting");
    reconnecting ??= reconnect();
  }

  async function reconnect(): Promise<void> {
    try {
      await pRetry(
        async () => {
          const client = await listen();
          if (stopped) {
            await client.end().catch(() => undefined);
            return;
          }
          // From here a new loss starts a new loop.
          reconnecting = null;
          current = client;
          log.info(`change relay: listening again on ${channel}; dropping what may have been missed`);
          try {
            emitter.emit("changesMissed", {}, "local");
            onReconnect?.();
          } catch (err) {
            log.warn({ err }, "change relay: a subscriber failed on changesMissed");
          }
          payOwed();
        },
        {
          ...BACKOFF,
          retries: Number.POSITIVE_INFINITY,
          signal: abort.signal,
          onFailedAttempt: ({ error, attemptNumber }) => {
            if (!stopped) log.warn({ err: error, attempt: attemptNumber }, "change relay: reconnecting failed; trying again");
          },
        },
      );
    } catch (error) {
      // Only stop() ends the loop (the retries are endless).
      if (!stopped) log.warn({ err: error }, "change relay: reconnecting gave up");
    }
  }

  async function heartbeat(): Promise<void> {
    const client = current;
    if (!client) return;
    payOwed();
    let timer: NodeJS.Timeout | undefined;
    const alive = await Promise.race([
      client.query("select 1").then(
        () => true,
        () => true, // a failed query ends the connection itself, which reports to `lose`
      ),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), heartbeatTimeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (!alive) lose(client, new Error(`no answer to SELECT 1 within ${heartbeatTimeoutMs} ms`));
  }

  try {
    current = await listen();
  } catch (error) {
    throw new ConfigError(`Cannot LISTEN for changes on PostgreSQL: ${(error as Error).message}`);
  }
  const unsubscribe = NEWS_EVENT_NAMES.map((name) => {
    const listener = (change: NewsEvents[RelayedName][0], origin: EventOrigin) => {
      if (origin === "local" && !stopped) send(name, change);
    };
    emitter.on(name, listener);
    return () => emitter.off(name, listener);
  });
  // Every 2 s: a frozen link (no error, no answers) is noticed within about 4 s.
  const beats = repeatEvery(options.heartbeatMs ?? 2_000, heartbeat, (err) => log.warn({ err }, "change relay: heartbeat failed"));
  log.info(`change relay: listening on ${channel}`);

  return {
    instance,
    channel,
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const off of unsubscribe) off();
      abort.abort();
      await Promise.allSettled([...sending]);
      const client = current;
      current = null;
      await client?.end().catch(() => undefined);
      await beats.stop();
      await reconnecting;
    },
  };
}
