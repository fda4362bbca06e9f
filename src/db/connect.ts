import fs from "node:fs";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { LRUCache } from "lru-cache";
import pg from "pg";
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, sql } from "kysely";
import type { DatabaseTarget } from "../config.ts";
import { ConfigError, ServiceUnavailableError } from "../errors.ts";
import type { Database } from "./schema.ts";

export interface Db {
  db: Kysely<Database>;
  dialect: DatabaseTarget["dialect"];
  close(): Promise<void>;
}

const TIMESTAMPTZ_OID = 1184;
const TIMESTAMP_OID = 1114;
const INT8_OID = 20;

// Timestamps leave PostgreSQL as ISO strings, the shape SQLite stores, so one set of types serves both.
function pgTypes(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  const toIso = (value: string) => new Date(value).toISOString();
  types.setTypeParser(TIMESTAMPTZ_OID, toIso);
  types.setTypeParser(TIMESTAMP_OID, toIso);
  types.setTypeParser(INT8_OID, (value: string) => Number(value));
  return types;
}

export interface ConnectOptions {
  /** PostgreSQL only: the schema to use (tests give each run its own). */
  searchPath?: string;
  poolSize?: number;
  /** PostgreSQL only: how long a query waits for a free connection before the request is refused with 503 (ms, default 5000). */
  connectionTimeoutMs?: number;
}

/**
 * better-sqlite3 with its prepared statements kept by SQL text (the 500 most recently used): Kysely
 * prepares every query it runs, and preparing costs about as much as running a reader page's query.
 * Safe because better-sqlite3 runs each statement to completion synchronously (the app never
 * streams), and SQLite re-prepares a kept statement by itself after a schema change.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDatabase.Database {
  const statements = new LRUCache<string, SqliteDatabase.Statement>({ max: 500 });
  return new Proxy(sqlite, {
    get(target, property) {
      if (property !== "prepare") {
        const value = Reflect.get(target, property, target) as unknown;
        // Native methods must be called on the database itself, not on the proxy.
        return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      }
      return (text: string) => {
        let statement = statements.get(text);
        if (!statement) statements.set(text, (statement = target.prepare(text)));
        return statement;
      };
    },
  });
}

/** Opens the database named by the target; fails with a one-line ConfigError when it cannot. */
export async function connectDatabase(target: DatabaseTarget, options: ConnectOptions = {}): Promise<Db> {
  if (target.dialect === "sqlite") {
    let sqlite: SqliteDatabase.Database;
    try {
      if (target.file !== ":memory:") fs.mkdirSync(path.dirname(target.file), { recursive: true });
      sqlite = new SqliteDatabase(target.file);
    } catch (error) {
      throw new ConfigError(`Cannot open SQLite database ${target.file}: ${(error as Error).message}`);
    }
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    // 64 MiB of pages in the process (SQLite's default is 2 MiB): the index pages a search walks
    // stay in memory instead of being read again from the operating system on every query.
    sqlite.pragma("cache_size = -65536");
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), plugins: [new CamelCasePlugin()] });
    return { db, dialect: "sqlite", close: () => db.destroy() };
  }

  const pool = new pg.Pool({
    connectionString: target.url,
    max: options.poolSize ?? 10,
    types: pgTypes(),
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5000,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  // A connection the server ends (a DBA's pg_terminate_backend, a failover, a pooler restart) emits
  // 'error' on its client, and on the pool when idle; unheard, either ends the process. The query running
  // on it fails on its own (and is answered as an error); the connection is then thrown away, not
  // handed to the next query.
  const broken = new WeakSet<pg.PoolClient>();
  pool.on("error", () => undefined);
  pool.on("connect", (client) => {
    client.on("error", () => broken.add(client));
  });
  // Every connection busy for longer than connectionTimeoutMillis (a burst of uncached pages): the
  // request is answered 503 with Retry-After, as an overload, not 500 as a fault.
  const busyAware = {
    connect: async () => {
      try {
        const client = await pool.connect();
        const release = client.release.bind(client);
        // pg-pool sets `release` at each checkout; a broken connection is released with an error, which ends it.
        client.release = (error?: Error | boolean) => release(error ?? broken.has(client));
        return client;
      } catch (error) {
        if (error instanceof Error && error.message.startsWith("timeout exceeded when trying to connect")) {
          throw new ServiceUnavailableError("Sunucu şu anda çok yoğun; lütfen birkaç saniye sonra yeniden deneyin.", 5);
        }
        throw error;
      }
    },
    end: () => pool.end(),
  };
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: busyAware }), plugins: [new CamelCasePlugin()] });
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy();
    throw new ConfigError(`Cannot connect to PostgreSQL: ${(error as Error).message}`);
  }
  return { db, dialect: "postgres", close: () => db.destroy() };
}
