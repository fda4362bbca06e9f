// /arama: the reader's search page.
import { type Chrome, Layout } from "../../ui/Layout.tsx";
import type { SearchResult } from "../../search/searchArticles.ts";
import { Card, Pagination } from "./components.tsx";

/** Results per page of /arama. */
export const SEARCH_PAGE_SIZE = 20;

export interface SearchFilters {
  category?: string;
  from?: string;
  to?: string;
}

export function SearchPage({ chrome, result, filters }: { chrome: Chrome; result: SearchResult; filters: SearchFilters }) {
  const q = result.query;
  const { category } = filters;
  const extra = `${category ? `&kategori=${category}` : ""}${filters.from ? `&baslangic=${filters.from}` : ""}${filters.to ? `&bitis=${filters.to}` : ""}`;
  const href = (n: number) => `/arama?q=${encodeURIComponent(q)}${extra}${n > 1 ? `&sayfa=${n}` : ""}`;
  return (
    <Layout
      chrome={chrome}
      title={q ? `“${q}” araması | ${chrome.siteName}` : `Arama | ${chrome.siteName}`}
      description={
        q
          ? `${chrome.siteName} haberlerinde “${q}” araması: ${result.total}${result.capped ? "+" : ""} sonuç.`
          : `${chrome.siteName} haberlerinde sözcükle, kategoriyle ve tarihle arayın.`
      }
      noindex
      searchQuery={q}
    >
      <h1 class="page-title">{q ? `“${q}” için arama sonuçları` : "Haberlerde ara"}</h1>
      <form class="search-form" action="/arama" method="get" role="search" aria-label="Ayrıntılı arama">
        <label for="arama-sayfa" class="visually-hidden">
          Aranacak sözcükler
        </label>
        <input id="arama-sayfa" type="search" name="q" value={q} maxLength={200} placeholder="Örneğin: İstanbul deprem" />
        <label for="kategori" class="visually-hidden">
          Kategori
        </label>
        <select id="kategori" name="kategori">
          <option value="">Tüm kategoriler</option>
          {chrome.categories.map((c) => (
            <option key={c.slug} value={c.slug} selected={c.slug === category}>
              {c.name}
            </option>
          ))}
        </select>
        <span class="search-day">
          <label for="baslangic">Başlangıç</label>
          <input id="baslangic" type="date" name="baslangic" value={filters.from ?? ""} />
        </span>
        <span class="search-day">
          <label for="bitis">Bitiş</label>
          <input id="bitis" type="date" name="bitis" value={filters.to ?? ""} />
        </span>
        <button type="submit">Ara</button>
      </form>
      {result.truncated && <p class="hint">Aramanız çok uzundu; ilk 200 karakteri kullanıldı.</p>}
      {!q ? (
        <p class="empty">Aramak istediğiniz sözcükleri yazın. Türkçe karakter kullanmasanız da bulunur: “kudus”, “igdir”, “sanliurfa”.</p>
      ) : result.total === 0 ? (
        <div class="empty">
          <p>“{q}” ile eşleşen haber bulunamadı.</p>
          <ul>
            <li>Yazımı kontrol edin ya da daha az sözcükle deneyin.</li>
            <li>Daha genel bir sözcük deneyin: “deprem”, “ekonomi”, “seçim”.</li>
            {category && (
              <li>
                <a href={`/arama?q=${encodeURIComponent(q)}`}>Tüm kategorilerde arayın</a>.
              </li>
            )}
          </ul>
        </div>
      ) : (
        <>
          <p class="search-count">
            {result.capped
              ? `${result.total.toLocaleString("tr-TR")}'den fazla haber bulundu; en yenileri gösteriliyor.`
              : `${result.total.toLocaleString("tr-TR")} haber bulundu.`}
          </p>
          <ol class="search-results" start={(result.page - 1) * SEARCH_PAGE_SIZE + 1}>
            {result.hits.map((hit) => (
              <li key={hit.card.id}>
                <Card article={hit.card} variant="row" headingLevel={2} />
                <p class="snippet" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
              </li>
            ))}
          </ol>
          <Pagination page={result.page} pageCount={result.pageCount} href={href} />
        </>
      )}
    </Layout>
  );
}
