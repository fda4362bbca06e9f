import type { NewsArticle, WithContext } from "schema-dts";
import type { ArticleView as ArticleData } from "../../news/getArticle.ts";
import { type Chrome, Layout } from "../../ui/Layout.tsx";
import { toIstanbulIso } from "../../lib/time.ts";
import { articleCard, articleImages, breadcrumbs, publisherOf } from "../structuredData.ts";
import { ArticleView } from "./ArticleView.tsx";

/**
 * An article as readers see it. `preview` (the newsroom's) adds a banner saying so, with the way
 * back to the editor, and keeps search engines out.
 */
export function ArticlePage({ chrome, data, preview }: { chrome: Chrome; data: ArticleData; preview?: { editUrl: string } }) {
  const { article } = data;
  const url = chrome.publicUrl + article.url;
  const published = toIstanbulIso(article.publishedAt);
  const modified = toIstanbulIso(article.updatedAt ?? article.publishedAt);
  const description = article.seoDescription ?? article.spot;
  const jsonLd: WithContext<NewsArticle> = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    description,
    image: articleImages(article, chrome),
    datePublished: published,
    dateModified: modified,
    articleSection: article.category.name,
    ...(article.tags.length > 0 ? { keywords: article.tags.map((t) => t.name).join(", ") } : {}),
    isAccessibleForFree: true,
    inLanguage: "tr-TR",
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    author:
      article.authors.length > 0
        ? article.authors.map((a) => ({ "@type": "Person", name: a.name, url: chrome.publicUrl + a.url }))
        : { "@type": "Organization", name: article.source.name },
    publisher: publisherOf(chrome),
  };
  const trail = [
    { name: "Ana Sayfa", path: "/" },
    { name: article.category.name, path: `/haber/${article.category.slug}/` },
    { name: article.title, path: article.url },
  ];
  return (
    <Layout
      chrome={chrome}
      title={`${article.seoTitle ?? article.title} | ${chrome.siteName}`}
      description={description}
      canonicalPath={article.url}
      activeCategory={article.category.slug}
      share={articleCard(article, chrome)}
      ogType="article"
      article={{ publishedTime: published, modifiedTime: modified, section: article.category.name, tags: article.tags.map((t) => t.name) }}
      jsonLd={[jsonLd, breadcrumbs(chrome.publicUrl, trail)]}
      noindex={preview !== undefined}
    >
      {preview && (
        <div class="preview-banner" role="note">
          <strong>ÖNİZLEME</strong> Bu sayfayı yalnızca haber merkezi görüyor; okurlar haberi yayımlandığında böyle görecek. <a href={preview.editUrl}>Düzenlemeye dön</a>
        </div>
      )}
      <div class="article-stream" data-stream>
        <ArticleView {...data} first />
      </div>
    </Layout>
  );
}
