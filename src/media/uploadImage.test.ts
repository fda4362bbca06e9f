import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases.ts";
import { ServiceUnavailableError } from "../errors.ts";
import type { Actor } from "../news/workflow.ts";
import { addUser } from "../newsroom/users.ts";
import { type ImageQueue, createImageQueue } from "./imageQueue.ts";
import { shareImagesOf } from "./pictureUrls.ts";
import { uploadImage } from "./uploadImage.ts";

const MB = 1_048_576;

describeEachDatabase("uploadImage", (get) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "haberci-upload-"));
  let actor: Actor;
  let jpegWithGps: Buffer;
  const now = new Date("2026-11-27T12:00:00Z");

  beforeAll(async () => {
    const user = await addUser(get().db, { email: "foto@haberci.test", name: "Foto Muhabir", role: "muhabir", password: "uzun-bir-parola-1", actor: null, now });
    actor = { id: user.id, name: user.name, role: user.role };
    jpegWithGps = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: "#336699" } })
      .jpeg()
      .withExif({ IFD0: { Copyright: "Ajans" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "39/1 55/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "32/1 51/1 0/1" } })
      .toBuffer();
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const upload = (data: Buffer, extra: Partial<{ alt: string; maxBytes: number; queue: ImageQueue }> = {}) =>
    uploadImage(get().db, {
      data,
      caption: "Kızılay Meydanı",
      credit: "AA",
      alt: extra.alt ?? "Meydanda yürüyen insanlar",
      actor,
      now,
      dataDir,
      maxBytes: extra.maxBytes ?? 20 * MB,
      ...(extra.queue ? { queue: extra.queue } : {}),
    });

  /** Every file under the media directory, relative to it. */
  const mediaFiles = () => {
    const root = path.join(dataDir, "media");
    return fs.existsSync(root)
      ? fs
          .readdirSync(root, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => path.join(e.parentPath, e.name))
      : [];
  };

  const countImages = async () =>
    Number(
      (
        await get()
          .db.selectFrom("images")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("stores WebP variants and a JPEG fallback, keeps caption, credit and alt, and drops the location", async () => {
    expect((await sharp(jpegWithGps).metadata()).exif).toBeDefined();
    const image = await upload(jpegWithGps);
    expect(image).toMatchObject({
      width: 2400,
      height: 1600,
      variantWidths: "320,640,960,1280,1920",
      caption: "Kızılay Meydanı",
      credit: "AA",
      alt: "Meydanda yürüyen insanlar",
      hasFallback: 1,
    });
    for (const w of [320, 640, 960, 1280, 1920]) {
      const file = path.join(dataDir, "media", `${image.storageKey}-${w}.webp`);
      const meta = await sharp(file).metadata();
      expect(meta.format).toBe("webp");
      expect(meta.width).toBe(w);
      expect(meta.exif).toBeUndefined();
    }
    const fallback = await sharp(path.join(dataDir, "media", `${image.storageKey}.jpg`)).metadata();
    expect(fallback.format).toBe("jpeg");
    expect(fallback.exif).toBeUndefined();
  });

  it("cuts 16:9, 4:3 and 1:1 JPEG crops and a 1200×630 card from the largest size, none under 300,000 pixels", async () => {
    const image = await upload(jpegWithGps);
    expect(image.hasShareCrops).toBe(1);
    const share = shareImagesOf(image);
    expect(share).toEqual({
      wide: { url: `/medya/${image.storageKey}.16x9.jpg`, width: 1920, height: 1080 },
      standard: { url: `/medya/${image.storageKey}.4x3.jpg`, width: 1704, height: 1278 },
      square: { url: `/medya/${image.storageKey}.1x1.jpg`, width: 1280, height: 1280 },
      og: { url: `/medya/${image.storageKey}.og.jpg`, width: 1200, height: 630 },
    });
    for (const crop of Object.values(share ?? {})) {
      if (!crop) continue;
      const meta = await sharp(path.join(dataDir, crop.url.replace("/medya/", "media/"))).metadata();
      expect(meta).toMatchObject({ format: "jpeg", width: crop.width, height: crop.height });
      expect(crop.width * crop.height).toBeGreaterThanOrEqual(300_000);
      expect(meta.exif).toBeUndefined();
    }
  });

  it("makes no crop a small picture cannot fill", async () => {
    const small = await upload(
      await sharp({ create: { width: 900, height: 600, channels: 3, background: "#224466" } })
        .png()
        .toBuffer(),
    );
    const share = shareImagesOf(small);
    expect(share?.wide).toBeNull();
    expect(share?.og).toBeNull();
    expect(share?.square).toMatchObject({ width: 600, height: 600 });
    expect(fs.existsSync(path.join(dataDir, "media", `${small.storageKey}.16x9.jpg`))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, "media", `${small.storageKey}.og.jpg`))).toBe(false);
  });

  it("accepts PNG, WebP, AVIF and GIF, deciding the type from the content", async () => {
    const base = sharp({ create: { width: 400, height: 300, channels: 3, background: "#aa3300" } });
    for (const data of [
      await base.clone().png().toBuffer(),
      await base.clone().webp().toBuffer(),
      await base.clone().avif({ effort: 0 }).toBuffer(),
      await base.clone().gif().toBuffer(),
    ]) {
      const image = await upload(data);
      expect(image.variantWidths).toBe("320,400");
    }
  });

  it("keeps an animated GIF moving: every WebP variant has all its frames, the JPEG fallback is its first", async () => {
    const frames = await Promise.all(
      ["#cc0000", "#00aa00", "#0000cc"].map((background) =>
        sharp({ create: { width: 480, height: 270, channels: 3, background } })
          .png()
          .toBuffer(),
      ),
    );
    const gif = await sharp(frames, { join: { animated: true } })
      .gif({ delay: [200, 200, 200] })
      .toBuffer();
    const image = await upload(gif);
    expect(image.variantWidths).toBe("320,480");
    for (const width of [320, 480]) {
      const meta = await sharp(path.join(dataDir, "media", `${image.storageKey}-${width}.webp`), { animated: true }).metadata();
      expect(meta.pages, `${width} px variant`).toBe(3);
      expect(meta.pageHeight ?? meta.height).toBe(Math.round((270 * width) / 480));
    }
    const fallback = await sharp(path.join(dataDir, "media", `${image.storageKey}.jpg`)).metadata();
    expect(fallback).toMatchObject({ format: "jpeg", width: 480, height: 270 });
  });

  it.each([
    ["a text file renamed to .jpg", () => Buffer.from("Bu bir görsel değil, sadece metin.\n"), /görsel değil ya da bozuk/],
    ["an SVG (not an accepted type)", () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'), /desteklenmiyor/],
    ["an empty file", () => Buffer.alloc(0), /Dosya boş/],
  ])("refuses %s and stores nothing", async (_name, make, message) => {
    const before = await countImages();
    await expect(upload(make())).rejects.toThrow(message);
    expect(await countImages()).toBe(before);
  });

  it("refuses a truncated image and stores nothing", async () => {
    const before = await countImages();
    await expect(upload(jpegWithGps.subarray(0, Math.floor(jpegWithGps.length / 2)))).rejects.toThrow(/bozuk/);
    expect(await countImages()).toBe(before);
  });

  it("refuses a file over the size limit", async () => {
    await expect(upload(jpegWithGps, { maxBytes: 1000 })).rejects.toThrow(/Dosya çok büyük: en çok 1 KB/);
  });

  it("asks for alt text", async () => {
    await expect(upload(jpegWithGps, { alt: " " })).rejects.toMatchObject({ fields: { alt: expect.stringContaining("Alternatif metin") } });
  });

  it("refuses six 100-megapixel PNGs sent at once as too large in pixels, before decoding, and stores nothing", async () => {
    const huge = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: "#336699" } })
      .png()
      .toBuffer();
    expect(huge.length).toBeLessThan(2 * MB);
    const rowsBefore = await countImages();
    const filesBefore = mediaFiles();
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => upload(huge)));
    for (const result of results) {
      expect(result.status).toBe("rejected");
      if (result.status === "rejected") {
        expect(result.reason).toMatchObject({
          code: "invalid_input",
          message: "Görsel çok büyük: en çok 50 megapiksel olabilir (yüklenen: 100 megapiksel, 10000×10000). Küçültüp yeniden yükleyin.",
          fields: { file: "Görselin piksel sayısı çok büyük." },
        });
      }
    }
    expect(await countImages()).toBe(rowsBefore);
    expect(mediaFiles()).toEqual(filesBefore);
  });

  it("stores a picture just under the pixel limit", async () => {
    const under = await sharp({ create: { width: 7071, height: 7071, channels: 3, background: "#996633" } })
      .png()
      .toBuffer(); // 49.99 MP
    const image = await upload(under);
    expect(image).toMatchObject({ width: 7071, height: 7071, variantWidths: "320,640,960,1280,1920" });
    expect((await sharp(path.join(dataDir, "media", `${image.storageKey}-1920.webp`)).metadata()).height).toBe(1920);
  });

  it("keeps the proportions and orientation of a rotated camera photo in every variant", async () => {
    const upright = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: "#336699" } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const image = await upload(upright);
    expect(image).toMatchObject({ width: 1600, height: 2400, variantWidths: "320,640,960,1280,1600" });
    for (const [file, width, height] of [
      ["-320.webp", 320, 480],
      ["-1600.webp", 1600, 2400],
      [".jpg", 1280, 1920],
    ] as const) {
      expect(await sharp(path.join(dataDir, "media", `${image.storageKey}${file}`)).metadata()).toMatchObject({ width, height });
    }
  });

  it("answers 'busy, retry later' when the image queue is full, and stores nothing", async () => {
    const queue = createImageQueue({ concurrency: 1, maxWaiting: 1 });
    let release = () => {};
    const blocked = new Promise<void>((resolve) => {
      release = resolve;
    });
    const busy = [queue.run(() => blocked), queue.run(() => blocked)];
    const rowsBefore = await countImages();
    const filesBefore = mediaFiles();
    const refusal = await upload(jpegWithGps, { queue }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ServiceUnavailableError);
    expect(refusal).toMatchObject({ code: "unavailable", retryAfterSeconds: expect.any(Number), message: expect.stringContaining("saniye sonra yeniden deneyin") });
    expect(await countImages()).toBe(rowsBefore);
    expect(mediaFiles()).toEqual(filesBefore);

    // A bad picture is still told what is wrong with it, not to come back later.
    await expect(upload(Buffer.from("metin"), { queue })).rejects.toThrow(/görsel değil/);

    release();
    await Promise.all(busy);
    expect((await upload(jpegWithGps, { queue })).width).toBe(2400);
  });
});
