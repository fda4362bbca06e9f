import { expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases.ts";
import { preparedQuery } from "./prepared.ts";

describeEachDatabase("preparedQuery", (get) => {
  const categoriesFrom = preparedQuery((db, params: { from: number; limit: number }, descending: boolean) =>
    db
      .selectFrom("categories")
      .select(["id", "slug", "position"])
      .where("position", ">=", params.from)
      .orderBy("position", descending ? "desc" : "asc")
      .limit(params.limit),
  );

  it("runs one compiled shape with new values each time, camel-cased rows as Kysely's execute gives them", async () => {
    const { db } = get();
    for (const [i, slug] of ["a-kategori", "b-kategori", "c-kategori", "d-kategori"].entries()) {
      await db
        .insertInto("categories")
        .values({ slug, name: slug.toUpperCase(), position: 100 + i, color: "#000000" })
        .execute();
    }
    const direct = (from: number, limit: number, descending: boolean) =>
      db
        .selectFrom("categories")
        .select(["id", "slug", "position"])
        .where("position", ">=", from)
        .orderBy("position", descending ? "desc" : "asc")
        .limit(limit)
        .execute();

    expect(await categoriesFrom(db, { from: 101, limit: 2 }, false)).toEqual(await direct(101, 2, false));
    expect((await categoriesFrom(db, { from: 101, limit: 2 }, false)).map((c) => c.slug)).toEqual(["b-kategori", "c-kategori"]);
    // Same shape, other values: the values of this call, not the first call's.
    expect((await categoriesFrom(db, { from: 102, limit: 3 }, false)).map((c) => c.slug)).toEqual(["c-kategori", "d-kategori"]);
    // Another shape compiles its own SQL.
    expect((await categoriesFrom(db, { from: 100, limit: 2 }, true)).map((c) => c.slug)).toEqual(["d-kategori", "c-kategori"]);
    expect(await categoriesFrom(db, { from: 100, limit: 2 }, true)).toEqual(await direct(100, 2, true));
  });

  it("refuses, at its first compile, a query that computes with a parameter instead of passing it as a value", async () => {
    const broken = preparedQuery((db, params: { limit: number }) =>
      db
        .selectFrom("categories")
        .select("id")
        .limit(Number(params.limit) + 1),
    );
    await expect(broken(get().db, { limit: 1 }, null)).rejects.toThrow(/parameter "limit"/);
  });
});
