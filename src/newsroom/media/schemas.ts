// The media library's forms: the upload, and the picker's search and upload.
import { type Static, Type } from "@fastify/type-provider-typebox";
import { Int32Id } from "../../http/schemas.ts";
import { Csrf } from "../schemas.ts";

const UploadFields = {
  _csrf: Csrf,
  caption: Type.Optional(Type.String({ maxLength: 500 })),
  credit: Type.Optional(Type.String({ maxLength: 120 })),
  alt: Type.Optional(Type.String({ maxLength: 300 })),
  file: Type.Optional(Type.Unsafe<Buffer>({ description: "the picture" })),
};

/**
 * The media upload (multipart): text fields, the CSRF token, and `file`, a Buffer read by
 * @fastify/multipart (its size is bounded by MAX_UPLOAD_MB there).
 */
export const UploadForm = Type.Object(UploadFields, { additionalProperties: false });

/** The picker's upload: the library upload, plus the article it is for (absent: a new article). */
export const PickerUploadForm = Type.Object({ ...UploadFields, haber: Type.Optional(Int32Id) }, { additionalProperties: false });
export type PickerUploadBody = Static<typeof PickerUploadForm>;

/** Last page the picker goes to (24 pictures a page): 12,000 pictures back, by offset. */
export const PICKER_MAX_PAGE = 500;

/**
 * The picker's search (GET): words, uploader (a user id, "" for anyone), upload days `bas`..`bit`
 * (`YYYY-MM-DD`, "" for open; checked by searchLibrary so a bad day is a field error), page, and the
 * article the choice goes back to (absent: a new article).
 */
export const PickerQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    yukleyen: Type.Optional(Type.Union([Int32Id, Type.Literal("")])),
    bas: Type.Optional(Type.String({ maxLength: 20 })),
    bit: Type.Optional(Type.String({ maxLength: 20 })),
    sayfa: Type.Optional(Type.Integer({ minimum: 1, maximum: PICKER_MAX_PAGE })),
    haber: Type.Optional(Int32Id),
  },
  { additionalProperties: false },
);
export type PickerQueryValues = Static<typeof PickerQuery>;
