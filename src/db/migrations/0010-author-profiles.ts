// Landed migrations are never edited: add a new file instead.
// Typed Kysely<any> on purpose: a migration must not depend on today's schema types.
import { type Kysely, PostgresAdapter, sql } from "kysely";

// Bylines (issue 12). An author becomes a public profile: the newsroom user it belongs to (at most
// one profile per user; none for authors known only by name), a title ("Ekonomi Muhabiri"), a short
// bio, a photo from the media library and a few links (a JSON array of http(s) URLs).
//
// An article gets one or more authors, in order: article_authors. The single articles.author_id
// of 0001 is copied there (position 0) and dropped on both databases. Revisions keep the authors
// among their fields from now on; the revisions written before are given the article's author as
// it was, so restoring one of them brings the byline back rather than clearing it.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .alterTable("authors")
    .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await db.schema
    .alterTable("authors")
    .addColumn("title", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema
    .alterTable("authors")
    .addColumn("bio", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema
    .alterTable("authors")
    .addColumn("image_id", "integer", (c) => c.references("images.id").onDelete("set null"))
    .execute();
  await db.schema
    .alterTable("authors")
    .addColumn("links", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
  // Unique among profiles that have a user (both databases let several NULLs through a unique index).
  await db.schema.createIndex("authors_user").on("authors").column("user_id").unique().execute();

  await db.schema
    .createTable("article_authors")
    .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("author_id", "integer", (c) => c.notNull().references("authors.id"))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("article_authors_pk", ["article_id", "author_id"])
    .execute();
  // An author's articles (the author page and feed): from the author to the article ids.
  await db.schema.createIndex("article_authors_author").on("article_authors").columns(["author_id", "article_id"]).execute();

  await sql`insert into article_authors (article_id, author_id, position) select id, author_id, 0 from articles where author_id is not null`.execute(db);

  if (pg) {
    await sql`
      update article_revisions r
      set fields = jsonb_set(r.fields::jsonb, '{authors}',
        coalesce((select jsonb_build_array(au.slug) from articles a join authors au on au.id = a.author_id where a.id = r.article_id), '[]'::jsonb))::text
    `.execute(db);
  } else {
    await sql`
      update article_revisions
      set fields = json_set(fields, '$.authors',
        coalesce((select json_array(au.slug) from articles a join authors au on au.id = a.author_id where a.id = article_revisions.article_id), json('[]')))
    `.execute(db);
  }

  await db.schema.alterTable("articles").dropColumn("author_id").execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
