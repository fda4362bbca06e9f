// Issue 11, "Many instances on PostgreSQL": two real `haberci serve` processes on one database.
// A change published through A's API shows on B's pages within one second, whatever B has cached,
// because A's change reaches B over LISTEN/NOTIFY (src/cache/relay.ts). The processes get a fresh
// database of their own (not a schema: `haberci serve` takes a plain DATABASE_URL) and share one
// DATA_DIR, as instances behind a load balancer share their pictures.
import { type ChildProcess, spawn } from "node:child_process";
import crypto from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { allTestDatabases, describeFor } from "./databases.ts";

const postgres = allTestDatabases.find((target) => target.name === "PostgreSQL");
if (!postgres) throw new Error("test/databases.ts lists no PostgreSQL target");
const adminUrl = process.env.TEST_POSTGRES_URL ?? "";
const ROOT = path.resolve(import.meta.dirname, "..");
/** This test's ports (47300–47308; the relay's own test uses 47309), tried in turn when one is taken. */
const PORTS = [47300, 47301, 47302, 47303, 47304, 47305, 47306, 47307, 47308];
/** The promise: a publish on one instance shows on every instance within one second. */
const WITHIN_MS = 1_000;

interface Instance {
  name: string;
  base: string;
  child: ChildProcess;
  /** Everything it printed, for the failure message. */
  output: () => string;
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs `node bin/haberci.js ...args`; resolves with its output once it exits with 0. */
async function haberci(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const child = spawn(process.execPath, ["bin/haberci.js", ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(`haberci ${args.join(" ")} exited with ${String(code)}:\n${output}`);
  return output;
}

/** Starts `haberci serve` and resolves once it says it is running (rejects with its output if it exits first). */
async function serve(name: string, port: number, args: string[], env: NodeJS.ProcessEnv): Promise<Instance> {
  const child = spawn(process.execPath, ["bin/haberci.js", "serve", ...args], { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const instance: Instance = { name, base: `http://127.0.0.1:${port}`, child, output: () => output };
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Haberci is running at")) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new PortError(`${name} exited with ${String(code)} before serving:\n${output}`, output.includes("EADDRINUSE"))));
  });
  return instance;
}

class PortError extends Error {
  constructor(
    message: string,
    readonly taken: boolean,
  ) {
    super(message);
  }
}

/** `serve` on the first of `ports` that is free (another program may hold one of them). */
async function serveOnFreePort(name: string, ports: number[], args: string[], env: NodeJS.ProcessEnv): Promise<Instance> {
  for (const port of ports) {
    try {
      return await serve(name, port, args, env);
    } catch (error) {
      if (!(error instanceof PortError && error.taken)) throw error;
    }
  }
  throw new Error(`${name}: no free port among ${ports.join(", ")}`);
}

async function stopInstance(instance: Instance | undefined): Promise<number | null> {
  if (!instance || instance.child.exitCode !== null || instance.child.signalCode !== null) return instance?.child.exitCode ?? null;
  const exited = once(instance.child, "exit");
  instance.child.kill("SIGTERM");
  const [code] = (await exited) as [number | null];
  return code;
}

async function getText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return response.text();
}

/** Calls A's newsroom API with the editor's token; throws with the answer on anything but `status`. */
async function api(base: string, token: string, method: string, route: string, body: unknown, status: number): Promise<Record<string, unknown>> {
  const response = await fetch(`${base}/api/v1${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer = await response.text();
  if (response.status !== status) throw new Error(`${method} ${route}: ${response.status} ${answer}`);
  return JSON.parse(answer) as Record<string, unknown>;
}

/**
 * Reads `pages` together every 50 ms until each contains `text`. A page counts as shown in time
 * when a request sent at most one second after `since` (performance.now() ms) got it, so a slow
 * machine's rendering time is not charged to the relay. Throws naming the pages that did not.
 */
async function shownWithin(pages: Record<string, string>, text: string, since: number): Promise<void> {
  const pending = new Map(Object.entries(pages));
  for (;;) {
    const sent = performance.now();
    const answers = await Promise.all([...pending].map(async ([label, url]) => ({ label, shown: (await getText(url)).includes(text) })));
    for (const { label, shown } of answers) if (shown) pending.delete(label);
    if (pending.size === 0) return;
    if (sent - since > WITHIN_MS) throw new Error(`${Math.round(sent - since)} ms after the change B still did not show "${text}" on: ${[...pending.keys()].join(", ")}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Adds what `instance` printed (its warnings: LOG_LEVEL=warn) to a failure. */
function withLogOf(instance: Instance): (error: unknown) => never {
  return (error) => {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${instance.name} printed:\n${instance.output()}`);
  };
}

interface ListedArticle {
  id: number;
  title: string;
  url: string;
  category: { slug: string; name: string };
}

describeFor(postgres)("two instances on one PostgreSQL database [PostgreSQL]", () => {
  const database = `haberci_multi_${crypto.randomBytes(6).toString("hex")}`;
  let dataDir = "";
  let a: Instance | undefined;
  let b: Instance | undefined;
  let token = "";

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "haberci-multi-"));
    await withAdmin((client) => client.query(`create database ${database}`));
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    const env = {
      ...process.env,
      DATABASE_URL: url.toString(),
      DATA_DIR: dataDir,
      HOST: "127.0.0.1",
      WEATHER_PROVIDER: "off",
      LOG_LEVEL: "warn",
      PUBLIC_URL: "",
    };
    // A alone first: it migrates and seeds the demo content; then B, on the same database.
    a = await serveOnFreePort("A", PORTS, ["--demo"], env);
    const portA = Number(new URL(a.base).port);
    b = await serveOnFreePort(
      "B",
      PORTS.filter((port) => port !== portA),
      [],
      env,
    );
    const printed = await haberci(["token", "create", "--email", "editor@haberci.local"], env);
    token = printed.trim().split("\n").at(-1) ?? "";
  }, 180_000); // seeding the demo pictures alone takes about 20 s

  afterAll(async () => {
    await Promise.all([stopInstance(a), stopInstance(b)]);
    await withAdmin((client) => client.query(`drop database if exists ${database} with (force)`));
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("each instance listens for the others' changes on its own connection", async () => {
    const listening = await withAdmin((client) =>
      client.query<{ n: string }>("select count(*) as n from pg_stat_activity where datname = $1 and application_name = 'haberci-relay'", [database]),
    );
    expect(Number(listening.rows[0]?.n)).toBe(2);
  });

  it("shows what A publishes and edits on B's home, article, category page and API within a second", async () => {
    if (!a || !b) throw new Error("instances not started");
    const listed = JSON.parse(await getText(`${b.base}/api/v1/articles`)) as { items: ListedArticle[] };
    const existing = listed.items[0];
    if (!existing) throw new Error("the demo content has no published article");
    const category = existing.category.slug;
    const pages = {
      home: `${b.base}/`,
      article: `${b.base}${new URL(existing.url).pathname}`,
      category: `${b.base}/haber/${category}/`,
      api: `${b.base}/api/v1/articles`,
    };
    // B reads each page twice, so whatever it keeps is kept by now.
    for (const url of [...Object.values(pages), ...Object.values(pages)]) await getText(url);
    expect(await getText(pages.article)).toContain(existing.title);

    // A new article in the existing one's category, published on A: B's lists show it.
    const mark = crypto.randomBytes(4).toString("hex");
    const title = `Çok örnekli yayın denemesi ${mark}`;
    const draft = await api(a.base, token, "POST", "/articles", { title, category, spot: "İki örnek, bir veritabanı.", body: "<p>Deneme.</p>" }, 201);
    await api(a.base, token, "POST", `/articles/${String(draft.id)}/publish`, { version: draft.version }, 200);
    const published = performance.now();
    await shownWithin({ home: pages.home, category: pages.category, api: pages.api }, title, published).catch(withLogOf(b));

    // The existing article's title edited on A: B's article page and lists show the new one.
    const current = await fetch(`${a.base}/api/v1/articles/${existing.id}`, { headers: { authorization: `Bearer ${token}` } });
    const { version } = (await current.json()) as { version: number };
    const edited = `Düzeltilmiş başlık ${mark}`;
    await api(a.base, token, "PATCH", `/articles/${existing.id}`, { version, title: edited }, 200);
    const patched = performance.now();
    await shownWithin(pages, edited, patched).catch(withLogOf(b));
  });

  it("both instances shut down cleanly on SIGTERM, relay included", async () => {
    const [codeA, codeB] = await Promise.all([stopInstance(a), stopInstance(b)]);
    expect({ A: codeA, B: codeB }).toEqual({ A: 0, B: 0 });
  });
});
