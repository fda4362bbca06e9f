// Cleans HTML pasted from Word or Google Docs before the editor reads it.
//
// The browser's own HTML parser (DOMParser: an inert document, where no script runs and no
// image loads) reads the paste, entities and broken markup included. The reduction below is
// an allow-list: it writes out only paragraphs, h2/h3, bold, italic, links, lists, quotes,
// images from the web and line breaks, with href, src, alt and the editor's slice marker as the
// only attributes, so scripts, styles, comments, event handlers and Office namespaces cannot
// pass. Empty paragraphs go. Word's bullet paragraphs become real lists; Google Docs' bold and
// italic spans become <strong>/<em> so the emphasis a reporter wrote is kept. The DOM writes
// the result, escaping text and attributes.
//
// Runs in the browser and, for tests, under happy-dom. (DOMPurify is not used: its authors
// do not support happy-dom, where it lets <script> through, so the tests could not check it;
// the server sanitises the saved body again with sanitize-html, news/sanitizeBody.ts.)

import { isAllowedHref, isAllowedImageSrc } from "./links.ts";

interface OutElement {
  kind: "element";
  name: string;
  attrs: Map<string, string>;
  children: OutNode[];
  /** Set on list items made from Word's list paragraphs, which have no <ul>/<ol> around them. */
  listType?: "ul" | "ol";
}
interface OutText {
  kind: "text";
  /** Plain text: entities are decoded by the parser and encoded again on output. */
  text: string;
}
type OutNode = OutElement | OutText;

/** Word's list marker, put in its own element before parsing (see markWordLists). */
const MARKER_TAG = "haberci-list-marker";

/** Removed with everything inside. */
const DROPPED = new Set("head style script xml title template noscript iframe object embed svg math button select textarea input meta link base hr o:p".split(" "));
/** Blocks the editor has no node for: their text becomes a paragraph, or they vanish around blocks. */
const BLOCK_WRAPPERS = new Set("div section article header footer main aside nav center td th caption dd dt figure figcaption pre address".split(" "));
/** The blocks this cleaner emits. */
const BLOCKS = new Set(["p", "h2", "h3", "ul", "ol", "li", "blockquote"]);

// ---------------------------------------------------------------------------------------
// Before parsing: the parts of Office HTML that the HTML parser would turn into comments.

/** Word lists carry their bullet or number in `<![if !supportLists]>…<![endif]>`. */
const LIST_MARKER = /<!\[if !supportLists\]>([\s\S]*?)<!\[endif\]>/gi;

function markWordLists(html: string): string {
  const fragment = /<!--StartFragment-->([\s\S]*?)<!--EndFragment-->/.exec(html);
  return (fragment?.[1] ?? html).replace(LIST_MARKER, (_, marker: string) => `<${MARKER_TAG}>${marker}</${MARKER_TAG}>`);
}

function listTypeOf(markerText: string): "ul" | "ol" {
  return /^(?:\d+|[a-z]|[ivxlcdm]+)[.)]$/i.test(markerText.replace(/\s+/g, "")) ? "ol" : "ul";
}

// ---------------------------------------------------------------------------------------
// Reduction: from the parsed DOM to the editor's blocks.

interface Context {
  inHeading: boolean;
}

function out(name: string, children: OutNode[] = [], attrs = new Map<string, string>()): OutElement {
  return { kind: "element", name, attrs, children };
}

function hasStyle(node: Element, property: string, values: RegExp): boolean {
  const pattern = new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*(${values.source})\\s*(?:;|$)`);
  return pattern.test((node.getAttribute("style") ?? "").toLowerCase());
}

const isBold = (node: Element) => hasStyle(node, "font-weight", /bold|bolder|[6-9]00/);
const isItalic = (node: Element) => hasStyle(node, "font-style", /italic|oblique/);

/** Google Docs wraps a whole paste in `<b style="font-weight:normal" id="docs-internal-guid-…">`. */
function isDocsWrapper(node: Element): boolean {
  return (node.getAttribute("id") ?? "").startsWith("docs-internal-guid-") || hasStyle(node, "font-weight", /normal|[1-4]00/);
}

/** Word marks headings on paragraphs: MsoTitle, MsoHeading1…, MsoSubtitle. */
function wordHeading(node: Element): "h2" | "h3" | null {
  const cls = node.getAttribute("class") ?? "";
  if (/\bMso(?:Title|Heading[12]?)\b/i.test(cls)) return "h2";
  if (/\bMso(?:Subtitle|Heading[3-9])\b/i.test(cls)) return "h3";
  return null;
}

/**
 * Removes Word's list marker from a paragraph and tells which kind of list it starts. The
 * marker is either the `<![if !supportLists]>` part (see markWordLists) or, when Word left that
 * out, its `<span style="mso-list:Ignore">`.
 */
function takeListMarker(node: Element): "ul" | "ol" | null {
  for (const child of Array.from(node.children)) {
    if (child.nodeName.toLowerCase() === MARKER_TAG || /mso-list\s*:\s*ignore/.test((child.getAttribute("style") ?? "").toLowerCase())) {
      child.remove();
      return listTypeOf(child.textContent ?? "");
    }
    const nested = takeListMarker(child);
    if (nested) return nested;
  }
  return null;
}

function isBlock(node: OutNode): boolean {
  return node.kind === "element" && BLOCKS.has(node.name);
}

function isBlank(node: OutNode): boolean {
  return node.kind === "text" && node.text.trim() === "";
}

/** True when the nodes hold text or an image, not only spaces and line breaks. */
function hasContent(nodes: OutNode[]): boolean {
  return nodes.some((node) => (node.kind === "text" ? !isBlank(node) : node.name === "img" || hasContent(node.children)));
}

/** Trims spaces and line ends at the edges of a block; a no-break space (`&nbsp;`) is kept, as typed. */
function trimEdges(nodes: OutNode[]): OutNode[] {
  const first = nodes[0];
  if (first?.kind === "text") nodes[0] = { kind: "text", text: first.text.replace(/^[ \t\r\n\f]+/, "") };
  const last = nodes[nodes.length - 1];
  if (last?.kind === "text") nodes[nodes.length - 1] = { kind: "text", text: last.text.replace(/[ \t\r\n\f]+$/, "") };
  return nodes.filter((node) => node.kind !== "text" || node.text !== "");
}

/** A block with inline content: dropped when empty, trimmed otherwise. */
function textBlock(name: string, children: OutNode[]): OutNode[] {
  return hasContent(children) ? [out(name, trimEdges(children))] : [];
}

function reduceChildren(parent: Node, context: Context): OutNode[] {
  let nodes = Array.from(parent.childNodes).flatMap((node) => reduce(node, context));
  if (nodes.some(isBlock)) {
    // Between blocks, whitespace and Google Docs' <br> spacers are noise.
    nodes = nodes.filter((node, i) => {
      if (isBlank(node)) return false;
      if (node.kind !== "element" || node.name !== "br") return true;
      const before = nodes
        .slice(0, i)
        .filter((n) => !isBlank(n))
        .pop();
      const after = nodes.slice(i + 1).find((n) => !isBlank(n));
      return !(before === undefined || after === undefined || isBlock(before) || isBlock(after));
    });
  }
  return groupWordLists(nodes);
}

/** Consecutive list items made from Word paragraphs go into one <ul> or <ol>. */
function groupWordLists(nodes: OutNode[]): OutNode[] {
  const grouped: OutNode[] = [];
  for (const node of nodes) {
    if (node.kind === "element" && node.listType) {
      const previous = grouped[grouped.length - 1];
      if (previous?.kind === "element" && previous.name === node.listType && previous.listType) {
        previous.children.push(node);
      } else {
        const list = out(node.listType, [node]);
        list.listType = node.listType;
        grouped.push(list);
      }
      continue;
    }
    grouped.push(node);
  }
  return grouped;
}

function reduce(node: Node, context: Context): OutNode[] {
  if (node.nodeType === node.TEXT_NODE) return [{ kind: "text", text: (node.nodeValue ?? "").replace(/[ \t\r\n\f]+/g, " ") }];
  if (node.nodeType !== node.ELEMENT_NODE) return [];
  const element = node as Element;
  const reduced = reduceElement(element, context);
  // A copy from the editor itself marks its first element with the slice depth: keep it.
  const slice = element.getAttribute("data-pm-slice");
  const first = reduced[0];
  if (slice && first?.kind === "element") first.attrs.set("data-pm-slice", slice);
  return reduced;
}

function reduceElement(node: Element, context: Context): OutNode[] {
  // nodeName, not localName: Office tags such as `o:p` keep their prefix in it.
  const name = node.nodeName.toLowerCase();
  if (DROPPED.has(name) || name.startsWith("v:")) return [];
  const children = () => reduceChildren(node, context);
  const headingChildren = () => reduceChildren(node, { inHeading: true });

  switch (name) {
    case "p": {
      const listType = takeListMarker(node);
      if (listType) {
        const item = textBlock("li", children());
        for (const li of item) if (li.kind === "element") li.listType = listType;
        return item;
      }
      const heading = wordHeading(node);
      return heading ? textBlock(heading, headingChildren()) : textBlock("p", children());
    }
    case "h1":
    case "h2":
      return textBlock("h2", headingChildren());
    case "h3":
    case "h4":
    case "h5":
    case "h6":
      return textBlock("h3", headingChildren());
    case "ul":
    case "ol":
    case "blockquote": {
      const inner = children();
      return hasContent(inner) ? [out(name, inner)] : [];
    }
    case "li": {
      const inner = children();
      return hasContent(inner) ? [out("li", trimEdges(inner))] : [];
    }
    case "br":
      return (node.getAttribute("class") ?? "").includes("Apple-interchange-newline") ? [] : [out("br")];
    case "img": {
      const src = node.getAttribute("src") ?? "";
      if (!isAllowedImageSrc(src)) return [];
      const attrs = new Map([["src", src]]);
      const alt = node.getAttribute("alt");
      if (alt !== null) attrs.set("alt", alt);
      return [out("img", [], attrs)];
    }
    case "a": {
      const href = node.getAttribute("href");
      const inner = children();
      return href !== null && isAllowedHref(href) ? [out("a", inner, new Map([["href", href.trim()]]))] : inner;
    }
    case "b":
    case "strong":
      if (name === "b" && isDocsWrapper(node)) return children();
      return context.inHeading ? children() : [out("strong", children())];
    case "i":
    case "em":
      return [out("em", children())];
    case "span": {
      let inner = children();
      if (isItalic(node)) inner = [out("em", inner)];
      if (isBold(node) && !context.inHeading) inner = [out("strong", inner)];
      return inner;
    }
  }
  if (BLOCK_WRAPPERS.has(name)) {
    const inner = children();
    return inner.some(isBlock) ? inner : textBlock("p", inner);
  }
  // Spans' cousins (font, u, sub, Word's st1:… and w:… tags), tables and their rows: keep the content.
  return children();
}

// ---------------------------------------------------------------------------------------
// Output.

function append(parent: Node, nodes: OutNode[]): void {
  const doc = parent.ownerDocument ?? document;
  for (const node of nodes) {
    if (node.kind === "text") {
      parent.appendChild(doc.createTextNode(node.text));
      continue;
    }
    const element = doc.createElement(node.name);
    for (const [key, value] of node.attrs) element.setAttribute(key, value);
    append(element, node.children);
    parent.appendChild(element);
  }
}

/** Cleans pasted HTML down to what the article editor can hold; returns HTML. */
export function cleanPastedHtml(html: string): string {
  const { body } = new DOMParser().parseFromString(markWordLists(html), "text/html");
  const container = body.ownerDocument.createElement("div");
  append(container, reduceChildren(body, { inHeading: false }));
  return container.innerHTML.trim();
}
