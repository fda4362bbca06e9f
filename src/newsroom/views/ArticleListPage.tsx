// The newsroom's article list (/yonetim/), with its search box and status tabs.
import { ARTICLE_STATUSES, type ArticleStatus } from "../../db/schema.ts";
import { formatIstanbulTime } from "../../lib/time.ts";
import { STATUS_LABELS } from "../../news/workflow.ts";
import { NewsroomLayout, type NewsroomChrome, Notice } from "./NewsroomLayout.tsx";

/** One article in the list: what the table shows. Times are ISO 8601 UTC. */
export interface ArticleListRow {
  id: number;
  title: string;
  status: ArticleStatus;
  updatedAt: string;
  scheduledAt: string | null;
  categoryName: string;
  ownerName: string | null;
  headlineSlot: number | null;
  isBreaking: boolean;
}

export interface ArticleListPageProps {
  chrome: NewsroomChrome;
  rows: ArticleListRow[];
  status?: ArticleStatus;
  query?: string;
  message?: string;
}

const TAB_LABELS: Record<ArticleStatus, string> = {
  draft: "Taslaklar",
  review: "Onay bekleyenler",
  scheduled: "Zamanlananlar",
  published: "Yayında",
  unpublished: "Yayından kalkanlar",
};

const TABS: Array<{ status?: ArticleStatus; label: string }> = [{ label: "Tümü" }, ...ARTICLE_STATUSES.map((status) => ({ status, label: TAB_LABELS[status] }))];

export function ArticleListPage({ chrome, rows, status, query, message }: ArticleListPageProps) {
  return (
    <NewsroomLayout chrome={chrome} title="Haberler">
      <div class="list-head">
        <h1>Haberler</h1>
        <a class="button primary" href="/yonetim/haber/yeni">
          Yeni haber
        </a>
      </div>
      {message && <Notice kind="ok">{message}</Notice>}
      <form method="get" action="/yonetim/" class="inline" role="search">
        {status && <input type="hidden" name="durum" value={status} />}
        <label for="haber-ara">Haberlerde ara (taslaklar dahil)</label>
        <input id="haber-ara" type="search" name="q" value={query ?? ""} maxLength={200} />
        <button type="submit">Ara</button>
      </form>
      <nav class="tabs" aria-label="Durum">
        {TABS.map((t) => (
          <a key={t.label} href={t.status ? `/yonetim/?durum=${t.status}` : "/yonetim/"} aria-current={t.status === status ? "page" : undefined}>
            {t.label}
          </a>
        ))}
      </nav>
      {rows.length === 0 ? (
        <p class="empty">Bu listede haber yok.</p>
      ) : (
        <table class="table">
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
                <td>
                  <a href={`/yonetim/haber/${r.id}`}>{r.title}</a>
                  {r.headlineSlot !== null && <span class="pill">Manşet {r.headlineSlot}</span>}
                  {r.isBreaking && <span class="pill pill-red">Son dakika</span>}
                </td>
                <td>{r.categoryName}</td>
                <td>
                  <span class={`status status-${r.status}`}>{STATUS_LABELS[r.status]}</span>
                  {r.scheduledAt && <small> {formatIstanbulTime(r.scheduledAt)}</small>}
                </td>
                <td>{r.ownerName ?? "—"}</td>
                <td>{formatIstanbulTime(r.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </NewsroomLayout>
  );
}
