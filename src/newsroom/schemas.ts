// The newsroom's form bodies and query strings. Form values arrive as text; numbers in them
// are read by the schema (query strings and forms are coerced, JSON bodies are not), and
// every text field is bounded by the limits in `news/schemas.ts`.
import { type Static, Type } from "@fastify/type-provider-typebox";
import { Int32Id, PageNumber } from "../http/schemas.ts";
import { MERGE_FIELDS, type Resolutions } from "../news/mergeArticleEdit.ts";
import { ARTICLE_LIMITS, MAX_TAGS, TAG_MAX_LENGTH } from "../news/schemas.ts";
import { EMAIL_MAX_LENGTH } from "./signIn.ts";

/** Every signed-in form carries the session's CSRF token (checked before validation). */
const Csrf = Type.String({ maxLength: 100 });

/** Passwords longer than this are refused before hashing (argon2 would take them, at a cost). */
export const PASSWORD_MAX_LENGTH = 1_000;

/**
 * Where to go after signing in: a newsroom path only, without control characters or
 * whitespace (a header value with CR/LF must never reach `Location`).
 */
export const ReturnPath = Type.String({ maxLength: 500, pattern: "^/yonetim/[^\\s\\u0000-\\u001f\\u007f\\\\]*$" });

export const SignInQuery = Type.Object({ sonra: Type.Optional(ReturnPath) });

export const SignInForm = Type.Object(
  {
    _csrf: Csrf,
    email: Type.String({ maxLength: EMAIL_MAX_LENGTH }),
    password: Type.String({ maxLength: PASSWORD_MAX_LENGTH }),
    sonra: Type.Optional(ReturnPath),
  },
  { additionalProperties: false },
);

export const CsrfForm = Type.Object({ _csrf: Csrf }, { additionalProperties: false });

/** A message key after a redirect (`?mesaj=kaydedildi`); unknown keys show nothing. */
export const MessageQuery = Type.Object({ mesaj: Type.Optional(Type.String({ maxLength: 40 })) }, { additionalProperties: false });

export const ArticleStatusFilter = Type.Union([
  Type.Literal("draft"),
  Type.Literal("review"),
  Type.Literal("scheduled"),
  Type.Literal("published"),
  Type.Literal("unpublished"),
]);

export const ArticleListQuery = Type.Object(
  { durum: Type.Optional(ArticleStatusFilter), q: Type.Optional(Type.String({ maxLength: 200 })), mesaj: MessageQuery.properties.mesaj },
  { additionalProperties: false },
);

export const FormAction = Type.Union([
  Type.Literal("save"),
  Type.Literal("submit"),
  Type.Literal("withdraw"),
  Type.Literal("return"),
  Type.Literal("publish"),
  Type.Literal("schedule"),
  Type.Literal("unschedule"),
  Type.Literal("unpublish"),
]);

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

/** The "Yayın zamanı" field: `YYYY-MM-DDTHH:mm` in Europe/Istanbul (checked strictly later). */
const LocalDateTime = Type.String({ maxLength: 40 });

/**
 * The editor form. Text fields are optional because a read-only view (a disabled
 * fieldset) sends none of them; absent text is read as empty.
 */
export const ArticleForm = Type.Object(
  {
    _csrf: Csrf,
    version: Type.Optional(Int32Id),
    action: Type.Optional(FormAction),
    at: Type.Optional(LocalDateTime),
    title: Type.Optional(Type.String({ maxLength: ARTICLE_LIMITS.title })),
    spot: Type.Optional(Type.String({ maxLength: ARTICLE_LIMITS.spot })),
    body: Type.Optional(Type.String({ maxLength: ARTICLE_LIMITS.body })),
    category: Type.Optional(Type.String({ maxLength: 200 })),
    source: Type.Optional(Type.String({ maxLength: 200 })),
    tags: Type.Optional(Type.String({ maxLength: MAX_TAGS * (TAG_MAX_LENGTH + 2) })),
    imageId: Type.Optional(Type.Union([Int32Id, Type.Literal("")])),
    imageCaption: Type.Optional(Type.String({ maxLength: ARTICLE_LIMITS.imageCaption })),
    imageCredit: Type.Optional(Type.String({ maxLength: ARTICLE_LIMITS.imageCredit })),
    imageAlt: Type.Optional(Type.String({ maxLength: ARTICLE_LIMITS.imageAlt })),
    isBreaking: Type.Optional(Type.Literal("1")),
    seoTitle: Type.Optional(Type.String({ maxLength: ARTICLE_LIMITS.seoTitle })),
    seoDescription: Type.Optional(Type.String({ maxLength: ARTICLE_LIMITS.seoDescription })),
    // After a conflict: the editor's choice per field (see news/saveArticleFromForm.ts).
    ...ResolutionFormFields,
  },
  { additionalProperties: false },
);
export type ArticleFormBody = Static<typeof ArticleForm>;

/** Forms that act on a version of an article (delete, restore). */
export const VersionForm = Type.Object({ _csrf: Csrf, version: Int32Id }, { additionalProperties: false });

export const RevisionParams = Type.Object({ id: Int32Id, revision: Int32Id });
export const CompareQuery = Type.Object({ a: Type.Optional(Int32Id), b: Type.Optional(Int32Id) }, { additionalProperties: false });

export const TagSuggestQuery = Type.Object({ q: Type.String({ maxLength: 100 }) }, { additionalProperties: false });

/** Manşet slots in order; an empty slot is sent as "". */
const SlotValue = Type.Union([Int32Id, Type.Literal("")]);
export const HeadlinesForm = Type.Object(
  { _csrf: Csrf, slot: Type.Optional(Type.Union([SlotValue, Type.Array(SlotValue, { maxItems: 20 })])) },
  { additionalProperties: false },
);

export const BreakingForm = Type.Object(
  { _csrf: Csrf, breaking: Type.Union([Type.Literal("0"), Type.Literal("1")]), until: Type.Optional(LocalDateTime) },
  { additionalProperties: false },
);

export const RoleValue = Type.Union([Type.Literal("muhabir"), Type.Literal("editor"), Type.Literal("yonetici")]);

export const AddUserForm = Type.Object(
  {
    _csrf: Csrf,
    name: Type.String({ maxLength: 120 }),
    email: Type.String({ maxLength: EMAIL_MAX_LENGTH }),
    role: Type.String({ maxLength: 20 }),
    password: Type.String({ maxLength: PASSWORD_MAX_LENGTH }),
  },
  { additionalProperties: false },
);

export const RoleForm = Type.Object({ _csrf: Csrf, role: RoleValue }, { additionalProperties: false });
export const DisableForm = Type.Object({ _csrf: Csrf, disabled: Type.Union([Type.Literal("0"), Type.Literal("1")]) }, { additionalProperties: false });
export const TokenForm = Type.Object({ _csrf: Csrf, name: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false });

export const AuditQuery = Type.Object({ sayfa: Type.Optional(PageNumber) }, { additionalProperties: false });

export const PasswordForm = Type.Object(
  { _csrf: Csrf, current: Type.String({ maxLength: PASSWORD_MAX_LENGTH }), next: Type.String({ maxLength: PASSWORD_MAX_LENGTH }) },
  { additionalProperties: false },
);

/**
 * The media upload (multipart): text fields, the CSRF token, and `file`, a Buffer read by
 * @fastify/multipart (its size is bounded by MAX_UPLOAD_MB there).
 */
export const UploadForm = Type.Object(
  {
    _csrf: Csrf,
    caption: Type.Optional(Type.String({ maxLength: 500 })),
    credit: Type.Optional(Type.String({ maxLength: 120 })),
    alt: Type.Optional(Type.String({ maxLength: 300 })),
    file: Type.Optional(Type.Unsafe<Buffer>({ description: "the picture" })),
  },
  { additionalProperties: false },
);
