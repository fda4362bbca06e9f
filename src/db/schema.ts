// The database schema, declared by hand for both dialects (no codegen).
// SQL columns are snake_case; Kysely's CamelCasePlugin maps them to these names.
// Timestamps are ISO 8601 UTC strings on both dialects (PostgreSQL's timestamptz is parsed to ISO in db/connect.ts).
import type { Generated, Insertable, Selectable, Updateable } from "kysely";

/** The article lifecycle's statuses, declared once (DESIGN.md: draft -> in review -> scheduled | published -> unpublished). */
export const ARTICLE_STATUSES = ["draft", "review", "scheduled", "published", "unpublished"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export interface CategoryTable {
  id: Generated<number>;
  slug: string;
  name: string;
  position: number;
  color: string;
}

export interface SourceTable {
  id: Generated<number>;
  slug: string;
  name: string;
}

/** A public author profile (the byline and `/yazar/{slug}/`). */
export interface AuthorTable {
  id: Generated<number>;
  /** Unique; the slug rule of lib/slug.ts. */
  slug: string;
  name: string;
  /** The newsroom user whose profile this is (one each); null for an author known only by name. */
  userId: number | null;
  /** Unvan, e.g. "Ekonomi Muhabiri"; "" when none. */
  title: Generated<string>;
  /** Plain text, at most AUTHOR_LIMITS.bio characters (news/authorProfile.ts). */
  bio: Generated<string>;
  /** The photo: an image of the media library. */
  imageId: number | null;
  /** JSON array of http(s) URLs (web site, X, LinkedIn, ...), in the order shown. */
  links: Generated<string>;
}

/** An article's authors, in byline order (position from 0). */
export interface ArticleAuthorTable {
  articleId: number;
  authorId: number;
  position: number;
}

export interface ImageTable {
  id: Generated<number>;
  /** Storage key prefix under DATA_DIR/media, e.g. "2026/11/abc123". */
  storageKey: string;
  width: number;
  height: number;
  /** Comma-separated widths of the WebP variants stored as `${storageKey}-${w}.webp`. */
  variantWidths: string;
  /** 1 when `${storageKey}.jpg` exists as a fallback for browsers without WebP. */
  hasFallback: Generated<number>;
  /** 1 once the share crops (`${storageKey}.16x9.jpg` etc., media/shareCrops.ts) were made for it; 0 until then. */
  hasShareCrops: Generated<number>;
  uploadedBy: number | null;
  caption: string;
  credit: string;
  alt: string;
  createdAt: string;
  /** Caption, credit and alt folded for the library search (media/librarySearch.ts); written by media/store.ts. */
  searchText: Generated<string>;
}

export interface ArticleTable {
  id: Generated<number>;
  slug: string;
  title: string;
  spot: string;
  /** Sanitised HTML. */
  body: string;
  categoryId: number;
  sourceId: number;
  imageId: number | null;
  imageCaption: string;
  imageCredit: string;
  imageAlt: string;
  status: ArticleStatus;
  version: Generated<number>;
  seoTitle: string | null;
  seoDescription: string | null;
  /** 1 when flagged "son dakika"; 0/1 on both dialects. */
  isBreaking: Generated<number>;
  breakingUntil: string | null;
  /** Manşet slot 1..n, unique among articles. */
  headlineSlot: number | null;
  viewCount: Generated<number>;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  /** Last edit made after publication: shown to readers as the updated time. */
  contentUpdatedAt: string | null;
  scheduledAt: string | null;
  /** The newsroom user who created it: reporters may edit only their own drafts. */
  ownerId: number | null;
  /** The new-article form's random key, kept so a retried or racing first save finds this article (0014). */
  draftKey: string | null;
}

export interface TagTable {
  id: Generated<number>;
  slug: string;
  name: string;
}

export interface ArticleTagTable {
  articleId: number;
  tagId: number;
  position: number;
}

/** Old paths (legacy CMS URLs, earlier slugs) answered with a 301 to the article's canonical URL. */
export interface ArticleRedirectTable {
  oldPath: string;
  articleId: number;
  createdAt: string;
}

export type Role = "muhabir" | "editor" | "yonetici";

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  disabledAt: string | null;
  createdAt: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie value: a stolen database does not yield live sessions. */
  idHash: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export interface ApiTokenTable {
  id: Generated<number>;
  userId: number;
  name: string;
  tokenHash: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/**
 * One row per throttled subject (an account's e-mail or a client address). Failures are counted
 * before the password is checked (a reservation), so parallel guesses cannot pass the limit.
 */
export interface SignInThrottleTable {
  /** SHA-256 hex (64 characters) of "account\n<e-mail>" or "ip\n<address>": bounded whatever the input. */
  keyHash: string;
  /** Attempts counted in the current window (failed or still being checked). */
  failures: number;
  /** When the current window opened; failures older than the window no longer count. */
  windowStart: string;
  /** Attempts are refused until then; null when not locked. */
  lockedUntil: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actorId: number | null;
  actorLabel: string;
  action: string;
  subject: string;
  detail: string;
  ip: string | null;
}

export interface ArticleRevisionTable {
  id: Generated<number>;
  articleId: number;
  version: number;
  status: ArticleStatus;
  title: string;
  spot: string;
  body: string;
  fields: string;
  authorId: number | null;
  authorLabel: string;
  note: string;
  createdAt: string;
}

/** One workflow step taken on an article (0014): who, when, and for a return its reason, for a schedule its time. */
export interface ArticleEventTable {
  id: Generated<number>;
  articleId: number;
  /** A WorkflowAction of news/workflow.ts ("publish" also for a scheduled article going live, by the system). */
  action: string;
  /** Null for the system (the scheduler), or a user since removed. */
  actorId: number | null;
  actorLabel: string;
  /** Why an article was sent back to its reporter; "" for other steps. */
  reason: Generated<string>;
  scheduledAt: string | null;
  createdAt: string;
}

export interface WeatherReportTable {
  plate: string;
  provider: string;
  observedAt: string;
  fetchedAt: string;
  temperature: number | null;
  humidity: number | null;
  windSpeed: number | null;
  isDay: number | null;
  /** A ConditionKey of src/weather/conditions.ts. */
  condition: string;
  forecast: string;
}

/** Search rows per article (the text itself lives in search_fts on SQLite, tsv on PostgreSQL). */
/** Articles whose text changed outside a save (a data migration): indexed again at the next start. */
export interface SearchReindexQueueTable {
  articleId: number;
}

export interface SearchDocumentTable {
  articleId: number;
  status: ArticleStatus;
  categoryId: number;
  publishedAt: string | null;
}

/** One section of the site's settings (settings/sections.ts): its fields as JSON. */
export interface SiteSettingTable {
  /** "identity", "ads_txt"; later sections (the künye) add their own names. */
  section: string;
  /** JSON of the section's fields, checked against its schema on read and write. */
  value: string;
  /** 1 on the first save, one more on each; a save based on another version is refused. */
  version: number;
  updatedAt: string;
  updatedBy: number | null;
}

/** An author's former address, answered with 301 to their current page (0013). */
export interface AuthorRedirectTable {
  oldSlug: string;
  authorId: number;
}

/**
 * A counted view (0017): a reader's view of an article counts again only after `expiresAt` (30 minutes).
 * The key is all there is of the reader: no address, no user agent, not the article (news/viewCounter.ts).
 */
export interface ArticleViewMarkTable {
  /** HMAC-SHA-256 with the day's salt of (client address, user agent, article id), first 32 hex characters. */
  keyHash: string;
  seenAt: string;
  expiresAt: string;
}

/** The random salt of one Istanbul day (`YYYY-MM-DD`), shared by the instances; past days' rows are deleted (0017). */
export interface ViewSaltTable {
  day: string;
  salt: string;
}

export interface Database {
  categories: CategoryTable;
  sources: SourceTable;
  authors: AuthorTable;
  authorRedirects: AuthorRedirectTable;
  images: ImageTable;
  articles: ArticleTable;
  tags: TagTable;
  articleTags: ArticleTagTable;
  articleAuthors: ArticleAuthorTable;
  articleRedirects: ArticleRedirectTable;
  users: UserTable;
  sessions: SessionTable;
  apiTokens: ApiTokenTable;
  signInThrottles: SignInThrottleTable;
  auditLog: AuditLogTable;
  articleRevisions: ArticleRevisionTable;
  articleEvents: ArticleEventTable;
  weatherReports: WeatherReportTable;
  searchDocuments: SearchDocumentTable;
  searchReindexQueue: SearchReindexQueueTable;
  siteSettings: SiteSettingTable;
  articleViewMarks: ArticleViewMarkTable;
  viewSalts: ViewSaltTable;
}

export type Category = Selectable<CategoryTable>;
export type Source = Selectable<SourceTable>;
export type Author = Selectable<AuthorTable>;
export type NewAuthor = Insertable<AuthorTable>;
export type Image = Selectable<ImageTable>;
export type NewImage = Insertable<ImageTable>;
export type Article = Selectable<ArticleTable>;
export type NewArticle = Insertable<ArticleTable>;
export type ArticleUpdate = Updateable<ArticleTable>;
export type Tag = Selectable<TagTable>;
export type User = Selectable<UserTable>;
export type ArticleRevision = Selectable<ArticleRevisionTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type WeatherReportRow = Selectable<WeatherReportTable>;
export type SiteSetting = Selectable<SiteSettingTable>;
