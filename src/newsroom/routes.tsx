// /yonetim: the newsroom. Every route checks the session and the role on the server;
// every form post carries the session's CSRF token.
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import multipart from "@fastify/multipart";
import { type FastifyPluginAsyncTypebox, Type } from "@fastify/type-provider-typebox";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { VNode } from "preact";
import { listAudit } from "../audit/store.ts";
import type { Database } from "../db/schema.ts";
import { ConflictError, DomainError, ForbiddenError, InvalidInputError, RateLimitedError, UnauthorizedError } from "../errors.ts";
import { listImages } from "../media/store.ts";
import { uploadImage } from "../media/uploadImage.ts";
import { type ArticleInput, emptyArticleInput, parseTagList } from "../news/articleInput.ts";
import { changeArticleStatus } from "../news/changeArticleStatus.ts";
import { deleteArticle } from "../news/deleteArticle.ts";
import { listCategoriesAndSources, listForNewsroom, loadArticleForEditing, suggestTags } from "../news/editing.ts";
import { HEADLINE_SLOTS, setBreakingFlag, setHeadlineOrder } from "../news/homeControl.ts";
import { getArticlePreview } from "../news/read.ts";
import { compareRevisions, listArticleRevisions, restoreRevision } from "../news/revisions.ts";
import { createArticle, updateArticle } from "../news/saveArticle.ts";
import { articlePath, slugify } from "../news/slug.ts";
import { type Actor, availableActions, canEdit, isEditor, type WorkflowAction } from "../news/workflow.ts";
import { StaleVersionError } from "../news/writeSupport.ts";
import { NEWSROOM_STATUSES, searchArticles } from "../search/searchArticles.ts";
import { loadChrome } from "../site/chrome.ts";
import { ArticlePage } from "../site/views/ArticlePage.tsx";
import type { Assets } from "../ui/assets.ts";
import { renderDocument } from "../ui/render.ts";
import { parseIstanbulLocal } from "../ui/time.ts";
import { createApiToken, listApiTokens, revokeApiToken } from "./apiTokens.ts";
import { randomToken, safeEqual } from "./secrets.ts";
import { SESSION_HOURS, type SessionUser, findSession, signIn, signOut } from "./signIn.ts";
import { addUser, changeOwnPassword, isRole, listUsers, setUserDisabled, setUserRole } from "./users.ts";
import { EditorPage } from "./views/EditorPage.tsx";
import type { NewsroomChrome } from "./views/NewsroomLayout.tsx";
import { ArticleListPage, AuditPage, HeadlinesPage, MediaPage, NewsroomErrorPage, PasswordPage, RevisionsPage, SignInPage, UsersPage } from "./views/pages.tsx";

declare module "fastify" {
  interface FastifyRequest {
    user: SessionUser | null;
    sessionToken: string | null;
  }
}

export interface NewsroomOptions {
  db: Kysely<Database>;
  assets: Assets;
  dataDir: string;
  publicUrl: string;
  maxUploadBytes: number;
  now: () => Date;
}

export const SESSION_COOKIE = "haberci_oturum";
const SIGNIN_COOKIE = "haberci_giris";

type Form = Record<string, string | string[] | undefined>;
const FormSchema = Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]));
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });

function field(form: Form, name: string): string {
  const v = form[name];
  return (Array.isArray(v) ? v[0] : v) ?? "";
}

const MESSAGES: Record<string, string> = {
  kaydedildi: "Kaydedildi.",
  olusturuldu: "Haber oluşturuldu.",
  submit: "Haber onaya gönderildi.",
  withdraw: "Haber onaydan geri çekildi.",
  return: "Haber muhabire geri gönderildi.",
  publish: "Haber yayınlandı.",
  schedule: "Haber zamanlandı.",
  unschedule: "Zamanlama iptal edildi; haber taslağa döndü.",
  unpublish: "Haber yayından kaldırıldı.",
  silindi: "Haber silindi.",
  geri: "Sürüm geri yüklendi.",
  yuklendi: "Görsel yüklendi.",
  manset: "Manşet kaydedildi.",
  sondakika: "Son dakika işareti güncellendi.",
  kullanici: "Kullanıcı eklendi.",
  rol: "Rol değiştirildi.",
  durum: "Kullanıcı durumu değişti.",
  anahtar: "API anahtarı iptal edildi.",
  parola: "Parolanız değişti; diğer oturumlarınız kapatıldı.",
};

// A new article's form offers the one step its writer may take right after saving.
const NEW_ARTICLE_ACTIONS: Record<"editor" | "reporter", WorkflowAction[]> = { editor: ["publish"], reporter: ["submit"] };

const WORKFLOW_ACTIONS: WorkflowAction[] = ["submit", "withdraw", "return", "publish", "schedule", "unschedule", "unpublish"];
function isWorkflowAction(value: string): value is WorkflowAction {
  return (WORKFLOW_ACTIONS as string[]).includes(value);
}

function actorOf(request: FastifyRequest): Actor {
  const user = request.user;
  if (!user) throw new UnauthorizedError();
  return { id: user.id, name: user.name, role: user.role };
}

function requireAdmin(request: FastifyRequest): Actor {
  const actor = actorOf(request);
  if (actor.role !== "yonetici") throw new ForbiddenError();
  return actor;
}

function requireEditor(request: FastifyRequest): Actor {
  const actor = actorOf(request);
  if (!isEditor(actor.role)) throw new ForbiddenError();
  return actor;
}

export function articleInputFromForm(form: Form): ArticleInput {
  const imageId = Number(field(form, "imageId"));
  return {
    title: field(form, "title"),
    spot: field(form, "spot"),
    body: field(form, "body"),
    category: field(form, "category"),
    source: field(form, "source"),
    tags: parseTagList(field(form, "tags")),
    imageId: Number.isInteger(imageId) && imageId > 0 ? imageId : null,
    imageCaption: field(form, "imageCaption"),
    imageCredit: field(form, "imageCredit"),
    imageAlt: field(form, "imageAlt"),
    isBreaking: field(form, "isBreaking") === "1",
    seoTitle: field(form, "seoTitle") || null,
    seoDescription: field(form, "seoDescription") || null,
  };
}

function versionOf(form: Form): number {
  const v = Number(field(form, "version"));
  if (!Number.isInteger(v) || v < 1) throw new InvalidInputError("Sürüm bilgisi eksik; sayfayı yenileyin.");
  return v;
}

export const newsroomPlugin: FastifyPluginAsyncTypebox<NewsroomOptions> = async (app, opts) => {
  const { db, assets, dataDir, publicUrl, maxUploadBytes, now } = opts;
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 2 * 1024 * 1024 });
  await app.register(multipart, { limits: { fileSize: maxUploadBytes, files: 1, fields: 10, fieldSize: 10_000 } });
  const secureCookies = publicUrl.startsWith("https:");

  app.decorateRequest("user", null);
  app.decorateRequest("sessionToken", null);

  const chromeOf = (request: FastifyRequest): NewsroomChrome => ({
    styleUrl: assets.newsroomStyleUrl,
    scriptUrl: assets.newsroomScriptUrl,
    user: request.user,
  });
  const page = (reply: FastifyReply, node: VNode<object>, status = 200) =>
    reply.code(status).type("text/html; charset=utf-8").header("cache-control", "no-store").send(renderDocument(node));
  const message = (request: FastifyRequest) => {
    const key = (request.query as Record<string, string | undefined>).mesaj;
    return key ? MESSAGES[key] : undefined;
  };

  app.addHook("onRequest", async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const user = await findSession(db, token, now());
      if (user) {
        request.user = user;
        request.sessionToken = token;
      } else {
        reply.clearCookie(SESSION_COOKIE, { path: "/yonetim" });
      }
    }
  });

  // Everything but the sign-in form needs a session; every post needs its CSRF token.
  app.addHook("preHandler", async (request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    if (path === "/yonetim/giris") return;
    if (!request.user) {
      if (request.method === "GET" && !(request.headers.accept ?? "").includes("application/json")) {
        return reply.redirect(`/yonetim/giris?sonra=${encodeURIComponent(request.url)}`, 303);
      }
      throw new UnauthorizedError();
    }
    if (request.method === "POST" && !request.isMultipart()) {
      const sent = field((request.body ?? {}) as Form, "_csrf") || String(request.headers["x-csrf-token"] ?? "");
      if (!safeEqual(sent, request.user.csrfToken)) throw new ForbiddenError("Form süresi dolmuş ya da geçersiz (CSRF). Sayfayı yenileyip tekrar deneyin.");
    }
  });

  // ---- sign-in ----

  app.get("/giris", { schema: { querystring: Type.Object({ sonra: Type.Optional(Type.String({ maxLength: 500 })) }) } }, async (request, reply) => {
    if (request.user) return reply.redirect("/yonetim/", 303);
    const token = randomToken(24);
    reply.setCookie(SIGNIN_COOKIE, token, { path: "/yonetim/giris", httpOnly: true, sameSite: "lax", secure: secureCookies });
    return page(reply, <SignInPage chrome={chromeOf(request)} csrfToken={token} next={request.query.sonra} />, 200);
  });

  app.post("/giris", { schema: { body: FormSchema } }, async (request, reply) => {
    const form = request.body;
    const email = field(form, "email");
    const cookieToken = request.cookies[SIGNIN_COOKIE] ?? "";
    const rerender = (error: string, status: number) => {
      const token = randomToken(24);
      reply.setCookie(SIGNIN_COOKIE, token, { path: "/yonetim/giris", httpOnly: true, sameSite: "lax", secure: secureCookies });
      return page(reply, <SignInPage chrome={chromeOf(request)} csrfToken={token} error={error} email={email} next={field(form, "sonra")} />, status);
    };
    if (cookieToken === "" || !safeEqual(field(form, "_csrf"), cookieToken)) return rerender("Form süresi dolmuş; lütfen tekrar deneyin.", 403);
    try {
      const { token } = await signIn(db, { email, password: field(form, "password"), ip: request.ip, now: now() });
      reply.setCookie(SESSION_COOKIE, token, {
        path: "/yonetim",
        httpOnly: true,
        sameSite: "lax",
        secure: secureCookies || request.protocol === "https",
        maxAge: SESSION_HOURS * 3600,
      });
      reply.clearCookie(SIGNIN_COOKIE, { path: "/yonetim/giris" });
      const next = field(form, "sonra");
      return reply.redirect(next.startsWith("/yonetim/") && !next.startsWith("//") ? next : "/yonetim/", 303);
    } catch (error) {
      if (error instanceof RateLimitedError) {
        reply.header("retry-after", String(error.retryAfterSeconds));
        return rerender(error.message, 429);
      }
      if (error instanceof UnauthorizedError) return rerender(error.message, 401);
      throw error;
    }
  });

  app.post("/cikis", async (request, reply) => {
    if (request.user && request.sessionToken) await signOut(db, { token: request.sessionToken, user: request.user, now: now(), ip: request.ip });
    reply.clearCookie(SESSION_COOKIE, { path: "/yonetim" });
    return reply.redirect("/yonetim/giris", 303);
  });

  // ---- articles ----

  app.get(
    "/",
    {
      schema: {
        querystring: Type.Object({
          durum: Type.Optional(
            Type.Union([Type.Literal("draft"), Type.Literal("review"), Type.Literal("scheduled"), Type.Literal("published"), Type.Literal("unpublished")]),
          ),
          q: Type.Optional(Type.String()),
          mesaj: Type.Optional(Type.String()),
        }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const status = request.query.durum;
      const q = (request.query.q ?? "").trim();
      // Reporters see their own articles; editors see the whole newsroom. A query searches drafts too.
      let ids: number[] | undefined;
      if (q !== "") {
        const found = await searchArticles(db, { q, page: 1, pageSize: 100, now: now(), statuses: status ? [status] : NEWSROOM_STATUSES });
        ids = found.hits.map((h) => h.card.id);
      }
      const rows = await listForNewsroom(db, { status, ids, ownerId: isEditor(actor.role) ? undefined : actor.id });
      const ordered = ids ? ids.flatMap((id) => rows.filter((r) => r.id === id)) : rows;
      return page(reply, <ArticleListPage chrome={chromeOf(request)} rows={ordered} status={status} query={q} message={message(request)} />);
    },
  );

  const editorProps = async (request: FastifyRequest, articleId: number | null) => {
    const actor = actorOf(request);
    const [{ categories, sources }, images] = await Promise.all([listCategoriesAndSources(db), listImages(db, 100, 0)]);
    const loaded = articleId === null ? null : await loadArticleForEditing(db, articleId);
    if (loaded && !isEditor(actor.role) && loaded.article.ownerId !== actor.id) throw new ForbiddenError("Bu haber size ait değil.");
    const article = loaded?.article ?? null;
    return {
      chrome: chromeOf(request),
      article,
      values: loaded?.values ?? emptyArticleInput(categories[0]?.slug ?? "", sources[0]?.slug ?? ""),
      categories,
      sources,
      images,
      actions: article ? availableActions(article, actor) : NEW_ARTICLE_ACTIONS[isEditor(actor.role) ? "editor" : "reporter"],
      canEdit: article ? canEdit(article, actor) : true,
      canSetBreaking: isEditor(actor.role),
      publicUrl: article?.status === "published" ? articlePath(categories.find((c) => c.id === article.categoryId)?.slug ?? "", article.slug, article.id) : null,
      version: article?.version ?? 1,
    };
  };

  app.get("/haber/yeni", async (request, reply) => page(reply, <EditorPage {...await editorProps(request, null)} />));

  app.get("/haber/:id", { schema: { params: IdParams, querystring: Type.Object({ mesaj: Type.Optional(Type.String()) }) } }, async (request, reply) =>
    page(reply, <EditorPage {...await editorProps(request, request.params.id)} message={message(request)} />),
  );

  /** Saves the form, then takes the workflow step its button asked for. Errors re-show the form with what was typed. */
  const saveFromForm = async (request: FastifyRequest, reply: FastifyReply, articleId: number | null, form: Form) => {
    const actor = actorOf(request);
    const action = field(form, "action") || "save";
    const input = articleInputFromForm(form);
    try {
      let id = articleId;
      let version: number | undefined;
      if (id === null) {
        const created = await createArticle(db, { input, actor, now: now() });
        id = created.id;
        version = created.version;
      } else {
        const { article } = await loadArticleForEditing(db, id);
        version = versionOf(form);
        if (canEdit(article, actor)) version = (await updateArticle(db, { articleId: id, version, input, actor, now: now() })).version;
        else if (action === "save") throw new ForbiddenError("Bu haberi düzenleme yetkiniz yok.");
      }
      if (isWorkflowAction(action)) {
        const at = action === "schedule" ? parseIstanbulLocal(field(form, "at")) : null;
        if (action === "schedule" && !at) throw new InvalidInputError("Yayın zamanını girin.", { at: "Geçerli bir tarih ve saat girin." });
        await changeArticleStatus(db, { articleId: id, action, actor, now: now(), at: at ?? undefined, version, ip: request.ip });
      }
      const key = isWorkflowAction(action) ? action : articleId === null ? "olusturuldu" : "kaydedildi";
      return reply.redirect(`/yonetim/haber/${id}?mesaj=${key}`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInputError) && !(error instanceof StaleVersionError)) throw error;
      const props = await editorProps(request, articleId);
      const values = { ...input, tags: input.tags };
      if (error instanceof StaleVersionError) {
        return page(reply, <EditorPage {...props} values={values} conflict={{ message: error.message, changes: error.changes, currentVersion: error.currentVersion }} />, 409);
      }
      return page(reply, <EditorPage {...props} values={values} error={error.message} errors={error.fields} />, 400);
    }
  };

  app.post("/haber/yeni", { schema: { body: FormSchema } }, async (request, reply) => saveFromForm(request, reply, null, request.body));
  app.post("/haber/:id", { schema: { params: IdParams, body: FormSchema } }, async (request, reply) => saveFromForm(request, reply, request.params.id, request.body));

  app.post("/haber/:id/otomatik-kayit", { schema: { params: IdParams, body: FormSchema } }, async (request, reply) => {
    const article = await updateArticle(db, {
      articleId: request.params.id,
      version: versionOf(request.body),
      input: articleInputFromForm(request.body),
      actor: actorOf(request),
      now: now(),
      note: "Otomatik kayıt",
    });
    return reply.header("cache-control", "no-store").send({ version: article.version, savedAt: article.updatedAt });
  });

  app.get("/haber/:id/onizleme", { schema: { params: IdParams } }, async (request, reply) => {
    const actor = actorOf(request);
    const { article } = await loadArticleForEditing(db, request.params.id);
    if (!isEditor(actor.role) && article.ownerId !== actor.id) throw new ForbiddenError();
    const [data, chrome] = await Promise.all([getArticlePreview(db, request.params.id, now()), loadChrome(db, assets, publicUrl)]);
    return page(reply, <ArticlePage chrome={chrome} data={data} />).header("x-robots-tag", "noindex");
  });

  app.post("/haber/:id/sil", { schema: { params: IdParams, body: FormSchema } }, async (request, reply) => {
    await deleteArticle(db, { articleId: request.params.id, version: versionOf(request.body), actor: actorOf(request), now: now(), ip: request.ip });
    return reply.redirect("/yonetim/?mesaj=silindi", 303);
  });

  app.get(
    "/haber/:id/surumler",
    { schema: { params: IdParams, querystring: Type.Object({ a: Type.Optional(Type.Integer({ minimum: 1 })), b: Type.Optional(Type.Integer({ minimum: 1 })) }) } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { article } = await loadArticleForEditing(db, request.params.id);
      if (!isEditor(actor.role) && article.ownerId !== actor.id) throw new ForbiddenError();
      const revisions = await listArticleRevisions(db, article.id);
      const { a, b } = request.query;
      const compare = a && b ? { from: a, to: b, changes: await compareRevisions(db, article.id, a, b) } : undefined;
      return page(
        reply,
        <RevisionsPage chrome={chromeOf(request)} articleId={article.id} title={article.title} currentVersion={article.version} revisions={revisions} compare={compare} canRestore={canEdit(article, actor)} />,
      );
    },
  );

  app.post(
    "/haber/:id/surumler/:revision/geri-yukle",
    { schema: { params: Type.Object({ id: Type.Integer({ minimum: 1 }), revision: Type.Integer({ minimum: 1 }) }), body: FormSchema } },
    async (request, reply) => {
      await restoreRevision(db, { articleId: request.params.id, revision: request.params.revision, version: versionOf(request.body), actor: actorOf(request), now: now() });
      return reply.redirect(`/yonetim/haber/${request.params.id}?mesaj=geri`, 303);
    },
  );

  app.get("/etiketler", { schema: { querystring: Type.Object({ q: Type.String({ maxLength: 100 }) }) } }, async (request) => {
    const prefix = slugify(request.query.q);
    const items = prefix === "" ? [] : await suggestTags(db, prefix);
    return { items: items.map((t) => ({ slug: t.slug, name: t.name })) };
  });

  // ---- media ----

  app.get("/medya", { schema: { querystring: Type.Object({ mesaj: Type.Optional(Type.String()) }) } }, async (request, reply) => {
    actorOf(request);
    return page(reply, <MediaPage chrome={chromeOf(request)} images={await listImages(db, 100, 0)} message={message(request)} maxMb={Math.floor(maxUploadBytes / 1_048_576)} />);
  });

  app.post("/medya", async (request, reply) => {
    const actor = actorOf(request);
    const fields: Record<string, string> = {};
    let data: Buffer | undefined;
    let tooLarge = false;
    try {
      for await (const part of request.parts()) {
        if (part.type === "file") {
          data = await part.toBuffer();
        } else if (typeof part.value === "string") {
          fields[part.fieldname] = part.value;
        }
      }
    } catch (error) {
      if ((error as { code?: string }).code !== "FST_REQ_FILE_TOO_LARGE") throw error;
      tooLarge = true;
    }
    if (!request.user || !safeEqual(fields._csrf ?? "", request.user.csrfToken)) throw new ForbiddenError("Form süresi dolmuş ya da geçersiz (CSRF). Sayfayı yenileyip tekrar deneyin.");
    try {
      if (tooLarge) throw new InvalidInputError(`Dosya çok büyük: en çok ${Math.floor(maxUploadBytes / 1_048_576)} MB yüklenebilir.`, { file: "Dosya çok büyük." });
      if (!data) throw new InvalidInputError("Bir dosya seçin.", { file: "Dosya seçilmedi." });
      await uploadImage(db, { data, caption: fields.caption ?? "", credit: fields.credit ?? "", alt: fields.alt ?? "", actor, now: now(), dataDir, maxBytes: maxUploadBytes });
      return reply.redirect("/yonetim/medya?mesaj=yuklendi", 303);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      const images = await listImages(db, 100, 0);
      return page(reply, <MediaPage chrome={chromeOf(request)} images={images} error={error.message} errors={error.fields} maxMb={Math.floor(maxUploadBytes / 1_048_576)} />, 400);
    }
  });

  // ---- home page control ----

  app.get("/manset", { schema: { querystring: Type.Object({ mesaj: Type.Optional(Type.String()) }) } }, async (request, reply) => {
    requireEditor(request);
    const published = await listForNewsroom(db, { status: "published", limit: 200 });
    return page(reply, <HeadlinesPage chrome={chromeOf(request)} published={published} slots={Array.from({ length: HEADLINE_SLOTS }, (_, i) => i + 1)} message={message(request)} />);
  });

  app.post("/manset", { schema: { body: FormSchema } }, async (request, reply) => {
    const slots = request.body.slot;
    const ids = (Array.isArray(slots) ? slots : [slots ?? ""]).map(Number).filter((n) => Number.isInteger(n) && n > 0);
    await setHeadlineOrder(db, { articleIds: ids, actor: requireEditor(request), now: now() });
    return reply.redirect("/yonetim/manset?mesaj=manset", 303);
  });

  app.post("/haber/:id/son-dakika", { schema: { params: IdParams, body: FormSchema } }, async (request, reply) => {
    const untilText = field(request.body, "until");
    const until = untilText === "" ? null : parseIstanbulLocal(untilText);
    if (untilText !== "" && !until) throw new InvalidInputError("Bitiş zamanı geçersiz.");
    await setBreakingFlag(db, { articleId: request.params.id, isBreaking: field(request.body, "breaking") === "1", until, actor: requireEditor(request), now: now() });
    return reply.redirect("/yonetim/manset?mesaj=sondakika", 303);
  });

  // ---- users, tokens, audit (admins) ----

  const usersPage = async (request: FastifyRequest, extra: { message?: string; error?: string; errors?: Record<string, string>; newToken?: string } = {}) => {
    const [users, tokens] = await Promise.all([listUsers(db), listApiTokens(db)]);
    return <UsersPage chrome={chromeOf(request)} users={users} tokens={tokens} {...extra} />;
  };

  app.get("/kullanicilar", { schema: { querystring: Type.Object({ mesaj: Type.Optional(Type.String()) }) } }, async (request, reply) => {
    requireAdmin(request);
    return page(reply, await usersPage(request, { message: message(request) }));
  });

  app.post("/kullanicilar", { schema: { body: FormSchema } }, async (request, reply) => {
    const actor = requireAdmin(request);
    const role = field(request.body, "role");
    try {
      if (!isRole(role)) throw new InvalidInputError("Geçerli bir rol seçin.");
      await addUser(db, { email: field(request.body, "email"), name: field(request.body, "name"), role, password: field(request.body, "password"), actor, now: now() });
      return reply.redirect("/yonetim/kullanicilar?mesaj=kullanici", 303);
    } catch (error) {
      if (error instanceof InvalidInputError) return page(reply, await usersPage(request, { error: error.message, errors: error.fields }), 400);
      if (error instanceof ConflictError) return page(reply, await usersPage(request, { error: error.message }), 409);
      throw error;
    }
  });

  app.post("/kullanicilar/:id/rol", { schema: { params: IdParams, body: FormSchema } }, async (request, reply) => {
    const role = field(request.body, "role");
    if (!isRole(role)) throw new InvalidInputError("Geçerli bir rol seçin.");
    await setUserRole(db, { userId: request.params.id, role, actor: requireAdmin(request), now: now() });
    return reply.redirect("/yonetim/kullanicilar?mesaj=rol", 303);
  });

  app.post("/kullanicilar/:id/durum", { schema: { params: IdParams, body: FormSchema } }, async (request, reply) => {
    await setUserDisabled(db, { userId: request.params.id, disabled: field(request.body, "disabled") === "1", actor: requireAdmin(request), now: now() });
    return reply.redirect("/yonetim/kullanicilar?mesaj=durum", 303);
  });

  app.post("/kullanicilar/:id/anahtar", { schema: { params: IdParams, body: FormSchema } }, async (request, reply) => {
    const token = await createApiToken(db, { userId: request.params.id, name: field(request.body, "name"), actor: requireAdmin(request), now: now() });
    return page(reply, await usersPage(request, { newToken: token, message: "API anahtarı oluşturuldu." }));
  });

  app.post("/anahtarlar/:id/iptal", { schema: { params: IdParams, body: FormSchema } }, async (request, reply) => {
    await revokeApiToken(db, { tokenId: request.params.id, actor: requireAdmin(request), now: now() });
    return reply.redirect("/yonetim/kullanicilar?mesaj=anahtar", 303);
  });

  app.get("/denetim", { schema: { querystring: Type.Object({ sayfa: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }) }) } }, async (request, reply) => {
    requireAdmin(request);
    const { items, total } = await listAudit(db, 50, (request.query.sayfa - 1) * 50);
    return page(reply, <AuditPage chrome={chromeOf(request)} items={items} page={request.query.sayfa} pageCount={Math.max(1, Math.ceil(total / 50))} />);
  });

  // ---- own password ----

  app.get("/parola", { schema: { querystring: Type.Object({ mesaj: Type.Optional(Type.String()) }) } }, async (request, reply) => {
    actorOf(request);
    return page(reply, <PasswordPage chrome={chromeOf(request)} message={message(request)} />);
  });

  app.post("/parola", { schema: { body: FormSchema } }, async (request, reply) => {
    const actor = actorOf(request);
    try {
      await changeOwnPassword(db, { userId: actor.id, current: field(request.body, "current"), next: field(request.body, "next"), sessionToken: request.sessionToken ?? "", now: now() });
      return reply.redirect("/yonetim/parola?mesaj=parola", 303);
    } catch (error) {
      if (error instanceof InvalidInputError) return page(reply, <PasswordPage chrome={chromeOf(request)} errors={error.fields} />, 400);
      throw error;
    }
  });
};

/** The newsroom's error page, used by the app's one error handler for /yonetim paths. */
export function newsroomErrorPage(request: FastifyRequest, assets: Assets, status: number, error: DomainError | null): VNode<object> {
  const chrome: NewsroomChrome = { styleUrl: assets.newsroomStyleUrl, scriptUrl: assets.newsroomScriptUrl, user: request.user ?? null };
  return <NewsroomErrorPage chrome={chrome} status={status} message={error?.message ?? "Beklenmeyen bir hata oluştu."} />;
}
