// The article editor (/yonetim/haber/yeni, /yonetim/haber/:id): the form, its workflow
// buttons, and after a conflict the summary and a choice per field (ConflictPanel.tsx).
import type { ArticleStatus } from "../../db/schema.ts";
import { formatIstanbulTime, toIstanbulLocalInput } from "../../lib/time.ts";
import type { ArticleInput } from "../../news/articleInput.ts";
import { RETURN_REASON_MAX, STATUS_LABELS, type WorkflowAction } from "../../news/workflow.ts";
import { AUTHOR_PLACES_MAX } from "../articles/schemas.ts";
import { pickerPath } from "./MediaPickerPage.tsx";
import { ConflictChoice, type EditorConflict, ConflictSummary } from "./ConflictPanel.tsx";
import { Csrf, FieldError, NewsroomLayout, type NewsroomChrome, Notice } from "./NewsroomLayout.tsx";

export const ACTION_LABELS: Record<WorkflowAction, string> = {
  submit: "Kaydet ve onaya gönder",
  withdraw: "Onaydan geri çek",
  return: "Muhabire geri gönder",
  publish: "Kaydet ve yayımla",
  schedule: "Kaydet ve zamanla",
  unschedule: "Zamanlamayı iptal et",
  unpublish: "Yayından kaldır",
};

/** The article as the editor's header and buttons show it; its text is in `values`. Times are ISO 8601 UTC. */
export interface EditorArticle {
  id: number;
  slug: string;
  status: ArticleStatus;
  version: number;
  updatedAt: string;
  scheduledAt: string | null;
}

/** A library picture as a select offers it (the profile's photo). */
export interface EditorImage {
  id: number;
  caption: string;
  alt: string;
}

/** The main picture as the editor shows it: the library's text and its smallest variant (null: none stored). */
export interface EditorPicture extends EditorImage {
  credit: string;
  thumb: string | null;
  width: number;
  height: number;
}

/** What the editor shows for an article (or a new one), as `loadEditor` reads it. */
export interface EditorData {
  /** Null for a new article. */
  article: EditorArticle | null;
  values: ArticleInput;
  categories: Array<{ slug: string; name: string }>;
  sources: Array<{ slug: string; name: string }>;
  /** Every author profile, by name: the byline's choices. */
  authors: Array<{ slug: string; name: string }>;
  /** The library picture of `values.imageId`, null when none is chosen (or it is gone). */
  picture: EditorPicture | null;
  /** After a choice in the media picker (`?gorsel=`): whether that picture was found and put in the form. */
  picked?: "found" | "missing";
  /** The workflow steps offered as buttons. */
  actions: WorkflowAction[];
  canEdit: boolean;
  canSetBreaking: boolean;
  /** The article's public address once published, else null. */
  publicUrl: string | null;
  /** The version the form's values are based on; after a conflict, the current one. */
  version: number;
  /** A new article's form key (null for an existing article): its saves create one draft. */
  draftKey: string | null;
  /** A draft sent back by an editor, and not yet sent to review again: who, when (ISO 8601 UTC), why. */
  returned: { by: string; at: string; reason: string } | null;
}

export interface EditorPageProps extends EditorData {
  chrome: NewsroomChrome;
  errors?: Record<string, string>;
  message?: string;
  error?: string;
  /** A save that met newer changes; `values` then hold the editor's changes merged onto the current article. */
  conflict?: EditorConflict;
  /** The schedule time as typed (`YYYY-MM-DDTHH:mm`), when the form is shown again. */
  at?: string;
  /** The send-back reason as typed, when the form is shown again. */
  returnReason?: string;
}

export function EditorPage(p: EditorPageProps) {
  const id = p.article?.id;
  const action = id ? `/yonetim/haber/${id}` : "/yonetim/haber/yeni";
  const v = p.values;
  const described = (name: string) => (p.errors?.[name] ? `${name}-hata` : undefined);
  const readOnly = !p.canEdit;
  return (
    <NewsroomLayout chrome={p.chrome} title={id ? `Düzenle: ${v.title}` : "Yeni haber"}>
      <div class="editor-head">
        <h1>{id ? "Haberi düzenle" : "Yeni haber"}</h1>
        {p.article && (
          <p class="editor-status">
            Durum: <strong>{STATUS_LABELS[p.article.status]}</strong> · Sürüm {p.article.version} · Son kayıt {formatIstanbulTime(p.article.updatedAt)}
            {p.article.scheduledAt && <> · Yayın zamanı {formatIstanbulTime(p.article.scheduledAt)}</>}
            {" · "}
            <a href={`/yonetim/haber/${id}/onizleme`} target="_blank" rel="noopener">
              Önizleme
            </a>
            {" · "}
            <a href={`/yonetim/haber/${id}/surumler`}>Sürümler</a>
            {p.publicUrl && (
              <>
                {" · "}
                <a href={p.publicUrl}>Sitede gör</a>
              </>
            )}
          </p>
        )}
      </div>
      {p.message && <Notice kind="ok">{p.message}</Notice>}
      {p.picked === "found" && <Notice kind="ok">Görsel seçildi; kütüphanedeki altyazı, kaynak ve alternatif metin geldi. Habere eklemek için kaydedin.</Notice>}
      {p.picked === "missing" && <Notice kind="warn">Seçilen görsel kütüphanede bulunamadı; görsel değişmedi.</Notice>}
      {p.error && (
        <Notice kind="error">
          {p.error}
          <FieldErrorLinks errors={p.errors} />
        </Notice>
      )}
      {p.conflict && <ConflictSummary conflict={p.conflict} />}
      {p.returned && (
        <section class="notice notice-warn returned-note" aria-labelledby="returned-title">
          <h2 id="returned-title">Editör düzeltme istedi</h2>
          <p>
            {p.returned.by} bu haberi {formatIstanbulTime(p.returned.at)} tarihinde geri gönderdi:
          </p>
          <blockquote class="returned-reason">{p.returned.reason}</blockquote>
        </section>
      )}
      {readOnly && <Notice kind="warn">Bu haberi düzenleme yetkiniz yok; yalnızca görüntülüyorsunuz.</Notice>}
      <form
        method="post"
        action={action}
        class="article-form"
        id="article-form"
        data-autosave-url={p.canEdit && !p.conflict ? (id ? `/yonetim/haber/${id}/otomatik-kayit` : "/yonetim/haber/yeni/otomatik-kayit") : undefined}
        data-read-only={readOnly ? "true" : undefined}
      >
        <Csrf chrome={p.chrome} />
        {!id && p.draftKey && <input type="hidden" name="draftKey" value={p.draftKey} />}
        <input type="hidden" name="version" value={String(p.conflict?.currentVersion ?? p.version)} />
        <fieldset disabled={readOnly}>
          <div class="field">
            <label for="title">Başlık</label>
            <input
              id="title"
              name="title"
              value={v.title}
              required
              maxLength={200}
              aria-invalid={p.errors?.title ? "true" : undefined}
              aria-describedby={described("title")}
            />
            <FieldError errors={p.errors} name="title" />
            <ConflictChoice p={p} field="title" />
            <p class="slug-preview" data-slug-preview data-category-select="#category">
              Adres: /haber/{v.category}/<span>{p.article?.slug ?? ""}</span>-{id ?? "…"}.html
            </p>
          </div>
          <div class="field">
            <label for="spot">Spot</label>
            <textarea id="spot" name="spot" rows={3} maxLength={600} aria-describedby={described("spot")}>
              {v.spot}
            </textarea>
            <FieldError errors={p.errors} name="spot" />
            <ConflictChoice p={p} field="spot" />
          </div>
          <MainPicture p={p} />
          <div class="field">
            <label for="body">Metin</label>
            <textarea id="body" name="body" rows={18} data-rich-editor aria-describedby={described("body")}>
              {v.body}
            </textarea>
            <FieldError errors={p.errors} name="body" />
            <ConflictChoice p={p} field="body" />
          </div>
          <div class="grid-2">
            <div class="field">
              <label for="category">Kategori</label>
              <select id="category" name="category">
                {p.categories.map((c) => (
                  <option key={c.slug} value={c.slug} selected={c.slug === v.category}>
                    {c.name}
                  </option>
                ))}
              </select>
              <FieldError errors={p.errors} name="category" />
              <ConflictChoice p={p} field="category" />
            </div>
            <div class="field">
              <label for="source">Kaynak</label>
              <select id="source" name="source">
                {p.sources.map((s) => (
                  <option key={s.slug} value={s.slug} selected={s.slug === v.source}>
                    {s.name}
                  </option>
                ))}
              </select>
              <ConflictChoice p={p} field="source" />
            </div>
          </div>
          <div class="field">
            <label for="tags">Etiketler (virgülle ayırın)</label>
            <input id="tags" name="tags" value={v.tags.join(", ")} data-tag-input data-suggest-url="/yonetim/etiketler" autocomplete="off" />
            <FieldError errors={p.errors} name="tags" />
            <ConflictChoice p={p} field="tags" />
          </div>
          <AuthorPlaces p={p} />
          <fieldset class="group">
            <legend>Arama motorları</legend>
            <div class="field">
              <label for="seoTitle">SEO başlığı (boşsa haber başlığı)</label>
              <input id="seoTitle" name="seoTitle" value={v.seoTitle ?? ""} maxLength={120} />
              <ConflictChoice p={p} field="seoTitle" />
            </div>
            <div class="field">
              <label for="seoDescription">SEO açıklaması (boşsa spot)</label>
              <textarea id="seoDescription" name="seoDescription" rows={2} maxLength={320}>
                {v.seoDescription ?? ""}
              </textarea>
              <ConflictChoice p={p} field="seoDescription" />
            </div>
          </fieldset>
          {p.canSetBreaking ? (
            <div class="field check">
              <input type="checkbox" id="isBreaking" name="isBreaking" value="1" checked={v.isBreaking} />
              <label for="isBreaking">Son dakika</label>
            </div>
          ) : (
            v.isBreaking && <input type="hidden" name="isBreaking" value="1" />
          )}
        </fieldset>
        {/* Outside the fieldset: a reporter who may no longer edit can still take their step (e.g. withdraw). */}
        <p class="autosave-status" data-autosave-status aria-live="polite" />
        <div class="actions">
          {!readOnly && (
            <button type="submit" name="action" value="save" class="primary">
              Kaydet
            </button>
          )}
          {p.actions.map((a) =>
            a === "schedule" ? (
              <span key={a} class="schedule">
                <label for="at">Yayın zamanı (İstanbul)</label>
                <input type="datetime-local" id="at" name="at" value={p.at ?? (p.article?.scheduledAt ? toIstanbulLocalInput(p.article.scheduledAt) : "")} />
                <FieldError errors={p.errors} name="at" />
                <button type="submit" name="action" value="schedule">
                  {ACTION_LABELS[a]}
                </button>
              </span>
            ) : a === "return" ? (
              <span key={a} class="return-step">
                <label for="returnReason">Geri gönderme nedeni (muhabir görecek)</label>
                <textarea
                  id="returnReason"
                  name="returnReason"
                  rows={2}
                  maxLength={RETURN_REASON_MAX}
                  aria-invalid={p.errors?.returnReason ? "true" : undefined}
                  aria-describedby={described("returnReason")}
                >
                  {p.returnReason ?? ""}
                </textarea>
                <FieldError errors={p.errors} name="returnReason" />
                <button type="submit" name="action" value="return">
                  {ACTION_LABELS[a]}
                </button>
              </span>
            ) : (
              <button key={a} type="submit" name="action" value={a} class={a === "publish" ? "publish" : undefined}>
                {ACTION_LABELS[a]}
              </button>
            ),
          )}
        </div>
      </form>
      {p.article && p.canEdit && p.article.status !== "published" && p.article.status !== "scheduled" && (
        <form method="post" action={`/yonetim/haber/${id}/sil`} class="danger-zone">
          <Csrf chrome={p.chrome} />
          <input type="hidden" name="version" value={String(p.article.version)} />
          <button type="submit" class="danger">
            Haberi sil
          </button>
        </form>
      )}
    </NewsroomLayout>
  );
}

/**
 * The byline: one select per place, in order ("1. yazar", "2. yazar", ...): the article's authors
 * and two empty places. Plain selects, so it works without JavaScript and with any screen reader.
 */
function AuthorPlaces({ p }: { p: EditorPageProps }) {
  const chosen = p.values.authors;
  const places = Math.min(chosen.length + 2, AUTHOR_PLACES_MAX);
  return (
    <fieldset class="group" aria-describedby="authors-hint">
      <legend>Yazarlar</legend>
      <p class="hint" id="authors-hint">
        Haberde görünecek sırayla seçin. Yeni haberde yazar seçilmezse siz yazılırsınız; yazarı olmayan haberde okur kaynağı (ajansı) görür.
      </p>
      <div class="grid-3">
        {Array.from({ length: places }, (_, i) => (
          <div class="field" key={i}>
            <label for={`author-${i + 1}`}>{i + 1}. yazar</label>
            <select id={`author-${i + 1}`} name="authors">
              <option value="">—</option>
              {p.authors.map((a) => (
                <option key={a.slug} value={a.slug} selected={chosen[i] === a.slug}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <FieldError errors={p.errors} name="authors" />
      <ConflictChoice p={p} field="authors" />
    </fieldset>
  );
}

/** Where each field with an error is, and its name, for the links under the form's error notice. */
const FIELD_ANCHORS: Record<string, { id: string; label: string }> = {
  title: { id: "title", label: "Başlık" },
  spot: { id: "spot", label: "Spot" },
  imageId: { id: "imageId", label: "Ana görsel" },
  imageCaption: { id: "imageCaption", label: "Altyazı" },
  imageCredit: { id: "imageCredit", label: "Fotoğraf kaynağı" },
  imageAlt: { id: "imageAlt", label: "Alternatif metin" },
  body: { id: "body", label: "Metin" },
  category: { id: "category", label: "Kategori" },
  tags: { id: "tags", label: "Etiketler" },
  authors: { id: "author-1", label: "Yazarlar" },
  at: { id: "at", label: "Yayın zamanı" },
};

/** Under a refused save's notice: a link to each field with an error, so the keyboard reaches it at once. */
function FieldErrorLinks({ errors }: { errors?: Record<string, string> }) {
  const named = Object.entries(errors ?? {}).flatMap(([field, message]) => {
    const anchor = FIELD_ANCHORS[field];
    return anchor ? [{ ...anchor, message }] : [];
  });
  if (named.length === 0) return null;
  return (
    <ul class="error-links">
      {named.map((e) => (
        <li key={e.id}>
          <a href={`#${e.id}`}>
            {e.label}: {e.message}
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * The main picture, near the top of the form: the chosen library picture (a select of it and "Görsel yok", so
 * it can be taken off without JavaScript), a link to the media picker (a dialog with JavaScript), and the
 * article's own caption, credit and alt text, filled in from the library when a picture is chosen and kept
 * per article when changed here.
 */
function MainPicture({ p }: { p: EditorPageProps }) {
  const v = p.values;
  const described = (name: string) => (p.errors?.[name] ? `${name}-hata` : undefined);
  const picture = p.picture?.id === v.imageId ? p.picture : null;
  const filters = { q: "", yukleyen: "", bas: "", bit: "" };
  return (
    <fieldset class="group main-picture" data-main-picture>
      <legend>Ana görsel</legend>
      <div class="main-picture-choice">
        <img
          class="main-picture-thumb"
          data-picture-thumb
          src={picture?.thumb ?? undefined}
          alt=""
          width={160}
          height={picture ? Math.round((160 * picture.height) / picture.width) : 90}
          hidden={!picture?.thumb}
        />
        <div class="field">
          <label for="imageId">Görsel</label>
          <select id="imageId" name="imageId" aria-invalid={p.errors?.imageId ? "true" : undefined} aria-describedby={described("imageId")}>
            <option value="">Görsel yok</option>
            {v.imageId !== null && (
              <option value={String(v.imageId)} selected>
                #{v.imageId}
                {picture ? ` — ${picture.caption || picture.alt}` : ""}
              </option>
            )}
          </select>
          {p.canEdit && (
            <p class="hint">
              <a href={pickerPath(filters, 1, p.article?.id ?? null)} data-open-picker="main">
                Kütüphaneden seç ya da yeni görsel yükle
              </a>
            </p>
          )}
          <FieldError errors={p.errors} name="imageId" />
          <ConflictChoice p={p} field="imageId" />
        </div>
      </div>
      <div class="grid-3">
        <div class="field">
          <label for="imageCaption">Altyazı</label>
          <input id="imageCaption" name="imageCaption" value={v.imageCaption} maxLength={500} />
          <ConflictChoice p={p} field="imageCaption" />
        </div>
        <div class="field">
          <label for="imageCredit">Fotoğraf kaynağı</label>
          <input id="imageCredit" name="imageCredit" value={v.imageCredit} maxLength={120} placeholder="AA" />
          <ConflictChoice p={p} field="imageCredit" />
        </div>
        <div class="field">
          <label for="imageAlt">Alternatif metin</label>
          <input
            id="imageAlt"
            name="imageAlt"
            value={v.imageAlt}
            maxLength={300}
            aria-invalid={p.errors?.imageAlt ? "true" : undefined}
            aria-describedby={described("imageAlt")}
          />
          <FieldError errors={p.errors} name="imageAlt" />
          <ConflictChoice p={p} field="imageAlt" />
        </div>
      </div>
      <p class="hint">Seçilen görselin kütüphanedeki bilgileri gelir; burada değiştirdiğiniz yalnızca bu haberde geçerli olur.</p>
    </fieldset>
  );
}
