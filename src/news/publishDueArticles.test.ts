// Scheduled publishing: due articles go live once, at their time, by the scheduler in one process
// or by several processes racing on one database.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Db, connectDatabase } from "../db/connect.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { type TestApp, buildTestApp } from "../../test/app.ts";
import { allTestDatabases, describeEachDatabase } from "../../test/databases.ts";
import { addActor, articleInput } from "../../test/newsroomFixtures.ts";
import { changeArticleStatus } from "./changeArticleStatus.ts";
import { installDefaults } from "./installDefaults.ts";
import { publishDueArticles, startScheduler } from "./publishDueArticles.ts";
import { createArticle } from "./saveArticle.ts";
import type { Actor } from "./workflow.ts";

const T0 = new Date("2026-11-27T09:00:00.000Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describeEachDatabase("publishDueArticles", (get) => {
  let editor: Actor;
  let t: TestApp;

  beforeAll(async () => {
    await installDefaults(get().db);
    editor = await addActor(get().db, "editor", "Zaman Editor");
    t = await buildTestApp(get().db);
    return () => t.close();
  });

  async function scheduled(title: string, at: Date): Promise<number> {
    const a = await createArticle(get().db, { input: articleInput({ title }), actor: editor, now: T0 });
    await changeArticleStatus(get().db, { articleId: a.id, action: "schedule", actor: editor, now: T0, at });
    return a.id;
  }
  const readerStatus = async (id: number) => (await t.app.inject(`/api/v1/articles/${id}`)).statusCode;

  it("publishes what is due with its scheduled time, leaves the rest, and never publishes one twice", async () => {
    const due = await scheduled("Vakti gelen haber", minutes(10));
    const notYet = await scheduled("Vakti gelmeyen haber", minutes(600));
    const taken = await scheduled("Zamanlaması kaldırılan haber", minutes(10));
    await changeArticleStatus(get().db, { articleId: taken, action: "unschedule", actor: editor, now: minutes(1) });

    expect((await publishDueArticles(get().db, minutes(9))).map((a) => a.id)).toEqual([]);
    // The server was down at minute 10 and catches up at minute 25: the reader sees the planned time.
    const round = await publishDueArticles(get().db, minutes(25));
    expect(round.map((a) => a.id)).toEqual([due]);
    expect(round[0]).toMatchObject({ status: "published", publishedAt: minutes(10).toISOString(), scheduledAt: null });
    expect((await t.app.inject(`/api/v1/articles/${due}`)).json()).toMatchObject({ title: "Vakti gelen haber", publishedAt: minutes(10).toISOString() });
    expect(await readerStatus(notYet)).toBe(404);
    expect(await readerStatus(taken)).toBe(404);
    expect(await publishDueArticles(get().db, minutes(26))).toEqual([]);
  });

  it("records the publication as a revision without an author and in the audit log", async () => {
    const id = await scheduled("Kayıtlı zamanlı haber", minutes(10));
    await publishDueArticles(get().db, minutes(10));
    const revision = await get()
      .db.selectFrom("articleRevisions")
      .select(["status", "authorId", "note"])
      .where("articleId", "=", id)
      .orderBy("version", "desc")
      .executeTakeFirstOrThrow();
    expect(revision).toEqual({ status: "published", authorId: null, note: "Zamanlanmış yayın" });
    const audit = await get()
      .db.selectFrom("auditLog")
      .select(["actorId", "detail"])
      .where("action", "=", "article_published")
      .where("subject", "=", `haber #${id}`)
      .execute();
    expect(audit).toEqual([{ actorId: null, detail: "Kayıtlı zamanlı haber (zamanlanmış)" }]);
  });

  it("runs a round as soon as the scheduler starts, then on its interval, and none after it stops", async () => {
    const first = await scheduled("Açılışta yayımlanan haber", minutes(5));
    let clock = minutes(6);
    const published: number[] = [];
    const options = { now: () => clock, onPublished: (a: { id: number }) => published.push(a.id) };
    // An interval of a minute: only the start-up round can publish within this test.
    const atStart = startScheduler(get().db, { ...options, everyMs: 60_000 });
    await expect.poll(() => published).toEqual([first]);
    await atStart.stop();

    const ticking = startScheduler(get().db, { ...options, everyMs: 20 });
    const second = await scheduled("Sonraki turda yayımlanan haber", minutes(30));
    clock = minutes(31);
    await expect.poll(() => published).toEqual([first, second]);
    await ticking.stop();
    const third = await scheduled("Durduktan sonra bekleyen haber", minutes(32));
    clock = minutes(40);
    await new Promise((resolve) => setTimeout(resolve, 100)); // five of its intervals
    expect(published).toEqual([first, second]);
    expect(await readerStatus(third)).toBe(404);
  });
});

const RACER = path.resolve(import.meta.dirname, "../../test/fixtures/publishDueProcess.ts");

interface Round {
  ids: number[];
  /** When the round started and ended, ms since the epoch. */
  start: number;
  end: number;
}

/** Starts one publishing round in a separate Node process against the same database; it waits at the barrier in `env.BARRIER_DIR`. */
function racer(env: Record<string, string>): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", RACER], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as Round) : reject(new Error(`racer exited ${code}: ${err}`))));
  });
}

/** Runs two racers, releases them together once both are connected and waiting, and returns their rounds. */
async function race(env: Record<string, string>): Promise<[Round, Round]> {
  const barrier = fs.mkdtempSync(path.join(os.tmpdir(), "haberci-barrier-"));
  try {
    const rounds = Promise.all([racer({ ...env, BARRIER_DIR: barrier, RACER: "a" }), racer({ ...env, BARRIER_DIR: barrier, RACER: "b" })]);
    const ready = () => ["a", "b"].every((name) => fs.existsSync(path.join(barrier, `ready-${name}`)));
    // A racer that dies before the barrier rejects `rounds`: stop waiting then, and let `rounds` report it.
    let died = false;
    rounds.catch(() => (died = true));
    await expect.poll(() => ready() || died, { timeout: 30_000, interval: 5 }).toBe(true);
    fs.writeFileSync(path.join(barrier, "go"), "");
    return await rounds;
  } finally {
    fs.rmSync(barrier, { recursive: true, force: true });
  }
}

describe("scheduled publishing across processes", { timeout: 60_000 }, () => {
  for (const target of allTestDatabases) {
    it.skipIf(!target.available)(`publishes due articles at start-up exactly once with two processes racing [${target.name}]`, async () => {
      let handle: Db;
      let env: Record<string, string>;
      let dir: string | undefined;
      if (target.name === "SQLite") {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "haberci-race-"));
        const file = path.join(dir, "race.db");
        handle = await connectDatabase({ dialect: "sqlite", file });
        await migrateToLatest(handle.db);
        env = { DATABASE_URL: `sqlite:${file}` };
      } else {
        handle = await target.open();
        const schema = (await handle.db.selectNoFrom((eb) => eb.fn<string>("current_schema").as("s")).executeTakeFirstOrThrow()).s;
        env = { DATABASE_URL: process.env.TEST_POSTGRES_URL ?? "", SEARCH_PATH: schema };
      }
      try {
        const { db } = handle;
        await installDefaults(db);
        const editor = await addActor(db, "editor", "Zamanlayici");
        const ids: number[] = [];
        for (let i = 0; i < 24; i++) {
          const a = await createArticle(db, { input: articleInput({ title: `Yarış haberi ${i}` }), actor: editor, now: T0 });
          await changeArticleStatus(db, { articleId: a.id, action: "schedule", actor: editor, now: T0, at: minutes(5) });
          ids.push(a.id);
        }
        // The servers were down at minute 5; two of them start at minute 60 and run their start-up round at once.
        const [a, b] = await race({ ...env, NOW: minutes(60).toISOString() });
        // The rounds really ran at the same time: each started before the other ended.
        expect(a.start).toBeLessThan(b.end);
        expect(b.start).toBeLessThan(a.end);
        expect([...a.ids, ...b.ids].sort((p, q) => p - q)).toEqual(ids);
        const revisions = await db.selectFrom("articleRevisions").select("articleId").where("note", "=", "Zamanlanmış yayın").execute();
        expect(revisions.map((r) => r.articleId).sort((p, q) => p - q)).toEqual(ids);
        const audits = await db.selectFrom("auditLog").select("subject").where("action", "=", "article_published").execute();
        expect(audits).toHaveLength(ids.length);

        // A scheduler catches up as soon as it starts.
        const late = await createArticle(db, { input: articleInput({ title: "Geç kalan haber" }), actor: editor, now: T0 });
        await changeArticleStatus(db, { articleId: late.id, action: "schedule", actor: editor, now: T0, at: minutes(5) });
        const published: number[] = [];
        const scheduler = startScheduler(db, { everyMs: 50, now: () => minutes(61), onPublished: (a) => published.push(a.id) });
        await expect.poll(() => published, { timeout: 5000 }).toEqual([late.id]);
        await scheduler.stop();
      } finally {
        await handle.close();
        if (dir) fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
