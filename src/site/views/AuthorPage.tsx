import { linkLabel } from "../../news/authorProfile.ts";
import type { AuthorPageProfile } from "../../news/authorStore.ts";
import { authorPath } from "../../news/slug.ts";
import type { ArticleCard, Page } from "../../news/types.ts";
import { type AlternateLink, type Chrome, Layout } from "../../ui/Layout.tsx";
import { Card, Img, Pagination } from "./components.tsx";

export interface AuthorPageProps {
  chrome: Chrome;
  author: AuthorPageProfile;
  page: Page<ArticleCard>;
  /** The author's feeds. */
  alternates: AlternateLink[];
}

/** `/yazar/{slug}/`: the profile (photo, name, title, bio, links), then the author's articles, newest first, paginated. */
export function AuthorPage({ chrome, author, page, alternates }: AuthorPageProps) {
  const first = page.page === 1;
  const suffix = first ? "" : `, Sayfa ${page.page}`;
  const description = author.title ? `${author.name}, ${author.title}: ${chrome.siteName} haberleri${suffix}.` : `${author.name} imzalı haberler${suffix}.`;
  return (
    <Layout
      chrome={chrome}
      title={`${author.name} Haberleri${suffix} | ${chrome.siteName}`}
      description={description}
      canonicalPath={authorPath(author.slug, page.page)}
      alternates={alternates}
    >
      <section class="author-profile" aria-labelledby="yazar-adi">
        {author.picture && <Img picture={author.picture} sizes="120px" eager />}
        <div>
          <h1 id="yazar-adi" class="page-title">
            {first ? author.name : `${author.name} — Sayfa ${page.page}`}
          </h1>
          {author.title && <p class="author-title">{author.title}</p>}
          {author.bio && <p class="author-bio">{author.bio}</p>}
          {author.links.length > 0 && (
            <ul class="author-links">
              {author.links.map((link) => (
                <li key={link}>
                  <a href={link} rel="me">
                    {linkLabel(link)}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
      <h2 class="section-title">Haberleri</h2>
      {page.items.length === 0 ? (
        <p class="empty">Henüz yayımlanmış haberi yok.</p>
      ) : (
        <div class="grid grid-3">
          {page.items.map((a, i) => (
            <Card key={a.id} article={a} headingLevel={3} eager={i < 3} />
          ))}
        </div>
      )}
      <Pagination page={page.page} pageCount={page.pageCount} href={(n) => authorPath(author.slug, n)} />
    </Layout>
  );
}
