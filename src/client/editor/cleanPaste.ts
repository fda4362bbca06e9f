// Cleans HTML pasted from Word or Google Docs before the editor reads it. Pure string work
// (a small tokenizer and tree, no DOM), so it runs in Node tests as in the browser.
//
// What survives: paragraphs, h2/h3, bold, italic, links, lists, quotes, images from the
// web, line breaks. Styles, classes, Office namespaces, comments, wrappers and empty
// paragraphs go. Word's bullet paragraphs become real lists; Google Docs' bold and italic
// spans become <strong>/<em> so the emphasis a reporter wrote is kept.

import { isAllowedHref, isAllowedImageSrc } from "./links.ts";

interface ElementNode {
  kind: "element";
  name: string;
  attrs: Map<string, string>;
  children: HtmlNode[];
  /** Set on list items made from Word's list paragraphs, which have no <ul>/<ol> around them. */
  listType?: "ul" | "ol";
}
interface TextNode {
  kind: "text";
  /** Raw HTML text: entities stay encoded. */
  html: string;
}
type HtmlNode = ElementNode | TextNode;

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);
/** Removed with everything inside. */
const DROPPED = new Set([
  "head", "style", "script", "xml", "title", "template", "noscript", "iframe", "object", "embed", "svg", "math",
  "button", "select", "textarea", "input", "meta", "link", "base", "hr", "o:p",
]);
/** Blocks the editor has no node for: their text becomes a paragraph, or they vanish around blocks. */
const BLOCK_WRAPPERS = new Set([
  "div", "section", "article", "header", "footer", "main", "aside", "nav", "center", "td", "th", "caption",
  "dd", "dt", "figure", "figcaption", "pre", "address",
]);
/** The blocks this cleaner emits. */
const BLOCKS = new Set(["p", "h2", "h3", "ul", "ol", "li", "blockquote"]);

const TAG = /<(\/?)([a-zA-Z][\w:.-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", colon: ":", tab: "\t", newline: "\n" };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (entity, body: string) => {
    if (body.startsWith("#")) {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function element(name: string, children: HtmlNode[] = [], attrs = new Map<string, string>()): ElementNode {
  return { kind: "element", name, attrs, children };
}

// ---------------------------------------------------------------------------------------
// Before tokenizing: the parts of Office HTML that are not tags.

/** Word lists carry their bullet or number in `<![if !supportLists]>…<![endif]>`. */
const LIST_MARKER = /<!\[if !supportLists\]>([\s\S]*?)<!\[endif\]>/gi;
const MARKER_TAG = "haberci-list-marker";

function listTypeOf(marker: string): "ul" | "ol" {
  const text = decodeEntities(marker.replace(/<[^>]*>/g, "")).replace(/\s+/g, "");
  return /^(?:\d+|[a-z]|[ivxlcdm]+)[.)]$/i.test(text) ? "ol" : "ul";
}

function preclean(html: string): string {
  const fragment = /<!--StartFragment-->([\s\S]*?)<!--EndFragment-->/.exec(html);
  return (fragment?.[1] ?? html)
    .replace(/<!--[\s\S]*?(?:-->|$)/g, "") // comments, Word's <!--[if gte mso 9]><xml>… too
    .replace(/<(style|script|xml|head|title)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(LIST_MARKER, (_, marker: string) => `<${MARKER_TAG} type="${listTypeOf(marker)}"></${MARKER_TAG}>`)
    .replace(/<!\[[^\]]*\]>/g, "") // <![if !vml]> and <![endif]> around Word's images
    .replace(/<![^>]*>|<\?[^>]*>/g, ""); // <!DOCTYPE>, <?xml:namespace …/>
}

// ---------------------------------------------------------------------------------------
// Tokenizer and tree.

function parseAttributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1]?.toLowerCase();
    if (name && !attrs.has(name)) attrs.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ""));
  }
  return attrs;
}

function parse(html: string): ElementNode {
  const root = element("#root");
  const stack: ElementNode[] = [root];
  const top = () => stack[stack.length - 1] ?? root;
  const addText = (text: string) => {
    if (text) top().children.push({ kind: "text", html: text.replace(/</g, "&lt;") });
  };
  let position = 0;
  for (const match of html.matchAll(TAG)) {
    addText(html.slice(position, match.index));
    position = match.index + match[0].length;
    const name = (match[2] ?? "").toLowerCase();
    if (match[1]) {
      // A closing tag closes everything opened after its element; a stray one is ignored.
      for (let i = stack.length - 1; i > 0; i--) {
        if (stack[i]?.name === name) {
          stack.length = i;
          break;
        }
      }
      continue;
    }
    const node = element(name, [], parseAttributes(match[3] ?? ""));
    top().children.push(node);
    if (!match[4] && !VOID.has(name)) stack.push(node);
  }
  addText(html.slice(position));
  return root;
}

// ---------------------------------------------------------------------------------------
// Transformation.

interface Context {
  inHeading: boolean;
}

function style(node: ElementNode): string {
  return (node.attrs.get("style") ?? "").toLowerCase();
}

function hasStyle(node: ElementNode, property: string, values: RegExp): boolean {
  const pattern = new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*(${values.source})\\s*(?:;|$)`);
  return pattern.test(style(node));
}

const isBold = (node: ElementNode) => hasStyle(node, "font-weight", /bold|bolder|[6-9]00/);
const isItalic = (node: ElementNode) => hasStyle(node, "font-style", /italic|oblique/);

/** Google Docs wraps a whole paste in `<b style="font-weight:normal" id="docs-internal-guid-…">`. */
function isDocsWrapper(node: ElementNode): boolean {
  return (node.attrs.get("id") ?? "").startsWith("docs-internal-guid-") || hasStyle(node, "font-weight", /normal|[1-4]00/);
}

/** Word marks headings on paragraphs: MsoTitle, MsoHeading1…, MsoSubtitle. */
function wordHeading(node: ElementNode): "h2" | "h3" | null {
  const cls = node.attrs.get("class") ?? "";
  if (/\bMso(?:Title|Heading[12]?)\b/i.test(cls)) return "h2";
  if (/\bMso(?:Subtitle|Heading[3-9])\b/i.test(cls)) return "h3";
  return null;
}

/**
 * Removes Word's list marker from a paragraph and tells which kind of list it starts. The
 * marker is either the `<![if !supportLists]>` part (see preclean) or, when Word left that
 * out, its `<span style="mso-list:Ignore">`.
 */
function takeListMarker(node: ElementNode): "ul" | "ol" | null {
  for (const [i, child] of node.children.entries()) {
    if (child.kind !== "element") continue;
    if (child.name === MARKER_TAG) {
      node.children.splice(i, 1);
      return child.attrs.get("type") === "ol" ? "ol" : "ul";
    }
    if (/mso-list\s*:\s*ignore/.test(style(child))) {
      node.children.splice(i, 1);
      return listTypeOf(serialize(child.children));
    }
    const nested = takeListMarker(child);
    if (nested) return nested;
  }
  return null;
}

function isBlock(node: HtmlNode): boolean {
  return node.kind === "element" && BLOCKS.has(node.name);
}

function isBlank(node: HtmlNode): boolean {
  return node.kind === "text" && decodeEntities(node.html).trim() === "";
}

/** True when the nodes hold text or an image, not only spaces and line breaks. */
function hasContent(nodes: HtmlNode[]): boolean {
  return nodes.some((node) =>
    node.kind === "text" ? !isBlank(node) : node.name === "img" || hasContent(node.children),
  );
}

function trimEdges(nodes: HtmlNode[]): HtmlNode[] {
  const first = nodes[0];
  if (first?.kind === "text") nodes[0] = { kind: "text", html: first.html.replace(/^\s+/, "") };
  const last = nodes[nodes.length - 1];
  if (last?.kind === "text") nodes[nodes.length - 1] = { kind: "text", html: last.html.replace(/\s+$/, "") };
  return nodes.filter((node) => node.kind !== "text" || node.html !== "");
}

/** A block with inline content: dropped when empty, trimmed otherwise. */
function textBlock(name: string, children: HtmlNode[]): HtmlNode[] {
  return hasContent(children) ? [element(name, trimEdges(children))] : [];
}

function transformChildren(nodes: HtmlNode[], context: Context): HtmlNode[] {
  let out = nodes.flatMap((node) => transform(node, context));
  if (out.some(isBlock)) {
    // Between blocks, whitespace and Google Docs' <br> spacers are noise.
    out = out.filter((node, i) => {
      if (isBlank(node)) return false;
      if (node.kind !== "element" || node.name !== "br") return true;
      const before = out.slice(0, i).filter((n) => !isBlank(n)).pop();
      const after = out.slice(i + 1).find((n) => !isBlank(n));
      return !(before === undefined || after === undefined || isBlock(before) || isBlock(after));
    });
  }
  return groupWordLists(out);
}

/** Consecutive list items made from Word paragraphs go into one <ul> or <ol>. */
function groupWordLists(nodes: HtmlNode[]): HtmlNode[] {
  const out: HtmlNode[] = [];
  for (const node of nodes) {
    if (node.kind === "element" && node.listType) {
      const previous = out[out.length - 1];
      if (previous?.kind === "element" && previous.name === node.listType && previous.listType) {
        previous.children.push(node);
      } else {
        const list = element(node.listType, [node]);
        list.listType = node.listType;
        out.push(list);
      }
      continue;
    }
    out.push(node);
  }
  return out;
}

function transform(node: HtmlNode, context: Context): HtmlNode[] {
  if (node.kind === "text") return [{ kind: "text", html: node.html.replace(/[ \t\r\n\f]+/g, " ") }];
  const out = transformElement(node, context);
  // A copy from the editor itself marks its first element with the slice depth: keep it.
  const slice = node.attrs.get("data-pm-slice");
  const first = out[0];
  if (slice && first?.kind === "element") first.attrs.set("data-pm-slice", slice);
  return out;
}

function transformElement(node: ElementNode, context: Context): HtmlNode[] {
  const { name } = node;
  if (DROPPED.has(name) || name.startsWith("v:")) return [];
  const children = () => transformChildren(node.children, context);
  const headingChildren = () => transformChildren(node.children, { inHeading: true });

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
      return hasContent(inner) ? [element(name, inner)] : [];
    }
    case "li": {
      const inner = children();
      return hasContent(inner) ? [element("li", trimEdges(inner))] : [];
    }
    case "br":
      return (node.attrs.get("class") ?? "").includes("Apple-interchange-newline") ? [] : [element("br")];
    case "img": {
      const src = node.attrs.get("src") ?? "";
      if (!isAllowedImageSrc(src)) return [];
      const attrs = new Map([["src", src]]);
      const alt = node.attrs.get("alt");
      if (alt !== undefined) attrs.set("alt", alt);
      return [element("img", [], attrs)];
    }
    case "a": {
      const href = node.attrs.get("href");
      const inner = children();
      return href !== undefined && isAllowedHref(href) ? [element("a", inner, new Map([["href", href.trim()]]))] : inner;
    }
    case "b":
    case "strong":
      if (name === "b" && isDocsWrapper(node)) return children();
      return context.inHeading ? children() : [element("strong", children())];
    case "i":
    case "em":
      return [element("em", children())];
    case "span": {
      let inner = children();
      if (isItalic(node)) inner = [element("em", inner)];
      if (isBold(node) && !context.inHeading) inner = [element("strong", inner)];
      return inner;
    }
    case "table":
    case "thead":
    case "tbody":
    case "tfoot":
    case "tr":
      return children();
  }
  if (BLOCK_WRAPPERS.has(name)) {
    const inner = children();
    return inner.some(isBlock) ? inner : textBlock("p", inner);
  }
  // Spans' cousins (font, u, sub, Word's st1:… and w:… tags, html, body): keep the content.
  return children();
}

// ---------------------------------------------------------------------------------------
// Output.

function serialize(nodes: HtmlNode[]): string {
  return nodes
    .map((node) => {
      if (node.kind === "text") return node.html;
      const attrs = [...node.attrs].map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`).join("");
      if (VOID.has(node.name)) return `<${node.name}${attrs}>`;
      return `<${node.name}${attrs}>${serialize(node.children)}</${node.name}>`;
    })
    .join("");
}

/** Cleans pasted HTML down to what the article editor can hold. */
export function cleanPastedHtml(html: string): string {
  return serialize(transformChildren(parse(preclean(html)).children, { inHeading: false })).trim();
}
