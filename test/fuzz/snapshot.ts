// Cheap before/after comparison of a whole test database and the media directory, for the fuzz test:
// "a refused request changes nothing". Tables are listed from the database itself (sqlite_master,
// information_schema), so a table added by a later migration is compared without anyone editing this file.
import fs from "node:fs";
import path from "node:path";
import { type Kysely, sql } from "kysely";
import type { Db } from "../../src/db/connect.ts";
import type { Database } from "../../src/db/schema.ts";

export type Row = Record<string, unknown>;

/** What one table gained and lost between two snapshots (an updated row is one removed and one added). */
export interface TableChange {
  table: string;
  added: Row[];
  removed: Row[];
}

export interface Snapshotter {
  /** Compares the database and the media directory with the previous call (or setup) and makes now the new baseline. */
  next(): Promise<TableChange[]>;
}

/**
 * Columns whose change is not a change of data, per table (snake_case, as in SQL).
 * - api_tokens.last_used_at: set when a token authenticates (at most once a minute), which rightly happens
 *   before a request is refused for its body; the test's clock is fixed, so in practice it is set once at setup.
 */
export const IGNORED_COLUMNS: Record<string, string[]> = {
  api_tokens: ["last_used_at"],
};

/** The pseudo-table under which media directory changes are reported. */
export const MEDIA_TABLE = "(media files)";

function canonical(table: string, row: Row): string {
  const ignored = IGNORED_COLUMNS[table] ?? [];
  const keys = Object.keys(row)
    .filter((k) => !ignored.includes(k))
    .sort();
  return JSON.stringify(keys.map((k) => [k, row[k]]));
}

interface TableState {
  rows: Map<string, Row>;
  /** PostgreSQL: md5 of the table's rows as text, computed by the server. */
  hash?: string;
}

function diff(table: string, before: Map<string, Row>, after: Map<string, Row>): TableChange | null {
  const added = [...after].filter(([k]) => !before.has(k)).map(([, r]) => r);
  const removed = [...before].filter(([k]) => !after.has(k)).map(([, r]) => r);
  return added.length || removed.length ? { table, added, removed } : null;
}

function mediaFiles(dir: string): Map<string, Row> {
  const files = new Map<string, Row>();
  if (!fs.existsSync(dir)) return files;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const row = { file: path.relative(dir, full), bytes: fs.statSync(full).size };
    files.set(JSON.stringify(row), row);
  }
  return files;
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

async function sqliteTables(db: Kysely<Database>): Promise<Array<{ name: string; virtual: boolean }>> {
  const { rows } = await sql<{ name: string; sql: string | null }>`select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
  const virtual = rows.filter((r) => /^create virtual table/i.test(r.sql ?? "")).map((r) => r.name);
  // FTS5 keeps its index in shadow tables named `<table>_data`, `_idx`, ...: the virtual table's rows say it all.
  return rows.filter((r) => !virtual.some((v) => r.name.startsWith(`${v}_`))).map((r) => ({ name: r.name, virtual: virtual.includes(r.name) }));
}

async function postgresTables(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  return rows.map((r) => r.name);
}

/**
 * Takes the first snapshot of `handle`'s database and of `mediaDir`, and returns a snapshotter.
 * SQLite (one in-memory connection): `total_changes()` tells in one call whether anything may have
 * been written; only then are all tables read. PostgreSQL: one query returns an md5 per table;
 * only tables whose md5 moved are read row by row.
 */
export async function createSnapshotter(handle: Db, mediaDir: string): Promise<Snapshotter> {
  // Raw snake_case column names, as in SQL; the app's CamelCasePlugin is not wanted here.
  const db = handle.db.withoutPlugins();
  const state = new Map<string, TableState>();
  let media = mediaFiles(mediaDir);

  const readRows = async (table: string, virtual = false): Promise<Map<string, Row>> => {
    const query = virtual ? `select rowid as fts_rowid, * from ${quoteIdent(table)}` : `select * from ${quoteIdent(table)}`;
    const { rows } = await sql<Row>`${sql.raw(query)}`.execute(db);
    return new Map(rows.map((r) => [canonical(table, r), r]));
  };

  const compareTables = async (tables: Array<{ name: string; virtual: boolean; hash?: string }>): Promise<TableChange[]> => {
    const changes: TableChange[] = [];
    const fresh = await Promise.all(tables.map(async (t) => ({ t, rows: await readRows(t.name, t.virtual) })));
    for (const { t, rows } of fresh) {
      const before = state.get(t.name);
      const change = before ? diff(t.name, before.rows, rows) : rows.size > 0 ? { table: t.name, added: [...rows.values()], removed: [] } : null;
      if (change) changes.push(change);
      state.set(t.name, { rows, hash: t.hash });
    }
    for (const gone of [...state.keys()].filter((name) => !tables.some((t) => t.name === name) && handle.dialect === "sqlite")) {
      changes.push({ table: gone, added: [], removed: [...(state.get(gone)?.rows.values() ?? [])] });
      state.delete(gone);
    }
    return changes;
  };

  const mediaChanges = (): TableChange[] => {
    const now = mediaFiles(mediaDir);
    const change = diff(MEDIA_TABLE, media, now);
    media = now;
    return change ? [change] : [];
  };

  if (handle.dialect === "sqlite") {
    const totalChanges = async () => (await sql<{ n: number }>`select total_changes() as n`.execute(db)).rows[0]?.n ?? -1;
    await compareTables(await sqliteTables(handle.db));
    let lastCount = await totalChanges();
    return {
      async next() {
        const count = await totalChanges();
        const tableChanges = count === lastCount ? [] : await compareTables(await sqliteTables(handle.db));
        lastCount = await totalChanges();
        return [...tableChanges, ...mediaChanges()];
      },
    };
  }

  const hashes = async (): Promise<Array<{ name: string; virtual: boolean; hash: string }>> => {
    const tables = await postgresTables(handle.db);
    if (tables.length === 0) return [];
    const query = tables
      .map((t) => `select '${t.replaceAll("'", "''")}' as name, md5(coalesce(string_agg(x::text, E'\\n' order by x::text), '')) as hash from ${quoteIdent(t)} x`)
      .join(" union all ");
    const { rows } = await sql<{ name: string; hash: string }>`${sql.raw(query)}`.execute(db);
    return rows.map((r) => ({ name: r.name, virtual: false, hash: r.hash }));
  };
  // A statement-level trigger on every table bumps a sequence; sequences ignore rollbacks, so an unchanged
  // value proves that nothing was written, and only then is the md5 query skipped. The trigger and the
  // sequence live in the suite's own schema (dropped with it) and change nothing the app reads.
  await sql`create sequence if not exists fuzz_writes`.execute(db);
  await sql`create or replace function fuzz_count_write() returns trigger language plpgsql as $$ begin perform nextval('fuzz_writes'); return null; end $$`.execute(db);
  for (const table of await postgresTables(handle.db)) {
    await sql`${sql.raw(`create or replace trigger fuzz_count_write after insert or update or delete or truncate on ${quoteIdent(table)} for each statement execute function fuzz_count_write()`)}`.execute(
      db,
    );
  }
  const writes = async () => String((await sql<{ n: string }>`select last_value::text || is_called::text as n from fuzz_writes`.execute(db)).rows[0]?.n);
  await compareTables(await hashes());
  let lastWrites = await writes();
  return {
    async next() {
      const count = await writes();
      if (count === lastWrites) return mediaChanges();
      lastWrites = count;
      const now = await hashes();
      const moved = now.filter((t) => state.get(t.name)?.hash !== t.hash);
      const gone = [...state.keys()].filter((name) => !now.some((t) => t.name === name));
      const changes = moved.length ? await compareTables(moved) : [];
      for (const name of gone) {
        changes.push({ table: name, added: [], removed: [...(state.get(name)?.rows.values() ?? [])] });
        state.delete(name);
      }
      return [...changes, ...mediaChanges()];
    },
  };
}

/** A short, readable account of a change, for the failure list: `articles: +1 −1 (title, version)`. */
export function describeChange(change: TableChange): string {
  const columns = new Set<string>();
  if (change.added.length === 1 && change.removed.length === 1) {
    const [a, r] = [change.added[0] ?? {}, change.removed[0] ?? {}];
    for (const k of Object.keys(a)) if (JSON.stringify(a[k]) !== JSON.stringify(r[k])) columns.add(k);
  }
  const counts = `+${change.added.length} −${change.removed.length}`;
  const sample = change.added[0] ?? change.removed[0];
  const hint = columns.size > 0 ? ` changed ${[...columns].join(", ")}` : sample ? ` e.g. ${shorten(JSON.stringify(sample), 160)}` : "";
  return `${change.table}: ${counts}${hint}`;
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
