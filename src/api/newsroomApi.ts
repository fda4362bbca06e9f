// The newsroom's JSON API for integrations: Bearer token, with the role of the token's user.
import multipart from "@fastify/multipart";
import { type FastifyPluginAsyncTypebox, type Static, Type } from "@fastify/type-provider-typebox";
import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { Article, Database } from "../db/schema.ts";
import { InvalidInputError, UnauthorizedError } from "../errors.ts";
import { uploadImage } from "../media/uploadImage.ts";
import { toPicture } from "../news/pictures.ts";
import type { ArticleInput } from "../news/articleInput.ts";
import { changeArticleStatus } from "../news/changeArticleStatus.ts";
import { listCategoriesAndSources, loadArticleForEditing } from "../news/editing.ts";
import { createArticle, updateArticle } from "../news/saveArticle.ts";
import { articlePath } from "../news/slug.ts";
import type { Actor } from "../news/workflow.ts";
import { authenticateApiToken } from "../newsroom/apiTokens.ts";
import { ErrorJson } from "./schemas.ts";

export interface NewsroomApiOptions {
  db: Kysely<Database>;
  publicUrl: string;
  dataDir: string;
  maxUploadBytes: number;
  now: () => Date;
}

const Slug = Type.String({ pattern: "^[a-z0-9-]{1,200}$" });

const ArticleFields = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  spot: Type.String({ maxLength: 600 }),
  body: Type.String({ maxLength: 200_000, description: "HTML; sanitised with the body allow-list" }),
  category: Slug,
  source: Slug,
  tags: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 20, description: "Tag slugs (or new tag names)" }),
  imageId: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  imageCaption: Type.String({ maxLength: 500 }),
  imageCredit: Type.String({ maxLength: 120 }),
  imageAlt: Type.String({ maxLength: 300 }),
  isBreaking: Type.Boolean(),
  seoTitle: Type.Union([Type.String({ maxLength: 120 }), Type.Null()]),
  seoDescription: Type.Union([Type.String({ maxLength: 320 }), Type.Null()]),
};

const CreateBody = Type.Object(
  {
    title: ArticleFields.title,
    category: ArticleFields.category,
    spot: Type.Optional(ArticleFields.spot),
    body: Type.Optional(ArticleFields.body),
    source: Type.Optional(ArticleFields.source),
    tags: Type.Optional(ArticleFields.tags),
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
    version: Type.Integer({ minimum: 1, description: "The version this edit is based on; a stale one answers 409" }),
    ...Object.fromEntries(Object.entries(ArticleFields).map(([k, v]) => [k, Type.Optional(v)])),
  },
  { additionalProperties: false },
);

const WriteResult = Type.Object({
  id: Type.Integer(),
  version: Type.Integer(),
  status: Type.String(),
  url: Type.Union([Type.String(), Type.Null()], { description: "Public address once published" }),
});

const Id = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });
const Bearer = [{ bearerAuth: [] }];
const errors = { 400: ErrorJson, 401: ErrorJson, 403: ErrorJson, 404: ErrorJson, 409: ErrorJson };

/** The acting user of a request that carries `Authorization: Bearer <token>`. */
export async function bearerActor(db: Kysely<Database>, request: FastifyRequest, now: Date): Promise<Actor | null> {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new UnauthorizedError("Authorization başlığı 'Bearer <anahtar>' biçiminde olmalı.");
  return authenticateApiToken(db, match[1], now);
}

export const newsroomApiPlugin: FastifyPluginAsyncTypebox<NewsroomApiOptions> = async (app, { db, publicUrl, dataDir, maxUploadBytes, now }) => {
  await app.register(multipart, { limits: { fileSize: maxUploadBytes, files: 1, fields: 10, fieldSize: 10_000 } });

  const requireActor = async (request: FastifyRequest): Promise<Actor> => {
    const actor = await bearerActor(db, request, now());
    if (!actor) throw new UnauthorizedError("API anahtarı gerekli: Authorization: Bearer <anahtar>.");
    return actor;
  };

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
    { schema: { summary: "Create a draft", security: Bearer, body: CreateBody, response: { 201: WriteResult, ...errors } } },
    async (request, reply) => {
      const actor = await requireActor(request);
      const b = request.body;
      const input: ArticleInput = {
        title: b.title,
        spot: b.spot ?? "",
        body: b.body ?? "",
        category: b.category,
        source: b.source ?? "haberci",
        tags: b.tags ?? [],
        imageId: b.imageId ?? null,
        imageCaption: b.imageCaption ?? "",
        imageCredit: b.imageCredit ?? "",
        imageAlt: b.imageAlt ?? "",
        isBreaking: b.isBreaking ?? false,
        seoTitle: b.seoTitle ?? null,
        seoDescription: b.seoDescription ?? null,
      };
      const article = await createArticle(db, { input, actor, now: now() });
      return reply.code(201).send(await result(article));
    },
  );

  app.patch(
    "/articles/:id",
    { schema: { summary: "Edit an article (optimistic concurrency by version)", security: Bearer, params: Id, body: PatchBody, response: { 200: WriteResult, ...errors } } },
    async (request) => {
      const actor = await requireActor(request);
      const { values } = await loadArticleForEditing(db, request.params.id);
      const { version, ...changes } = request.body;
      const article = await updateArticle(db, { articleId: request.params.id, version, input: { ...values, ...changes } as ArticleInput, actor, now: now() });
      return result(article);
    },
  );

  app.post(
    "/articles/:id/publish",
    {
      schema: {
        summary: "Publish now, or schedule with `at`",
        security: Bearer,
        params: Id,
        body: Type.Union([Type.Object({ at: Type.Optional(Type.String({ format: "date-time" })), version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }), Type.Null()]),
        response: { 200: Type.Object({ status: Type.Union([Type.Literal("published"), Type.Literal("scheduled")]), url: Type.String(), version: Type.Integer() }), ...errors },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const at = request.body?.at ? new Date(request.body.at) : undefined;
      if (at && Number.isNaN(at.getTime())) throw new InvalidInputError("Geçersiz tarih.", { at: "ISO 8601 tarih-saat olmalı." });
      const article = await changeArticleStatus(db, { articleId: request.params.id, action: at ? "schedule" : "publish", at, actor, now: now(), version: request.body?.version, ip: request.ip });
      const { categories } = await listCategoriesAndSources(db);
      const url = publicUrl + articlePath(categories.find((c) => c.id === article.categoryId)?.slug ?? "", article.slug, article.id);
      return { status: article.status === "scheduled" ? ("scheduled" as const) : ("published" as const), url, version: article.version };
    },
  );

  app.post(
    "/articles/:id/unpublish",
    { schema: { summary: "Take a published article off the site", security: Bearer, params: Id, response: { 200: WriteResult, ...errors } } },
    async (request) => {
      const actor = await requireActor(request);
      return result(await changeArticleStatus(db, { articleId: request.params.id, action: "unpublish", actor, now: now(), ip: request.ip }));
    },
  );

  app.post(
    "/images",
    {
      schema: {
        summary: "Upload a picture (multipart: file, caption, credit, alt)",
        security: Bearer,
        consumes: ["multipart/form-data"],
        response: {
          201: Type.Object({ id: Type.Integer(), url: Type.String(), srcset: Type.String(), width: Type.Integer(), height: Type.Integer() }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      if (!request.isMultipart()) throw new InvalidInputError("multipart/form-data bekleniyor.", { file: "Dosya gerekli." });
      const fields: Record<string, string> = {};
      let data: Buffer | undefined;
      try {
        for await (const part of request.parts()) {
          if (part.type === "file") data = await part.toBuffer();
          else if (typeof part.value === "string") fields[part.fieldname] = part.value;
        }
      } catch (error) {
        if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") {
          throw new InvalidInputError(`Dosya çok büyük: en çok ${Math.floor(maxUploadBytes / 1_048_576)} MB yüklenebilir.`, { file: "Dosya çok büyük." });
        }
        throw error;
      }
      if (!data) throw new InvalidInputError("Dosya gerekli.", { file: "Dosya gerekli." });
      const image = await uploadImage(db, { data, caption: fields.caption ?? "", credit: fields.credit ?? "", alt: fields.alt ?? "", actor, now: now(), dataDir, maxBytes: maxUploadBytes });
      const picture = toPicture(image, image.alt, 1280);
      return reply.code(201).send({
        id: image.id,
        url: publicUrl + (picture?.src ?? ""),
        srcset: (picture?.srcset ?? "").split(", ").map((s) => publicUrl + s).join(", "),
        width: image.width,
        height: image.height,
      });
    },
  );
};
