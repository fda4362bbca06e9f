// The articles area: the list, the editor (new, save, autosave), preview, delete, revisions and
// tag suggestions. Saving is one use case that checks first (a refused step saves nothing); a
// refused save shows the form again (`editorErrors`).
import { type FastifyPluginAsyncTypebox, type Static } from "@fastify/type-provider-typebox";
import type { FastifyRequest } from "fastify";
import { InvalidInputError, StaleVersionError } from "../../errors.ts";
import { IdParams } from "../../http/schemas.ts";
import { slugify } from "../../lib/slug.ts";
import { deleteArticle } from "../../news/deleteArticle.ts";
import { getArticlePreview } from "../../news/getArticle.ts";
import { loadArticleForViewing } from "../../news/loadArticleForEditing.ts";
import { restoreRevision } from "../../news/revisions.ts";
import { EditConflictError, saveArticleFromForm } from "../../news/saveArticleFromForm.ts";
import { suggestTags } from "../../news/suggestTags.ts";
import { loadChrome } from "../../site/chrome.ts";
import { ArticlePage } from "../../site/views/ArticlePage.tsx";
import { actorOf } from "../auth.ts";
import { type FormRequest, formErrors } from "../formErrors.ts";
import { type NewsroomOptions, anyone, chromeOf, messageFor } from "../page.ts";
import { ArticleListPage } from "../views/ArticleListPage.tsx";
import { EditorPage, type EditorPageProps } from "../views/EditorPage.tsx";
import { RevisionsPage } from "../views/RevisionsPage.tsx";
import { listArticles } from "./listArticles.ts";
import { loadEditor, loadEditorPicture } from "./loadEditor.ts";
import { loadOwnNews } from "./loadOwnNews.ts";
import { loadRevisions } from "./loadRevisions.ts";
import {
  ArticleForm,
  type ArticleFormBody,
  ArticleListQuery,
  NewAutosaveForm,
  RestoreForm,
  LIST_ORDERS,
  CompareQuery,
  EditorQuery,
  RevisionParams,
  TagSuggestQuery,
  VersionForm,
  articleInputFromForm,
  resolutionsOf,
} from "./schemas.ts";

/** The list's request, its query past the route's schema. */
type ListRequest = FastifyRequest & { query: Static<typeof ArticleListQuery> };

export const articleRoutes: FastifyPluginAsyncTypebox<NewsroomOptions> = async (app, { db, assets, publicUrl, now }) => {
  /** The list as the query asks for it; `withDays: false` leaves the day filters out (to show the form again). */
  const listFor = (request: ListRequest, withDays: boolean) => {
    const { durum: status, q, kategori, yazar, bas, bit, sirala, sayfa } = request.query;
    const filters = { query: (q ?? "").trim(), categorySlug: kategori || undefined, authorSlug: yazar || undefined, from: bas || undefined, to: bit || undefined };
    const order = sirala ? LIST_ORDERS[sirala] : undefined;
    const input = { status, ...filters, ...(withDays ? {} : { from: undefined, to: undefined }), order, page: sayfa ?? 1, actor: actorOf(request), now: now() };
    return { status, filters, list: listArticles(db, input), ownNews: loadOwnNews(db, actorOf(request)) };
  };

  app.get(
    "/",
    {
      ...anyone,
      schema: { querystring: ArticleListQuery },
      // An impossible day: the list again, unfiltered by days, with the form saying what is wrong.
      errorHandler: formErrors(ArticleListPage, [InvalidInputError], async (error, request: ListRequest) => {
        const { status, filters, list, ownNews } = listFor(request, false);
        return { chrome: chromeOf(request, assets), ...(await list), ownNews: await ownNews, status, filters, error: { message: error.message, fields: error.fields } };
      }),
    },
    async (request, reply) => {
      const { status, filters, list, ownNews } = listFor(request, true);
      const [data, news] = await Promise.all([list, ownNews]);
      return reply.render(ArticleListPage, { chrome: chromeOf(request, assets), ...data, ownNews: news, status, filters, message: messageFor(request.query.mesaj) });
    },
  );

  // `?gorsel=` is a choice made in the media picker (without JavaScript): the form offers that picture.
  app.get("/haber/yeni", { ...anyone, schema: { querystring: EditorQuery } }, async (request, reply) =>
    reply.render(EditorPage, {
      chrome: chromeOf(request, assets),
      ...(await loadEditor(db, { articleId: null, actor: actorOf(request), pickedImageId: request.query.gorsel })),
    }),
  );

  app.get("/haber/:id", { ...anyone, schema: { params: IdParams, querystring: EditorQuery } }, async (request, reply) =>
    reply.render(EditorPage, {
      chrome: chromeOf(request, assets),
      ...(await loadEditor(db, { articleId: request.params.id, actor: actorOf(request), pickedImageId: request.query.gorsel })),
      message: messageFor(request.query.mesaj),
    }),
  );

  /**
   * The editor shown again after a refused save of article `articleId` (null: a new one). 400
   * (invalid input): what was typed, on the form's own version (or the next save would take it for
   * changes made on the current one), with field errors. 409 after a conflict: the editor's changes
   * merged onto the current article, its version, and a choice per field both sides changed. 409
   * when nothing could be merged: a step on an article the actor cannot edit (shown as it is now, to
   * retry on the current version), or a save that lost a race by a moment (what was typed stays, on
   * its own version, so the next "Kaydet" merges it).
   */
  const editorAgain = async (
    error: InvalidInputError | StaleVersionError,
    request: FastifyRequest,
    form: ArticleFormBody,
    articleId: number | null,
  ): Promise<EditorPageProps> => {
    const data = await loadEditor(db, { articleId, actor: actorOf(request) });
    const shown = { chrome: chromeOf(request, assets), ...data, at: form.at };
    if (error instanceof EditConflictError) {
      const conflict = { message: error.message, changes: error.changes, currentVersion: error.currentVersion, conflicts: error.conflicts, taken: error.taken };
      return { ...shown, values: error.merged, picture: await loadEditorPicture(db, error.merged.imageId), conflict };
    }
    const input = articleInputFromForm(form);
    // The picture the form had, shown beside the typed values.
    if (input.imageId !== data.values.imageId) shown.picture = await loadEditorPicture(db, input.imageId);
    if (error instanceof StaleVersionError) {
      const retry = data.canEdit ? { values: input, version: form.version ?? data.version } : { version: error.currentVersion };
      return { ...shown, ...retry, error: error.message };
    }
    // A new article's form keeps its key, so the next save still finds a draft an autosave made.
    const typed = { returnReason: form.returnReason, ...(articleId === null && form.draftKey ? { draftKey: form.draftKey } : {}) };
    return { ...shown, ...typed, values: input, version: form.version ?? data.version, error: error.message, errors: error.fields };
  };
  const SAVE_ERRORS = [InvalidInputError, StaleVersionError];

  /** Saves the form and takes the step its button asked for; the answer is the editor with a message. */
  const save = async (request: FastifyRequest, form: ArticleFormBody, articleId: number | null) => {
    const action = form.action ?? "save";
    const article = await saveArticleFromForm(db, {
      articleId,
      version: form.version,
      input: articleInputFromForm(form),
      resolutions: resolutionsOf(form),
      action,
      at: form.at,
      actor: actorOf(request),
      now: now(),
      ip: request.ip,
      draftKey: articleId === null ? form.draftKey : undefined,
      reason: form.returnReason,
    });
    // A new form's save that found the draft its autosave made is a save, not a creation.
    const key = action !== "save" ? action : articleId === null && article.version === 1 ? "olusturuldu" : "kaydedildi";
    return `/yonetim/haber/${article.id}?mesaj=${key}`;
  };

  app.post(
    "/haber/yeni",
    {
      ...anyone,
      schema: { body: ArticleForm },
      errorHandler: formErrors(EditorPage, SAVE_ERRORS, (error, request: FormRequest<ArticleFormBody>) => editorAgain(error, request, request.body, null)),
    },
    async (request, reply) => reply.redirect(await save(request, request.body, null), 303),
  );

  app.post(
    "/haber/:id",
    {
      ...anyone,
      schema: { params: IdParams, body: ArticleForm },
      errorHandler: formErrors(EditorPage, SAVE_ERRORS, (error, request: FormRequest<ArticleFormBody, { id: number }>) =>
        editorAgain(error, request, request.body, request.params.id),
      ),
    },
    async (request, reply) => reply.redirect(await save(request, request.body, request.params.id), 303),
  );

  // Autosave merges like the form: a field the editor did not change keeps its current value, and a
  // save based on a stale version changes nothing and answers 409 JSON (the page then asks for "Kaydet").
  // The answer: `{ id, version, savedAt, editUrl, autosaveUrl }`.
  const autosaved = (article: { id: number; version: number; updatedAt: string }) => ({
    id: article.id,
    version: article.version,
    savedAt: article.updatedAt,
    editUrl: `/yonetim/haber/${article.id}`,
    autosaveUrl: `/yonetim/haber/${article.id}/otomatik-kayit`,
  });

  // A new article's first autosave creates the draft (once per form key, however many saves race);
  // the page then goes on at the draft's own addresses.
  /** One autosave: a plain save of the form as typed, noted as such in the revisions. */
  const autosave = async (request: FastifyRequest, target: { articleId: number | null; draftKey?: string }, form: Static<typeof ArticleForm>) =>
    autosaved(
      await saveArticleFromForm(db, {
        ...target,
        version: form.version,
        input: articleInputFromForm(form),
        resolutions: {},
        action: "save",
        at: undefined,
        actor: actorOf(request),
        now: now(),
        ip: request.ip,
        note: "Otomatik kayıt",
      }),
    );

  app.post("/haber/yeni/otomatik-kayit", { ...anyone, schema: { body: NewAutosaveForm } }, async (request) =>
    autosave(request, { articleId: null, draftKey: request.body.draftKey }, request.body),
  );

  app.post("/haber/:id/otomatik-kayit", { ...anyone, schema: { params: IdParams, body: ArticleForm } }, async (request) =>
    autosave(request, { articleId: request.params.id }, request.body),
  );

  // Who may view the article is checked first (`loadArticleForViewing`); then the reader's page as it would look.
  app.get("/haber/:id/onizleme", { ...anyone, schema: { params: IdParams } }, async (request, reply) => {
    await loadArticleForViewing(db, request.params.id, actorOf(request));
    const [data, chrome] = await Promise.all([getArticlePreview(db, request.params.id, now()), loadChrome(db, assets, publicUrl)]);
    return reply.header("x-robots-tag", "noindex").render(ArticlePage, { chrome, data, preview: { editUrl: `/yonetim/haber/${request.params.id}` } });
  });

  app.post("/haber/:id/sil", { ...anyone, schema: { params: IdParams, body: VersionForm } }, async (request, reply) => {
    await deleteArticle(db, { articleId: request.params.id, version: request.body.version, actor: actorOf(request), now: now(), ip: request.ip });
    return reply.redirect("/yonetim/?mesaj=silindi", 303);
  });

  app.get("/haber/:id/surumler", { ...anyone, schema: { params: IdParams, querystring: CompareQuery } }, async (request, reply) => {
    const { a, b } = request.query;
    const revisions = await loadRevisions(db, { articleId: request.params.id, actor: actorOf(request), a, b });
    return reply.render(RevisionsPage, { chrome: chromeOf(request, assets), ...revisions });
  });

  app.post("/haber/:id/surumler/:revision/geri-yukle", { ...anyone, schema: { params: RevisionParams, body: RestoreForm } }, async (request, reply) => {
    await restoreRevision(db, {
      articleId: request.params.id,
      revision: request.params.revision,
      version: request.body.version,
      actor: actorOf(request),
      now: now(),
      ip: request.ip,
      confirmed: request.body.onay === "1",
    });
    return reply.redirect(`/yonetim/haber/${request.params.id}?mesaj=geri`, 303);
  });

  app.get("/etiketler", { ...anyone, schema: { querystring: TagSuggestQuery } }, async (request) => {
    const prefix = slugify(request.query.q);
    const items = prefix === "" ? [] : await suggestTags(db, prefix, actorOf(request));
    return { items: items.map((t) => ({ slug: t.slug, name: t.name })) };
  });
};
