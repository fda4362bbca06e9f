// Reader queries compiled once and run many times. Building a Kysely query, passing it through the
// CamelCasePlugin and compiling it costs several times what SQLite takes to run it (an article page:
// about 0.5 ms of building against 0.1 ms of running, issue 11); the SQL of a given shape never changes,
// only its values do. Kysely has no prepared-query API and the one npm package for it pins Kysely 0.24.
import type { Compilable, CompiledQuery, Kysely } from "kysely";
import type { Database } from "./schema.ts";

type Db = Kysely<Database>;

/** A value a prepared query takes at run time: what SQLite and pg bind as parameters. */
export type ParamValue = string | number | null;

// Stands for a parameter while the shape compiles. The NUL byte keeps it from being a real value.
const PLACEHOLDER = "\u0000haberci-param:";

/** How many shapes one prepared query keeps per database before it starts over (shapes are few). */
const MAX_SHAPES = 64;

interface Template {
  compiled: CompiledQuery;
  /** For each compiled parameter: the name of the run-time value it stands for, or null for a constant. */
  slots: Array<string | null>;
}

/**
 * A query compiled once per database and shape, then run with new values.
 *
 * `build(db, params, shape)` writes the query with Kysely as usual, with two rules:
 * - each `params.x` is used only as a value handed to Kysely (`where("id", "=", params.id)`,
 *   `.limit(params.limit)`), never computed with: while the shape compiles it holds a placeholder,
 *   and a param that does not reach the compiled parameters throws at that first compile;
 * - what changes the SQL itself (how many categories, which branches) comes in `shape`, a real
 *   value; each distinct `JSON.stringify(shape)` compiles its own SQL (at most 64 kept per database).
 *
 * Returns a function `(db, params, shape) => rows`, rows as the CamelCasePlugin gives them, the same
 * as `build(...).execute()` would.
 */
export function preparedQuery<P extends Record<string, ParamValue>, R, S = null>(
  build: (db: Db, params: P, shape: S) => Compilable<R>,
): (db: Db, params: P, shape: S) => Promise<R[]> {
  const templates = new WeakMap<Db, Map<string, Template>>();

  function compile(db: Db, shape: S): Template {
    const used = new Set<string>();
    const placeholders = new Proxy(
      {},
      {
        get(_target, name) {
          if (typeof name !== "string") return undefined;
          used.add(name);
          return PLACEHOLDER + name;
        },
      },
    );
    // The placeholders stand in for P's values only while the shape compiles; every one is checked below.
    const compiled = build(db, placeholders as P, shape).compile();
    const slots = compiled.parameters.map((value) => (typeof value === "string" && value.startsWith(PLACEHOLDER) ? value.slice(PLACEHOLDER.length) : null));
    for (const name of used) {
      if (!slots.includes(name)) throw new Error(`preparedQuery: parameter "${name}" was computed with instead of passed to the query as a value`);
    }
    return { compiled, slots };
  }

  return async (db, params, shape) => {
    let shapes = templates.get(db);
    if (!shapes) templates.set(db, (shapes = new Map<string, Template>()));
    const key = JSON.stringify(shape) ?? "";
    let template = shapes.get(key);
    if (!template) {
      if (shapes.size >= MAX_SHAPES) shapes.clear();
      template = compile(db, shape);
      shapes.set(key, template);
    }
    const { compiled, slots } = template;
    const parameters = compiled.parameters.map((constant, i) => {
      const name = slots[i];
      return name === null || name === undefined ? constant : params[name];
    });
    const result = await db.executeQuery<R>({ ...compiled, parameters });
    return result.rows;
  };
}
