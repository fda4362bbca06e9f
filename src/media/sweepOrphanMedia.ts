// Removes picture files that no images row points to: what an upload leaves behind when the process dies after
// writing the variants and before committing the row (uploadImage cleans up after every error it sees itself).
import fs from "node:fs/promises";
import { repeatEvery } from "../lib/repeatEvery.ts";
import path from "node:path";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { mediaDir, storageKeyOfFile } from "./storage.ts";
import { findStoredKeys, hasAnyImage } from "./store.ts";

const HOUR_MS = 3_600_000;

/**
 * How old a file must be before the sweep may remove it: one hour. An upload writes its files and commits its row
 * within seconds (it waits in the image queue before writing anything), so a file younger than this may belong to
 * an upload still in flight, in this process or in another instance sharing the media directory.
 */
export const ORPHAN_GRACE_MS = HOUR_MS;

export interface SweepReport {
  /** Orphan files removed. */
  removed: number;
  /**
   * Orphan files left in place because the images table is empty: a wrong DATABASE_URL pointed at a fresh
   * database must not empty a shared media directory.
   */
  spared: number;
}

/** Files under `dir` (relative paths), streamed so a large media directory is never held in memory at once. */
async function* walk(root: string, dir = ""): AsyncGenerator<string> {
  let handle;
  try {
    handle = await fs.opendir(path.join(root, dir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  for await (const entry of handle) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(root, relative);
    else if (entry.isFile()) yield relative;
  }
}

/**
 * Deletes the files under DATA_DIR/media named like a picture's variants (`${key}-${w}.webp`, `${key}.jpg`, see
 * storage.ts) whose key has no images row and whose modification time is more than `graceMs` before `now`.
 * Other files, and symbolic links, are left alone. Nothing is deleted while the images table is empty.
 */
export async function sweepOrphanMedia(db: Kysely<Database>, dataDir: string, now: Date, graceMs: number = ORPHAN_GRACE_MS): Promise<SweepReport> {
  const root = mediaDir(dataDir);
  const cutoff = now.getTime() - graceMs;
  const anyImage = await hasAnyImage(db);
  const report: SweepReport = { removed: 0, spared: 0 };
  let batch = new Map<string, string[]>();

  const settle = async () => {
    const keys = [...batch.keys()];
    const stored = await findStoredKeys(db, keys);
    for (const key of keys) {
      if (stored.has(key)) continue;
      const files = batch.get(key) ?? [];
      if (!anyImage) {
        report.spared += files.length;
        continue;
      }
      await Promise.all(files.map((file) => fs.rm(path.join(root, file), { force: true })));
      report.removed += files.length;
    }
    batch = new Map();
  };

  for await (const file of walk(root)) {
    const key = storageKeyOfFile(file);
    if (key === null) continue;
    const stat = await fs.lstat(path.join(root, file)).catch(() => null);
    if (!stat || stat.mtimeMs > cutoff) continue;
    batch.set(key, [...(batch.get(key) ?? []), file]);
    if (batch.size >= 1000) await settle();
  }
  if (batch.size > 0) await settle();
  return report;
}

export interface MediaSweeper {
  /** Stops the schedule and waits for a sweep in progress. */
  stop(): Promise<void>;
}

/**
 * Sweeps at once (start-up), then every `everyMs` (one hour by default) on an unref'd timer, never two at a time.
 * Removals are logged with `info`; orphans spared because the images table is empty with `warn`; failures go to `onError`.
 */
export function startMediaSweeper(
  db: Kysely<Database>,
  dataDir: string,
  options: { everyMs?: number; now?: () => Date; log: { info: (m: string) => void; warn: (m: string) => void }; onError: (e: unknown) => void },
): MediaSweeper {
  const now = options.now ?? (() => new Date());
  return repeatEvery(
    options.everyMs ?? HOUR_MS,
    async () => {
      const { removed, spared } = await sweepOrphanMedia(db, dataDir, now());
      if (removed > 0) options.log.info(`media sweep: removed ${removed} files of uploads that never got a database row`);
      if (spared > 0) options.log.warn(`media sweep: ${spared} files have no images row, but the images table is empty; left in place (check DATABASE_URL and DATA_DIR)`);
    },
    options.onError,
  );
}
