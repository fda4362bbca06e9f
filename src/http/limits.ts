// Requests refused before they reach a route: too long, too large, of a type nobody accepts.
// Each answers with its 4xx status, a stable code and a Turkish message.
import type { Socket } from "node:net";

/** Longest request target the app reads (path and query string), in bytes of the request line. */
export const MAX_URL_LENGTH = 8_192;

/** Thrown in onRequest for a request target over MAX_URL_LENGTH (RFC 9110 §15.5.15). */
export class UriTooLongError extends Error {
  readonly statusCode = 414;
  readonly code = "HBR_URI_TOO_LONG";
  constructor() {
    super("URI too long");
  }
}

/** Thrown in onRequest for a body whose Content-Type cannot be read (multipart without its boundary). */
export class UnreadableContentTypeError extends Error {
  readonly statusCode = 400;
  readonly code = "HBR_BAD_CONTENT_TYPE";
  constructor() {
    super("multipart body without a boundary");
  }
}

/**
 * Throws UnreadableContentTypeError for `multipart/form-data` without a `boundary` parameter
 * (RFC 7578 §4.1 requires one): the multipart parser would fail on it as a server error.
 */
export function assertReadableContentType(contentType: string | undefined): void {
  if (contentType === undefined) return;
  const lower = contentType.toLowerCase();
  if (lower.startsWith("multipart/") && !/;\s*boundary=("[^"]+"|[^;\s]+)/.test(lower)) throw new UnreadableContentTypeError();
}

export interface RefusalText {
  status: number;
  /** Stable code for the API's `{error: {code}}`. */
  code: string;
  /** Turkish, for people. */
  message: string;
}

/**
 * The status, API code and Turkish message for an error Fastify or one of its plugins
 * raised before the route ran (a 4xx `statusCode`); anything else is a 500.
 * `maxUploadBytes` names the upload limit in the message for a file that is too large.
 */
export function fastifyErrorText(error: { code?: string; statusCode?: number }, maxUploadBytes: number): RefusalText {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  switch (error.code) {
    case "HBR_URI_TOO_LONG":
      return { status: 414, code: "uri_too_long", message: `Adres çok uzun: en çok ${MAX_URL_LENGTH.toLocaleString("tr-TR")} karakter olabilir.` };
    case "HBR_BAD_CONTENT_TYPE":
      return { status: 400, code: "invalid_input", message: "Form gövdesi okunamadı: multipart sınırı (boundary) eksik." };
    case "FST_REQ_FILE_TOO_LARGE":
      return { status: 413, code: "payload_too_large", message: `Dosya çok büyük: en çok ${Math.floor(maxUploadBytes / 1_048_576)} MB yüklenebilir.` };
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return { status: 413, code: "payload_too_large", message: "Gönderilen bilgiler çok büyük." };
    case "FST_PARTS_LIMIT":
    case "FST_FILES_LIMIT":
    case "FST_FIELDS_LIMIT":
      return { status: 413, code: "payload_too_large", message: "Formda çok fazla alan ya da dosya var." };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return { status: 415, code: "unsupported_media_type", message: "Bu içerik türü kabul edilmiyor." };
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return { status: 400, code: "invalid_input", message: "JSON gövdesi geçersiz." };
    default:
      if (status === 404) return { status, code: "not_found", message: "Bulunamadı." };
      if (status === 500) return { status, code: "internal", message: "Beklenmeyen bir hata oluştu." };
      return { status, code: "bad_request", message: "İstek geçersiz." };
  }
}

/**
 * Node's `clientError`: a request Node could not parse (a head over 64 KiB, a broken request
 * line) is answered with a short Turkish text instead of a bare status line.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return;
  const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
  const status = tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request";
  const text = tooLarge ? "İstek başlıkları çok büyük." : "İstek anlaşılamadı.";
  const body = Buffer.from(`${text}\n`, "utf8");
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.toString("utf8")}`);
}
