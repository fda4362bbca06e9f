// The media picker's search: the library's pictures by words, uploader and upload day, a page at a time.
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { InvalidInputError } from "../../errors.ts";
import { DAY_MESSAGE, formatIstanbulTime, istanbulDayRange } from "../../lib/time.ts";
import { libraryQueryWords } from "../../media/librarySearch.ts";
import { toPicture, variantPathsOf } from "../../media/pictureUrls.ts";
import { type ImageWithUploader, listUploaders, searchImages } from "../../media/store.ts";

/** Pictures per picker page. */
export const PICKER_PAGE_SIZE = 24;

/** The picker's filters as typed (blank: no filter); days are `YYYY-MM-DD` in Istanbul. */
export interface LibraryFilters {
  query: string;
  uploaderId?: number;
  from?: string;
  to?: string;
}

/** A library picture as the picker offers it: what choosing it fills in, and its variants for the body. */
export interface PickerImage {
  id: number;
  /** The smallest WebP variant, for the picker's grid. */
  thumb: string;
  /** The variant nearest 960 px and every variant as `srcset`, for a picture in the body. */
  src: string;
  srcset: string;
  width: number;
  height: number;
  caption: string;
  credit: string;
  alt: string;
  uploader: string | null;
  /** `dd.MM.yyyy HH:mm` in Istanbul. */
  uploadedAt: string;
}

export interface LibraryPage {
  images: PickerImage[];
  page: number;
  hasNext: boolean;
  uploaders: Array<{ id: number; name: string }>;
}

/** A library row as the picker offers it, or null when it has no stored variant. */
export function pickerImageOf(image: Omit<ImageWithUploader, "uploaderName"> & { uploaderName?: string | null }): PickerImage | null {
  const picture = toPicture(image, image.alt, 960);
  const paths = variantPathsOf(image);
  if (!picture || !paths) return null;
  return {
    id: image.id,
    thumb: paths.smallest,
    src: picture.src,
    srcset: picture.srcset,
    width: image.width,
    height: image.height,
    caption: image.caption,
    credit: image.credit,
    alt: image.alt,
    uploader: image.uploaderName ?? null,
    uploadedAt: formatIstanbulTime(image.createdAt),
  };
}

/**
 * Page `page` (from 1) of the library pictures matching `filters`, newest first, PICKER_PAGE_SIZE a page:
 * every word of the query in the caption, credit or alt text (folded: `sehir` finds `Şehir`), uploaded by
 * `uploaderId`, on or after day `from` and on or before day `to` (Istanbul days). Throws InvalidInputError
 * naming `bas`/`bit` (the form's fields) for a day that is not a real `YYYY-MM-DD` day, before any query runs.
 */
export async function searchLibrary(db: Kysely<Database>, filters: LibraryFilters, page: number): Promise<LibraryPage> {
  const range = istanbulDayRange(filters.from, filters.to);
  if (range.invalid.length > 0) {
    const fields: Record<string, string> = {};
    if (range.invalid.includes("from")) fields.bas = DAY_MESSAGE;
    if (range.invalid.includes("to")) fields.bit = DAY_MESSAGE;
    throw new InvalidInputError("Tarih aralığı okunamadı.", fields);
  }
  const [rows, uploaders] = await Promise.all([
    searchImages(db, {
      words: libraryQueryWords(filters.query),
      uploaderId: filters.uploaderId,
      from: range.from?.toISOString(),
      to: range.to?.toISOString(),
      limit: PICKER_PAGE_SIZE + 1,
      offset: (page - 1) * PICKER_PAGE_SIZE,
    }),
    listUploaders(db),
  ]);
  const images = rows.slice(0, PICKER_PAGE_SIZE).flatMap((row) => pickerImageOf(row) ?? []);
  return { images, page, hasNext: rows.length > PICKER_PAGE_SIZE, uploaders };
}
