// The newsroom's JSON API for integrations: Bearer token, with the role of the token's user.
import multipart from "@fastify/multipart";
import { type FastifyPluginAsyncTypebox, type Static, Type } from "@fastify/type-provider-typebox";
import type { Kysely } from "kysely";
import type { Article, Database } from "../db/schema.ts";
import { InvalidInputError } from "../errors.ts";
import { IdParams } from "../http/schemas.ts";
import { imageQueue } from "../media/imageQueue.ts";
import { uploadImage } from "../media/uploadImage.ts";
import { toPicture } from "../media/pictureUrls.ts";
import type { ArticleInput } from "../news/articleInput.ts";
import { changeArticleStatus } from "../news/changeArticleStatus.ts";
import { loadArticleForEditing } from "../news/loadArticleForEditing.ts";
import { listCategoriesAndSources } from "../news/taxonomyStore.ts";
import { createArticle, updateArticle } from "../news/saveArticle.ts";
import { articlePath } from "../news/slug.ts";
import { ArticleFields } from "../news/schemas.ts";
import { actorOf, requireRole } from "../newsroom/auth.ts";
import { ErrorJson } from "../http/schemas.ts";

export interface NewsroomApiOptions {
  db: Kysely<Database>;
  publicUrl: string;
  dataDir: string;
  maxUploadBytes: number;
  now: () => Date;
}

const CreateBody = Type.Object(
  {
    title: ArticleFields.title,
    category: ArticleFields.category,
    spot: Type.Optional(ArticleFields.spot),
    body: Type.Optional(ArticleFields.body),
    source: Type.Optional(ArticleFields.source),
    tags: Type.Optional(ArticleFields.tags),
    authors: Type.Optional({
      ...ArticleFields.authors,
      description: "Author slugs, in byline order; [] for an agency item (its source signs it); left out: the token user's own profile",
    }),
    imageId: Type.Optional(ArticleFields.imageId),
    imageCaption: Type.Optional(ArticleFields.imageCaption),
    imageCredit: Type.Optional(ArticleFields.imageCredit),
    imageAlt: Type.Optional(ArticleFields.imageAlt),
    isBreaking: Type.Optional(ArticleFields.isBreaking),
    seoTitle: Type.Optional(ArticleFields.seoTitle),
    seoDescription: Type.Optional(ArticleFields.seoDescription),
  },
  { additionalProperties: false },
);

const PatchBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1, maximum: 2147483647, description: "The version this edit is based on; a stale one answers 409" }),
    ...Object.fromEntries(Object.entries(ArticleFields).map(([k, v]) => [k, Type.Optional(v)])),
  },
  { additionalProperties: false },
);

/** A multipart upload, read by @fastify/multipart into fields and the file's bytes. */
const UploadBody = Type.Object(
  {
    file: Type.Unsafe<Buffer>({ description: "the picture (JPEG, PNG, WebP, AVIF or GIF)" }),
    caption: Type.Optional(Type.String({ maxLength: 500 })),
    credit: Type.Optional(Type.String({ maxLength: 120 })),
    alt: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);

const WriteResult = Type.Object({
  id: Type.Integer(),
  version: Type.Integer(),
  status: Type.String(),
  url: Type.Union([Type.String(), Type.Null()], { description: "Public address once published" }),
});

const Bearer = [{ bearerAuth: [] }];
const errors = { 400: ErrorJson, 401: ErrorJson, 403: ErrorJson, 404: ErrorJson, 409: ErrorJson };

export const newsroomApiPlugin: FastifyPluginAsyncTypebox<NewsroomApiOptions> = async (app, { db, publicUrl, dataDir, maxUploadBytes, now }) => {
  // Multipart bodies become `{ field: value, file: Buffer }` before validation (see UploadBody).
  await app.register(multipart, { attachFieldsToBody: "keyValues", limits: { fileSize: maxUploadBytes, files: 1, fields: 10, fieldSize: 10_000, parts: 12 } });
  // Every route here acts as the token's user: 401/403 before the body is read.
  const reporters = { onRequest: requireRole("muhabir") };
  // Publishing is an editor's step (news/workflow.ts); a reporter's token is refused before the body is read.
  const editors = { onRequest: requireRole("editor") };
  // A full image queue is refused before the upload is read (503 with Retry-After).
  const uploaders = { onRequest: [requireRole("muhabir"), async () => imageQueue.assertRoom()] };

  const result = async (article: Article): Promise<Static<typeof WriteResult>> => {
    const { categories } = await listCategoriesAndSources(db);
    const slug = categories.find((c) => c.id === article.categoryId)?.slug ?? "";
    return {
      id: article.id,
      version: article.version,
      status: article.status,
      url: article.status === "published" ? publicUrl + articlePath(slug, article.slug, article.id) : null,
    };
  };

  app.post(
    "/articles",
    { ...reporters, schema: { summary: "Create a draft", security: Bearer, body: CreateBody, response: { 201: WriteResult, ...errors } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const b = request.body;
      const input: ArticleInput = {
        title: b.title,
        spot: b.spot ?? "",
        body: b.body ?? "",
        category: b.category,
        source: b.source ?? "haberci",
        tags: b.tags ?? [],
        authors: b.authors ?? [],
        imageId: b.imageId ?? null,
        imageCaption: b.imageCaption ?? "",
        imageCredit: b.imageCredit ?? "",
        imageAlt: b.imageAlt ?? "",
        isBreaking: b.isBreaking ?? false,
        seoTitle: b.seoTitle ?? null,
        seoDescription: b.seoDescription ?? null,
      };
      // Left out: the token's user signs it; [] given: an agency item.
      const article = await createArticle(db, { input, actor, now: now(), creditWriter: b.authors === undefined });
      return reply.code(201).send(await result(article));
    },
  );

  app.patch(
    "/articles/:id",
    {
      ...reporters,
      schema: {
        summary: "Edit an article (optimistic concurrency by version)",
        security: Bearer,
        params: IdParams,
        body: PatchBody,
        response: { 200: WriteResult, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { values } = await loadArticleForEditing(db, request.params.id);
      const { version, ...changes } = request.body;
      const article = await updateArticle(db, { articleId: request.params.id, version, input: { ...values, ...changes }, actor, now: now() });
      return result(article);
    },
  );

  app.post(
    "/articles/:id/publish",
    {
      ...editors,
      schema: {
        summary: "Publish now, or schedule with `at`",
        security: Bearer,
        params: IdParams,
        body: Type.Union([
          Type.Object(
            {
              at: Type.Optional(Type.String({ format: "date-time", description: "When to publish: after now, at most one year ahead" })),
              version: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
            },
            { additionalProperties: false },
          ),
          Type.Null(),
        ]),
        response: {
          200: Type.Object({ status: Type.Union([Type.Literal("published"), Type.Literal("scheduled")]), url: Type.String(), version: Type.Integer() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const at = request.body?.at ? new Date(request.body.at) : undefined;
      if (at && Number.isNaN(at.getTime())) throw new InvalidInputError("Geçersiz tarih.", { at: "ISO 8601 tarih-saat olmalı." });
      const article = await changeArticleStatus(db, {
        articleId: request.params.id,
        action: at ? "schedule" : "publish",
        at,
        actor,
        now: now(),
        version: request.body?.version,
        ip: request.ip,
      });
      const { categories } = await listCategoriesAndSources(db);
      const url = publicUrl + articlePath(categories.find((c) => c.id === article.categoryId)?.slug ?? "", article.slug, article.id);
      return { status: article.status === "scheduled" ? ("scheduled" as const) : ("published" as const), url, version: article.version };
    },
  );

  app.post(
    "/articles/:id/unpublish",
    { ...editors, schema: { summary: "Take a published article off the site", security: Bearer, params: IdParams, response: { 200: WriteResult, ...errors } } },
    async (request) => {
      const actor = actorOf(request);
      return result(await changeArticleStatus(db, { articleId: request.params.id, action: "unpublish", actor, now: now(), ip: request.ip }));
    },
  );

  app.post(
    "/images",
    {
      ...uploaders,
      schema: {
        summary: "Upload a picture (multipart: file, caption, credit, alt)",
        security: Bearer,
        consumes: ["multipart/form-data"],
        body: UploadBody,
        response: {
          201: Type.Object({ id: Type.Integer(), url: Type.String(), srcset: Type.String(), width: Type.Integer(), height: Type.Integer() }),
          ...errors,
          413: ErrorJson,
          503: { ...ErrorJson, description: "Too many pictures are being processed; try again after the Retry-After header's seconds" },
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { file, caption, credit, alt } = request.body;
      if (!Buffer.isBuffer(file) || file.length === 0) throw new InvalidInputError("Dosya gerekli.", { file: "Dosya gerekli." });
      const image = await uploadImage(db, {
        data: file,
        caption: caption ?? "",
        credit: credit ?? "",
        alt: alt ?? "",
        actor,
        now: now(),
        dataDir,
        maxBytes: maxUploadBytes,
      });
      const picture = toPicture(image, image.alt, 1280);
      return reply.code(201).send({
        id: image.id,
        url: publicUrl + (picture?.src ?? ""),
        srcset: (picture?.srcset ?? "")
          .split(", ")
          .map((s) => publicUrl + s)
          .join(", "),
        width: image.width,
        height: image.height,
      });
    },
  );
};
