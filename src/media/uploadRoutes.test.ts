// The image queue seen from outside: a full queue answers 503 with Retry-After on the API and in the newsroom.
import crypto from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, TEST_NOW, type TestApp } from "../../test/app.ts";
import { describeEachDatabase } from "../../test/databases.ts";
import { signIn } from "../../test/session.ts";
import { installDefaults } from "../news/installDefaults.ts";
import { createApiToken } from "../newsroom/apiTokens.ts";
import { addUser } from "../newsroom/users.ts";
import { imageQueue } from "./imageQueue.ts";

function multipart(fields: Record<string, string>, file: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----haberci${crypto.randomBytes(8).toString("hex")}`;
  const parts = Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  return {
    payload: Buffer.concat([
      ...parts,
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="meydan.png"\r\nContent-Type: image/png\r\n\r\n`),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

describeEachDatabase("image uploads when the image queue is full", (get) => {
  let t: TestApp;
  let token: string;
  let png: Buffer;
  const password = "uzun-bir-parola-1";

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    const user = await addUser(db, { email: "foto@haberci.test", name: "Foto Muhabir", role: "muhabir", password, actor: null, now: TEST_NOW });
    token = await createApiToken(db, { userId: user.id, name: "ajans", actor: null, now: TEST_NOW });
    png = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#336699" } })
      .png()
      .toBuffer();
    t = await buildTestApp(db);
  });
  afterAll(async () => t?.close());

  const countImages = async () =>
    Number(
      (
        await get()
          .db.selectFrom("images")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** Fills every slot and the waiting line of the process's queue until `release()` is called. */
  const fillQueue = () => {
    let release = () => {};
    const blocked = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tasks: Promise<unknown>[] = [];
    // Add blocked work until the queue refuses one: then every slot is busy and the line is full.
    for (let i = 0; i < 1000; i++) {
      const taken = imageQueue.running + imageQueue.waiting;
      tasks.push(imageQueue.run(() => blocked).catch(() => undefined));
      if (imageQueue.running + imageQueue.waiting === taken) break;
    }
    return { release, done: () => Promise.allSettled(tasks) };
  };

  it("answers the API with 503, Retry-After and a JSON error, stores nothing, and takes the picture once there is room", async () => {
    const before = await countImages();
    const full = fillQueue();
    const { payload, headers } = multipart({ alt: "Meydanda yürüyen insanlar" }, png);
    const res = await t.app.inject({ method: "POST", url: "/api/v1/images", headers: { ...headers, authorization: `Bearer ${token}` }, payload });
    expect(res.statusCode, res.body).toBe(503);
    expect(Number(res.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(res.json()).toMatchObject({ error: { code: "unavailable", message: expect.stringContaining("yeniden deneyin") } });
    expect(await countImages()).toBe(before);

    full.release();
    await full.done();
    const again = await t.app.inject({ method: "POST", url: "/api/v1/images", headers: { ...headers, authorization: `Bearer ${token}` }, payload });
    expect(again.statusCode, again.body).toBe(201);
    expect(await countImages()).toBe(before + 1);
  });

  it("shows the newsroom a Turkish 503 page with Retry-After", async () => {
    const session = await signIn(t.app, "foto@haberci.test", password);
    const before = await countImages();
    const full = fillQueue();
    const { payload, headers } = multipart({ _csrf: session.csrf, alt: "Meydanda yürüyen insanlar" }, png);
    const res = await t.app.inject({ method: "POST", url: "/yonetim/medya", headers: { ...headers, cookie: session.cookie }, payload });
    full.release();
    await full.done();
    expect(res.statusCode, res.body).toBe(503);
    expect(Number(res.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(res.headers["content-type"]).toMatch(/text\/html/);
    expect(res.body).toContain("saniye sonra yeniden deneyin");
    expect(await countImages()).toBe(before);
  });
});
