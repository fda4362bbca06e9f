import type { NewsArticle, WithContext } from "schema-dts";
import type { ArticleView as ArticleData } from "../../news/getArticle.ts";
import { type Chrome, Layout } from "../../ui/Layout.tsx";
import { toIstanbulIso } from "../../lib/time.ts";
import { articleCard, articleImages, breadcrumbs, publisherOf } from "../structuredData.ts";
import { ArticleView } from "./ArticleView.tsx";

export function ArticlePage({ chrome, data }: { chrome: Chrome; data: ArticleData }) {
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
    keywords: article.tags.map((t) => t.name).join(", "),
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
    >
      <div class="article-stream" data-stream>
        <ArticleView {...data} first />
      </div>
    </Layout>
  );
}
