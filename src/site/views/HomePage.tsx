import type { HomeData } from "../../news/getHome.ts";
import { type AlternateLink, type Chrome, Layout } from "../../ui/Layout.tsx";
import { homeStructuredData } from "../structuredData.ts";
import { Card } from "./components.tsx";

export function HomePage({ chrome, data, alternates }: { chrome: Chrome; data: HomeData; alternates?: AlternateLink[] }) {
  const [lead, ...otherHeadlines] = data.headlines;
  return (
    <Layout
      chrome={chrome}
      title={`${chrome.siteName} — Son dakika haberleri, Türkiye ve dünyadan güncel haberler`}
      description="Türkiye ve dünyadan son dakika haberleri, gündem, ekonomi, spor, sağlık, kültür-sanat ve bilim-teknoloji haberleri."
      canonicalPath="/"
      alternates={alternates}
      jsonLd={homeStructuredData(chrome)}
    >
      <h1 class="visually-hidden">{chrome.siteName} ana sayfa</h1>
      {data.breaking.length > 0 && (
        <section class="breaking-strip" aria-labelledby="son-dakika">
          <h2 id="son-dakika">
            <a href="/son-dakika/">Son Dakika</a>
          </h2>
          <ul>
            {data.breaking.map((a) => (
              <li key={a.id}>
                <a href={a.url}>{a.title}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {lead && (
        <section class="headlines" aria-labelledby="manset">
          <h2 id="manset" class="visually-hidden">
            Manşet
          </h2>
          <Card article={lead} variant="lead" eager />
          <div class="headline-side">
            {otherHeadlines.map((a) => (
              <Card key={a.id} article={a} />
            ))}
          </div>
        </section>
      )}
      <div class="home-columns">
        <section aria-labelledby="son-haberler">
          <h2 id="son-haberler" class="section-title">
            Son Haberler
          </h2>
          <div class="list">
            {data.latest.map((a) => (
              <Card key={a.id} article={a} variant="row" />
            ))}
          </div>
        </section>
        {data.mostRead.length > 0 && (
          <section aria-labelledby="en-cok-okunanlar" class="most-read">
            <h2 id="en-cok-okunanlar" class="section-title">
              En Çok Okunanlar
            </h2>
            <ol>
              {data.mostRead.map((a) => (
                <li key={a.id}>
                  <a href={a.url}>{a.title}</a>
                </li>
              ))}
            </ol>
          </section>
        )}
      </div>
      {data.blocks.map(({ category, articles }) => (
        <section key={category.slug} class="category-block" aria-labelledby={`blok-${category.slug}`} style={`--accent:${category.color}`}>
          <h2 id={`blok-${category.slug}`} class="section-title">
            <a href={`/haber/${category.slug}/`}>{category.name}</a>
          </h2>
          <div class="grid grid-4">
            {articles.map((a) => (
              <Card key={a.id} article={a} />
            ))}
          </div>
        </section>
      ))}
    </Layout>
  );
}
