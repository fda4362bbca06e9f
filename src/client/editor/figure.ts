// A picture in the article body: `<figure>` with the picture's responsive variants and a `<figcaption>`
// holding the caption and, in `<small>`, the credit (`[Fotoğraf: AA]`, as under the main picture). In the
// editor it is one block (a Tiptap node) whose caption, credit and alt text are edited in a small form.

import { Node, mergeAttributes } from "@tiptap/core";
import { isAllowedImageSrc } from "./links.ts";

/** What a body picture holds. `srcset`/`sizes` may be empty (a picture from elsewhere on the web). */
export interface FigureAttrs {
  src: string;
  srcset: string;
  width: number | null;
  height: number | null;
  alt: string;
  caption: string;
  credit: string;
}

/** How wide a body picture is shown: the width of the article column on a desktop, the screen on a phone. */
export const BODY_PICTURE_SIZES = "(max-width: 760px) 100vw, 760px";

/** The credit's words as a caption shows them: `AA` → `[Fotoğraf: AA]`. */
export function creditText(credit: string): string {
  return `[Fotoğraf: ${credit}]`;
}

/** The credit from its caption text: `[Fotoğraf: AA]` → `AA`; other text is the credit as it is. */
export function readCredit(text: string): string {
  const trimmed = text.trim();
  const match = /^\[\s*Fotoğraf\s*:\s*(.*?)\s*\]$/u.exec(trimmed);
  return match ? (match[1] ?? "") : trimmed;
}

/** The caption and credit of a `<figcaption>`: its text without the `<small>` credit, and the credit. */
export function readFigcaption(figcaption: Element | null): { caption: string; credit: string } {
  if (!figcaption) return { caption: "", credit: "" };
  const small = figcaption.querySelector("small");
  const credit = small ? readCredit(small.textContent ?? "") : "";
  let caption = "";
  for (const child of figcaption.childNodes) if (child !== small) caption += child.textContent ?? "";
  return { caption: caption.replace(/\s+/g, " ").trim(), credit };
}

const toNumber = (value: string | null): number | null => {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n > 0 ? n : null;
};

/** The body picture node: an atom (edited through its form, not typed into), draggable as a block. */
export const Figure = Node.create({
  name: "figure",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return {
      // Written by renderHTML itself (on the img and the figcaption), not as attributes of the figure.
      src: { default: "", rendered: false },
      srcset: { default: "", rendered: false },
      width: { default: null, rendered: false },
      height: { default: null, rendered: false },
      alt: { default: "", rendered: false },
      caption: { default: "", rendered: false },
      credit: { default: "", rendered: false },
    };
  },
  parseHTML() {
    return [
      {
        tag: "figure",
        getAttrs: (dom) => {
          const img = dom.querySelector("img");
          const src = img?.getAttribute("src") ?? "";
          if (!img || !isAllowedImageSrc(src)) return false;
          return {
            src,
            srcset: img.getAttribute("srcset") ?? "",
            width: toNumber(img.getAttribute("width")),
            height: toNumber(img.getAttribute("height")),
            alt: img.getAttribute("alt") ?? "",
            ...readFigcaption(dom.querySelector("figcaption")),
          };
        },
      },
    ];
  },
  renderHTML({ node, HTMLAttributes }) {
    const a = node.attrs as FigureAttrs;
    const img = mergeAttributes(
      { src: a.src, alt: a.alt },
      a.srcset ? { srcset: a.srcset, sizes: BODY_PICTURE_SIZES } : {},
      a.width && a.height ? { width: String(a.width), height: String(a.height) } : {},
    );
    const parts: Array<string | [string, string]> = [];
    if (a.caption) parts.push(a.caption);
    if (a.caption && a.credit) parts.push(" ");
    if (a.credit) parts.push(["small", creditText(a.credit)]);
    const figure = mergeAttributes(HTMLAttributes);
    return parts.length > 0 ? ["figure", figure, ["img", img], ["figcaption", {}, ...parts]] : ["figure", figure, ["img", img]];
  },
});
