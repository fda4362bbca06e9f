// The newsroom's article list (/yonetim/), with its search box and status tabs.
import { ARTICLE_STATUSES, type ArticleStatus } from "../../db/schema.ts";
import { formatIstanbulTime } from "../../lib/time.ts";
import { STATUS_LABELS } from "../../news/workflow.ts";
import { type ArticleListOrder, LIST_ORDERS, LIST_ORDER_KEYS, type ListOrderKey } from "../articles/schemas.ts";
import type { OwnNewsItem } from "../articles/loadOwnNews.ts";
import { NewsroomLayout, type NewsroomChrome, Notice } from "./NewsroomLayout.tsx";

/** One article in the list: what the table shows. Times are ISO 8601 UTC. */
export interface ArticleListRow {
  id: number;
  title: string;
  status: ArticleStatus;
  updatedAt: string;
  publishedAt: string | null;
  scheduledAt: string | null;
  categoryName: string;
  ownerName: string | null;
  headlineSlot: number | null;
  isBreaking: boolean;
  /** The byline, in order. */
  authors: Array<{ slug: string; name: string }>;
  /** A draft sent back to its reporter (and not sent to review since): the editor's reason; else null. */
  returnReason: string | null;
}

/** The filters as the reader of the list typed them (blank: none). */
export interface ArticleListFilters {
  query: string;
  categorySlug?: string;
  authorSlug?: string;
  from?: string;
  to?: string;
}

export interface ArticleListPageProps {
  chrome: NewsroomChrome;
  rows: ArticleListRow[];
  total: number;
  page: number;
  pageCount: number;
  order: ArticleListOrder;
  categories: Array<{ slug: string; name: string }>;
  authors: Array<{ slug: string; name: string }>;
  status?: ArticleStatus;
  filters: ArticleListFilters;
  message?: string;
  /** A refused filter: the message and, per field (`from`, `to`), what is wrong. */
  error?: { message: string; fields: Record<string, string> };
  /** "Haberlerimde neler oldu": what others did to the user's own articles, newest first. */
  ownNews: OwnNewsItem[];
}

const TAB_LABELS: Record<ArticleStatus, string> = {
  draft: "Taslaklar",
  review: "Onay bekleyenler",
  scheduled: "Zamanlananlar",
  published: "Yayında",
  unpublished: "Yayından kalkanlar",
};

const TABS: Array<{ status?: ArticleStatus; label: string }> = [{ label: "Tümü" }, ...ARTICLE_STATUSES.map((status) => ({ status, label: TAB_LABELS[status] }))];

const ORDER_LABELS: Record<ListOrderKey, string> = {
  "son-degisiklik": "Son değişiklik (yeni önce)",
  "ilk-degisiklik": "Son değişiklik (eski önce)",
  "yayin-zamani": "Yayın zamanı",
  ilgi: "Aramaya uygunluk",
};

/** The list's address with these filters, status and page (blank filters left out). */
function listHref(status: ArticleStatus | undefined, filters: ArticleListFilters, order: string | undefined, page: number): string {
  const params = new URLSearchParams();
  if (status) params.set("durum", status);
  if (filters.query) params.set("q", filters.query);
  if (filters.categorySlug) params.set("kategori", filters.categorySlug);
  if (filters.authorSlug) params.set("yazar", filters.authorSlug);
  if (filters.from) params.set("bas", filters.from);
  if (filters.to) params.set("bit", filters.to);
  if (order) params.set("sirala", order);
  if (page > 1) params.set("sayfa", String(page));
  const query = params.toString();
  return query ? `/yonetim/?${query}` : "/yonetim/";
}

/** One line of "Haberlerimde neler oldu", in words. */
function OwnNewsLine({ item }: { item: OwnNewsItem }) {
  const title = <a href={`/yonetim/haber/${item.articleId}`}>{item.title}</a>;
  const when = <time dateTime={item.at}>{formatIstanbulTime(item.at)}</time>;
  switch (item.kind) {
    case "return":
      return (
        <>
          {when} · {title}: {item.by} düzeltmeye geri gönderdi. <span class="own-news-reason">Neden: {item.reason}</span>
        </>
      );
    case "schedule":
      return (
        <>
          {when} · {title}: {item.by} {item.scheduledAt ? `${formatIstanbulTime(item.scheduledAt)} için` : ""} zamanladı.
        </>
      );
    case "unschedule":
      return (
        <>
          {when} · {title}: {item.by} zamanlamayı iptal etti.
        </>
      );
    case "publish":
      return (
        <>
          {when} · {title}: {item.by === "sistem" ? "zamanında yayımlandı" : `${item.by} yayımladı`}.
          {item.publicUrl && (
            <>
              {" "}
              <a href={item.publicUrl}>Sitede gör</a>
            </>
          )}
        </>
      );
    case "unpublish":
      return (
        <>
          {when} · {title}: {item.by} yayından kaldırdı.
        </>
      );
  }
}

export function ArticleListPage({ chrome, rows, total, page, pageCount, order, categories, authors, status, filters, message, error, ownNews }: ArticleListPageProps) {
  const orderKey = LIST_ORDER_KEYS.find((key) => LIST_ORDERS[key] === order);
  const canRelevance = filters.query !== "";
  return (
    <NewsroomLayout chrome={chrome} title="Haberler">
      <div class="list-head">
        <h1>Haberler</h1>
        <a class="button primary" href="/yonetim/haber/yeni">
          Yeni haber
        </a>
      </div>
      {message && <Notice kind="ok">{message}</Notice>}
      {error && <Notice kind="error">{error.message} Gün süzgeci uygulanmadı.</Notice>}
      {ownNews.length > 0 && (
        <section class="own-news" aria-labelledby="own-news-title">
          <h2 id="own-news-title">Haberlerimde neler oldu</h2>
          <ul>
            {ownNews.map((item) => (
              <li key={`${item.articleId}-${item.kind}-${item.at}`} class={`own-news-${item.kind}`}>
                <OwnNewsLine item={item} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <nav class="tabs" aria-label="Durum">
        {TABS.map((t) => (
          <a key={t.label} href={listHref(t.status, filters, orderKey, 1)} aria-current={t.status === status ? "page" : undefined}>
            {t.label}
          </a>
        ))}
      </nav>
      <form method="get" action="/yonetim/" class="list-filters" role="search" aria-label="Haberleri süz">
        {status && <input type="hidden" name="durum" value={status} />}
        <p class="field field-wide">
          <label for="haber-ara">Haberlerde ara (taslaklar dahil)</label>
          <input id="haber-ara" type="search" name="q" value={filters.query} maxLength={200} />
        </p>
        <p class="field">
          <label for="liste-kategori">Kategori</label>
          <select id="liste-kategori" name="kategori">
            <option value="">Tümü</option>
            {categories.map((c) => (
              <option key={c.slug} value={c.slug} selected={c.slug === filters.categorySlug}>
                {c.name}
              </option>
            ))}
          </select>
        </p>
        <p class="field">
          <label for="liste-yazar">Yazar</label>
          <select id="liste-yazar" name="yazar">
            <option value="">Tümü</option>
            {authors.map((a) => (
              <option key={a.slug} value={a.slug} selected={a.slug === filters.authorSlug}>
                {a.name}
              </option>
            ))}
          </select>
        </p>
        <p class="field">
          <label for="liste-bas">Son değişiklik, ilk gün</label>
          <input
            id="liste-bas"
            type="date"
            name="bas"
            value={filters.from ?? ""}
            aria-invalid={error?.fields.from ? "true" : undefined}
            aria-describedby={error?.fields.from ? "liste-bas-hata" : undefined}
          />
          {error?.fields.from && (
            <span id="liste-bas-hata" class="field-error">
              {error.fields.from}
            </span>
          )}
        </p>
        <p class="field">
          <label for="liste-bit">Son gün</label>
          <input
            id="liste-bit"
            type="date"
            name="bit"
            value={filters.to ?? ""}
            aria-invalid={error?.fields.to ? "true" : undefined}
            aria-describedby={error?.fields.to ? "liste-bit-hata" : undefined}
          />
          {error?.fields.to && (
            <span id="liste-bit-hata" class="field-error">
              {error.fields.to}
            </span>
          )}
        </p>
        <p class="field">
          <label for="liste-sira">Sıralama</label>
          <select id="liste-sira" name="sirala">
            {LIST_ORDER_KEYS.filter((key) => key !== "ilgi" || canRelevance).map((key) => (
              <option key={key} value={key} selected={key === orderKey}>
                {ORDER_LABELS[key]}
              </option>
            ))}
          </select>
        </p>
        <p class="field field-actions">
          <button type="submit">Süz</button> <a href={status ? `/yonetim/?durum=${status}` : "/yonetim/"}>Süzgeçleri temizle</a>
        </p>
      </form>
      <p class="list-count" role="status">
        {total === 0 ? "Bu listede haber yok." : `${total} haber${pageCount > 1 ? ` · sayfa ${page} / ${pageCount}` : ""}`}
      </p>
      {rows.length > 0 && (
        <table class="table table-stack">
          <thead>
            <tr>
              <th scope="col">Başlık</th>
              <th scope="col">Kategori</th>
              <th scope="col">Durum</th>
              <th scope="col">Yazan</th>
              <th scope="col">Son değişiklik</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td data-label="Başlık">
                  <a href={`/yonetim/haber/${r.id}`}>{r.title}</a>
                  {r.headlineSlot !== null && <span class="pill">Manşet {r.headlineSlot}</span>}
                  {r.isBreaking && <span class="pill pill-red">Son dakika</span>}
                  {r.returnReason !== null && <p class="list-returned">Geri gönderildi: {r.returnReason}</p>}
                </td>
                <td data-label="Kategori">{r.categoryName}</td>
                <td data-label="Durum">
                  <span class={`status status-${r.status}`}>{STATUS_LABELS[r.status]}</span>
                  {r.scheduledAt && <small> {formatIstanbulTime(r.scheduledAt)}</small>}
                </td>
                <td data-label="Yazan">{r.authors.length > 0 ? r.authors.map((a) => a.name).join(", ") : (r.ownerName ?? "—")}</td>
                <td data-label="Son değişiklik">{formatIstanbulTime(r.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pageCount > 1 && (
        <nav class="pagination" aria-label="Sayfalar">
          {page > 1 && <a href={listHref(status, filters, orderKey, page - 1)}>‹ Önceki sayfa</a>}
          {page < pageCount && <a href={listHref(status, filters, orderKey, page + 1)}>Sonraki sayfa ›</a>}
        </nav>
      )}
    </NewsroomLayout>
  );
}
