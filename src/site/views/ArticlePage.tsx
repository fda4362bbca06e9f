import type { ArticleView as ArticleData } from "../../news/getArticle.ts";
import { type Chrome, Layout } from "../../ui/Layout.tsx";
import { toIstanbulIso } from "../../lib/time.ts";
import { ArticleView } from "./ArticleView.tsx";

export function ArticlePage({ chrome, data }: { chrome: Chrome; data: ArticleData }) {
  const { article } = data;
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    description: article.spot,
    datePublished: toIstanbulIso(article.publishedAt),
    dateModified: toIstanbulIso(article.updatedAt ?? article.publishedAt),
    articleSection: article.category.name,
    keywords: article.tags.map((t) => t.name).join(", "),
    mainEntityOfPage: chrome.publicUrl + article.url,
    image: article.picture ? [chrome.publicUrl + article.picture.src] : undefined,
    author:
      article.authors.length > 0
        ? article.authors.map((a) => ({ "@type": "Person", name: a.name, url: chrome.publicUrl + a.url }))
        : { "@type": "Organization", name: article.source.name },
    publisher: { "@type": "Organization", name: chrome.siteName },
  };
  return (
    <Layout
      chrome={chrome}
      title={`${article.seoTitle ?? article.title} | ${chrome.siteName}`}
      description={article.seoDescription ?? article.spot}
      canonicalPath={article.url}
      activeCategory={article.category.slug}
      image={article.picture?.src}
      ogType="article"
      jsonLd={jsonLd}
    >
      <div class="article-stream" data-stream>
        <ArticleView {...data} first />
      </div>
    </Layout>
  );
}
