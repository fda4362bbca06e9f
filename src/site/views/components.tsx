import type { Picture } from "../../media/pictureUrls.ts";
import type { ArticleCard } from "../../news/types.ts";
import { formatIstanbulTime, toIstanbulIso } from "../../lib/time.ts";

export function Img({ picture, sizes, eager }: { picture: Picture; sizes: string; eager?: boolean }) {
  const img = (
    <img
      src={picture.fallback ?? picture.src}
      srcset={picture.fallback ? undefined : picture.srcset}
      sizes={picture.fallback ? undefined : sizes}
      width={picture.width}
      height={picture.height}
      alt={picture.alt}
      loading={eager ? "eager" : "lazy"}
      decoding="async"
      fetchpriority={eager ? "high" : undefined}
    />
  );
  if (!picture.fallback) return img;
  // WebP variants for browsers that take them; the JPEG in <img> for the rest.
  return (
    <picture>
      <source type="image/webp" srcset={picture.srcset} sizes={sizes} />
      {img}
    </picture>
  );
}

export function Time({ value }: { value: string }) {
  return <time datetime={toIstanbulIso(value)}>{formatIstanbulTime(value)}</time>;
}

export function Card({
  article,
  variant = "card",
  headingLevel = 3,
  eager,
}: {
  article: ArticleCard;
  variant?: "lead" | "card" | "row" | "compact";
  headingLevel?: 2 | 3;
  eager?: boolean;
}) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const sizes = variant === "lead" ? "(min-width: 960px) 640px, 100vw" : variant === "row" ? "160px" : "(min-width: 960px) 300px, 50vw";
  return (
    <article class={`card card-${variant}${article.picture ? "" : " card-noimg"}`}>
      {variant !== "compact" && article.picture && (
        <a href={article.url} tabIndex={-1} aria-hidden="true" class="card-img">
          <Img picture={article.picture} sizes={sizes} eager={eager} />
        </a>
      )}
      <div class="card-text">
        <p class="card-meta">
          <span class="card-cat">{article.category.name}</span> <Time value={article.publishedAt} />
          {article.isBreaking && <strong class="badge">Son Dakika</strong>}
        </p>
        <H class="card-title">
          <a href={article.url}>{article.title}</a>
        </H>
        {variant === "lead" && <p class="card-spot">{article.spot}</p>}
      </div>
    </article>
  );
}

export function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (n: number) => string }) {
  if (pageCount <= 1) return null;
  const numbers: number[] = [];
  for (let n = Math.max(1, page - 3); n <= Math.min(pageCount, page + 3); n++) numbers.push(n);
  return (
    <nav class="pagination" aria-label="Sayfalar">
      {page > 1 && (
        <a href={href(page - 1)} rel="prev">
          ‹ Önceki
        </a>
      )}
      {numbers.map((n) =>
        n === page ? (
          <span key={n} aria-current="page">
            {n}
          </span>
        ) : (
          <a key={n} href={href(n)}>
            {n}
          </a>
        ),
      )}
      {page < pageCount && (
        <a href={href(page + 1)} rel="next">
          Sonraki ›
        </a>
      )}
    </nav>
  );
}
