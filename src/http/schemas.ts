// Shapes shared by every route's schema: ids, numbers and text that fit their columns.
import { Type } from "@fastify/type-provider-typebox";

/** Largest value of a 4-byte integer column (PostgreSQL `integer`, SQL:2016 INT). */
export const INT32_MAX = 2_147_483_647;

/** A row id or a counter stored in an `integer` column: 1 … 2,147,483,647. */
export const Int32Id = Type.Integer({ minimum: 1, maximum: INT32_MAX });

/** `{ id }` path parameters. */
export const IdParams = Type.Object({ id: Int32Id });

/** A slug in the URL contract (`src/news/slug.ts`): ASCII lower-case, digits and hyphens. */
export const Slug = Type.String({ pattern: "^[a-z0-9-]{1,200}$" });

/** A page number of a listing (`?sayfa=` or `{n}.sayfa.html`). */
export const PageNumber = Type.Integer({ minimum: 1, maximum: 100_000 });

/**
 * A calendar day `YYYY-MM-DD` (RFC 3339 full-date: the day must exist in its month) in
 * the years 1900–2999: older or later days are no news archive's and some overflow a
 * database's timestamp range (year 0000).
 */
export const IsoDay = Type.String({ format: "date", pattern: "^(19|2[0-9])[0-9]{2}-[0-9]{2}-[0-9]{2}$" });

/** Every API error: a stable code, a Turkish message, and per-field messages for invalid input. */
export const ErrorJson = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), fields: Type.Optional(Type.Record(Type.String(), Type.String())) }),
});
