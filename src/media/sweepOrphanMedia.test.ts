import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases.ts";
import { storageKeyOfFile } from "./storage.ts";
import { insertImage } from "./store.ts";
import { ORPHAN_GRACE_MS, startMediaSweeper, sweepOrphanMedia } from "./sweepOrphanMedia.ts";

const now = new Date("2026-11-27T12:00:00Z");
const HOUR = 3_600_000;

describeEachDatabase("sweepOrphanMedia", (get) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "haberci-sweep-"));
  const media = path.join(dataDir, "media");
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  /** Writes a picture's files as storeImageVariants names them (two share crops too), last modified at `at`. */
  const writePicture = (key: string, at: Date, widths = [320, 640]) => {
    const files = [...widths.map((w) => `${key}-${w}.webp`), `${key}.jpg`, `${key}.16x9.jpg`, `${key}.og.jpg`];
    for (const file of files) {
      const full = path.join(media, file);
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, "görsel");
      fs.utimesSync(full, at, at);
    }
    return files;
  };
  const exists = (file: string) => fs.existsSync(path.join(media, file));
  const addRow = (storageKey: string) =>
    get()
      .db.transaction()
      .execute((trx) =>
        insertImage(trx, {
          storageKey,
          width: 640,
          height: 480,
          variantWidths: "320,640",
          hasFallback: 1,
          caption: "",
          credit: "AA",
          alt: "Bir görsel",
          createdAt: now.toISOString(),
        }),
      );
  const old = new Date(now.getTime() - 2 * HOUR);

  it("spares everything while the images table is empty (a wrong DATABASE_URL must not empty the media directory)", async () => {
    const files = writePicture("2026/10/bosVeritabani", old);
    expect(await sweepOrphanMedia(get().db, dataDir, now)).toEqual({ removed: 0, spared: 5 });
    expect(files.every(exists)).toBe(true);
    for (const f of files) fs.rmSync(path.join(media, f));
  });

  it("removes the files of an upload that never got its row, once older than the grace period, and nothing else", async () => {
    const kept = writePicture("2026/11/kayitliGorsel", old, [320, 640, 960]);
    await addRow("2026/11/kayitliGorsel");
    const demo = writePicture("demo/0123456789ab", old);
    await addRow("demo/0123456789ab");
    const crashed = writePicture("2026/11/yarimKalan-1", old); // a key may end in "-digits" itself
    const inFlight = writePicture("2026/11/suAnYukleniyor", new Date(now.getTime() - ORPHAN_GRACE_MS + 60_000));
    // Files not named like a picture's variants are not the sweep's business.
    fs.writeFileSync(path.join(media, "2026/11/BENIOKU.txt"), "elle konmuş dosya");
    fs.utimesSync(path.join(media, "2026/11/BENIOKU.txt"), old, old);

    expect(await sweepOrphanMedia(get().db, dataDir, now)).toEqual({ removed: 5, spared: 0 });
    expect(crashed.some(exists)).toBe(false);
    expect([...kept, ...demo, ...inFlight, "2026/11/BENIOKU.txt"].every(exists)).toBe(true);

    // An hour later the upload that was in flight has not committed either: now it goes.
    expect(await sweepOrphanMedia(get().db, dataDir, new Date(now.getTime() + HOUR))).toEqual({ removed: 5, spared: 0 });
    expect(inFlight.some(exists)).toBe(false);
    expect([...kept, ...demo].every(exists)).toBe(true);
  });

  it("runs at start-up and then on its schedule, logging what it removed, and stops cleanly", async () => {
    const first = writePicture("2026/11/ilkTur", old);
    const lines: string[] = [];
    const sweeper = startMediaSweeper(get().db, dataDir, {
      everyMs: 50,
      now: () => now,
      log: { info: (m) => lines.push(m), warn: (m) => lines.push(m) },
      onError: (e) => lines.push(String(e)),
    });
    await expect.poll(() => first.some(exists), { timeout: 5_000 }).toBe(false);
    const second = writePicture("2026/11/ikinciTur", old);
    await expect.poll(() => second.some(exists), { timeout: 5_000 }).toBe(false);
    await sweeper.stop();
    expect(lines.filter((l) => l.includes("removed 5 files")).length).toBeGreaterThanOrEqual(2);
    const third = writePicture("2026/11/durduktanSonra", old);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(third.every(exists)).toBe(true);
  });
});

it("reads a storage key from a variant's file name", () => {
  expect(storageKeyOfFile("2026/11/abc-320.webp")).toBe("2026/11/abc");
  expect(storageKeyOfFile("2026/11/abc-12-1920.webp")).toBe("2026/11/abc-12");
  expect(storageKeyOfFile("2026/11/abc.jpg")).toBe("2026/11/abc");
  expect(storageKeyOfFile("2026/11/abc.16x9.jpg")).toBe("2026/11/abc");
  expect(storageKeyOfFile("2026/11/abc.og.jpg")).toBe("2026/11/abc");
  expect(storageKeyOfFile("2026/11/abc.webp")).toBeNull();
  expect(storageKeyOfFile("2026/11/BENIOKU.txt")).toBeNull();
});
