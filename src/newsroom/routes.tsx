// /yonetim: the newsroom. Each route states the role it needs (`requireRole`, checked in
// onRequest before the body is read), every signed-in post carries the session's CSRF token
// (checked before validation) and every body has a schema (`schemas.ts`).
import formbody from "@fastify/formbody";
import multipart from "@fastify/multipart";
import { type FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { VNode } from "preact";
import { listAudit } from "../audit/store.ts";
import type { Database } from "../db/schema.ts";
import { ConflictError, DomainError, ForbiddenError, InvalidInputError, RateLimitedError, StaleVersionError, UnauthorizedError } from "../errors.ts";
import { IdParams } from "../http/schemas.ts";
import { listImages } from "../media/store.ts";
import { imageQueue } from "../media/imageQueue.ts";
import { uploadImage } from "../media/uploadImage.ts";
import { type ArticleInput, emptyArticleInput, parseTagList } from "../news/articleInput.ts";
import { deleteArticle } from "../news/deleteArticle.ts";
import { listForNewsroom } from "../news/articleStore.ts";
import { loadArticleForViewing } from "../news/loadArticleForEditing.ts";
import { suggestTags } from "../news/suggestTags.ts";
import { listCategoriesAndSources } from "../news/taxonomyStore.ts";
import { HEADLINE_SLOTS, setBreakingFlag, setHeadlineOrder } from "../news/homeControl.ts";
import { getArticlePreview } from "../news/getArticle.ts";
import { compareRevisions, restoreRevision } from "../news/revisions.ts";
import { listArticleRevisions } from "../news/revisionStore.ts";
import { EditConflictError, saveArticleFromForm } from "../news/saveArticleFromForm.ts";
import { slugify } from "../lib/slug.ts";
import { articlePath } from "../news/slug.ts";
import { type WorkflowAction, availableActions, canEdit, isEditor } from "../news/workflow.ts";
import { NEWSROOM_STATUSES, searchArticles } from "../search/searchArticles.ts";
import { loadChrome } from "../site/chrome.ts";
import { ArticlePage } from "../site/views/ArticlePage.tsx";
import type { Assets } from "../ui/assets.ts";
import { renderDocument } from "../ui/render.ts";
import { parseIstanbulLocal } from "../lib/time.ts";
import { createApiToken, listApiTokens, revokeApiToken } from "./apiTokens.ts";
import { SESSION_COOKIE, actorOf, requireRole } from "./auth.ts";
import {
  AddUserForm,
  ArticleForm,
  type ArticleFormBody,
  ArticleListQuery,
  AuditQuery,
  BreakingForm,
  CompareQuery,
  CsrfForm,
  DisableForm,
  HeadlinesForm,
  MessageQuery,
  PasswordForm,
  RevisionParams,
  RoleForm,
  SignInForm,
  SignInQuery,
  TagSuggestQuery,
  TokenForm,
  UploadForm,
  VersionForm,
  resolutionsOf,
} from "./schemas.ts";
import { randomToken, safeEqual } from "./secrets.ts";
import { SESSION_HOURS, signIn, signOut } from "./signIn.ts";
import { addUser, changeOwnPassword, isRole, listUsers, setUserDisabled, setUserRole } from "./users.ts";
import { EditorPage } from "./views/EditorPage.tsx";
import type { NewsroomChrome } from "./views/NewsroomLayout.tsx";
import { ArticleListPage, AuditPage, HeadlinesPage, MediaPage, NewsroomErrorPage, PasswordPage, RevisionsPage, SignInPage, UsersPage } from "./views/pages.tsx";

export interface NewsroomOptions {
  db: Kysely<Database>;
  assets: Assets;
  dataDir: string;
  publicUrl: string;
  maxUploadBytes: number;
  now: () => Date;
}

const SIGNIN_COOKIE = "haberci_giris";
const CSRF_MESSAGE = "Form süresi dolmuş ya da geçersiz (CSRF). Sayfayı yenileyip tekrar deneyin.";

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

function isWorkflowAction(value: string): value is WorkflowAction {
  return value !== "save";
}

/** The editor form's fields as an article input; absent text reads as empty. */
export function articleInputFromForm(form: ArticleFormBody): ArticleInput {
  return {
    title: form.title ?? "",
    spot: form.spot ?? "",
    body: form.body ?? "",
    category: form.category ?? "",
    source: form.source ?? "",
    tags: parseTagList(form.tags ?? ""),
    imageId: typeof form.imageId === "number" ? form.imageId : null,
    imageCaption: form.imageCaption ?? "",
    imageCredit: form.imageCredit ?? "",
    imageAlt: form.imageAlt ?? "",
    isBreaking: form.isBreaking === "1",
    seoTitle: form.seoTitle || null,
    seoDescription: form.seoDescription || null,
  };
}

/** The CSRF token a signed-in post carries: the `_csrf` field of a form, or the X-CSRF-Token header of a script. */
function sentCsrfToken(request: FastifyRequest): string {
  const body: unknown = request.body;
  if (body !== null && typeof body === "object" && "_csrf" in body && typeof body._csrf === "string") return body._csrf;
  const header = request.headers["x-csrf-token"];
  return typeof header === "string" ? header : "";
}

export const newsroomPlugin: FastifyPluginAsyncTypebox<NewsroomOptions> = async (app, opts) => {
  const { db, assets, dataDir, publicUrl, maxUploadBytes, now } = opts;
  const maxMb = Math.floor(maxUploadBytes / 1_048_576);
  await app.register(formbody, { bodyLimit: 2 * 1024 * 1024 });
  // The newsroom takes forms, whose values are text and read as such by the schemas; a JSON body
  // would be type-converted by them ({"title": 123} saved as "123"), so JSON is refused here (415).
  app.removeContentTypeParser("application/json");
  // Multipart bodies become `{ field: value, file: Buffer }` before validation, so uploads
  // have a schema and a CSRF check like every other form.
  await app.register(multipart, { attachFieldsToBody: "keyValues", limits: { fileSize: maxUploadBytes, files: 1, fields: 10, fieldSize: 10_000, parts: 12 } });
  const secureCookies = publicUrl.startsWith("https:");

  // Every signed-in post carries its session's CSRF token; the sign-in form has its own.
  app.addHook("preValidation", async (request) => {
    if (request.method !== "POST" || request.routeOptions.url === "/yonetim/giris") return;
    const user = request.user;
    if (user && !safeEqual(sentCsrfToken(request), user.csrfToken)) throw new ForbiddenError(CSRF_MESSAGE);
  });

  const chromeOf = (request: FastifyRequest): NewsroomChrome => ({
    styleUrl: assets.newsroomStyleUrl,
    scriptUrl: assets.newsroomScriptUrl,
    user: request.user,
  });
  const page = (reply: FastifyReply, node: VNode<object>, status = 200) =>
    reply.code(status).type("text/html; charset=utf-8").header("cache-control", "no-store").send(renderDocument(node));
  const messageFor = (key: string | undefined) => (key ? MESSAGES[key] : undefined);

  const anyone = { onRequest: requireRole("muhabir") };
  const editors = { onRequest: requireRole("editor") };
  const admins = { onRequest: requireRole("yonetici") };

  // ---- sign-in ----

  app.get("/giris", { schema: { querystring: SignInQuery } }, async (request, reply) => {
    if (request.user) return reply.redirect("/yonetim/", 303);
    const token = randomToken(24);
    reply.setCookie(SIGNIN_COOKIE, token, { path: "/yonetim/giris", httpOnly: true, sameSite: "lax", secure: secureCookies });
    return page(reply, <SignInPage chrome={chromeOf(request)} csrfToken={token} next={request.query.sonra} />, 200);
  });

  app.post("/giris", { schema: { body: SignInForm } }, async (request, reply) => {
    const form = request.body;
    const cookieToken = request.cookies[SIGNIN_COOKIE] ?? "";
    const rerender = (error: string, status: number) => {
      const token = randomToken(24);
      reply.setCookie(SIGNIN_COOKIE, token, { path: "/yonetim/giris", httpOnly: true, sameSite: "lax", secure: secureCookies });
      return page(reply, <SignInPage chrome={chromeOf(request)} csrfToken={token} error={error} email={form.email} next={form.sonra} />, status);
    };
    if (cookieToken === "" || !safeEqual(form._csrf, cookieToken)) return rerender("Form süresi dolmuş; lütfen tekrar deneyin.", 403);
    try {
      const { token } = await signIn(db, { email: form.email, password: form.password, ip: request.ip, now: now() });
      reply.setCookie(SESSION_COOKIE, token, {
        path: "/yonetim",
        httpOnly: true,
        sameSite: "lax",
        secure: secureCookies || request.protocol === "https",
        maxAge: SESSION_HOURS * 3600,
      });
      reply.clearCookie(SIGNIN_COOKIE, { path: "/yonetim/giris" });
      return reply.redirect(form.sonra && !form.sonra.startsWith("//") ? form.sonra : "/yonetim/", 303);
    } catch (error) {
      if (error instanceof RateLimitedError) {
        reply.header("retry-after", String(error.retryAfterSeconds));
        return rerender(error.message, 429);
      }
      if (error instanceof UnauthorizedError) return rerender(error.message, 401);
      if (error instanceof InvalidInputError) return rerender(error.message, 400);
      throw error;
    }
  });

  app.post("/cikis", { ...anyone, schema: { body: CsrfForm } }, async (request, reply) => {
    if (request.user && request.sessionToken) await signOut(db, { token: request.sessionToken, user: request.user, now: now(), ip: request.ip });
    reply.clearCookie(SESSION_COOKIE, { path: "/yonetim" });
    return reply.redirect("/yonetim/giris", 303);
  });

  // ---- articles ----

  app.get("/", { ...anyone, schema: { querystring: ArticleListQuery } }, async (request, reply) => {
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
    return page(reply, <ArticleListPage chrome={chromeOf(request)} rows={ordered} status={status} query={q} message={messageFor(request.query.mesaj)} />);
  });

  const editorProps = async (request: FastifyRequest, articleId: number | null) => {
    const actor = actorOf(request);
    const [{ categories, sources }, images] = await Promise.all([listCategoriesAndSources(db), listImages(db, 100, 0)]);
    const loaded = articleId === null ? null : await loadArticleForViewing(db, articleId, actor);
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

  app.get("/haber/yeni", anyone, async (request, reply) => page(reply, <EditorPage {...await editorProps(request, null)} />));

  app.get("/haber/:id", { ...anyone, schema: { params: IdParams, querystring: MessageQuery } }, async (request, reply) =>
    page(reply, <EditorPage {...await editorProps(request, request.params.id)} message={messageFor(request.query.mesaj)} />),
  );

  /**
   * Saves the form and takes the step its button asked for, in one use case that checks first
   * (a refused step saves nothing). Errors re-show the form: 400 with what was typed and the form's
   * own version; 409 with the editor's changes merged onto the current article, its version, and
   * a choice per field both sides changed.
   */
  const saveFromForm = async (request: FastifyRequest, reply: FastifyReply, articleId: number | null, form: ArticleFormBody) => {
    const action = form.action ?? "save";
    const input = articleInputFromForm(form);
    try {
      const article = await saveArticleFromForm(db, {
        articleId,
        version: form.version,
        input,
        resolutions: resolutionsOf(form),
        action,
        at: form.at,
        actor: actorOf(request),
        now: now(),
        ip: request.ip,
      });
      const key = isWorkflowAction(action) ? action : articleId === null ? "olusturuldu" : "kaydedildi";
      return reply.redirect(`/yonetim/haber/${article.id}?mesaj=${key}`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInputError) && !(error instanceof StaleVersionError)) throw error;
      const props = await editorProps(request, articleId);
      if (error instanceof EditConflictError) {
        const conflict = { message: error.message, changes: error.changes, currentVersion: error.currentVersion, conflicts: error.conflicts, taken: error.taken };
        return page(reply, <EditorPage {...props} values={error.merged} at={form.at} conflict={conflict} />, 409);
      }
      if (error instanceof StaleVersionError) {
        // Nothing was merged: a step on an article the actor cannot edit (shown as it is now, to retry on
        // the current version), or a save that lost a race by a moment (what was typed stays, on its own
        // version, so the next "Kaydet" merges it).
        const retry = props.canEdit ? { values: input, version: form.version ?? props.version } : { version: error.currentVersion };
        return page(reply, <EditorPage {...props} {...retry} at={form.at} error={error.message} />, 409);
      }
      // Keep the version the typed values were based on, or the next save would take them for changes made on the current one.
      return page(reply, <EditorPage {...props} values={input} version={form.version ?? props.version} at={form.at} error={error.message} errors={error.fields} />, 400);
    }
  };

  app.post("/haber/yeni", { ...anyone, schema: { body: ArticleForm } }, async (request, reply) => saveFromForm(request, reply, null, request.body));
  app.post("/haber/:id", { ...anyone, schema: { params: IdParams, body: ArticleForm } }, async (request, reply) =>
    saveFromForm(request, reply, request.params.id, request.body),
  );

  // Autosave merges like the form: a field the editor did not change keeps its current value, and a
  // save based on a stale version changes nothing and answers 409 JSON (the page then asks for "Kaydet").
  app.post("/haber/:id/otomatik-kayit", { ...anyone, schema: { params: IdParams, body: ArticleForm } }, async (request, reply) => {
    const article = await saveArticleFromForm(db, {
      articleId: request.params.id,
      version: request.body.version,
      input: articleInputFromForm(request.body),
      resolutions: {},
      action: "save",
      at: undefined,
      actor: actorOf(request),
      now: now(),
      ip: request.ip,
      note: "Otomatik kayıt",
    });
    return reply.header("cache-control", "no-store").send({ version: article.version, savedAt: article.updatedAt });
  });

  app.get("/haber/:id/onizleme", { ...anyone, schema: { params: IdParams } }, async (request, reply) => {
    const actor = actorOf(request);
    const { article } = await loadArticleForViewing(db, request.params.id, actor);
    const [data, chrome] = await Promise.all([getArticlePreview(db, request.params.id, now()), loadChrome(db, assets, publicUrl)]);
    return page(reply, <ArticlePage chrome={chrome} data={data} />).header("x-robots-tag", "noindex");
  });

  app.post("/haber/:id/sil", { ...anyone, schema: { params: IdParams, body: VersionForm } }, async (request, reply) => {
    await deleteArticle(db, { articleId: request.params.id, version: request.body.version, actor: actorOf(request), now: now(), ip: request.ip });
    return reply.redirect("/yonetim/?mesaj=silindi", 303);
  });

  app.get("/haber/:id/surumler", { ...anyone, schema: { params: IdParams, querystring: CompareQuery } }, async (request, reply) => {
    const actor = actorOf(request);
    const { article } = await loadArticleForViewing(db, request.params.id, actor);
    const revisions = await listArticleRevisions(db, article.id);
    const { a, b } = request.query;
    const compare = a && b ? { from: a, to: b, changes: await compareRevisions(db, article.id, a, b) } : undefined;
    return page(
      reply,
      <RevisionsPage chrome={chromeOf(request)} articleId={article.id} title={article.title} currentVersion={article.version} revisions={revisions} compare={compare} canRestore={canEdit(article, actor)} />,
    );
  });

  app.post("/haber/:id/surumler/:revision/geri-yukle", { ...anyone, schema: { params: RevisionParams, body: VersionForm } }, async (request, reply) => {
    await restoreRevision(db, { articleId: request.params.id, revision: request.params.revision, version: request.body.version, actor: actorOf(request), now: now() });
    return reply.redirect(`/yonetim/haber/${request.params.id}?mesaj=geri`, 303);
  });

  app.get("/etiketler", { ...anyone, schema: { querystring: TagSuggestQuery } }, async (request) => {
    const prefix = slugify(request.query.q);
    const items = prefix === "" ? [] : await suggestTags(db, prefix, actorOf(request));
    return { items: items.map((t) => ({ slug: t.slug, name: t.name })) };
  });

  // ---- media ----

  app.get("/medya", { ...anyone, schema: { querystring: MessageQuery } }, async (request, reply) =>
    page(reply, <MediaPage chrome={chromeOf(request)} images={await listImages(db, 100, 0)} message={messageFor(request.query.mesaj)} maxMb={maxMb} />),
  );

  // A full image queue is refused before the upload is read (503 with Retry-After).
  app.post("/medya", { onRequest: [requireRole("muhabir"), async () => imageQueue.assertRoom()], schema: { body: UploadForm } }, async (request, reply) => {
    const actor = actorOf(request);
    const { file, caption, credit, alt } = request.body;
    try {
      if (!Buffer.isBuffer(file) || file.length === 0) throw new InvalidInputError("Bir dosya seçin.", { file: "Dosya seçilmedi." });
      await uploadImage(db, { data: file, caption: caption ?? "", credit: credit ?? "", alt: alt ?? "", actor, now: now(), dataDir, maxBytes: maxUploadBytes });
      return reply.redirect("/yonetim/medya?mesaj=yuklendi", 303);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      const images = await listImages(db, 100, 0);
      return page(reply, <MediaPage chrome={chromeOf(request)} images={images} error={error.message} errors={error.fields} maxMb={maxMb} />, 400);
    }
  });

  // ---- home page control ----

  app.get("/manset", { ...editors, schema: { querystring: MessageQuery } }, async (request, reply) => {
    const published = await listForNewsroom(db, { status: "published", limit: 200 });
    return page(
      reply,
      <HeadlinesPage chrome={chromeOf(request)} published={published} slots={Array.from({ length: HEADLINE_SLOTS }, (_, i) => i + 1)} message={messageFor(request.query.mesaj)} />,
    );
  });

  app.post("/manset", { ...editors, schema: { body: HeadlinesForm } }, async (request, reply) => {
    const slots = request.body.slot;
    const ids = (Array.isArray(slots) ? slots : [slots ?? ""]).filter((n): n is number => typeof n === "number");
    await setHeadlineOrder(db, { articleIds: ids, actor: actorOf(request), now: now() });
    return reply.redirect("/yonetim/manset?mesaj=manset", 303);
  });

  app.post("/haber/:id/son-dakika", { ...editors, schema: { params: IdParams, body: BreakingForm } }, async (request, reply) => {
    const untilText = request.body.until ?? "";
    const until = untilText === "" ? null : parseIstanbulLocal(untilText);
    if (untilText !== "" && !until) throw new InvalidInputError("Bitiş zamanı geçersiz.", { until: "Geçerli bir tarih ve saat girin." });
    await setBreakingFlag(db, { articleId: request.params.id, isBreaking: request.body.breaking === "1", until, actor: actorOf(request), now: now() });
    return reply.redirect("/yonetim/manset?mesaj=sondakika", 303);
  });

  // ---- users, tokens, audit (admins) ----

  const usersPage = async (request: FastifyRequest, extra: { message?: string; error?: string; errors?: Record<string, string>; newToken?: string } = {}) => {
    const [users, tokens] = await Promise.all([listUsers(db), listApiTokens(db)]);
    return <UsersPage chrome={chromeOf(request)} users={users} tokens={tokens} {...extra} />;
  };

  app.get("/kullanicilar", { ...admins, schema: { querystring: MessageQuery } }, async (request, reply) =>
    page(reply, await usersPage(request, { message: messageFor(request.query.mesaj) })),
  );

  app.post("/kullanicilar", { ...admins, schema: { body: AddUserForm } }, async (request, reply) => {
    const { role, email, name, password } = request.body;
    try {
      if (!isRole(role)) throw new InvalidInputError("Geçerli bir rol seçin.", { role: "Geçerli bir rol seçin." });
      await addUser(db, { email, name, role, password, actor: actorOf(request), now: now() });
      return reply.redirect("/yonetim/kullanicilar?mesaj=kullanici", 303);
    } catch (error) {
      if (error instanceof InvalidInputError) return page(reply, await usersPage(request, { error: error.message, errors: error.fields }), 400);
      if (error instanceof ConflictError) return page(reply, await usersPage(request, { error: error.message }), 409);
      throw error;
    }
  });

  app.post("/kullanicilar/:id/rol", { ...admins, schema: { params: IdParams, body: RoleForm } }, async (request, reply) => {
    await setUserRole(db, { userId: request.params.id, role: request.body.role, actor: actorOf(request), now: now() });
    return reply.redirect("/yonetim/kullanicilar?mesaj=rol", 303);
  });

  app.post("/kullanicilar/:id/durum", { ...admins, schema: { params: IdParams, body: DisableForm } }, async (request, reply) => {
    await setUserDisabled(db, { userId: request.params.id, disabled: request.body.disabled === "1", actor: actorOf(request), now: now() });
    return reply.redirect("/yonetim/kullanicilar?mesaj=durum", 303);
  });

  app.post("/kullanicilar/:id/anahtar", { ...admins, schema: { params: IdParams, body: TokenForm } }, async (request, reply) => {
    const token = await createApiToken(db, { userId: request.params.id, name: request.body.name ?? "", actor: actorOf(request), now: now() });
    return page(reply, await usersPage(request, { newToken: token, message: "API anahtarı oluşturuldu." }));
  });

  app.post("/anahtarlar/:id/iptal", { ...admins, schema: { params: IdParams, body: CsrfForm } }, async (request, reply) => {
    await revokeApiToken(db, { tokenId: request.params.id, actor: actorOf(request), now: now() });
    return reply.redirect("/yonetim/kullanicilar?mesaj=anahtar", 303);
  });

  app.get("/denetim", { ...admins, schema: { querystring: AuditQuery } }, async (request, reply) => {
    const pageNumber = request.query.sayfa ?? 1;
    const { items, total } = await listAudit(db, 50, (pageNumber - 1) * 50);
    return page(reply, <AuditPage chrome={chromeOf(request)} items={items} page={pageNumber} pageCount={Math.max(1, Math.ceil(total / 50))} />);
  });

  // ---- own password ----

  app.get("/parola", { ...anyone, schema: { querystring: MessageQuery } }, async (request, reply) =>
    page(reply, <PasswordPage chrome={chromeOf(request)} message={messageFor(request.query.mesaj)} />),
  );

  app.post("/parola", { ...anyone, schema: { body: PasswordForm } }, async (request, reply) => {
    const actor = actorOf(request);
    try {
      await changeOwnPassword(db, { userId: actor.id, current: request.body.current, next: request.body.next, sessionToken: request.sessionToken ?? "", now: now(), ip: request.ip });
      return reply.redirect("/yonetim/parola?mesaj=parola", 303);
    } catch (error) {
      if (error instanceof InvalidInputError) return page(reply, <PasswordPage chrome={chromeOf(request)} errors={error.fields} />, 400);
      if (error instanceof RateLimitedError) {
        reply.header("retry-after", String(error.retryAfterSeconds));
        return page(reply, <PasswordPage chrome={chromeOf(request)} errors={{ current: error.message }} />, 429);
      }
      throw error;
    }
  });
};

/** The newsroom's error page, used by the app's one error handler for /yonetim paths. */
export function newsroomErrorPage(request: FastifyRequest, assets: Assets, status: number, error: DomainError | null): VNode<object> {
  const chrome: NewsroomChrome = { styleUrl: assets.newsroomStyleUrl, scriptUrl: assets.newsroomScriptUrl, user: request.user ?? null };
  return <NewsroomErrorPage chrome={chrome} status={status} message={error?.message ?? "Beklenmeyen bir hata oluştu."} />;
}
