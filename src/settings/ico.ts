// The ICO container (Windows icon resource format, as browsers read /favicon.ico): a 6-byte header, one 16-byte
// directory entry per image, then the images. Since Windows Vista an entry may hold a whole PNG file, which every
// browser accepts, so no bitmap encoding is needed. Written here because the npm packages for it either pull in
// their own PNG decoders or are unmaintained; the format is a few dozen bytes of header.

/** One icon image: a PNG file and its size in pixels (1–256). */
export interface IcoImage {
  png: Buffer;
  width: number;
  height: number;
}

/**
 * An ICO file holding `images` as PNGs, in the order given. Throws a RangeError for an empty list or a size
 * outside 1–256 (the format stores 256 as 0 and nothing larger).
 */
export function encodeIco(images: readonly IcoImage[]): Buffer {
  if (images.length === 0) throw new RangeError("an icon needs at least one image");
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach((image, i) => {
    for (const side of [image.width, image.height]) {
      if (!Number.isInteger(side) || side < 1 || side > 256) throw new RangeError(`icon size ${side} outside 1-256`);
    }
    const entry = 6 + 16 * i;
    header.writeUInt8(image.width % 256, entry);
    header.writeUInt8(image.height % 256, entry + 1);
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3); // reserved
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(image.png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += image.png.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.png)]);
}
