import type { ArticleCard } from "../../news/types.ts";
import { type AlternateLink, type Chrome, Layout } from "../../ui/Layout.tsx";
import { Card, Pagination } from "./components.tsx";

export interface ListPageProps {
  chrome: Chrome;
  heading: string;
  title: string;
  description: string;
  canonicalPath: string;
  activeCategory?: string;
  items: ArticleCard[];
  page?: number;
  pageCount?: number;
  pageHref?: (n: number) => string;
  empty?: string;
  /** The list's feeds. */
  alternates?: AlternateLink[];
  /** JSON-LD blocks (a category page's BreadcrumbList). */
  jsonLd?: object[];
}

/** Category, tag and breaking-news pages: a heading, a list of cards and page links. */
export function ListPage(props: ListPageProps) {
  return (
    <Layout
      chrome={props.chrome}
      title={props.title}
      description={props.description}
      canonicalPath={props.canonicalPath}
      activeCategory={props.activeCategory}
      alternates={props.alternates}
      jsonLd={props.jsonLd}
    >
      <h1 class="page-title">{props.heading}</h1>
      {props.items.length === 0 ? (
        <p class="empty">{props.empty ?? "Henüz haber yok."}</p>
      ) : (
        <div class="grid grid-3">
          {props.items.map((a, i) => (
            <Card key={a.id} article={a} headingLevel={2} eager={i < 3} />
          ))}
        </div>
      )}
      {props.page && props.pageCount && props.pageHref && <Pagination page={props.page} pageCount={props.pageCount} href={props.pageHref} />}
    </Layout>
  );
}
