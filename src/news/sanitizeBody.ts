import sanitizeHtml from "sanitize-html";

// C0 controls but tab and line feed, DEL, and C1 controls (U+0080–U+009F). Line breaks arrive as
// CRLF from a form's textarea and are stored as LF. Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Removes control characters from text that may hold line breaks: NUL and the other C0
 * controls, DEL and the C1 controls go; tab and newline stay, CRLF and a lone CR become LF.
 * Single-line fields collapse whitespace after this (articleInput). Source: issue 9
 * ("NUL and other control characters are refused or removed, in bodies too").
 */
export function removeControlCharacters(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(CONTROLS, "");
}

// Character references decode to controls inside the parser (`&#1;`, `&#x7f;`, `&#13;`), after
// the raw text was cleaned: attribute values are cleaned again before any scheme or host check
// sees them (so `java&#x7f;script:` is judged as `javascript:`), text nodes before output.
function attributesWithoutControls(attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  return Object.fromEntries(Object.entries(attribs).map(([name, value]) => [name, removeControlCharacters(value)]));
}

/** The elements an article body may hold (`b` and `i` are stored as `strong` and `em`); feeds carry the same. */
export const BODY_TAGS: readonly string[] = [
  "p",
  "br",
  "hr",
  "h2",
  "h3",
  "h4",
  "strong",
  "b",
  "em",
  "i",
  "u",
  "s",
  "sub",
  "sup",
  "mark",
  // A credit inside a figure's caption (`<small>[Fotoğraf: AA]</small>`): HTML's element for attribution.
  "small",
  "a",
  "ul",
  "ol",
  "li",
  "blockquote",
  "cite",
  "q",
  "figure",
  "figcaption",
  "img",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "caption",
  "iframe",
];

// The allow-list for article bodies: what a newsroom writes, nothing that runs.
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...BODY_TAGS],
  allowedAttributes: {
    a: ["href", "title", "rel", "target"],
    img: ["src", "srcset", "sizes", "alt", "width", "height", "loading"],
    iframe: ["src", "title", "width", "height", "allowfullscreen", "loading"],
    th: ["scope", "colspan", "rowspan"],
    td: ["colspan", "rowspan"],
    ol: ["start"],
  },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesByTag: { img: ["http", "https"], iframe: ["https"] },
  allowProtocolRelative: false,
  allowedIframeHostnames: ["www.youtube-nocookie.com", "www.youtube.com", "player.vimeo.com"],
  disallowedTagsMode: "discard",
  // An iframe whose source was refused would remain as an empty box: drop it.
  exclusiveFilter: (frame) => frame.tag === "iframe" && !frame.attribs.src,
  textFilter: (text) => removeControlCharacters(text),
  transformTags: {
    a: (tagName, raw) => {
      const attribs = attributesWithoutControls(raw);
      const external = /^https?:/i.test(attribs.href ?? "");
      return {
        tagName,
        attribs: external ? { ...attribs, rel: "noopener noreferrer", target: "_blank" } : attribs,
      };
    },
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: "lazy" } }),
    b: "strong",
    i: "em",
    h1: "h2",
    // Runs after the tag's own transform, before the attribute allow-list and scheme checks.
    "*": (tagName, attribs) => ({ tagName, attribs: attributesWithoutControls(attribs) }),
  },
};

/**
 * Cleans an article body to the allow-list; the result is safe to put in a page as is.
 * Control characters go (removeControlCharacters), in the raw text first and again in what the
 * parser decodes from character references: sanitize-html keeps them (a NUL reached the page).
 */
export function sanitizeBody(html: string): string {
  return sanitizeHtml(removeControlCharacters(html), OPTIONS).trim();
}
