// Keeps the address preview under the title in step with the title and the category:
// `/haber/{category}/{slug}-{id}.html`, with `…` for the id of an article not yet saved.

import { slugify } from "../../lib/slug.ts";
import { DRAFT_CREATED } from "./autosave.ts";

/** The article id from the form's action (`/yonetim/haber/42`), or `…` for a new article. */
export function articleIdFromAction(action: string): string {
  const path = action.replace(/[?#].*$/, "").replace(/\/+$/, "");
  const last = path.slice(path.lastIndexOf("/") + 1);
  return /^\d+$/.test(last) ? last : "…";
}

export interface PreviewParts {
  prefix: string;
  slug: string;
  suffix: string;
}

/** The preview split around the slug, which the page shows in its own <span>. */
export function previewParts(category: string, title: string, id: string): PreviewParts {
  return { prefix: `/haber/${category}/`, slug: slugify(title), suffix: `-${id}.html` };
}

export function startSlugPreview(form: HTMLFormElement): void {
  const preview = form.querySelector<HTMLElement>("[data-slug-preview]");
  const title = form.elements.namedItem("title");
  if (!preview || !(title instanceof HTMLInputElement)) return;
  const selector = preview.dataset.categorySelect;
  const category = selector ? form.ownerDocument.querySelector(selector) : null;
  const slugSpan = preview.querySelector("span") ?? document.createElement("span");

  const update = () => {
    const categorySlug = category instanceof HTMLSelectElement ? category.value : "";
    // form.action would be the <button name="action">, so read the attribute (autosave changes it once a new article is created).
    const parts = previewParts(categorySlug, title.value, articleIdFromAction(form.getAttribute("action") ?? ""));
    slugSpan.textContent = parts.slug;
    preview.replaceChildren(parts.prefix, slugSpan, parts.suffix);
  };
  title.addEventListener("input", update);
  form.addEventListener(DRAFT_CREATED, update);
  category?.addEventListener("change", update);
}
