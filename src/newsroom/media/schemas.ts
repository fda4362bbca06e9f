// The media library's upload form.
import { Type } from "@fastify/type-provider-typebox";
import { Csrf } from "../schemas.ts";

/**
 * The media upload (multipart): text fields, the CSRF token, and `file`, a Buffer read by
 * @fastify/multipart (its size is bounded by MAX_UPLOAD_MB there).
 */
export const UploadForm = Type.Object(
  {
    _csrf: Csrf,
    caption: Type.Optional(Type.String({ maxLength: 500 })),
    credit: Type.Optional(Type.String({ maxLength: 120 })),
    alt: Type.Optional(Type.String({ maxLength: 300 })),
    file: Type.Optional(Type.Unsafe<Buffer>({ description: "the picture" })),
  },
  { additionalProperties: false },
);
