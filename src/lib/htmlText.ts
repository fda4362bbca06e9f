// The plain text of a stored article body, for the search index and word-level revision diffs.
import { compile } from "html-to-text";

/** Elements that end a line of text; every other element is read inline (their text runs on). */
const LINE_ELEMENTS = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "tr"];

const toText = compile({
  wordwrap: false,
  selectors: [
    { selector: "*", format: "inline" },
    // html-to-text's own list and table layouts (bullets, columns) would change the indexed text.
    ...["ul", "ol", "table"].map((selector) => ({ selector, format: "inline" })),
    { selector: "a", format: "inline" },
    ...LINE_ELEMENTS.map((selector) => ({ selector, format: "block", options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } })),
    { selector: "br", format: "lineBreak" },
    ...["img", "hr", "iframe"].map((selector) => ({ selector, format: "skip" })),
  ],
});

/**
 * Plain text of an HTML body, one line per block (paragraph, heading, list item, quote, caption,
 * table row) and per `<br>`: tags dropped, every entity decoded (html-to-text), runs of spaces and
 * tabs one space, no blank or indented lines, trimmed. Images, rules and embeds give no text; the
 * cells of a row run together.
 */
export function bodyText(html: string): string {
  return toText(html)
    .replace(/[ \t]+/g, " ")
    .replace(/\n\s*/g, "\n")
    .trim();
}
