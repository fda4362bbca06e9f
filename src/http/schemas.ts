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
