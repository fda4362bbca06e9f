import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases.ts";
import type { Actor } from "../news/workflow.ts";
import { addUser } from "../newsroom/users.ts";
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

  const upload = (data: Buffer, extra: Partial<{ alt: string; maxBytes: number }> = {}) =>
    uploadImage(get().db, { data, caption: "Kızılay Meydanı", credit: "AA", alt: extra.alt ?? "Meydanda yürüyen insanlar", actor, now, dataDir, maxBytes: extra.maxBytes ?? 20 * MB });

  const countImages = async () => Number((await get().db.selectFrom("images").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

  it("stores WebP variants and a JPEG fallback, keeps caption, credit and alt, and drops the location", async () => {
    expect((await sharp(jpegWithGps).metadata()).exif).toBeDefined();
    const image = await upload(jpegWithGps);
    expect(image).toMatchObject({ width: 2400, height: 1600, variantWidths: "320,640,960,1280,1920", caption: "Kızılay Meydanı", credit: "AA", alt: "Meydanda yürüyen insanlar", hasFallback: 1 });
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

  it("accepts PNG, WebP, AVIF and GIF, deciding the type from the content", async () => {
    const base = sharp({ create: { width: 400, height: 300, channels: 3, background: "#aa3300" } });
    for (const data of [await base.clone().png().toBuffer(), await base.clone().webp().toBuffer(), await base.clone().avif({ effort: 0 }).toBuffer(), await base.clone().gif().toBuffer()]) {
      const image = await upload(data);
      expect(image.variantWidths).toBe("320,400");
    }
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
});
