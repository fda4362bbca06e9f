import type { ComponentChildren } from "preact";

/** An image for share cards and structured data: a site-relative address and its size in pixels. */
export interface ShareImageRef {
  url: string;
  width: number;
  height: number;
}

/** The share crops of a picture (or the site's default ones); null for a crop it has none of. */
export type ShareImageSet = Record<"wide" | "standard" | "square" | "og", ShareImageRef | null>;

export interface Chrome {
  siteName: string;
  /** The logo from the settings (site-relative); null: the header shows the name. */
  logo: { url: string; width: number | null; height: number | null } | null;
  /** The organisation's logo for structured data (the settings' logo, else the built-in icon). */
  publisherLogo: { url: string; width: number | null; height: number | null };
  /** Share images of pages and articles without a picture of their own. */
  defaultShare: ShareImageSet;
  /** The publication's social profiles (https addresses). */
  socialProfiles: string[];
  themeColor: string;
  /** Favicons (SVG, ICO), apple-touch-icon and the web app manifest. */
  icons: { svg: string; ico: string; appleTouch: string; manifest: string };
  publicUrl: string;
  scriptUrl: string;
  styleUrl: string;
  categories: Array<{ slug: string; name: string }>;
  /** The header's weather: `reading` is e.g. "Çok Bulutlu 11.3ºC" (null before any data), shown before the picker's province. */
  weather: { plate: string; slug: string; province: string; reading: string | null; updated: string | null };
  provinces: Array<{ plate: string; name: string }>;
}

/** A `<link rel="alternate">` of the page: one of its feeds. */
export interface AlternateLink {
  /** MIME type, e.g. application/rss+xml. */
  type: string;
  title: string;
  /** Path on the site, e.g. `/rss/dunya.xml`. */
  href: string;
}

export interface LayoutProps {
  chrome: Chrome;
  title: string;
  description?: string;
  /** Path of the canonical URL, e.g. `/haber/dunya/...-12.html`. */
  canonicalPath?: string;
  activeCategory?: string;
  /** The Open Graph / Twitter card image (1200×630) and its text; the site's default card when absent. */
  share?: { image: ShareImageRef; alt: string };
  ogType?: "website" | "article";
  /** Open Graph article properties (times ISO 8601 with offset). */
  article?: { publishedTime: string; modifiedTime: string; section: string; tags: string[] };
  /** JSON-LD blocks, one <script> each. */
  jsonLd?: object[];
  noindex?: boolean;
  /** Kept in the header's search box. */
  searchQuery?: string;
  /** The page's feeds, announced in the head for feed readers. */
  alternates?: AlternateLink[];
  children: ComponentChildren;
}

// JSON inside <script> must not be able to close the element.
function safeJson(value: object): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

export function Layout(props: LayoutProps) {
  const { chrome } = props;
  const canonical = props.canonicalPath ? chrome.publicUrl + props.canonicalPath : undefined;
  const defaultCard = chrome.defaultShare.og;
  const card = props.share ?? (defaultCard ? { image: defaultCard, alt: chrome.siteName } : null);
  const jsonLd = props.jsonLd ?? [];
  return (
    <html lang="tr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        {props.description && <meta name="description" content={props.description} />}
        {canonical && <link rel="canonical" href={canonical} />}
        {props.alternates?.map((a) => (
          <link key={a.href} rel="alternate" type={a.type} title={a.title} href={chrome.publicUrl + a.href} />
        ))}
        {/* Indexable pages let search engines show large picture previews (Google Discover needs it). */}
        <meta name="robots" content={props.noindex ? "noindex" : "max-image-preview:large"} />
        <meta property="og:site_name" content={chrome.siteName} />
        <meta property="og:locale" content="tr_TR" />
        <meta property="og:type" content={props.ogType ?? "website"} />
        <meta property="og:title" content={props.title} />
        {props.description && <meta property="og:description" content={props.description} />}
        {canonical && <meta property="og:url" content={canonical} />}
        {card && (
          <>
            <meta property="og:image" content={chrome.publicUrl + card.image.url} />
            <meta property="og:image:type" content="image/jpeg" />
            <meta property="og:image:width" content={String(card.image.width)} />
            <meta property="og:image:height" content={String(card.image.height)} />
            <meta property="og:image:alt" content={card.alt} />
          </>
        )}
        {props.article && (
          <>
            <meta property="article:published_time" content={props.article.publishedTime} />
            <meta property="article:modified_time" content={props.article.modifiedTime} />
            <meta property="article:section" content={props.article.section} />
            {props.article.tags.map((tag) => (
              <meta key={tag} property="article:tag" content={tag} />
            ))}
          </>
        )}
        <meta name="twitter:card" content="summary_large_image" />
        <meta name="twitter:title" content={props.title} />
        {props.description && <meta name="twitter:description" content={props.description} />}
        {card && <meta name="twitter:image" content={chrome.publicUrl + card.image.url} />}
        {card && <meta name="twitter:image:alt" content={card.alt} />}
        <meta name="theme-color" content={chrome.themeColor} />
        <link rel="icon" href={chrome.icons.ico} sizes="48x48" />
        <link rel="icon" href={chrome.icons.svg} type="image/svg+xml" />
        <link rel="apple-touch-icon" href={chrome.icons.appleTouch} />
        <link rel="manifest" href={chrome.icons.manifest} />
        <link rel="stylesheet" href={chrome.styleUrl} />
        <script type="module" src={chrome.scriptUrl} />
        {jsonLd.map((block, i) => (
          <script key={i} type="application/ld+json" dangerouslySetInnerHTML={{ __html: safeJson(block) }} />
        ))}
      </head>
      <body>
        <a class="skip" href="#icerik">
          İçeriğe geç
        </a>
        <header class="site-header">
          <div class="wrap masthead">
            <a class="logo" href="/" aria-label={`${chrome.siteName} ana sayfa`}>
              {chrome.logo ? (
                <img
                  src={chrome.logo.url}
                  alt=""
                  height={40}
                  width={chrome.logo.width && chrome.logo.height ? Math.round((40 * chrome.logo.width) / chrome.logo.height) : undefined}
                />
              ) : (
                <span aria-hidden="true">{chrome.siteName}</span>
              )}
            </a>
            <div class="weather-widget" data-weather>
              {/* The reading, then the province once: the picker shows it; the link says it to screen readers. */}
              <a class="weather-line" href={`/hava-durumu/${chrome.weather.slug}/`} title={chrome.weather.updated ?? undefined} data-weather-line aria-live="polite">
                <span data-weather-reading>{chrome.weather.reading ?? "Hava durumu"}</span>
                <span class="visually-hidden" data-weather-province>
                  {" "}
                  {chrome.weather.province}
                </span>
              </a>
              <form class="weather-picker" action="/hava-durumu/" method="get" data-weather-picker>
                <label for="il-secimi" class="visually-hidden">
                  Hava durumu için il seçin
                </label>
                <select id="il-secimi" name="il">
                  {chrome.provinces.map((p) => (
                    <option key={p.plate} value={p.plate} selected={p.plate === chrome.weather.plate}>
                      {p.name}
                    </option>
                  ))}
                </select>
                {/* With JavaScript a choice applies at once; the button is never drawn, so nothing moves. */}
                <noscript>
                  <button type="submit">Göster</button>
                </noscript>
              </form>
            </div>
            <details class="header-search" data-header-search>
              <summary>
                <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
                  <path d="M10.5 4a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13ZM15.5 15.5 21 21" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
                </svg>
                <span>Ara</span>
              </summary>
              <form action="/arama" method="get" role="search">
                <label for="arama" class="visually-hidden">
                  Haberlerde ara
                </label>
                <input id="arama" type="search" name="q" placeholder="Haberlerde ara" maxLength={200} value={props.searchQuery ?? ""} />
                <button type="submit">Ara</button>
              </form>
            </details>
          </div>
          <nav class="wrap nav" aria-label="Kategoriler">
            <ul>
              <li>
                <a href="/son-dakika/" class="nav-breaking">
                  Son Dakika
                </a>
              </li>
              {chrome.categories.map((c) => (
                <li key={c.slug}>
                  <a href={`/haber/${c.slug}/`} aria-current={props.activeCategory === c.slug ? "page" : undefined}>
                    {c.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="icerik" class="wrap">
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              <strong>{chrome.siteName}</strong> — Türkiye'nin ve dünyanın gündemi.
            </p>
            <nav aria-label="Alt menü">
              <ul>
                {chrome.categories.map((c) => (
                  <li key={c.slug}>
                    <a href={`/haber/${c.slug}/`}>{c.name}</a>
                  </li>
                ))}
              </ul>
            </nav>
            {/* Press Law 5187 art. 4: the publication's details reachable from every page (legal/). */}
            <nav aria-label="Yasal bilgiler" class="footer-legal">
              <ul>
                <li>
                  <a href="/kunye/">Künye</a>
                </li>
                <li>
                  <a href="/iletisim/">İletişim</a>
                </li>
              </ul>
            </nav>
          </div>
        </footer>
      </body>
    </html>
  );
}
