// CLI entry: haberci serve | migrate | seed --demo. Errors are one line and a non-zero exit.
import { parseArgs } from "node:util";
import type { Kysely } from "kysely";
import { type Config, loadConfig } from "./config.ts";
import type { Database } from "./db/schema.ts";
import { ConfigError } from "./errors.ts";

class UsageError extends Error {}

const MAIN_HELP = `Usage: haberci <command> [options]

Commands:
  serve       Migrate the database and serve the site (--demo fills an empty database with demo content)
  migrate     Apply pending database migrations
  seed        Fill the database with content (--demo)
  reindex     Rebuild the search index
  crops       Make the share crops (16:9, 4:3, 1:1, Open Graph) of pictures stored without them
  user        Manage newsroom users: user add | user passwd | user disable
  token       Create an API token: token create

Run "haberci <command> --help" for a command's options.
Environment: PORT (3000), HOST (127.0.0.1), DATABASE_URL (sqlite:./data/haberci.db),
             DATA_DIR (./data), PUBLIC_URL (http://localhost:PORT), LOG_LEVEL (info), MAX_UPLOAD_MB (20),
             WEATHER_PROVIDER (open-meteo|mgm|off), OPEN_METEO_URL, OPEN_METEO_API_KEY, MGM_URL,
             WEATHER_REFRESH_SECONDS (900), WEATHER_TIMEOUT_MS (10000),
             PAGE_CACHE_MB (256; 0 turns the page cache off), PAGE_CACHE_GRACE_MS (1000),
             METRICS_TOKEN (unset: /metrics answers 404), WEBSUB_HUB_URL (unset: no WebSub hub),
             CDN_PURGER (off|fastly|cloudflare|varnish) and its settings: see docs/cdn.md`;

const HELP: Record<string, string> = {
  reindex: `Usage: haberci reindex

Rebuilds the search index of every article from scratch, with a progress bar.
The index normally follows every save by itself; use this after a restore or an upgrade.
  --help    show this help`,
  crops: `Usage: haberci crops

Cuts the share crops (JPEG 16:9, 4:3, 1:1 and the 1200x630 Open Graph card) of every picture stored
before they existed, from its largest stored size, with a progress bar. "haberci serve" does the same in
the background at start-up; run this to have it done before serving. Pictures whose files are missing are
listed and left for the next run.
  --help    show this help`,
  user: `Usage: haberci user add --email E --name N --role muhabir|editor|yonetici [--password-stdin]
       haberci user passwd --email E [--password-stdin]
       haberci user disable --email E

The password is asked for at a prompt (not shown), or read from standard input with --password-stdin.
Disabling a user ends their sessions at once and stops their API tokens.
  --help    show this help`,
  token: `Usage: haberci token create --email E [--name LABEL]

Creates an API token with the role of the user; prints it once, alone on the last line.
  --help    show this help`,
  serve: `Usage: haberci serve [--demo]

Applies pending migrations, then serves the reader site and the API on HOST:PORT.
  --demo    when the database has no articles, fill it with the demo content first
  --help    show this help`,
  migrate: `Usage: haberci migrate

Applies pending database migrations to DATABASE_URL and installs the default categories and sources.
  --help    show this help`,
  seed: `Usage: haberci seed --demo

Fills an empty database with the demo articles and generates their pictures under DATA_DIR/media.
Does nothing when the database already has articles.
  --demo    seed the demo content (required)
  --help    show this help`,
};

// Heavy modules load only for the command that needs them, so --help and argument errors answer at once.
async function openMigrated(config: Config) {
  const { connectDatabase } = await import("./db/connect.ts");
  const { migrateToLatest } = await import("./db/migrate.ts");
  const { installDefaults } = await import("./news/installDefaults.ts");
  const handle = await connectDatabase(config.database);
  try {
    await migrateToLatest(handle.db);
    await installDefaults(handle.db);
    const { ensureSearchIndex } = await import("./search/reindex.ts");
    await ensureSearchIndex(handle.db, (line) => console.log(line));
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

async function runSeed(config: Config): Promise<void> {
  const { seedDemo } = await import("./news/seedDemo.ts");
  const handle = await openMigrated(config);
  try {
    const result = await seedDemo(handle.db, { dataDir: config.dataDir, now: new Date(), log: (l) => console.log(l) });
    if (!result.seeded) console.log(`Nothing seeded: ${result.reason}.`);
  } finally {
    await handle.close();
  }
}

/** `npm start` gives a fresh site one editor, with a random password shown once. */
async function ensureDemoEditor(db: Kysely<Database>, publicUrl: string): Promise<void> {
  const { countUsers } = await import("./newsroom/store.ts");
  const { addUser } = await import("./newsroom/users.ts");
  const { randomToken } = await import("./newsroom/secrets.ts");
  if ((await countUsers(db)) > 0) return;
  const password = randomToken(12);
  await addUser(db, { email: "editor@haberci.local", name: "Demo Editör", role: "yonetici", password, actor: null, now: new Date() });
  console.log(`\nNewsroom: ${publicUrl}/yonetim/  sign in as editor@haberci.local with password:`);
  console.log(`  ${password}`);
  console.log("(shown only now; change it under Parola, or with: npm run haberci -- user passwd --email editor@haberci.local)\n");
}

async function runServe(config: Config, demo: boolean): Promise<void> {
  // The CDN settings are checked before anything is written (a demo editor's one-time password included).
  const { purgerConfigFromEnv } = await import("./cache/purgers/config.ts");
  const purgerConfig = purgerConfigFromEnv(process.env);
  const { seedDemo } = await import("./news/seedDemo.ts");
  const { buildApp } = await import("./app.ts");
  const { startScheduler } = await import("./news/publishDueArticles.ts");
  const { createWeatherProvider } = await import("./weather/createProvider.ts");
  const { startWeatherRefresher } = await import("./weather/refresher.ts");
  const handle = await openMigrated(config);
  if (demo) {
    const result = await seedDemo(handle.db, { dataDir: config.dataDir, now: new Date(), log: (l) => console.log(l) });
    if (!result.seeded) console.log(`Demo content not added: ${result.reason}.`);
    await ensureDemoEditor(handle.db, config.publicUrl);
  }
  const { createMetrics } = await import("./metrics/metrics.ts");
  const { createPurger } = await import("./cache/purgers/createPurger.ts");
  const { startPurgeQueue } = await import("./cache/purgers/purgeQueue.ts");
  const metrics = createMetrics();
  // The CDN is told what to drop after each change made here; an outage never holds up a publish.
  const purger = createPurger(purgerConfig);
  let purges: ReturnType<typeof startPurgeQueue> | null = null;
  const app = await buildApp({
    db: handle.db,
    dataDir: config.dataDir,
    publicUrl: config.publicUrl,
    logger: { level: config.logLevel },
    maxUploadBytes: config.maxUploadBytes,
    trustProxy: config.trustProxy,
    pageCache: { ...config.pageCache, maxAgeMs: (config.weather.refreshSeconds + 60) * 1000 },
    purge: (keys) => purges?.enqueue(keys),
    metrics,
    metricsToken: config.metricsToken,
    websubHubUrl: config.websubHubUrl,
  });
  if (purger) {
    purges = startPurgeQueue(purger, { log: app.log, onRound: (result) => metrics.cdnPurges.inc({ result }) });
    metrics.observePurges(() => purges?.stats() ?? { pendingKeys: 0 });
    app.log.info(`CDN purger: ${purger.name}`);
  }
  // On PostgreSQL, changes made here reach the other instances and theirs reach this one (LISTEN/NOTIFY).
  // Started before the scheduler's first round, so what that round publishes is relayed too.
  const { startChangeRelay } = await import("./cache/relay.ts");
  const relay =
    config.database.dialect === "postgres"
      ? await startChangeRelay({
          url: config.database.url,
          log: app.log,
          onLag: (seconds) => metrics.notifyLag.observe(seconds),
          onReconnect: () => metrics.notifyReconnects.inc(),
        })
      : null;
  // Publishes what fell due while the server was down, then checks every second.
  const scheduler = startScheduler(handle.db, {
    onError: (err) => app.log.error({ err }, "scheduled publishing failed"),
    onPublished: (a) => app.log.info({ articleId: a.id }, "scheduled article published"),
  });
  // Weather is fetched in the background only, never on a reader's request.
  const provider = createWeatherProvider(config.weather);
  const weather = provider
    ? startWeatherRefresher(handle.db, provider, { everySeconds: config.weather.refreshSeconds, log: { info: (m) => app.log.info(m), warn: (m) => app.log.warn(m) } })
    : null;
  if (weather) metrics.observeWeather(() => weather.state());
  // Removes picture files left by uploads that died before their database row: now, then hourly.
  const { startMediaSweeper } = await import("./media/sweepOrphanMedia.ts");
  const mediaSweeper = startMediaSweeper(handle.db, config.dataDir, {
    log: { info: (m) => app.log.info(m), warn: (m) => app.log.warn(m) },
    onError: (err) => app.log.error({ err }, "media sweep failed"),
  });
  // Pictures stored before share crops existed get them in the background, one at a time (haberci crops).
  const { makeMissingShareCrops } = await import("./media/makeMissingShareCrops.ts");
  void makeMissingShareCrops(handle.db, config.dataDir, { onMissing: (key) => app.log.warn(`share crops: the largest variant of ${key} is missing`) }).then(
    ({ made }) => {
      if (made > 0) app.log.info(`share crops made for ${made} older pictures`);
    },
    (err: unknown) => app.log.error({ err }, "making share crops failed"),
  );
  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: shutting down`);
    weather?.stop();
    await mediaSweeper.stop();
    await scheduler.stop();
    await app.close();
    // After the app and the scheduler: changes they finish while closing still reach the other instances.
    await relay?.stop();
    await purges?.stop();
    await handle.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await handle.close();
    throw new ConfigError(`Cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`);
  }
  console.log(`Haberci is running at ${config.publicUrl}/`);
}

async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    const { text } = await import("node:stream/consumers");
    return (await text(process.stdin)).replace(/\r?\n$/, "");
  }
  const { createInterface } = await import("node:readline");
  const { Writable } = await import("node:stream");
  // Echo nothing while the password is typed.
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  process.stdout.write("Password: ");
  muted = true;
  const answer = await new Promise<string>((resolve) => rl.question("", resolve));
  rl.close();
  process.stdout.write("\n");
  return answer;
}

async function runAccounts(
  command: "user" | "token",
  positionals: string[],
  values: { email?: string; name?: string; role?: string; "password-stdin"?: boolean },
): Promise<void> {
  const sub = positionals[0];
  const valid = command === "user" ? ["add", "passwd", "disable"] : ["create"];
  if (!sub || !valid.includes(sub) || positionals.length > 1) {
    throw new UsageError(`${command}: expected one of ${valid.join(", ")} (try: haberci ${command} --help)`);
  }
  if (!values.email) throw new UsageError(`${command} ${sub}: --email is required (try: haberci ${command} --help)`);
  const email = values.email;
  const { isRole, addUser, setUserPassword, setUserDisabled, findUserIdByEmail } = await import("./newsroom/users.ts");
  if (command === "user" && sub === "add") {
    if (!values.name) throw new UsageError("user add: --name is required (try: haberci user --help)");
    if (!values.role || !isRole(values.role)) throw new UsageError("user add: --role must be muhabir, editor or yonetici");
  }
  const config = loadConfig();
  const password = command === "user" && sub !== "disable" ? await readPassword(values["password-stdin"] === true) : "";
  const handle = await openMigrated(config);
  try {
    const now = new Date();
    if (command === "token") {
      const { createApiToken } = await import("./newsroom/apiTokens.ts");
      const userId = await findUserIdByEmail(handle.db, email);
      const token = await createApiToken(handle.db, { userId, name: values.name ?? "API", actor: null, now });
      console.log(`API token for ${email} (shown once; store it safely):`);
      console.log(token);
    } else if (sub === "add") {
      const role = values.role && isRole(values.role) ? values.role : "muhabir";
      const user = await addUser(handle.db, { email, name: values.name ?? "", role, password, actor: null, now });
      console.log(`Added ${user.email} (${user.role}).`);
    } else if (sub === "passwd") {
      await setUserPassword(handle.db, { userId: await findUserIdByEmail(handle.db, email), password, actor: null, now });
      console.log(`Password changed for ${email}; their sessions have ended.`);
    } else {
      await setUserDisabled(handle.db, { userId: await findUserIdByEmail(handle.db, email), disabled: true, actor: null, now });
      console.log(`Disabled ${email}; their sessions and API tokens no longer work.`);
    }
  } finally {
    await handle.close();
  }
}

export async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    console.log(MAIN_HELP);
    return;
  }
  const help = HELP[command];
  if (!help) throw new UsageError(`unknown command "${command}" (try: haberci --help)`);
  let values: { help?: boolean; demo?: boolean; email?: string; name?: string; role?: string; "password-stdin"?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: rest,
      options: {
        help: { type: "boolean", short: "h" },
        demo: { type: "boolean" },
        email: { type: "string" },
        name: { type: "string" },
        role: { type: "string" },
        "password-stdin": { type: "boolean" },
      },
      strict: true,
      allowPositionals: command === "user" || command === "token",
    }));
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message.split("\n")[0]} (try: haberci ${command} --help)`);
  }
  if (values.help) {
    console.log(help);
    return;
  }
  if (command === "migrate" && values.demo) throw new UsageError("migrate: --demo belongs to seed and serve (try: haberci migrate --help)");
  if (command === "user" || command === "token") {
    await runAccounts(command, positionals, values);
    return;
  }
  const config = loadConfig();
  if (command === "reindex") {
    if (values.demo) throw new UsageError("reindex: --demo belongs to seed and serve (try: haberci reindex --help)");
    const { reindexAll } = await import("./search/reindex.ts");
    const { progressBar } = await import("./lib/progressBar.ts");
    const handle = await openMigrated(config);
    const bar = progressBar();
    try {
      const count = await reindexAll(handle.db, (done, total) => bar.update(done, total));
      bar.stop();
      console.log(`Indexed ${count} articles.`);
    } finally {
      bar.stop();
      await handle.close();
    }
    return;
  }
  if (command === "crops") {
    if (values.demo) throw new UsageError("crops: --demo belongs to seed and serve (try: haberci crops --help)");
    const { makeMissingShareCrops } = await import("./media/makeMissingShareCrops.ts");
    const { progressBar } = await import("./lib/progressBar.ts");
    const handle = await openMigrated(config);
    const bar = progressBar();
    const missing: string[] = [];
    try {
      const report = await makeMissingShareCrops(handle.db, config.dataDir, {
        onProgress: (done, total) => bar.update(done, total),
        onMissing: (key) => missing.push(key),
      });
      bar.stop();
      console.log(`Share crops made for ${report.made} pictures.`);
      if (missing.length > 0) console.log(`Largest variant missing for ${missing.length}: ${missing.slice(0, 20).join(", ")}${missing.length > 20 ? ", ..." : ""}`);
    } finally {
      bar.stop();
      await handle.close();
    }
    return;
  }
  if (command === "migrate") {
    const handle = await openMigrated(config);
    await handle.close();
    console.log("Database is up to date.");
  } else if (command === "seed") {
    if (!values.demo) throw new UsageError("seed: say what to seed: --demo (try: haberci seed --help)");
    await runSeed(config);
  } else {
    await runServe(config, values.demo === true);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`haberci: ${message.split("\n")[0]}`);
  if (process.env.DEBUG) console.error(error);
  process.exit(error instanceof UsageError ? 2 : 1);
});
