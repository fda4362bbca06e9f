// Schema pieces every newsroom area shares. Form values arrive as text; numbers in them are read
// by the schema (query strings and forms are coerced, JSON bodies are not), and every text field
// is bounded. Each area's own forms live in its `schemas.ts` (session/, articles/, media/, …).
import { Type } from "@fastify/type-provider-typebox";

/** Every signed-in form carries the session's CSRF token (checked before validation). */
export const Csrf = Type.String({ maxLength: 100 });

/** Passwords longer than this are refused before hashing (argon2 would take them, at a cost). */
export const PASSWORD_MAX_LENGTH = 1_000;

export const CsrfForm = Type.Object({ _csrf: Csrf }, { additionalProperties: false });

/** A message key after a redirect (`?mesaj=kaydedildi`); unknown keys show nothing. */
export const MessageQuery = Type.Object({ mesaj: Type.Optional(Type.String({ maxLength: 40 })) }, { additionalProperties: false });

/** A local time field (`YYYY-MM-DDTHH:mm` in Europe/Istanbul), read by `parseIstanbulLocal`. */
export const LocalDateTime = Type.String({ maxLength: 40 });
