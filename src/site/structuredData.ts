// Structured data (schema.org JSON-LD) of the reader pages, typed with schema-dts: what search engines and news
// aggregators read of the site (issue 12, "Structured data"; Google Search Central's Article, Breadcrumb,
// Sitelinks search box and Organization documentation).
import type { BreadcrumbList, ImageObject, NewsMediaOrganization, Organization, SearchAction, WebSite, WithContext } from "schema-dts";
import type { ArticleFull } from "../news/types.ts";
import type { Chrome, ShareImageRef } from "../ui/Layout.tsx";

const imageObject = (publicUrl: string, image: { url: string; width: number | null; height: number | null }): ImageObject => ({
  "@type": "ImageObject",
  url: publicUrl + image.url,
  ...(image.width !== null ? { width: String(image.width) } : {}),
  ...(image.height !== null ? { height: String(image.height) } : {}),
});

/** The publication as an article's `publisher`: name, address and logo (the settings' logo, else the built-in icon). */
export function publisherOf(chrome: Chrome): Organization {
  return { "@type": "Organization", name: chrome.siteName, url: `${chrome.publicUrl}/`, logo: imageObject(chrome.publicUrl, chrome.publisherLogo) };
}

/**
 * An article's images for structured data: its picture's 16:9, 4:3 and 1:1 crops, each one the picture is too
 * small for (or all, without a picture) replaced by the site's default share image of that shape.
 */
export function articleImages(article: Pick<ArticleFull, "share">, chrome: Chrome): ImageObject[] {
  const own = article.share;
  const fallback = chrome.defaultShare;
  // Crop by crop: a picture too small for one (say 16:9 at 1200 px) has the site's default in its place.
  const images = [own?.wide ?? fallback.wide, own?.standard ?? fallback.standard, own?.square ?? fallback.square];
  return images.filter((i): i is ShareImageRef => i !== null).map((i) => imageObject(chrome.publicUrl, i));
}

/** The Open Graph card of an article: its 1200×630 crop with its alt text, else the site's default card. */
export function articleCard(article: Pick<ArticleFull, "share" | "picture" | "title">, chrome: Chrome): { image: ShareImageRef; alt: string } | undefined {
  const own = article.share?.og;
  if (own) return { image: own, alt: article.picture?.alt || article.title };
  return chrome.defaultShare.og ? { image: chrome.defaultShare.og, alt: chrome.siteName } : undefined;
}

/** A BreadcrumbList of `trail` (name and site-relative path, home first), the last item the page itself. */
export function breadcrumbs(publicUrl: string, trail: ReadonlyArray<{ name: string; path: string }>): WithContext<BreadcrumbList> {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: trail.map((step, i) => ({ "@type": "ListItem", position: i + 1, name: step.name, item: publicUrl + step.path })),
  };
}

/** schema-dts leaves out `query-input`, which the Sitelinks search box markup names the search term with. */
type SearchActionWithInput = SearchAction & { "query-input": string };

/** The home page's blocks: the WebSite with its search (Sitelinks search box) and the publisher as a NewsMediaOrganization. */
export function homeStructuredData(chrome: Chrome): [WithContext<WebSite>, WithContext<NewsMediaOrganization>] {
  const home = `${chrome.publicUrl}/`;
  const search: SearchActionWithInput = {
    "@type": "SearchAction",
    target: { "@type": "EntryPoint", urlTemplate: `${chrome.publicUrl}/arama?q={search_term_string}` },
    "query-input": "required name=search_term_string",
  };
  return [
    {
      "@context": "https://schema.org",
      "@type": "WebSite",
      name: chrome.siteName,
      url: home,
      inLanguage: "tr-TR",
      potentialAction: search,
    },
    {
      "@context": "https://schema.org",
      "@type": "NewsMediaOrganization",
      name: chrome.siteName,
      url: home,
      logo: imageObject(chrome.publicUrl, chrome.publisherLogo),
      ...(chrome.socialProfiles.length > 0 ? { sameAs: chrome.socialProfiles } : {}),
    },
  ];
}
