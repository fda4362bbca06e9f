import type { ComponentChildren } from "preact";

export interface Chrome {
  siteName: string;
  publicUrl: string;
  scriptUrl: string;
  styleUrl: string;
  categories: Array<{ slug: string; name: string }>;
  weather: { plate: string; slug: string; text: string; updated: string | null };
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
  image?: string;
  ogType?: "website" | "article";
  jsonLd?: object;
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
        {props.noindex && <meta name="robots" content="noindex" />}
        <meta property="og:site_name" content={chrome.siteName} />
        <meta property="og:locale" content="tr_TR" />
        <meta property="og:type" content={props.ogType ?? "website"} />
        <meta property="og:title" content={props.title} />
        {props.description && <meta property="og:description" content={props.description} />}
        {canonical && <meta property="og:url" content={canonical} />}
        {props.image && <meta property="og:image" content={chrome.publicUrl + props.image} />}
        <meta name="theme-color" content="#c8102e" />
        <link rel="stylesheet" href={chrome.styleUrl} />
        <script type="module" src={chrome.scriptUrl} />
        {props.jsonLd && <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: safeJson(props.jsonLd) }} />}
      </head>
      <body>
        <a class="skip" href="#icerik">
          İçeriğe geç
        </a>
        <header class="site-header">
          <div class="wrap masthead">
            <a class="logo" href="/" aria-label={`${chrome.siteName} ana sayfa`}>
              <span aria-hidden="true">{chrome.siteName}</span>
            </a>
            <form class="header-search" action="/arama" method="get" role="search">
              <label for="arama" class="visually-hidden">
                Haberlerde ara
              </label>
              <input id="arama" type="search" name="q" placeholder="Haberlerde ara" maxLength={200} value={props.searchQuery ?? ""} />
              <button type="submit">Ara</button>
            </form>
            <div class="weather-widget" data-weather>
              <a class="weather-line" href={`/hava-durumu/${chrome.weather.slug}/`} title={chrome.weather.updated ?? undefined} data-weather-line aria-live="polite">
                {chrome.weather.text}
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
                <button type="submit">Göster</button>
              </form>
            </div>
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
          </div>
        </footer>
      </body>
    </html>
  );
}
