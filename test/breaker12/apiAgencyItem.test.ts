// Breaker (issue 12, bylines): "Agency-only items show the agency", and the editor makes one by emptying the author
// places. Through the API, the way wire copy (AA, DHA, İHA) is imported, an item can never be agency-only: no
// `authors` credits the token's user, `"authors": []` answers 400. Every imported AA item is signed by the bot's user.
import { afterAll, beforeAll, expect, it } from "vitest";
import { TEST_NOW, buildTestApp, type TestApp } from "../app.ts";
import { describeEachDatabase } from "../databases.ts";
import { addActor } from "../newsroomFixtures.ts";
import { createApiToken } from "../../src/newsroom/apiTokens.ts";
import { installDefaults } from "../../src/news/installDefaults.ts";

describeEachDatabase("breaker12: an agency item through the API", (get) => {
  let t: TestApp;
  let token = "";
  const api = (method: "POST" | "PATCH", url: string, payload: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, payload: JSON.stringify(payload) });

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    const bot = await addActor(db, "editor", "Ajans Aktarim");
    token = await createApiToken(db, { userId: bot.id, name: "ajans", actor: null, now: TEST_NOW });
    t = await buildTestApp(db);
  });
  afterAll(async () => t?.close());

  it("an AA item imported with no authors shows the agency, not the importing user", async () => {
    const created = await api("POST", "/api/v1/articles", { title: "Ankara'da kar yağışı etkili oluyor", category: "gundem", source: "aa", authors: [] });
    // Was: 400 invalid_input ("Geçersiz değer."); without `authors` the item is signed "Ajans Aktarim".
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json<{ id: number }>();
    const published = await api("POST", `/api/v1/articles/${id}/publish`, {});
    expect(published.statusCode).toBe(200);
    const read = await t.app.inject(`/api/v1/articles/${id}`);
    expect(read.json<{ authors: unknown[] }>().authors).toEqual([]);
    const page = await t.app.inject(new URL(published.json<{ url: string }>().url).pathname);
    expect(page.body).toContain('Haber: <span class="article-agency">AA</span>');
  });

  it("a repeated author is refused with a message that says so, not a bare 'Geçersiz değer.'", async () => {
    const res = await api("POST", "/api/v1/articles", { title: "İki kez yazılan yazar", category: "gundem", authors: ["ajans-aktarim", "ajans-aktarim"] });
    expect(res.statusCode).toBe(400);
    const message = res.json<{ error: { fields?: Record<string, string> } }>().error.fields?.authors ?? "";
    // Was: "Geçersiz değer." (the JSON schema's uniqueItems); the editor form drops the repeat silently instead.
    expect(message).not.toBe("Geçersiz değer.");
    expect(message).toMatch(/ajans-aktarim|birden fazla|iki kez|tekrar/i);
  });
});
