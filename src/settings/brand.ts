// The site's built-in identity: one SVG mark, and everything made from it with sharp when the app starts — the
// favicon (SVG, and an ICO of 16, 32 and 48 px PNGs), the apple-touch-icon (180×180 PNG), the web app manifest's
// icons (192 and 512 px) and the default share images used by articles without a picture while no default is
// chosen in the settings. Served under content-hashed names, cached for a year (settings/routes.ts).
import crypto from "node:crypto";
import sharp from "sharp";
import { type ShareCropName, shareCropSizes } from "../media/shareCrops.ts";
import { encodeIco } from "./ico.ts";

/** The brand colour: theme-color, the manifest, the mark. */
export const THEME_COLOR = "#c8102e";
export const BACKGROUND_COLOR = "#ffffff";
/** Where the hashed brand files are served. */
export const BRAND_PREFIX = "/marka/";

/** The mark: a white H on the brand colour, drawn with paths only (no font needed to rasterise it). */
const H = "M18 14h8v14h12V14h8v36h-8V35H26v15h-8z";
export const MARK_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="${THEME_COLOR}"/><path fill="#fff" d="${H}"/></svg>`;

/** A share card of `width`×`height`: the brand colour with the mark, white on red, in the middle. */
function shareCardSvg(width: number, height: number): string {
  const side = Math.round(Math.min(width, height) * 0.42);
  const x = Math.round((width - side) / 2);
  const y = Math.round((height - side) / 2);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#e0203f"/><stop offset="1" stop-color="#8e0b21"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><svg x="${x}" y="${y}" width="${side}" height="${side}" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#fff"/><path fill="${THEME_COLOR}" d="${H}"/></svg></svg>`;
}

export interface BrandFile {
  /** e.g. `/marka/apple-touch-icon.3f9a1c20de.png`. */
  path: string;
  body: Buffer;
  contentType: string;
  width: number;
  height: number;
}

export interface BrandAssets {
  faviconSvg: BrandFile;
  faviconIco: BrandFile;
  appleTouchIcon: BrandFile;
  icon192: BrandFile;
  icon512: BrandFile;
  /** The built-in share images, at the sizes a 1920×1080 picture's crops would have. */
  share: Record<ShareCropName, BrandFile>;
  byPath: ReadonlyMap<string, BrandFile>;
}

function file(name: string, ext: string, body: Buffer, contentType: string, width: number, height: number): BrandFile {
  const hash = crypto.createHash("sha256").update(body).digest("hex").slice(0, 10);
  return { path: `${BRAND_PREFIX}${name}.${hash}.${ext}`, body, contentType, width, height };
}

const png = async (side: number) =>
  sharp(Buffer.from(MARK_SVG), { density: Math.ceil((72 * side) / 64) })
    .resize(side, side)
    .png()
    .toBuffer();

async function makeBrandAssets(): Promise<BrandAssets> {
  const [p16, p32, p48, p180, p192, p512] = await Promise.all([16, 32, 48, 180, 192, 512].map(png));
  if (!p16 || !p32 || !p48 || !p180 || !p192 || !p512) throw new Error("brand icons missing");
  const ico = encodeIco([
    { png: p16, width: 16, height: 16 },
    { png: p32, width: 32, height: 32 },
    { png: p48, width: 48, height: 48 },
  ]);
  const sizes = shareCropSizes({ width: 1920, height: 1080 });
  const shareFile = async (crop: ShareCropName): Promise<BrandFile> => {
    const size = sizes[crop] ?? { width: 1200, height: 630 };
    const body = await sharp(Buffer.from(shareCardSvg(size.width, size.height)))
      .jpeg({ quality: 85, mozjpeg: true })
      .toBuffer();
    return file(`paylasim-${crop}`, "jpg", body, "image/jpeg", size.width, size.height);
  };
  const [wide, standard, square, og] = await Promise.all([shareFile("wide"), shareFile("standard"), shareFile("square"), shareFile("og")]);
  const assets = {
    faviconSvg: file("favicon", "svg", Buffer.from(MARK_SVG), "image/svg+xml", 64, 64),
    faviconIco: file("favicon", "ico", ico, "image/x-icon", 48, 48),
    appleTouchIcon: file("apple-touch-icon", "png", p180, "image/png", 180, 180),
    icon192: file("icon-192", "png", p192, "image/png", 192, 192),
    icon512: file("icon-512", "png", p512, "image/png", 512, 512),
    share: { wide, standard, square, og },
  };
  const all = [assets.faviconSvg, assets.faviconIco, assets.appleTouchIcon, assets.icon192, assets.icon512, wide, standard, square, og];
  return { ...assets, byPath: new Map(all.map((f) => [f.path, f])) };
}

let made: Promise<BrandAssets> | undefined;

/** The brand files, made once per process (about a second of sharp's time) and shared. */
export function brandAssets(): Promise<BrandAssets> {
  made ??= makeBrandAssets();
  return made;
}
