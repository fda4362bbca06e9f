import type { ComponentChildren } from "preact";
import type { ArticleCard, ArticleFull, AuthorRef } from "../../news/types.ts";
import { Card, Img, Time } from "./components.tsx";

export interface ArticleViewProps {
  article: ArticleFull;
  related: ArticleCard[];
  next: ArticleCard | null;
  /** The first article of a page has the h1; articles loaded below it use h2. */
  first: boolean;
}

/** One article, top to bottom in the order DESIGN.md gives, ending with the "Sıradaki Haber" teaser. */
export function ArticleView({ article, related, next, first }: ArticleViewProps) {
  const Heading = first ? "h1" : "h2";
  const titleId = `baslik-${article.id}`;
  return (
    <>
      <article class="article" data-article-id={article.id} data-url={article.url} data-title={article.title} aria-labelledby={titleId}>
        <header class="article-head">
          <a class="article-cat" href={`/haber/${article.category.slug}/`}>
            {article.category.name}
          </a>
          <p class="article-meta">
            <span class="article-source">{article.source.name}</span> <Time value={article.publishedAt} />
            {article.updatedAt && (
              <span class="article-updated">
                {" "}
                Güncelleme: <Time value={article.updatedAt} />
              </span>
            )}
          </p>
          <Heading id={titleId} class="article-title">
            {article.title}
          </Heading>
          <p class="article-spot">{article.spot}</p>
          <Byline article={article} />
        </header>
        {article.picture && (
          <figure class="article-photo">
            <Img picture={article.picture} sizes="(min-width: 960px) 760px, 100vw" eager={first} />
            <figcaption>
              {article.imageCaption}
              {article.imageCredit && <span class="credit"> [Fotoğraf: {article.imageCredit}]</span>}
            </figcaption>
          </figure>
        )}
        <div class="article-body" dangerouslySetInnerHTML={{ __html: article.body }} />
        {article.tags.length > 0 && (
          <nav class="article-tags" aria-label="Etiketler">
            <ul>
              {article.tags.map((t) => (
                <li key={t.slug}>
                  <a href={`/etiket/${t.slug}/`}>{t.name}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {related.length > 0 && (
          <section class="related" aria-labelledby={`ilgili-${article.id}`}>
            <h2 id={`ilgili-${article.id}`} class="section-title">
              İlgili Haberler
            </h2>
            <div class="grid grid-4">
              {related.map((r) => (
                <Card key={r.id} article={r} />
              ))}
            </div>
          </section>
        )}
      </article>
      {next && (
        <aside class="next-teaser" data-next-id={next.id} data-next-url={`/haber-parca/${next.id}`} aria-label="Sıradaki Haber">
          <p class="next-label">Sıradaki Haber</p>
          <a class={next.picture ? "next-link" : "next-link next-noimg"} href={next.url}>
            {next.picture && <Img picture={next.picture} sizes="160px" />}
            <span>{next.title}</span>
          </a>
        </aside>
      )}
    </>
  );
}

/** Names joined the Turkish way: "A", "A ve B", "A, B ve C". */
function joinNames(parts: ComponentChildren[]): ComponentChildren[] {
  return parts.flatMap((part, i) => (i === 0 ? [part] : [i === parts.length - 1 ? " ve " : ", ", part]));
}

/**
 * "Haber: Elif Karaca ve Mert Aksoy", each name linking to the author page; an agency item (no
 * authors) names its source instead ("Haber: AA").
 */
export function Byline({ article }: { article: Pick<ArticleFull, "authors" | "source"> }) {
  const names = article.authors.map((a: AuthorRef) => (
    <a key={a.slug} href={a.url} rel="author">
      {a.name}
    </a>
  ));
  return <p class="article-byline">Haber: {names.length > 0 ? joinNames(names) : <span class="article-agency">{article.source.name}</span>}</p>;
}
