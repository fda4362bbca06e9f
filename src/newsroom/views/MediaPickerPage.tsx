// The media picker (/yonetim/medya/sec): search the library, upload a picture, and choose one for an
// article. Without JavaScript each "Seç" opens the editor with the picture chosen (`?gorsel=`); the
// editor's script shows the same section in a dialog and fills the form in place.
import type { LibraryPage, PickerImage } from "../media/searchLibrary.ts";
import { Csrf, FieldError, NewsroomLayout, type NewsroomChrome, Notice } from "./NewsroomLayout.tsx";

/** The picker's filters as typed, kept in the form. */
export interface PickerFilterValues {
  q: string;
  yukleyen: string;
  bas: string;
  bit: string;
}

export interface MediaPickerPageProps {
  chrome: NewsroomChrome;
  filters: PickerFilterValues;
  result: LibraryPage;
  /** The article the choice goes back to; null: a new article. */
  articleId: number | null;
  /** The largest upload, in whole megabytes. */
  maxMb: number;
  error?: string;
  errors?: Record<string, string>;
  /** The upload's fields as typed, after a refused upload. */
  upload?: { caption: string; credit: string; alt: string };
}

/** The editor address a choice goes back to. */
export function editorPathOf(articleId: number | null): string {
  return articleId === null ? "/yonetim/haber/yeni" : `/yonetim/haber/${articleId}`;
}

/** The picker's address for `filters` and `page` (blank filters left out). */
export function pickerPath(filters: PickerFilterValues, page: number, articleId: number | null): string {
  const params = new URLSearchParams();
  for (const key of ["q", "yukleyen", "bas", "bit"] as const) if (filters[key] !== "") params.set(key, filters[key]);
  if (page > 1) params.set("sayfa", String(page));
  if (articleId !== null) params.set("haber", String(articleId));
  const query = params.toString();
  return `/yonetim/medya/sec${query ? `?${query}` : ""}`;
}

export function MediaPickerPage(p: MediaPickerPageProps) {
  const described = (name: string) => (p.errors?.[name] ? `${name}-hata` : undefined);
  const { images, page, hasNext, uploaders } = p.result;
  return (
    <NewsroomLayout chrome={p.chrome} title="Görsel seç">
      <section class="media-picker" data-media-picker aria-labelledby="picker-title">
        <h1 id="picker-title">Görsel seç</h1>
        <p class="hint">
          <a href={editorPathOf(p.articleId)} data-picker-back>
            Habere dön
          </a>{" "}
          (kaydedilmemiş değişiklikler bu sayfaya gelirken kaydedilmez).
        </p>
        {p.error && <Notice kind="error">{p.error}</Notice>}
        <form method="get" action="/yonetim/medya/sec" class="picker-search" role="search" aria-label="Kütüphanede ara">
          {p.articleId !== null && <input type="hidden" name="haber" value={String(p.articleId)} />}
          <div class="field">
            <label for="picker-q">Sözcükler (altyazı, kaynak, alternatif metin)</label>
            <input id="picker-q" name="q" type="search" value={p.filters.q} maxLength={200} />
          </div>
          <div class="grid-3">
            <div class="field">
              <label for="picker-yukleyen">Yükleyen</label>
              <select id="picker-yukleyen" name="yukleyen">
                <option value="">Herkes</option>
                {uploaders.map((u) => (
                  <option key={u.id} value={String(u.id)} selected={p.filters.yukleyen === String(u.id)}>
                    {u.name}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="picker-bas">Yükleme günü (ilk)</label>
              <input id="picker-bas" name="bas" type="date" value={p.filters.bas} aria-invalid={p.errors?.bas ? "true" : undefined} aria-describedby={described("bas")} />
              <FieldError errors={p.errors} name="bas" />
            </div>
            <div class="field">
              <label for="picker-bit">Yükleme günü (son)</label>
              <input id="picker-bit" name="bit" type="date" value={p.filters.bit} aria-invalid={p.errors?.bit ? "true" : undefined} aria-describedby={described("bit")} />
              <FieldError errors={p.errors} name="bit" />
            </div>
          </div>
          <button type="submit">Ara</button>
        </form>
        {images.length === 0 ? (
          <p class="picker-empty">Bu aramaya uyan görsel yok.</p>
        ) : (
          <ul class="picker-grid">
            {images.map((img) => (
              <PickerItem key={img.id} image={img} articleId={p.articleId} />
            ))}
          </ul>
        )}
        {(page > 1 || hasNext) && (
          <nav class="pager" aria-label="Sayfalar">
            {page > 1 && (
              <a href={pickerPath(p.filters, page - 1, p.articleId)} rel="prev" data-picker-page>
                Önceki sayfa
              </a>
            )}
            <span>Sayfa {page}</span>
            {hasNext && (
              <a href={pickerPath(p.filters, page + 1, p.articleId)} rel="next" data-picker-page>
                Sonraki sayfa
              </a>
            )}
          </nav>
        )}
        <form method="post" action="/yonetim/medya/sec" enctype="multipart/form-data" class="upload picker-upload" data-picker-upload>
          <Csrf chrome={p.chrome} />
          {p.articleId !== null && <input type="hidden" name="haber" value={String(p.articleId)} />}
          <h2>Yeni görsel yükle ve seç</h2>
          <p class="hint">JPEG, PNG, WebP, AVIF ya da GIF; en çok {p.maxMb} MB. Konum bilgisi silinir; hareketli GIF hareketli kalır.</p>
          <div class="field">
            <label for="picker-file">Dosya</label>
            <input
              id="picker-file"
              name="file"
              type="file"
              accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
              required
              aria-invalid={p.errors?.file ? "true" : undefined}
              aria-describedby={described("file")}
            />
            <FieldError errors={p.errors} name="file" />
          </div>
          <div class="grid-3">
            <div class="field">
              <label for="picker-caption">Altyazı</label>
              <input id="picker-caption" name="caption" maxLength={500} value={p.upload?.caption ?? ""} />
            </div>
            <div class="field">
              <label for="picker-credit">Fotoğraf kaynağı</label>
              <input id="picker-credit" name="credit" maxLength={120} value={p.upload?.credit ?? ""} placeholder="AA" />
            </div>
            <div class="field">
              <label for="picker-alt">Alternatif metin</label>
              <input
                id="picker-alt"
                name="alt"
                maxLength={300}
                required
                value={p.upload?.alt ?? ""}
                aria-invalid={p.errors?.alt ? "true" : undefined}
                aria-describedby={described("alt")}
              />
              <FieldError errors={p.errors} name="alt" />
            </div>
          </div>
          <button type="submit" class="primary">
            Yükle ve seç
          </button>
        </form>
      </section>
    </NewsroomLayout>
  );
}

function PickerItem({ image, articleId }: { image: PickerImage; articleId: number | null }) {
  const describedBy = `picker-item-${image.id}`;
  return (
    <li>
      <img src={image.thumb} alt={image.alt} width={160} height={Math.round((160 * image.height) / image.width)} loading="lazy" />
      <div id={describedBy}>
        <p>
          {image.caption || <em>Altyazı yok</em>}
          {image.credit && <> [Fotoğraf: {image.credit}]</>}
        </p>
        <p class="hint">
          {image.uploader ?? "Bilinmeyen yükleyen"} · {image.uploadedAt}
        </p>
      </div>
      <form method="get" action={editorPathOf(articleId)}>
        <input type="hidden" name="gorsel" value={String(image.id)} />
        <button type="submit" aria-describedby={describedBy} data-pick={JSON.stringify(image)}>
          Seç
        </button>
      </form>
    </li>
  );
}
