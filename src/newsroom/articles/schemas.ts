// The article forms and queries: the list, the editor form, version forms, revisions and tags.
import { type Static, Type } from "@fastify/type-provider-typebox";
import { ARTICLE_STATUSES } from "../../db/schema.ts";
import { Int32Id, PageNumber, Slug } from "../../http/schemas.ts";
import { type ArticleInput, MAX_AUTHORS, parseTagList } from "../../news/articleInput.ts";
import { MERGE_FIELDS, type Resolutions } from "../../news/mergeArticleEdit.ts";
import { RETURN_REASON_MAX, WORKFLOW_ACTIONS } from "../../news/workflow.ts";
import { ARTICLE_LIMITS, MAX_TAGS, TAG_MAX_LENGTH } from "../../news/schemas.ts";
import { Csrf, LocalDateTime, MessageQuery } from "../schemas.ts";
import type { NewsroomListOrder } from "../../news/articleStore.ts";

/** One author place of the editor form: an author's slug, or "" for none. */
const AuthorChoice = Type.Union([Slug, Type.Literal("")]);
/** Most author places a form may send (the editor shows the byline's authors plus two empty places). */
export const AUTHOR_PLACES_MAX = MAX_AUTHORS + 2;

export const ArticleStatusFilter = Type.Union(ARTICLE_STATUSES.map((status) => Type.Literal(status)));

/** A day filter as the date input sends it: YYYY-MM-DD, or empty when left blank. */
const DayFilter = Type.String({ pattern: "^(\\d{4}-\\d{2}-\\d{2})?$", maxLength: 10 });

/** The list's orders; "relevance" only means something with a text query (and is its default). */
export type ArticleListOrder = NewsroomListOrder | "relevance";

/** The list's orders as the form names them ("" or missing: the default). */
export const LIST_ORDER_KEYS = ["son-degisiklik", "ilk-degisiklik", "yayin-zamani", "ilgi"] as const;
export type ListOrderKey = (typeof LIST_ORDER_KEYS)[number];
export const LIST_ORDERS: Record<ListOrderKey, ArticleListOrder> = {
  "son-degisiklik": "changed-desc",
  "ilk-degisiklik": "changed-asc",
  "yayin-zamani": "published-desc",
  ilgi: "relevance",
};

/**
 * The newsroom list's query: status tab, words, category and author slugs, last-change days
 * (`bas`, `bit`), order, page. Blank fields, as a GET form sends them, mean no filter.
 */
export const ArticleListQuery = Type.Object(
  {
    durum: Type.Optional(ArticleStatusFilter),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    kategori: Type.Optional(Type.String({ maxLength: 120 })),
    yazar: Type.Optional(Type.String({ maxLength: 120 })),
    bas: Type.Optional(DayFilter),
    bit: Type.Optional(DayFilter),
    sirala: Type.Optional(Type.Union([Type.Literal(""), ...LIST_ORDER_KEYS.map((key) => Type.Literal(key))])),
    sayfa: Type.Optional(PageNumber),
    mesaj: MessageQuery.properties.mesaj,
  },
  { additionalProperties: false },
);

/** The editor's query: a message key after a redirect, and a picture chosen in the media picker (`gorsel`). */
export const EditorQuery = Type.Object({ mesaj: MessageQuery.properties.mesaj, gorsel: Type.Optional(Int32Id) }, { additionalProperties: false });

/** "save" (Kaydet) or a workflow step, as the editor form's buttons send them. */
export const FormAction = Type.Union([Type.Literal("save"), ...WORKFLOW_ACTIONS.map((action) => Type.Literal(action))]);

const Resolution = Type.Optional(Type.Union([Type.Literal("mine"), Type.Literal("theirs")]));

/**
 * The editor form's conflict choices, for its body schema: `resolve.<field>` = "mine" | "theirs",
 * one per article field (see `resolutionsOf`).
 */
export const ResolutionFormFields = {
  "resolve.title": Resolution,
  "resolve.spot": Resolution,
  "resolve.body": Resolution,
  "resolve.category": Resolution,
  "resolve.source": Resolution,
  "resolve.tags": Resolution,
  "resolve.authors": Resolution,
  "resolve.imageId": Resolution,
  "resolve.imageCaption": Resolution,
  "resolve.imageCredit": Resolution,
  "resolve.imageAlt": Resolution,
  "resolve.isBreaking": Resolution,
  "resolve.seoTitle": Resolution,
  "resolve.seoDescription": Resolution,
};

/** Reads `resolve.<field>` = mine | theirs from a form body; anything else is ignored. */
export function resolutionsOf(form: Readonly<Record<string, unknown>>): Resolutions {
  const out: Resolutions = {};
  for (const field of MERGE_FIELDS) {
    const value = form[`resolve.${field}`];
    if (value === "mine" || value === "theirs") out[field] = value;
  }
  return out;
}

/** A new-article form's key, as `newDraftKey` makes it (a UUID); other shapes are refused at the edge. */
export const DraftKey = Type.String({ pattern: "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", maxLength: 36 });

/**
 * The editor form. Text fields are optional because a read-only view (a disabled
 * fieldset) sends none of them; absent text is read as empty.
 */
export const ArticleForm = Type.Object(
  {
    _csrf: Csrf,
    version: Type.Optional(Int32Id),
    action: Type.Optional(FormAction),
    // The "Yayın zamanı" field: `YYYY-MM-DDTHH:mm` in Europe/Istanbul (checked strictly later).
    at: Type.Optional(LocalDateTime),
    title: Type.Optional(Type.String({ maxLength: ARTICLE_LIMITS.title })),
    spot: Type.Optional(Type.String({ maxLength: ARTICLE_LIMITS.spot })),
    body: Type.Optional(Type.String({ maxLength: ARTICLE_LIMITS.body })),
    category: Type.Optional(Type.String({ maxLength: 200 })),
    source: Type.Optional(Type.String({ maxLength: 200 })),
    tags: Type.Optional(Type.String({ maxLength: MAX_TAGS * (TAG_MAX_LENGTH + 2) })),
    // The byline: one select per place ("1. yazar", "2. yazar", ...), in form order; "" is an empty place.
    authors: Type.Optional(Type.Union([AuthorChoice, Type.Array(AuthorChoice, { maxItems: AUTHOR_PLACES_MAX })])),
    imageId: Type.Optional(Type.Union([Int32Id, Type.Literal("")])),
    imageCaption: Type.Optional(Type.String({ maxLength: ARTICLE_LIMITS.imageCaption })),
    imageCredit: Type.Optional(Type.String({ maxLength: ARTICLE_LIMITS.imageCredit })),
    imageAlt: Type.Optional(Type.String({ maxLength: ARTICLE_LIMITS.imageAlt })),
    isBreaking: Type.Optional(Type.Literal("1")),
    seoTitle: Type.Optional(Type.String({ maxLength: ARTICLE_LIMITS.seoTitle })),
    seoDescription: Type.Optional(Type.String({ maxLength: ARTICLE_LIMITS.seoDescription })),
    // The new-article form's random key: the first save (autosave or "Kaydet") creates the draft once.
    draftKey: Type.Optional(DraftKey),
    // "Muhabire geri gönder": why (required for that step, checked by news/workflow.ts assertReturnReason).
    returnReason: Type.Optional(Type.String({ maxLength: RETURN_REASON_MAX * 4 })),
    // After a conflict: the editor's choice per field (see news/saveArticleFromForm.ts).
    ...ResolutionFormFields,
  },
  { additionalProperties: false },
);
export type ArticleFormBody = Static<typeof ArticleForm>;

/** A new article's autosave: the editor form with its key required. */
export const NewAutosaveForm = Type.Object({ ...ArticleForm.properties, draftKey: DraftKey }, { additionalProperties: false });

/** Forms that act on a version of an article (delete, restore). */
export const VersionForm = Type.Object({ _csrf: Csrf, version: Int32Id }, { additionalProperties: false });

/** A restore: the version it is based on and, for a published article, the confirmation box. */
export const RestoreForm = Type.Object({ _csrf: Csrf, version: Int32Id, onay: Type.Optional(Type.Literal("1")) }, { additionalProperties: false });

export const RevisionParams = Type.Object({ id: Int32Id, revision: Int32Id });
export const CompareQuery = Type.Object({ a: Type.Optional(Int32Id), b: Type.Optional(Int32Id) }, { additionalProperties: false });

export const TagSuggestQuery = Type.Object({ q: Type.String({ maxLength: 100 }) }, { additionalProperties: false });

/** The editor form's author places as slugs in byline order, empty places left out. */
export function authorsFromForm(value: string | string[] | undefined): string[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((slug) => slug !== "");
}

/** The editor form's fields as an article input; absent text reads as empty, a checked "Son dakika" as true. */
export function articleInputFromForm(form: ArticleFormBody): ArticleInput {
  return {
    title: form.title ?? "",
    spot: form.spot ?? "",
    body: form.body ?? "",
    category: form.category ?? "",
    source: form.source ?? "",
    tags: parseTagList(form.tags ?? ""),
    authors: authorsFromForm(form.authors),
    imageId: typeof form.imageId === "number" ? form.imageId : null,
    imageCaption: form.imageCaption ?? "",
    imageCredit: form.imageCredit ?? "",
    imageAlt: form.imageAlt ?? "",
    isBreaking: form.isBreaking === "1",
    seoTitle: form.seoTitle || null,
    seoDescription: form.seoDescription || null,
  };
}
