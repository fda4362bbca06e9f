// An article body as feeds carry it (content:encoded, Atom content, JSON Feed content_html). Pure.
import escapeHtml from "escape-html";
import sanitizeHtml from "sanitize-html";
import { BODY_TAGS } from "../news/sanitizeBody.ts";

/** `value` resolved against the site (`/medya/a.jpg` → `https://site/medya/a.jpg`); null when it is no http(s) URL. */
export function absoluteUrl(value: string, publicUrl: string): string | null {
  try {
    const url = new URL(value, `${publicUrl}/`);
    return url.protocol === "http:" || url.protocol === "https:" || url.protocol === "mailto:" || url.protocol === "tel:" ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Options for feed bodies: the article allow-list (news/sanitizeBody.ts) again, with every link and
 * picture address made absolute (a feed is read away from the site), `srcset`/`sizes`/`loading`
 * dropped, and embedded players (iframes, which feed readers strip) turned into links to the video.
 * Nothing that runs or styles: no script, style, or event and style attributes.
 */
function optionsFor(publicUrl: string): sanitizeHtml.IOptions {
  return {
    // Iframes are turned into links below, so no iframe is left to allow.
    allowedTags: BODY_TAGS.filter((tag) => tag !== "iframe"),
    allowedAttributes: {
      a: ["href", "title"],
      img: ["src", "alt", "width", "height"],
      th: ["scope", "colspan", "rowspan"],
      td: ["colspan", "rowspan"],
      ol: ["start"],
    },
    allowedSchemes: ["http", "https", "mailto", "tel"],
    allowedSchemesByTag: { img: ["http", "https"] },
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    transformTags: {
      a: (tagName, attribs) => {
        const href = attribs.href === undefined ? null : absoluteUrl(attribs.href, publicUrl);
        const { href: _href, ...rest } = attribs;
        return { tagName, attribs: href ? { ...rest, href } : rest };
      },
      img: (tagName, attribs) => {
        const src = attribs.src === undefined ? null : absoluteUrl(attribs.src, publicUrl);
        const { src: _src, ...rest } = attribs;
        return { tagName, attribs: src ? { ...rest, src } : rest };
      },
      iframe: (_tagName, attribs) => {
        const src = attribs.src === undefined ? null : absoluteUrl(attribs.src, publicUrl);
        const link: sanitizeHtml.Attributes = src ? { href: src } : {};
        return { tagName: "a", attribs: link, text: attribs.title || src || "" };
      },
    },
    exclusiveFilter: (frame) => (frame.tag === "img" && !frame.attribs.src) || (frame.tag === "a" && !frame.attribs.href && !frame.text.trim()),
  };
}

/**
 * The body (sanitised HTML as stored) for a feed: the allow-list above, absolute addresses. `]]>`
 * cannot survive in the result (text `>` comes out as `&gt;`); it is written as `]]&gt;` besides, so
 * the HTML is safe inside a CDATA section whatever the XML writer does.
 */
export function feedBodyHtml(body: string, publicUrl: string): string {
  return sanitizeHtml(body, optionsFor(publicUrl)).trim().replaceAll("]]>", "]]&gt;");
}

/** The article's main picture as the first element of a feed body: the picture, its caption and credit. */
export function leadFigureHtml(image: { url: string; width: number; height: number; alt: string; caption: string; credit: string }): string {
  const caption = [image.caption, image.credit ? `[Fotoğraf: ${image.credit}]` : ""].filter((s) => s !== "").join(" ");
  return (
    `<figure><img src="${escapeHtml(image.url)}" alt="${escapeHtml(image.alt)}" width="${image.width}" height="${image.height}">` +
    (caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : "") +
    `</figure>`
  );
}
