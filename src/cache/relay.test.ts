// Two relays in one process stand for two instances: each gets its own event bus (the emitter
// option), so what one emits locally can only reach the other through PostgreSQL. Each test uses
// its own channel, so suites running at the same time on the same database do not hear each other.
import { type ChildProcess, spawn } from "node:child_process";
import crypto from "node:crypto";
import { EventEmitter, once } from "node:events";
import net from "node:net";
import path from "node:path";
import { text } from "node:stream/consumers";
import pg from "pg";
import { afterEach, beforeEach, expect, it } from "vitest";
import { allTestDatabases, describeFor } from "../../test/databases.ts";
import { ConfigError } from "../errors.ts";
import type { ArticleChange, ArticleFacts, EventOrigin, NewsEvents } from "../news/events.ts";
import { type ChangeRelay, type ChangeRelayOptions, startChangeRelay } from "./relay.ts";

const postgres = allTestDatabases.find((target) => target.name === "PostgreSQL");
if (!postgres) throw new Error("test/databases.ts lists no PostgreSQL target");
const url = process.env.TEST_POSTGRES_URL ?? "";
/** A port of this suite's range (47300–47309; the two-process test uses the lowest ones). */
const PROXY_PORT = 47309;

const facts: ArticleFacts = {
  visible: true,
  categoryId: 2,
  sourceId: 1,
  tagIds: [3, 5],
  authorIds: [4],
  breaking: false,
  breakingUntil: null,
  headline: false,
  publishedAt: "2026-11-20T09:00:00.000Z",
};
const change: ArticleChange = { articleId: 7, before: null, after: facts };

interface Instance {
  bus: EventEmitter<NewsEvents>;
  heard: ReturnType<typeof listen>;
  relay: ChangeRelay;
  appName: string;
  warnings: string[];
  lags: number[];
  readonly reconnects: number;
}

type EventName = keyof NewsEvents;

/** Everything a bus carries from now on: `events` so far, and `next(name)` for the next one named so. */
function listen(bus: EventEmitter<NewsEvents>) {
  const events: Array<{ name: EventName; args: [change: unknown, origin: EventOrigin] }> = [];
  const waiting: Array<{ name: EventName; resolve: (args: [unknown, EventOrigin]) => void }> = [];
  const heard = (name: EventName, change: unknown, origin: EventOrigin) => {
    events.push({ name, args: [change, origin] });
    const i = waiting.findIndex((w) => w.name === name);
    if (i >= 0) waiting.splice(i, 1)[0]?.resolve([change, origin]);
  };
  bus.on("articleChanged", (c, o) => heard("articleChanged", c, o));
  bus.on("headlinesChanged", (c, o) => heard("headlinesChanged", c, o));
  bus.on("taxonomyChanged", (c, o) => heard("taxonomyChanged", c, o));
  bus.on("settingsChanged", (c, o) => heard("settingsChanged", c, o));
  bus.on("changesMissed", (c, o) => heard("changesMissed", c, o));
  return {
    /** The `name` events so far, as [change, origin]. */
    of: (name: EventName) => events.filter((e) => e.name === name).map((e) => e.args),
    next: (name: EventName) => new Promise<[unknown, EventOrigin]>((resolve) => void waiting.push({ name, resolve })),
  };
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Ends the listening connection of `appName` from the server side, as a restart or a failover would. */
async function terminate(appName: string): Promise<number> {
  return admin(async (client) => {
    const result = await client.query("select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1", [appName]);
    return result.rowCount ?? 0;
  });
}

describeFor(postgres)("change relay between instances [PostgreSQL]", () => {
  let channel: string;
  const started: Instance[] = [];
  let child: ChildProcess | undefined;

  async function instance(name: string, options: Partial<ChangeRelayOptions> = {}): Promise<Instance> {
    const bus = new EventEmitter<NewsEvents>();
    const heard = listen(bus);
    const appName = `haberci-relay-test-${channel.slice(-8)}-${name}`;
    const seen = { warnings: [] as string[], lags: [] as number[], reconnects: 0 };
    const relay = await startChangeRelay({
      url,
      channel,
      emitter: bus,
      applicationName: appName,
      log: { info: () => undefined, warn: (_obj, msg) => void seen.warnings.push(msg) },
      onLag: (seconds) => void seen.lags.push(seconds),
      onReconnect: () => void (seen.reconnects += 1),
      ...options,
    });
    const self: Instance = {
      bus,
      heard,
      relay,
      appName,
      warnings: seen.warnings,
      lags: seen.lags,
      get reconnects() {
        return seen.reconnects;
      },
    };
    started.push(self);
    return self;
  }

  beforeEach(() => {
    channel = `haberci_test_${crypto.randomBytes(6).toString("hex")}`;
  });

  afterEach(async () => {
    child?.kill();
    child = undefined;
    await Promise.all(started.splice(0).map((i) => i.relay.stop()));
  });

  it("carries a change made on one instance to the other as remote, unchanged, and never back", async () => {
    const a = await instance("a");
    const b = await instance("b");

    const arrival = b.heard.next("articleChanged");
    a.bus.emit("articleChanged", change, "local");
    expect(await arrival).toEqual([change, "remote"]);
    expect(b.lags).toHaveLength(1);
    expect(b.lags[0]).toBeGreaterThanOrEqual(0);

    const headlines = b.heard.next("headlinesChanged");
    a.bus.emit("headlinesChanged", { articleIds: [7, 3] }, "local");
    expect(await headlines).toEqual([{ articleIds: [7, 3] }, "remote"]);
    const taxonomy = b.heard.next("taxonomyChanged");
    a.bus.emit("taxonomyChanged", {}, "local");
    expect(await taxonomy).toEqual([{}, "remote"]);
    const settings = b.heard.next("settingsChanged");
    a.bus.emit("settingsChanged", { sections: ["identity"] }, "local");
    expect(await settings).toEqual([{ sections: ["identity"] }, "remote"]);

    // Notifications arrive in the order they were sent: once A hears B's later change, an echo of
    // A's own change (or B relaying what it received) would already have arrived.
    const fromB = a.heard.next("headlinesChanged");
    b.bus.emit("headlinesChanged", { articleIds: [1] }, "local");
    expect(await fromB).toEqual([{ articleIds: [1] }, "remote"]);
    expect(a.heard.of("articleChanged")).toEqual([[change, "local"]]);
  });

  it("ignores and logs malformed notifications, and takes a newer instance's extra fields in stride", async () => {
    const b = await instance("b");
    const send = (payload: string) => admin((client) => client.query("select pg_notify($1, $2)", [channel, payload]));
    const base = { v: 1, instance: "someone-else", at: Date.now() };

    await send("not json");
    await send(JSON.stringify({ ...base, name: "articleChanged", change: { articleId: "7", before: null, after: null } }));
    await send(JSON.stringify({ ...base, name: "shutdown", change: {} }));
    await send(JSON.stringify({ ...base, v: 2, name: "articleChanged", change }));
    const valid = b.heard.next("articleChanged");
    await send(JSON.stringify({ ...base, name: "articleChanged", change: { ...change, region: "ege" }, trace: "x" }));

    expect(await valid).toEqual([change, "remote"]);
    expect(b.heard.of("articleChanged")).toEqual([[change, "remote"]]);
    expect(b.heard.of("changesMissed")).toEqual([]);
    expect(b.warnings.filter((w) => w.includes("malformed"))).toHaveLength(4);
  });

  it("tells the others to drop everything when a change is too large for NOTIFY", async () => {
    const a = await instance("a");
    const b = await instance("b");
    const huge: ArticleChange = { ...change, after: { ...facts, tagIds: Array.from({ length: 3_000 }, (_, i) => i + 1) } };

    const dropped = b.heard.next("changesMissed");
    a.bus.emit("articleChanged", huge, "local");
    expect(await dropped).toEqual([{}, "remote"]);
    expect(b.heard.of("articleChanged")).toEqual([]);
    expect(a.warnings.some((w) => w.includes("too large"))).toBe(true);
  });

  it("reconnects when the server ends its connection, drops what it may have missed, and hears changes again", async () => {
    const a = await instance("a");
    const b = await instance("b");

    const missed = b.heard.next("changesMissed");
    expect(await terminate(b.appName)).toBe(1);
    expect(await missed).toEqual([{}, "local"]);
    expect(b.reconnects).toBe(1);
    expect(b.warnings.some((w) => w.includes("lost its PostgreSQL connection"))).toBe(true);

    const arrival = b.heard.next("articleChanged");
    a.bus.emit("articleChanged", change, "local");
    expect(await arrival).toEqual([change, "remote"]);
  });

  it("replaces a connection that silently stops answering (heartbeat)", async () => {
    const proxy = await freezableProxy(new URL(url), PROXY_PORT);
    try {
      const proxied = new URL(url);
      proxied.hostname = "127.0.0.1";
      proxied.port = String(PROXY_PORT);
      const a = await instance("a");
      const b = await instance("b", { url: proxied.toString(), heartbeatMs: 100, heartbeatTimeoutMs: 300 });

      const missed = b.heard.next("changesMissed");
      proxy.freeze(); // the connection stays open but nothing passes: no error, no end
      expect(await missed).toEqual([{}, "local"]);
      expect(b.warnings.some((w) => w.includes("lost its PostgreSQL connection"))).toBe(true);

      const arrival = b.heard.next("articleChanged");
      a.bus.emit("articleChanged", change, "local");
      expect(await arrival).toEqual([change, "remote"]);
    } finally {
      await Promise.all(started.splice(0).map((i) => i.relay.stop()));
      await proxy.close();
    }
  });

  it("refuses to start when it cannot listen, saying why", async () => {
    const missing = new URL(url);
    missing.pathname = "/haberci_no_such_database";
    const log = { info: () => undefined, warn: () => undefined };
    await expect(startChangeRelay({ url: missing.toString(), channel, log })).rejects.toThrow(/Cannot LISTEN for changes on PostgreSQL: .*haberci_no_such_database/);
    await expect(startChangeRelay({ url, channel: "Haberci; drop table x", log })).rejects.toThrow(ConfigError);
  });

  it("stops without leaving anything that keeps the process alive, even in the middle of reconnecting", async () => {
    // A process that starts relays, has one lose its connection, stops them and then must end by
    // itself: any socket or timer left behind would keep it running (and the test would time out).
    const stopping = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", STOPPING_PROCESS], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: { ...process.env, RELAY_URL: url, RELAY_CHANNEL: channel },
      stdio: ["ignore", "pipe", "inherit"],
    });
    child = stopping;
    const output = text(stopping.stdout);
    const [code] = await once(stopping, "exit");
    expect(code).toBe(0);
    expect(await output).toBe("lost, stopped\n");
  });
});

/** Starts two relays, has the server end one's connection, stops both as soon as that one notices, then leaves the process alone. */
const STOPPING_PROCESS = `
import pg from "pg";
import { startChangeRelay } from "./src/cache/relay.ts";
const appName = "haberci-relay-test-" + process.env.RELAY_CHANNEL.slice(-8) + "-stop";
let noticed;
const lost = new Promise((resolve) => (noticed = resolve));
const relay = await startChangeRelay({
  url: process.env.RELAY_URL,
  channel: process.env.RELAY_CHANNEL,
  applicationName: appName,
  heartbeatMs: 50,
  log: { info() {}, warn(obj, msg) { if (msg.includes("lost")) noticed(); } },
});
const steady = await startChangeRelay({
  url: process.env.RELAY_URL,
  channel: process.env.RELAY_CHANNEL,
  heartbeatMs: 50,
  log: { info() {}, warn() {} },
});
const admin = new pg.Client({ connectionString: process.env.RELAY_URL });
await admin.connect();
await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1", [appName]);
await admin.end();
await lost;
await Promise.all([relay.stop(), steady.stop()]);
console.log("lost, stopped");
`;

/**
 * A TCP proxy to PostgreSQL whose open connections can be frozen: sockets stay open but carry
 * nothing, as when a peer vanishes without a reset. Connections made after the freeze pass.
 */
async function freezableProxy(upstream: URL, port: number): Promise<{ freeze(): void; close(): Promise<void> }> {
  const pairs: Array<[net.Socket, net.Socket]> = [];
  const server = net.createServer((client) => {
    const server = net.connect(Number(upstream.port || 5432), upstream.hostname);
    client.pipe(server).pipe(client);
    const drop = () => {
      client.destroy();
      server.destroy();
    };
    client.on("error", drop);
    server.on("error", drop);
    pairs.push([client, server]);
  });
  const frozen: net.Socket[] = [];
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    freeze() {
      for (const [client, upstreamSocket] of pairs.splice(0)) {
        client.unpipe(upstreamSocket);
        upstreamSocket.unpipe(client);
        client.pause();
        upstreamSocket.pause();
        frozen.push(client, upstreamSocket);
      }
    },
    async close() {
      for (const socket of frozen.splice(0)) socket.destroy();
      for (const [client, upstreamSocket] of pairs.splice(0)) {
        client.destroy();
        upstreamSocket.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
