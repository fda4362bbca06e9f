// CLI entry: haberci serve | migrate | seed --demo. Errors are one line and a non-zero exit.
import { parseArgs } from "node:util";
import { type Config, loadConfig } from "./config.ts";
import { ConfigError } from "./errors.ts";

class UsageError extends Error {}

const MAIN_HELP = `Usage: haberci <command> [options]

Commands:
  serve       Migrate the database and serve the site (--demo fills an empty database with demo content)
  migrate     Apply pending database migrations
  seed        Fill the database with content (--demo)

Run "haberci <command> --help" for a command's options.
Environment: PORT (3000), HOST (127.0.0.1), DATABASE_URL (sqlite:./data/haberci.db),
             DATA_DIR (./data), PUBLIC_URL (http://localhost:PORT), LOG_LEVEL (info)`;

const HELP: Record<string, string> = {
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

async function runServe(config: Config, demo: boolean): Promise<void> {
  const { seedDemo } = await import("./news/seedDemo.ts");
  const { buildApp } = await import("./app.ts");
  const handle = await openMigrated(config);
  if (demo) {
    const result = await seedDemo(handle.db, { dataDir: config.dataDir, now: new Date(), log: (l) => console.log(l) });
    if (!result.seeded) console.log(`Demo content not added: ${result.reason}.`);
  }
  const app = await buildApp({
    db: handle.db,
    dataDir: config.dataDir,
    publicUrl: config.publicUrl,
    logger: { level: config.logLevel },
  });
  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: shutting down`);
    await app.close();
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

export async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    console.log(MAIN_HELP);
    return;
  }
  const help = HELP[command];
  if (!help) throw new UsageError(`unknown command "${command}" (try: haberci --help)`);
  let values: { help?: boolean; demo?: boolean };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { help: { type: "boolean", short: "h" }, demo: { type: "boolean" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message.split("\n")[0]} (try: haberci ${command} --help)`);
  }
  if (values.help) {
    console.log(help);
    return;
  }
  if (command === "migrate" && values.demo) throw new UsageError("migrate: --demo belongs to seed and serve (try: haberci migrate --help)");
  const config = loadConfig();
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
