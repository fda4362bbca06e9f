import type { Kysely } from "kysely";
import type { Database, Role } from "../src/db/schema.ts";
import { type ArticleInput, emptyArticleInput } from "../src/news/articleInput.ts";
import type { Actor } from "../src/news/workflow.ts";
import { slugify } from "../src/lib/slug.ts";
import { addUser } from "../src/newsroom/users.ts";

export const PASSWORD = "test-parolasi-uzun-1";

export async function addActor(db: Kysely<Database>, role: Role, name: string): Promise<Actor> {
  const email = `${name.toLowerCase().replace(/[^a-z]/g, "")}-${role}@haberci.test`;
  const user = await addUser(db, { email, name, role, password: PASSWORD, actor: null, now: new Date("2026-11-27T08:00:00Z") });
  return { id: user.id, name: user.name, role: user.role };
}

/** The byline of the actor's own profile (made with the user, from their name). */
export function bylineOf(actor: Actor): string[] {
  return [slugify(actor.name)];
}

export function articleInput(overrides: Partial<ArticleInput> = {}): ArticleInput {
  return {
    ...emptyArticleInput("gundem", "haberci"),
    title: "Ankara'da mevsimin ilk karı",
    spot: "Başkentte sabah saatlerinde kar yağışı başladı.",
    body: "<p>Kar yağışı öğleye kadar sürdü.</p>",
    tags: ["Ankara", "Kar"],
    ...overrides,
  };
}
