import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Kysely } from "kysely";
import sharp from "sharp";
import type { Database, Image } from "../db/schema.ts";
import { InvalidInputError, ServiceUnavailableError } from "../errors.ts";
import { type ImageQueue, imageQueue } from "./imageQueue.ts";
import { assertWithinPixelLimit } from "./pixelLimit.ts";
import { mediaDir, storeImageVariants } from "./storage.ts";
import { findImage, insertImage } from "./store.ts";

/** Formats accepted, as sharp names them after reading the content (never the file name). */
const ACCEPTED = new Set(["jpeg", "png", "webp", "gif", "heif"]);
const ACCEPTED_HEIF = new Set(["av1"]); // AVIF is HEIF with AV1 inside; HEIC photos are not accepted.

export interface UploadInput {
  data: Buffer;
  caption: string;
  credit: string;
  alt: string;
  /** Who uploads: the image row records their id (a news `Actor` fits). */
  actor: { id: number };
  now: Date;
  dataDir: string;
  maxBytes: number;
  /** The line image work waits in; the process's own by default. */
  queue?: ImageQueue;
}

/**
 * Checks what the bytes really are from the header alone (nothing is decoded): a clear Turkish error
 * (InvalidInputError on `file`) for anything empty, over `maxBytes`, not an accepted image, or over the pixel limit.
 */
export async function detectImage(data: Buffer, maxBytes: number): Promise<{ format: string; width: number; height: number }> {
  if (data.length === 0) throw new InvalidInputError("Dosya boş.", { file: "Dosya boş." });
  if (data.length > maxBytes) {
    const limit = maxBytes >= 1_048_576 ? `${Math.floor(maxBytes / 1_048_576)} MB` : `${Math.ceil(maxBytes / 1024)} KB`;
    throw new InvalidInputError(`Dosya çok büyük: en çok ${limit} yüklenebilir.`, { file: "Dosya çok büyük." });
  }
  let meta: sharp.Metadata;
  try {
    // No pixel limit here: sharp would refuse a huge picture as unreadable; assertWithinPixelLimit says what is wrong.
    meta = await sharp(data, { failOn: "truncated", pages: 1, limitInputPixels: false }).metadata();
  } catch {
    throw new InvalidInputError("Bu dosya bir görsel değil ya da bozuk. JPEG, PNG, WebP, AVIF ya da GIF yükleyin.", { file: "Görsel okunamadı." });
  }
  const format = meta.format ?? "";
  if (!ACCEPTED.has(format) || (format === "heif" && !ACCEPTED_HEIF.has(meta.compression ?? ""))) {
    throw new InvalidInputError("Bu dosya türü desteklenmiyor. JPEG, PNG, WebP, AVIF ya da GIF yükleyin.", { file: "Desteklenmeyen tür." });
  }
  if (!meta.width || !meta.height) throw new InvalidInputError("Görselin boyutu okunamadı.", { file: "Görsel okunamadı." });
  assertWithinPixelLimit(meta.width, meta.height);
  return { format: format === "heif" ? "avif" : format, width: meta.width, height: meta.height };
}

/**
 * Stores an uploaded picture: type decided from the content, location metadata stripped,
 * responsive WebP variants and a JPEG fallback written; nothing is stored when any step fails.
 * Errors: InvalidInputError (bad fields, not an image, too many bytes or pixels); ServiceUnavailableError when the
 * image queue is full (nothing is written; retry after its `retryAfterSeconds`).
 */
export async function uploadImage(db: Kysely<Database>, input: UploadInput): Promise<Image> {
  await detectImage(input.data, input.maxBytes);
  const fields: Record<string, string> = {};
  if (input.alt.trim() === "") fields.alt = "Alternatif metin yazın (görme engelli okurlar için).";
  if (input.alt.length > 300) fields.alt = "En çok 300 karakter.";
  if (input.caption.length > 500) fields.caption = "En çok 500 karakter.";
  if (input.credit.length > 120) fields.credit = "En çok 120 karakter.";
  if (Object.keys(fields).length > 0) throw new InvalidInputError("Görsel bilgileri eksik ya da hatalı.", fields);

  const month = input.now.toISOString().slice(0, 7).replace("-", "/");
  const storageKey = `${month}/${crypto.randomBytes(9).toString("base64url")}`;
  let stored;
  try {
    stored = await (input.queue ?? imageQueue).run(() => storeImageVariants(input.dataDir, storageKey, input.data));
  } catch (error) {
    if (error instanceof ServiceUnavailableError) throw error;
    await removeFiles(input.dataDir, storageKey);
    throw new InvalidInputError("Görsel işlenemedi; dosya bozuk olabilir.", { file: "Görsel işlenemedi." });
  }
  try {
    const id = await db.transaction().execute((trx) =>
      insertImage(trx, {
        storageKey,
        ...stored,
        hasFallback: 1,
        caption: input.caption.trim(),
        credit: input.credit.trim(),
        alt: input.alt.trim(),
        uploadedBy: input.actor.id,
        createdAt: input.now.toISOString(),
      }),
    );
    const image = await findImage(db, id);
    if (!image) throw new Error("image vanished");
    return image;
  } catch (error) {
    await removeFiles(input.dataDir, storageKey);
    throw error;
  }
}

async function removeFiles(dataDir: string, storageKey: string): Promise<void> {
  const dir = path.dirname(path.join(mediaDir(dataDir), storageKey));
  const prefix = path.basename(storageKey);
  const names = await fs.readdir(dir).catch(() => []);
  await Promise.all(names.filter((n) => n.startsWith(prefix)).map((n) => fs.rm(path.join(dir, n), { force: true })));
}
